/*
 * evalstats.h — the numbers `spindle eval` reports about a score against
 * binary labels: ROC AUC (with ties counted half), a bootstrap interval for
 * it, and the threshold that maximises F1. Pure functions over arrays; no
 * allocation escapes.
 */
#ifndef SPINDLE_EVALSTATS_H
#define SPINDLE_EVALSTATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ROC AUC of score against label over n items: the chance that a random
 * positive scores above a random negative, ties counting one half (the
 * Mann-Whitney U over positives x negatives). -1 when either class is
 * empty. */
double evalstats_auc(const double *score, const bool *label, size_t n);

/* A (1 - alpha) percentile bootstrap interval of the AUC: `rounds`
 * resamples of the n items with replacement, drawn from a generator seeded
 * with seed (so the interval is reproducible). Resamples with one class
 * empty are drawn again. Writes *lo and *hi; both -1 when n < 2 or a class
 * is empty. */
void evalstats_auc_interval(const double *score, const bool *label, size_t n,
                            size_t rounds, double alpha, uint64_t seed,
                            double *lo, double *hi);

/* The threshold t maximising F1 of "score >= t means positive", over the
 * distinct scores (the lowest on ties of F1). Writes the F1, precision and
 * recall there. Returns t, or -1 when there is no positive. */
double evalstats_best_f1(const double *score, const bool *label, size_t n,
                         double *f1, double *precision, double *recall);

#endif
