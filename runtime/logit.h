/*
 * logit.h — L2-regularised logistic regression, fitted by Newton's method
 * (iteratively reweighted least squares), for `spindle eval --fit`. Small
 * dense problems: n examples, k features (a few dozen at most).
 */
#ifndef SPINDLE_LOGIT_H
#define SPINDLE_LOGIT_H

#include <stdbool.h>
#include <stddef.h>

/* Fits P(y = 1 | x) = 1 / (1 + exp(-(b0 + sum_j b_j x_j))) to the rows of
 * x (n rows of k features, row-major) and labels y, minimising the negative
 * log-likelihood plus l2/2 * sum_j b_j^2 (the intercept b0 is not
 * penalised). Writes b0 .. bk into beta (k + 1 entries). Returns the number
 * of Newton steps taken (at most 100), or -1 when n is 0. */
int logit_fit(const double *x, const bool *y, size_t n, size_t k, double l2, double *beta);

/* The fitted probability for one row of k features. */
double logit_predict(const double *beta, const double *row, size_t k);

#endif
