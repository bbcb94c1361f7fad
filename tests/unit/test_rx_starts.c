/*
 * test_rx_starts.c — unit tests for rx_starts.c, the start-word prefilter,
 * and for rx_match with it: which words it takes, and (on random words and
 * texts, with the characters PCRE2 folds to ASCII, runs of Unicode white
 * space and signs) that it never misses a place where the caseless pattern
 * of the words matches, and that rx_match finds exactly the matches it
 * finds without it, with and without the word-boundary declaration.
 */
#include "rx_starts.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "random_text.h"
#include "rx.h"
#include "util.h"


/* True when rx_starts_add takes word. */
static bool takes(const char *word)
{
    rx_starts *s = rx_starts_new();
    bool ok = rx_starts_add(s, word, strlen(word));
    rx_starts_free(s);
    return ok;
}

/* The first place rx_starts_next gives in text for one word. */
static size_t first_place(const char *word, const char *text)
{
    rx_starts *s = rx_starts_new();
    rx_starts_add(s, word, strlen(word));
    size_t at = rx_starts_next(s, text, strlen(text), 0);
    rx_starts_free(s);
    return at;
}

static void test_words(void)
{
    CHECK(takes("deal"));
    CHECK(takes("$"));
    CHECK(takes("no one can deny"));
    CHECK(takes("won\xE2\x80\x99t"));                 /* kept up to the ’ */
    CHECK(!takes(""));
    CHECK(takes(" EXCLUSIVE"));                       /* after any white space */
    CHECK(takes("\xC2\xA3"));                         /* £: any non-ASCII */
    CHECK(takes("\xC3\xA9t\xC3\xA9"));                /* é: likewise */
}

static void test_places(void)
{
    CHECK_INT(first_place("deal", "a big DEAL"), 6);
    CHECK_INT(first_place("deal", "the dealer"), 4);  /* inside words too */
    CHECK_INT(first_place("no one", "no\xC2\xA0\t one"), 0);
    CHECK(first_place("no one", "noone") == RX_STARTS_NONE);
    CHECK_INT(first_place(" excl", "a\n \t EXCL"), 1);
    CHECK_INT(first_place(" excl", "a\xC2\xA0" "excl"), 1);
    CHECK(first_place(" excl", "excl") == RX_STARTS_NONE);
    CHECK_INT(first_place("kilo", "5 \xE2\x84\xAAILO"), 2);   /* KELVIN SIGN */
    CHECK_INT(first_place("sale", "on \xC5\xBF" "ALE"), 3);   /* LONG S */
    CHECK_INT(first_place("$", "US$5"), 2);
    CHECK_INT(first_place("\xC2\xA3", "ab \xC3\x89t\xC3\xA9"), 3);   /* any non-ASCII */
    CHECK(first_place("\xC2\xA3", "ab cd") == RX_STARTS_NONE);
    CHECK(first_place("deal", "") == RX_STARTS_NONE);
    CHECK(first_place("deal", "dea") == RX_STARTS_NONE);

    /* a place past the first block of 64 */
    char text[200];
    memset(text, 'x', sizeof text);
    memcpy(text + 150, "Deal", 4);
    text[199] = '\0';
    CHECK_INT(first_place("deal", text), 150);
}

/* Pieces random words and texts are made of. */
static const char *word_pieces[] = { "a", "b", "k", "s", " ", "-", "\xC2\xA3", "\xC3\xA9" };
static const char *text_pieces[] = {
    "a", "b", "k", "s", "x", "A", "B", "K", "S", "1", " ", "  ", "\t", "\n", "-",
    "\xC2\xA3", "\xC2\xA0", "\xE2\x80\x83", "\xE2\x84\xAA", "\xC5\xBF", "\xC3\xA9", "\xC3\x89",
};

/* Random words against random texts: every place where the anchored
 * pattern of the words matches is one rx_starts_next gives, and rx_match
 * with the prefilter finds the matches plain rx_match finds. */
