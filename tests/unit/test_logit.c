/*
 * test_logit.c — the logistic regression of `eval --fit` recovers the
 * coefficients a synthetic set was drawn with.
 */
#include "logit.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "check.h"

static uint64_t rng = 0x2545F4914F6CDD1DULL;
static double uniform(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (double)(rng >> 11) / 9007199254740992.0;
}

static void test_recovers_known_coefficients(void)
{
    enum { N = 20000, K = 3 };
    const double truth[K + 1] = { -1.0, 2.0, -1.5, 0.5 };
    double *x = calloc((size_t)N * K, sizeof *x);
    bool *y = calloc(N, sizeof *y);
    for (size_t i = 0; i < N; i++) {
        for (size_t j = 0; j < K; j++) x[i * K + j] = uniform() < 0.3 ? 1 : 0;
        y[i] = uniform() < logit_predict(truth, x + i * K, K);
    }
    double beta[K + 1];
    int steps = logit_fit(x, y, N, K, 0.01, beta);
    CHECK_MSG(steps > 0 && steps < 100, "Newton steps %d", steps);
    for (size_t j = 0; j <= K; j++)
        CHECK_MSG(fabs(beta[j] - truth[j]) < 0.15, "beta[%zu] = %.3f, drawn with %.3f", j, beta[j], truth[j]);
    free(x);
    free(y);
}

static void test_penalty_and_edges(void)
{
    /* a feature that always means positive: without a penalty the
       coefficient would run away; with one it stays finite and positive */
    double x[] = { 1, 1, 0, 0, 1, 0 };
    bool y[] = { true, true, false, false, true, false };
    double beta[2];
    logit_fit(x, y, 6, 1, 1.0, beta);
    CHECK_MSG(beta[1] > 0.5 && beta[1] < 20, "beta[1] = %g", beta[1]);
    CHECK(logit_predict(beta, (double[]){ 1 }, 1) > 0.5);
    CHECK(logit_predict(beta, (double[]){ 0 }, 1) < 0.5);
    CHECK(logit_fit(x, y, 0, 1, 1.0, beta) == -1);
}

int main(void)
{
    test_recovers_known_coefficients();
    test_penalty_and_edges();
    return check_report("test_logit");
}
