/*
 * logit.c — L2-regularised logistic regression by Newton's method (see
 * logit.h).
 */
#include "logit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

double logit_predict(const double *beta, const double *row, size_t k)
{
    double z = beta[0];
    for (size_t j = 0; j < k; j++) z += beta[j + 1] * row[j];
    return 1.0 / (1.0 + exp(-z));
}

/* Solves a x = b for the symmetric positive definite m x m matrix a
 * (row-major, overwritten) by Cholesky; b is overwritten with x. False when
 * a is not positive definite. */
static bool solve_spd(double *a, double *b, size_t m)
{
    for (size_t j = 0; j < m; j++) {
        double d = a[j * m + j];
        for (size_t p = 0; p < j; p++) d -= a[j * m + p] * a[j * m + p];
        if (d <= 1e-300) return false;
        d = sqrt(d);
        a[j * m + j] = d;
        for (size_t i = j + 1; i < m; i++) {
            double s = a[i * m + j];
            for (size_t p = 0; p < j; p++) s -= a[i * m + p] * a[j * m + p];
            a[i * m + j] = s / d;
        }
    }
    for (size_t i = 0; i < m; i++) {                    /* L y = b */
        double s = b[i];
        for (size_t p = 0; p < i; p++) s -= a[i * m + p] * b[p];
        b[i] = s / a[i * m + i];
    }
    for (size_t i = m; i-- > 0;) {                      /* L^T x = y */
        double s = b[i];
        for (size_t p = i + 1; p < m; p++) s -= a[p * m + i] * b[p];
        b[i] = s / a[i * m + i];
    }
    return true;
}

int logit_fit(const double *x, const bool *y, size_t n, size_t k, double l2, double *beta)
{
    if (n == 0) return -1;
    size_t m = k + 1;
    memset(beta, 0, m * sizeof *beta);
    double *hessian = xcalloc(m * m, sizeof *hessian);
    double *gradient = xcalloc(m, sizeof *gradient);
    double *row = xcalloc(m, sizeof *row);
    int steps = 0;
    for (; steps < 100; steps++) {
        memset(hessian, 0, m * m * sizeof *hessian);
        memset(gradient, 0, m * sizeof *gradient);
        for (size_t i = 0; i < n; i++) {
            row[0] = 1;
            memcpy(row + 1, x + i * k, k * sizeof *row);
            double p = logit_predict(beta, x + i * k, k);
            double w = p * (1 - p), r = (y[i] ? 1.0 : 0.0) - p;
            for (size_t a = 0; a < m; a++) {
                gradient[a] += r * row[a];
                for (size_t b = 0; b <= a; b++) hessian[a * m + b] += w * row[a] * row[b];
            }
        }
        for (size_t a = 1; a < m; a++) {                /* the penalty, not on the intercept */
            gradient[a] -= l2 * beta[a];
            hessian[a * m + a] += l2;
        }
        hessian[0] += 1e-9;
        for (size_t a = 0; a < m; a++)
            for (size_t b = a + 1; b < m; b++) hessian[a * m + b] = hessian[b * m + a];
        if (!solve_spd(hessian, gradient, m)) break;
        double change = 0;
        for (size_t a = 0; a < m; a++) {
            beta[a] += gradient[a];
            change = fmax(change, fabs(gradient[a]));
        }
        if (change < 1e-8) { steps++; break; }
    }
    free(row);
    free(gradient);
    free(hessian);
    return steps;
}