static void test_random(void)
{
    rx_cache *plain = rx_cache_new(RX_DEFAULT_MATCH_LIMIT, RX_DEFAULT_DEPTH_LIMIT);
    rx_cache *fast = rx_cache_new(RX_DEFAULT_MATCH_LIMIT, RX_DEFAULT_DEPTH_LIMIT);
    buf word = {0}, text = {0};
    int trials = 0, missed = 0, differed = 0, inside = 0;
    for (int trial = 0; trial < 3000; trial++) {
        buf words[4] = {{0}};
        const char *texts[4];
        size_t lens[4], n_words = 1 + test_rng(4);
        bool usable = true;
        rx_starts *s = rx_starts_new();
        buf alternation = {0};
        buf_puts(&alternation, "(?:");
        for (size_t i = 0; i < n_words; i++) {
            test_random_word(&word, word_pieces, N_ELEMS(word_pieces), 5, true);
            buf_puts(&words[i], word.data);
            texts[i] = words[i].data;
            lens[i] = words[i].len;
            if (!rx_starts_add(s, texts[i], lens[i])) usable = false;
            if (i > 0) buf_putc(&alternation, '|');
            test_word_pattern(&alternation, texts[i]);
        }
        buf_putc(&alternation, ')');

        test_random_text(&text, text_pieces, N_ELEMS(text_pieces), 0,
                         trial % 4 == 0 ? 199 : 29);

        if (usable) {
            trials++;
            buf anchored = {0};
            buf_puts(&anchored, "\\G");
            buf_puts(&anchored, alternation.data);
            char err[256];
            rx_pattern *at = rx_compile(plain, anchored.data, anchored.len, "i", err, sizeof err);
            size_t ov[2];
            size_t next = rx_starts_next(s, text.data, text.len, 0);
            for (size_t p = 0; at && p < text.len; p++) {
                if (((unsigned char)text.data[p] & 0xC0) == 0x80) continue;
                while (next != RX_STARTS_NONE && next < p) {
                    next = rx_starts_next(s, text.data, text.len, next + 1);
                    if (next != RX_STARTS_NONE && ((unsigned char)text.data[next] & 0xC0) == 0x80)
                        inside++;               /* a place inside a character */
                }
                if (rx_match(plain, at, text.data, text.len, p, ov) > 0 && next != p) {
                    missed++;
                    fprintf(stderr, "missed place %zu of /%s/ in '%s'\n", p, anchored.data, text.data);
                }
            }
            buf_free(&anchored);

            /* every match, gmatch-style, with and without the prefilter;
             * every other trial the pattern opens with a lookbehind that
             * rules out a letter or digit before, and says so */
            bool boundary = trial % 2 == 0;
            buf full = {0};
            buf_puts(&full, boundary ? "(?<![\\p{L}\\p{N}])" : "(?<![a-z])");
            buf_puts(&full, alternation.data);
            rx_pattern *a = rx_compile(plain, full.data, full.len, "i", err, sizeof err);
            rx_pattern *b = rx_compile_starts(fast, full.data, full.len, "i", texts, lens,
                                              n_words, boundary, err, sizeof err);
            CHECK(a && b && rx_has_starts(b));
            size_t pos = 0, ova[2], ovb[2];
            while (a && b && pos <= text.len) {
                int ra = rx_match(plain, a, text.data, text.len, pos, ova);
                int rb = rx_match(fast, b, text.data, text.len, pos, ovb);
                if (ra != rb || (ra > 0 && (ova[0] != ovb[0] || ova[1] != ovb[1]))) {
                    differed++;
                    fprintf(stderr, "differ at %zu: /%s/ in '%s'\n", pos, full.data, text.data);
                    break;
                }
                if (ra <= 0) break;
                pos = ova[1] > ova[0] ? ova[1] : ova[0] + 1;
            }
            buf_free(&full);
        }
        rx_starts_free(s);
        buf_free(&alternation);
        for (size_t i = 0; i < n_words; i++) buf_free(&words[i]);
    }
    CHECK_MSG(trials > 500, "only %d usable trials", trials);
    CHECK_INT(missed, 0);
    CHECK_INT(differed, 0);
    CHECK_INT(inside, 0);
    buf_free(&word);
    buf_free(&text);
    rx_cache_free(plain);
    rx_cache_free(fast);
}

int main(void)
{
    test_words();
    test_places();
    test_random();
    printf("test_rx_starts: %d passed, %d failed\n", check_passed, check_failed);
    return check_failed ? 1 : 0;
}
