/*
 * test_evalstats.c — the numbers of `spindle eval` against values worked
 * out by hand.
 */
#include "evalstats.h"

#include <math.h>
#include <stdio.h>
#include "check.h"

#define N_ELEMS(a) (sizeof (a) / sizeof (a)[0])
#define CLOSE(x, y) (fabs((x) - (y)) < 1e-12)

static void test_auc(void)
{
    /* positives 0.9, 0.8 and 0; negatives 0.3, 0, 0. Of the 9 pairs the two
       high positives win all 6; the third loses to 0.3 and ties twice: 7/9 */
    double s[] = { 0.9, 0.8, 0.3, 0, 0, 0 };
    bool l[] = { true, true, false, true, false, false };
    CHECK_MSG(CLOSE(evalstats_auc(s, l, N_ELEMS(s)), 7.0 / 9.0), "auc %g", evalstats_auc(s, l, 6));

    double sep[] = { 1, 2, 3, 4 };
    bool up[] = { false, false, true, true }, down[] = { true, true, false, false };
    CHECK(CLOSE(evalstats_auc(sep, up, 4), 1.0));
    CHECK(CLOSE(evalstats_auc(sep, down, 4), 0.0));
    double flat[] = { 5, 5, 5, 5 };
    CHECK(CLOSE(evalstats_auc(flat, up, 4), 0.5));
    bool none[] = { false, false, false, false };
    CHECK(evalstats_auc(sep, none, 4) < 0);
    CHECK(evalstats_auc(sep, up, 0) < 0);
}

static void test_best_f1(void)
{
    double s[] = { 0.9, 0.8, 0.3, 0, 0, 0 };
    bool l[] = { true, true, false, true, false, false };
    double f1, p, r;
    /* >= 0.9: P 1, R 1/3, F1 0.5; >= 0.8: P 1, R 2/3, F1 0.8;
       >= 0.3: P 2/3, R 2/3; >= 0: P 1/2, R 1, F1 2/3 */
    double t = evalstats_best_f1(s, l, N_ELEMS(s), &f1, &p, &r);
    CHECK(CLOSE(t, 0.8));
    CHECK(CLOSE(f1, 0.8));
    CHECK(CLOSE(p, 1.0));
    CHECK(CLOSE(r, 2.0 / 3.0));
    bool none[] = { false, false, false, false, false, false };
    CHECK(evalstats_best_f1(s, none, 6, &f1, &p, &r) < 0);
}

static void test_interval(void)
{
    double s[] = { 0.9, 0.8, 0.3, 0, 0, 0, 0.5, 0.1, 0.7, 0.2 };
    bool l[] = { true, true, false, true, false, false, true, false, true, false };
    double auc = evalstats_auc(s, l, N_ELEMS(s)), lo, hi, lo2, hi2;
    evalstats_auc_interval(s, l, N_ELEMS(s), 1000, 0.05, 42, &lo, &hi);
    CHECK_MSG(lo <= auc && auc <= hi && lo < hi, "interval [%g, %g] around %g", lo, hi, auc);
    evalstats_auc_interval(s, l, N_ELEMS(s), 1000, 0.05, 42, &lo2, &hi2);
    CHECK(lo == lo2 && hi == hi2);                      /* the same seed, the same interval */
    bool none[] = { false, false, false, false, false, false, false, false, false, false };
    evalstats_auc_interval(s, none, N_ELEMS(s), 100, 0.05, 1, &lo, &hi);
    CHECK(lo < 0 && hi < 0);
}

int main(void)
{
    test_auc();
    test_best_f1();
    test_interval();
    return check_report("test_evalstats");
}
