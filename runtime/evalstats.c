/*
 * evalstats.c — ROC AUC, its bootstrap interval and the best-F1 threshold
 * (see evalstats.h).
 */
#include "evalstats.h"

#include <stdlib.h>
#include "util.h"

typedef struct scored {
    double score;
    bool   label;
} scored;

static int compare_scored(const void *a, const void *b)
{
    double x = ((const scored *)a)->score, y = ((const scored *)b)->score;
    return x < y ? -1 : x > y ? 1 : 0;
}

/* AUC of items sorted by score (ascending): ranks with ties averaged. */
static double auc_sorted(const scored *items, size_t n)
{
    double rank_sum = 0;
    size_t positives = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && items[j].score == items[i].score) j++;
        double rank = (double)(i + 1 + j) / 2.0;          /* mean of ranks i+1 .. j */
        for (size_t k = i; k < j; k++)
            if (items[k].label) { rank_sum += rank; positives++; }
        i = j;
    }
    size_t negatives = n - positives;
    if (positives == 0 || negatives == 0) return -1;
    double u = rank_sum - (double)positives * (double)(positives + 1) / 2.0;
    return u / ((double)positives * (double)negatives);
}

double evalstats_auc(const double *score, const bool *label, size_t n)
{
    if (n == 0) return -1;
    scored *items = xcalloc(n, sizeof *items);
    for (size_t i = 0; i < n; i++) items[i] = (scored){ score[i], label[i] };
    qsort(items, n, sizeof *items, compare_scored);
    double auc = auc_sorted(items, n);
    free(items);
    return auc;
}

/* xorshift64*: small, fast, and the same on every machine. */
static uint64_t next_random(uint64_t *state)
{
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return *state * 0x2545F4914F6CDD1DULL;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y ? 1 : 0;
}

void evalstats_auc_interval(const double *score, const bool *label, size_t n,
                            size_t rounds, double alpha, uint64_t seed,
                            double *lo, double *hi)
{
    *lo = *hi = -1;
    if (n < 2 || rounds == 0 || evalstats_auc(score, label, n) < 0) return;
    scored *sample = xcalloc(n, sizeof *sample);
    double *aucs = xcalloc(rounds, sizeof *aucs);
    uint64_t state = seed ? seed : 0x9E3779B97F4A7C15ULL;
    for (size_t r = 0; r < rounds;) {
        for (size_t i = 0; i < n; i++) {
            size_t k = (size_t)(next_random(&state) % n);
            sample[i] = (scored){ score[k], label[k] };
        }
        qsort(sample, n, sizeof *sample, compare_scored);
        double auc = auc_sorted(sample, n);
        if (auc >= 0) aucs[r++] = auc;
    }
    qsort(aucs, rounds, sizeof *aucs, compare_doubles);
    size_t low = (size_t)((alpha / 2) * (double)rounds);
    size_t high = (size_t)((1 - alpha / 2) * (double)rounds);
    if (high >= rounds) high = rounds - 1;
    *lo = aucs[low];
    *hi = aucs[high];
    free(aucs);
    free(sample);
}

double evalstats_best_f1(const double *score, const bool *label, size_t n,
                         double *f1, double *precision, double *recall)
{
    *f1 = *precision = *recall = 0;
    size_t positives = 0;
    for (size_t i = 0; i < n; i++) positives += label[i];
    if (positives == 0) return -1;
    scored *items = xcalloc(n, sizeof *items);
    for (size_t i = 0; i < n; i++) items[i] = (scored){ score[i], label[i] };
    qsort(items, n, sizeof *items, compare_scored);
    /* walk thresholds from the highest score down: at each distinct score,
       everything at or above it is called positive */
    double best_t = -1;
    size_t called = 0, hits = 0;
    for (size_t i = n; i > 0;) {
        size_t j = i;
        while (j > 0 && items[j - 1].score == items[i - 1].score) {
            j--;
            called++;
            hits += items[j].label;
        }
        double p = (double)hits / (double)called, r = (double)hits / (double)positives;
        double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
        if (f >= *f1 && (best_t < 0 || f > *f1 || items[i - 1].score < best_t)) {
            *f1 = f;
            *precision = p;
            *recall = r;
            best_t = items[i - 1].score;
        }
        i = j;
    }
    free(items);
    return best_t;
}
