/*
 * test_candidates.c — unit tests for candidates.c: the articles that the
 * full-text index offers for a list of needs words must include every
 * article in which the needs automaton finds one of the words (in the
 * title or the body), on fixed cases (words inside tokens, across white
 * space, behind the Kelvin sign and the long s, in a token longer than the
 * index keeps) and on random articles and words; and when the index cannot
 * answer, it says so.
 */
#include "candidates.h"

#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "random_text.h"
#include "needs.h"
#include "util.h"


static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    return remove(path);
}

/* A fresh archive in a temporary directory (dir receives its path). */
static db *scratch_archive(char *dir, size_t dirlen)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, dirlen, "%s/spindle-test-cand-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) { perror("mkdtemp"); exit(1); }
    char path[600], err[512];
    snprintf(path, sizeof path, "%s/archive.db", dir);
    db *d = db_open(path, false, err, sizeof err);
    if (!d) { fprintf(stderr, "db_open: %s\n", err); exit(1); }
    return d;
}

static void scratch_remove(db *d, const char *dir)
{
    db_close(d);
    nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

static void add(db *d, const char *id, const char *title, const char *body)
{
    article a = {0};
    a.id = xstrdup(id);
    a.title = xstrdup(title);
    a.body = xstrdup(body);
    a.body_len = strlen(body);
    a.origin = xstrdup(id);
    db_add_result result;
    CHECK(db_article_add(d, &a, &result) == 0 && result == DB_ADDED);
    article_clear(&a);
}

/* Whether the needs automaton of words finds one in the title or body. */
static bool needed(const char *const *words, size_t n, const char *title, const char *body)
{
    needs_index *x = needs_index_new(1);
    for (size_t i = 0; i < n; i++) needs_index_add(x, words[i], 0);
    needs_index_compile(x);
    bool hit = false;
    needs_index_scan(x, body, strlen(body), &hit);
    needs_index_scan(x, title, strlen(title), &hit);
    needs_index_free(x);
    return hit;
}

static bool has(const candidates *c, int64_t pk)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->pks[i] == pk) return true;
    return false;
}

/* Candidates of words, found in a transaction; -1 on error. */
static int find(db *d, const char *const *words, size_t n, double share, candidates *out)
{
    if (db_begin(d) != 0) return -1;
    int rc = candidates_find(d, (char *const *)(uintptr_t)words, n, share, out);
    db_commit(d);
    return rc;
}

typedef struct fixed_case {
    const char *title, *body;
    bool        wanted;         /* must be a candidate for the words below */
} fixed_case;

static void test_fixed(void)
{
    static const fixed_case cases[] = {
        { "Deal", "The group raised \xC2\xA3" "35bn from investors.", true },
        { "Rumour", "Reports remained UNCONFIRMED on Monday.", true },
        { "Cold", "It reached 3 \xE2\x84\xAA" "elvin in the lab.", true },      /* Kelvin sign */
        { "Print", "The \xC5\xBF" "ource was not given.", true },               /* long s */
        { "Told", "We have been\n\t told nothing.", true },
        { "Sources confirm it", "Nothing else here.", true },                 /* title only */
        { "Accents", "Le caf\xC3\xA9 \xC3\xA9tait confirm\xC3\xA9.", true },
        { "Quiet", "Nothing to see here at all.", false },
        { "Wide", "\xEF\xBC\xA3\xEF\xBC\xAF\xEF\xBC\xAE\xEF\xBC\xA6\xEF\xBC\xA9\xEF\xBC\xB2\xEF\xBC\xAD.",
          false },                                                             /* full width */
        { "Other", "A firm confirmation? No: a conf irm.", true },
        { "Plain", "Nothing of the kind, twice.", false },
        { "Plain 2", "Nothing more, nothing less.", false },
    };
    char dir[512];
    db *d = scratch_archive(dir, sizeof dir);
    char body_long[40100];
    memset(body_long, 'a', 40000);
    strcpy(body_long + 40000, "confirm, past what the index keeps of a token.");
    for (size_t i = 0; i < N_ELEMS(cases); i++) {
        char id[16];
        snprintf(id, sizeof id, "c%zu", i);
        add(d, id, cases[i].title, cases[i].body);
    }
    add(d, "long", "Long", body_long);                          /* pk N_ELEMS + 1 */
    const char *words[] = { "bn", "confirm", "kelvin", "source", "been told" };
    candidates c;
    CHECK_INT(find(d, words, N_ELEMS(words), 1.0, &c), 1);
    CHECK_INT(c.articles, N_ELEMS(cases) + 1);
    for (size_t i = 0; i < N_ELEMS(cases); i++) {
        bool need = needed(words, N_ELEMS(words), cases[i].title, cases[i].body);
        CHECK_MSG(need == cases[i].wanted, "case %zu: the automaton says %d", i, need);
        if (cases[i].wanted) CHECK_MSG(has(&c, (int64_t)i + 1), "case %zu is not a candidate", i);
        else CHECK_MSG(!has(&c, (int64_t)i + 1), "case %zu is a candidate", i);
    }
    CHECK_MSG(has(&c, (int64_t)N_ELEMS(cases) + 1), "a word past the index's token length");
    candidates_free(&c);

    /* a word with no piece cannot be looked for; blank words are ignored */
    const char *signs[] = { "confirm", "$" };
    CHECK_INT(find(d, signs, 2, 1.0, &c), 0);
    const char *blank[] = { "kelvin", "  " };
    CHECK_INT(find(d, blank, 2, 1.0, &c), 1);
    CHECK_INT(c.n, 2);                 /* the Kelvin sign, and the term too long to trust */
    candidates_free(&c);
    /* too many candidates to be worth it */
    const char *common[] = { "n" };
    CHECK_INT(find(d, common, 1, 0.5, &c), 0);
    CHECK_INT(c.n, 0);
    scratch_remove(d, dir);
}

static void test_random(void)
{
    static const char *const text_pieces[] = {
        "a", "b", "n", "bn", "BN", "35", "con", "CON", "firm", "FiRm", "k", "K", "s", "S",
        "\xE2\x84\xAA", "\xC5\xBF", "\xC3\xA9", "e\xCC\x81", "\xC3\x89", " ", "  ", "\t", "\n",
        "-", "'", ".", "\xC2\xA3", "$", "\xE2\x80\x99", "\xC2\xA0", "_", "x", "ks", "ss",
    };
    static const char *const word_pieces[] = {
        "a", "b", "n", "bn", "35", "con", "firm", "k", "s", "ks", "e", "x", " ", "-", "'", "$",
    };
    char dir[512];
    db *d = scratch_archive(dir, sizeof dir);
    enum { ARTICLES = 300, ROUNDS = 300 };
    char **bodies = xcalloc(ARTICLES, sizeof *bodies);
    buf text = {0};
    for (size_t i = 0; i < ARTICLES; i++) {
        test_random_text(&text, text_pieces, N_ELEMS(text_pieces), 1, 12);
        bodies[i] = xstrdup(text.data);
        char id[16];
        snprintf(id, sizeof id, "r%zu", i);
        add(d, id, id, bodies[i]);          /* the title makes each article new */
    }
    size_t checked = 0, offered = 0, needed_total = 0;
    for (size_t round = 0; round < ROUNDS; round++) {
        const char *words[3];
        size_t n_words = 1 + test_rng(3);
        for (size_t w = 0; w < n_words; w++) {
            test_random_text(&text, word_pieces, N_ELEMS(word_pieces), 1, 3);
            /* as a rule's words reach the index: no space at either end, none doubled */
            char *word = xstrdup(text.data);
            size_t start = strspn(word, " "), len = strlen(word);
            while (len > start && word[len - 1] == ' ') len--;
            word[len] = '\0';
            memmove(word, word + start, len - start + 1);
            for (char *p = word; (p = strstr(p, "  ")) != NULL;) memmove(p, p + 1, strlen(p));
            words[w] = word;
        }
        bool blank = false;
        for (size_t w = 0; w < n_words; w++) blank = blank || words[w][0] == '\0';
        candidates c;
        int rc = blank ? 0 : find(d, words, n_words, 1.0, &c);
        CHECK(rc >= 0);
        if (rc == 1) {
            for (size_t i = 0; i < ARTICLES; i++) {
                char id[16];
                snprintf(id, sizeof id, "r%zu", i);
                if (!needed(words, n_words, id, bodies[i])) continue;
                needed_total++;
                if (!has(&c, (int64_t)i + 1) && checked++ < 1000)
                    fprintf(stderr, "'%s' (+%zu words) in '%s' but not a candidate\n",
                            words[0], n_words - 1, bodies[i]);
                CHECK(has(&c, (int64_t)i + 1));
            }
            offered += c.n;
            candidates_free(&c);
        }
        for (size_t w = 0; w < n_words; w++) free((char *)(uintptr_t)words[w]);
    }
    CHECK(needed_total > 0);
    CHECK(offered >= needed_total);
    for (size_t i = 0; i < ARTICLES; i++) free(bodies[i]);
    free(bodies);
    buf_free(&text);
    scratch_remove(d, dir);
}

int main(void)
{
    test_fixed();
    test_random();
    return check_report("test_candidates");
}
