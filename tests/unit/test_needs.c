/*
 * test_needs.c — unit tests for needs.c, the automaton of every rule's
 * `needs` words: which words it accepts, what it matches, and (on random
 * words and texts) that it answers exactly as the caseless PCRE2 pattern of
 * the words does.
 */
#include "needs.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "random_text.h"
#include "util.h"

/* Builds an index of words[i] for owner owners[i] (n words, n_owners). */
static needs_index *build(const char **words, const size_t *owners, size_t n, size_t n_owners)
{
    needs_index *x = needs_index_new(n_owners);
    for (size_t i = 0; i < n; i++) needs_index_add(x, words[i], owners[i]);
    needs_index_compile(x);
    return x;
}

/* True when the one-word index of word finds it in text. */
static bool finds(const char *word, const char *text)
{
    size_t owner = 0;
    needs_index *x = build(&word, &owner, 1, 1);
    bool hit = false;
    needs_index_scan(x, text, strlen(text), &hit);
    needs_index_free(x);
    return hit;
}

static void test_indexable(void)
{
    rx_cache *rx = rx_cache_new(RX_DEFAULT_MATCH_LIMIT, RX_DEFAULT_DEPTH_LIMIT);
    CHECK(needs_word_indexable(rx, "million"));
    CHECK(needs_word_indexable(rx, "been told"));
    CHECK(needs_word_indexable(rx, "cover-up"));
    CHECK(needs_word_indexable(rx, "\xC2\xA3"));                 /* £ has no case */
    CHECK(needs_word_indexable(rx, "\xE2\x82\xAC" "5"));         /* €5 */
    CHECK(needs_word_indexable(rx, "don\xE2\x80\x99t"));         /* don’t */
    CHECK(needs_word_indexable(rx, "\xE2\x80\x94"));             /* — */
    CHECK(!needs_word_indexable(rx, "caf\xC3\xA9"));             /* é has É */
    CHECK(!needs_word_indexable(rx, "\xCE\xA3"));                /* Σ */
    CHECK(!needs_word_indexable(rx, "\xC2\xB0"));                /* °: a symbol, kept out */
    CHECK(!needs_word_indexable(rx, "a\tb"));                    /* only spaces as spaces */
    CHECK(!needs_word_indexable(rx, "a\xC2\xA0" "b"));           /* nor a no-break space */
    CHECK(!needs_word_indexable(rx, "caf\xE9"));                 /* not UTF-8 */
    CHECK(!needs_word_indexable(rx, ""));
    rx_cache_free(rx);
}

static void test_matching(void)
{
    CHECK(finds("deal", "A big DEAL was done."));
    CHECK(finds("deal", "the dealer"));                 /* by substring */
    CHECK(!finds("deal", "the dea l"));
    CHECK(finds("been told", "we have been told"));
    CHECK(finds("been told", "been\n\t  told"));
    CHECK(finds("been told", "been\xC2\xA0told"));      /* no-break space */
    CHECK(finds("been told", "been\xE2\x80\x83told"));  /* em space */
    CHECK(!finds("been told", "beentold"));
    CHECK(!finds("been told", "been-told"));
    CHECK(finds("kilo", "\xE2\x84\xAAILO"));            /* KELVIN SIGN folds to k */
    CHECK(finds("sale", "\xC5\xBF" "ALE"));             /* LONG S folds to s */
    CHECK(finds("\xC2\xA3", "cost \xC2\xA3" "5m"));
    CHECK(!finds("\xC2\xA3", "cost \xC2\xA2" "5m"));    /* ¢ shares a lead byte */
    CHECK(finds("$", "US$5"));
    CHECK(!finds("x", ""));

    /* the classic overlapping case: he, she, his, hers */
    const char *words[] = { "he", "she", "his", "hers" };
    size_t owners[] = { 0, 1, 2, 3 };
    needs_index *x = build(words, owners, 4, 4);
    bool hit[4] = { false };
    needs_index_scan(x, "ushers", 6, hit);
    CHECK(hit[0] && hit[1] && !hit[2] && hit[3]);
    needs_index_free(x);

    /* several words of one owner, and an owner without words */
    const char *words2[] = { "million", "billion", "crore" };
    size_t owners2[] = { 1, 1, 1 };
    x = build(words2, owners2, 3, 3);
    bool hit2[3] = { false };
    needs_index_scan(x, "Rs 5 CRORE", 10, hit2);
    CHECK(!hit2[0] && hit2[1] && !hit2[2]);
    needs_index_free(x);

    x = needs_index_new(2);
    needs_index_compile(x);
    CHECK(needs_index_empty(x));
    bool hit3[2] = { false };
    needs_index_scan(x, "anything", 8, hit3);
    CHECK(!hit3[0] && !hit3[1]);
    needs_index_free(x);
}

