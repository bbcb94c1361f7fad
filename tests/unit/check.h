/*
 * check.h — the unit tests' few macros. Each test binary counts its checks,
 * prints a line for each failure (file:line and what differed) and ends with
 * "NAME: N passed, N failed"; its exit status is 1 when any check failed.
 */
#ifndef SPINDLE_CHECK_H
#define SPINDLE_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond) do {                                                    \
        if (cond) check_passed++;                                           \
        else { check_failed++;                                              \
               fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond); } \
    } while (0)

#define CHECK_MSG(cond, ...) do {                                           \
        if (cond) check_passed++;                                           \
        else { check_failed++;                                              \
               fprintf(stderr, "%s:%d: FAIL: ", __FILE__, __LINE__);        \
               fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); }         \
    } while (0)

#define CHECK_STR(got, want) do {                                           \
        const char *g_ = (got), *w_ = (want);                               \
        if (g_ && w_ && strcmp(g_, w_) == 0) check_passed++;                \
        else { check_failed++;                                              \
               fprintf(stderr, "%s:%d: FAIL: %s\n  got:  %s\n  want: %s\n",  \
                       __FILE__, __LINE__, #got, g_ ? g_ : "(null)",        \
                       w_ ? w_ : "(null)"); }                               \
    } while (0)

#define CHECK_INT(got, want) do {                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);            \
        if (g_ == w_) check_passed++;                                       \
        else { check_failed++;                                              \
               fprintf(stderr, "%s:%d: FAIL: %s = %lld, want %lld\n",        \
                       __FILE__, __LINE__, #got, g_, w_); }                 \
    } while (0)

static inline int check_report(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif
