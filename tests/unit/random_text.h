/*
 * random_text.h — what the unit tests' random (differential) checks share:
 * a deterministic generator (xorshift64, so a failure repeats), random
 * texts and words made of given pieces, and the caseless pattern of a
 * needs word as the ruleset's fallback builds it (the oracle the needs
 * index and the start-word prefilter are compared with).
 */
#ifndef SPINDLE_TEST_RANDOM_TEXT_H
#define SPINDLE_TEST_RANDOM_TEXT_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include "util.h"

#define N_ELEMS(a) (sizeof (a) / sizeof (a)[0])

static uint64_t test_rng_state = 0x9E3779B97F4A7C15u;

/* Starts the sequence again from seed (not 0). */
static inline void test_rng_seed(uint64_t seed)
{
    test_rng_state = seed;
}

/* A number in [0, n), n > 0. */
static inline size_t test_rng(size_t n)
{
    test_rng_state ^= test_rng_state << 13;
    test_rng_state ^= test_rng_state >> 7;
    test_rng_state ^= test_rng_state << 17;
    return (size_t)(test_rng_state % n);
}

/* Makes b min .. max pieces (chosen at random) long; a piece "" stands for
 * one NUL byte. b stays NUL-terminated. */
static inline void test_random_text(buf *b, const char *const *pieces, size_t n_pieces,
                                    size_t min, size_t max)
{
    b->len = 0;
    size_t n = min + test_rng(max - min + 1);
    for (size_t i = 0; i < n; i++) {
        const char *piece = pieces[test_rng(n_pieces)];
        buf_append(b, piece, *piece ? strlen(piece) : 1);
    }
    buf_putc(b, '\0');
    b->len--;
}

/* Makes w a needs-like word of 1 .. max pieces: no space at its end, none
 * doubled, and none at its start unless leading_space (a piece that
 * starts with a space counts as a space). */
static inline void test_random_word(buf *w, const char *const *pieces, size_t n_pieces,
                                    size_t max, bool leading_space)
{
    w->len = 0;
    if (w->data) w->data[0] = '\0';
    size_t n = 1 + test_rng(max);
    while (n > 0) {
        const char *p = pieces[test_rng(n_pieces)];
        bool space = p[0] == ' ';
        bool at_start = w->len == 0;
        if (space && ((at_start && !leading_space) || n == 1 ||
                      (!at_start && w->data[w->len - 1] == ' ')))
            continue;
        buf_puts(w, p);
        n--;
    }
}

/* Appends the caseless pattern of a needs word: a space as \s+, '-'
 * escaped. */
static inline void test_word_pattern(buf *pattern, const char *word)
{
    for (const char *p = word; *p; p++) {
        if (*p == ' ') buf_puts(pattern, "\\s+");
        else if (*p == '-') buf_puts(pattern, "\\-");
        else buf_putc(pattern, *p);
    }
}

#endif