/* Pieces random words and texts are made of: letters in both cases, the
 * characters that fold to ASCII, spaces of several kinds, signs. */
static const char *word_pieces[] = { "a", "b", "k", "s", " ", "-", "\xC2\xA3" };
static const char *text_pieces[] = {
    "a", "b", "k", "s", "A", "B", "K", "S", " ", "  ", "\t", "\n", "-",
    "\xC2\xA3", "\xC2\xA2", "\xC2\xA0", "\xE2\x80\x83", "\xE2\x84\xAA", "\xC5\xBF", "\xC3\xA9",
};

static void test_against_pcre2(void)
{
    rx_cache *rx = rx_cache_new(RX_DEFAULT_MATCH_LIMIT, RX_DEFAULT_DEPTH_LIMIT);
    buf word = {0}, text = {0}, pattern = {0};
    int disagreements = 0;
    for (int round = 0; round < 400; round++) {
        enum { OWNERS = 3, WORDS = 4 };
        const char *words[OWNERS * WORDS];
        size_t owners[OWNERS * WORDS];
        char *copies[OWNERS * WORDS];
        const rx_pattern *owner_rx[OWNERS];
        for (size_t o = 0; o < OWNERS; o++) {
            pattern.len = 0;
            if (pattern.data) pattern.data[0] = '\0';
            for (size_t k = 0; k < WORDS; k++) {
                test_random_word(&word, word_pieces, N_ELEMS(word_pieces), 4, false);
                size_t i = o * WORDS + k;
                copies[i] = xstrdup(word.data);
                words[i] = copies[i];
                owners[i] = o;
                CHECK(needs_word_indexable(rx, word.data));
                if (k) buf_putc(&pattern, '|');
                test_word_pattern(&pattern, word.data);
            }
            char err[256];
            owner_rx[o] = rx_compile(rx, pattern.data, pattern.len, "i", err, sizeof err);
            CHECK_MSG(owner_rx[o] != NULL, "pattern %s: %s", pattern.data, err);
        }
        needs_index *x = build(words, owners, OWNERS * WORDS, OWNERS);
        for (int t = 0; t < 20; t++) {
            test_random_text(&text, text_pieces, N_ELEMS(text_pieces), 0, 11);
            bool hit[OWNERS] = { false };
            needs_index_scan(x, text.data ? text.data : "", text.len, hit);
            for (size_t o = 0; o < OWNERS; o++) {
                size_t ov[2];
                bool want = owner_rx[o] &&
                            rx_match(rx, owner_rx[o], text.data ? text.data : "", text.len, 0, ov) > 0;
                if (hit[o] != want && disagreements++ < 5)
                    fprintf(stderr, "owner %zu (%s): index %d, pattern %d on '%s'\n",
                            o, owner_rx[o] ? rx_pattern_source(owner_rx[o]) : "?", hit[o], want,
                            text.data ? text.data : "");
                CHECK(hit[o] == want);
            }
        }
        needs_index_free(x);
        for (size_t i = 0; i < OWNERS * WORDS; i++) free(copies[i]);
    }
    buf_free(&word);
    buf_free(&text);
    buf_free(&pattern);
    rx_cache_free(rx);
}

/* The pieces of a word: its runs of ASCII letters and digits, in order. */
static void test_pieces(void)
{
    static const struct { const char *word, *pieces; } cases[] = {
        { "million", "million" },
        { "been told", "been|told" },
        { "fear-mongering", "fear|mongering" },
        { "agence france-presse", "agence|france|presse" },
        { "35bn", "35bn" },
        { "don\xE2\x80\x99t", "don|t" },
        { "\xE2\x82\xAC" "5", "5" },
        { "caf\xC3\xA9", "caf" },
        { "$", "" },
        { "%", "" },
        { "\xE2\x80\x94", "" },
        { " a_b ", "a|b" },
        { "", "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        buf got = {0};
        size_t at = 0, len;
        while ((len = needs_word_piece(cases[i].word, &at)) > 0) {
            if (got.len) buf_putc(&got, '|');
            buf_append(&got, cases[i].word + at, len);
            at += len;
        }
        CHECK_STR(got.data ? got.data : "", cases[i].pieces);
        buf_free(&got);
    }
}

int main(void)
{
    test_indexable();
    test_pieces();
    test_matching();
    test_against_pcre2();
    return check_report("test_needs");
}
