/*
 * candidates.c — a rule's candidate articles from the full-text index (see
 * candidates.h for why they are a superset of the articles the needs
 * prefilter passes).
 *
 * One pass over the index's terms tests every piece of every word at once
 * (a needs automaton whose owners are the pieces) and keeps the terms that
 * hold one, with the number of articles holding each. Each word then takes
 * its piece with the smallest sum, and the articles of the terms holding a
 * chosen piece are looked up, term by term, into a bit set, until they are
 * too many to be worth it.
 */
#include "candidates.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "needs.h"
#include "util.h"

/* A term this long may have been cut: FTS5 keeps the first 32768 bytes of
 * a token (FTS5_MAX_TOKEN_SIZE in SQLite 3.40). Terms from this length on
 * are taken to contain every piece, far below that limit so that a smaller
 * limit elsewhere is covered too. */
#define CAND_TERM_MAYBE_CUT 256

/* The terms that hold some piece, and which pieces each holds. */
typedef struct cand_scan {
    const needs_index *pieces;
    size_t    n_pieces;
    bool     *hit;              /* scratch: n_pieces */
    size_t   *piece_docs;       /* per piece: the sum of its terms' articles */
    char    **terms;            /* owned copies, n_terms */
    size_t   *term_lens;
    size_t    n_terms, cap_terms;
    size_t   *pair_term, *pair_piece; /* (term, piece) for each piece a term holds */
    size_t    n_pairs, cap_pairs;
} cand_scan;

/* db_term_fn: keeps term when it holds a piece. */
static int cand_scan_term(void *ctx, const char *term, size_t len, size_t docs)
{
    cand_scan *c = ctx;
    bool any = false;
    if (len >= CAND_TERM_MAYBE_CUT) {
        memset(c->hit, 1, c->n_pieces * sizeof *c->hit);
        any = true;
    } else {
        memset(c->hit, 0, c->n_pieces * sizeof *c->hit);
        needs_index_scan(c->pieces, term, len, c->hit);
        for (size_t p = 0; p < c->n_pieces && !any; p++) any = c->hit[p];
    }
    if (!any) return 0;
    if (c->n_terms == c->cap_terms) {
        c->cap_terms = c->cap_terms ? 2 * c->cap_terms : 64;
        c->terms = xrealloc(c->terms, c->cap_terms * sizeof *c->terms);
        c->term_lens = xrealloc(c->term_lens, c->cap_terms * sizeof *c->term_lens);
    }
    c->terms[c->n_terms] = xstrndup(term, len);
    c->term_lens[c->n_terms] = len;
    for (size_t p = 0; p < c->n_pieces; p++) {
        if (!c->hit[p]) continue;
        c->piece_docs[p] += docs;
        if (c->n_pairs == c->cap_pairs) {
            c->cap_pairs = c->cap_pairs ? 2 * c->cap_pairs : 64;
            c->pair_term = xrealloc(c->pair_term, c->cap_pairs * sizeof *c->pair_term);
            c->pair_piece = xrealloc(c->pair_piece, c->cap_pairs * sizeof *c->pair_piece);
        }
        c->pair_term[c->n_pairs] = c->n_terms;
        c->pair_piece[c->n_pairs++] = p;
    }
    c->n_terms++;
    return 0;
}

static void cand_scan_free(cand_scan *c)
{
    for (size_t t = 0; t < c->n_terms; t++) free(c->terms[t]);
    free(c->terms);
    free(c->term_lens);
    free(c->pair_term);
    free(c->pair_piece);
    free(c->hit);
    free(c->piece_docs);
}

void candidates_free(candidates *c)
{
    free(c->pks);
    memset(c, 0, sizeof *c);
}

/* Looks up the articles of the terms marked in use and fills out. Returns
 * 1, 0 as soon as they are more than max_share of the articles, -1 on
 * error. */
static int cand_collect(db *d, const cand_scan *c, const bool *use, double max_share,
                        candidates *out)
{
    unsigned char *seen = xcalloc((size_t)out->max_pk / 8 + 1, 1);
    double limit = max_share * (double)out->articles;
    int rc = 1;
    for (size_t t = 0; t < c->n_terms && rc == 1; t++) {
        if (!use[t]) continue;
        if (db_fts_term_articles(d, c->terms[t], c->term_lens[t], out->max_pk,
                                 seen, &out->n) != 0)
            rc = -1;
        else if ((double)out->n > limit)
            rc = 0;
    }
    if (rc == 1) {
        out->pks = xcalloc(out->n + 1, sizeof *out->pks);
        size_t k = 0;
        for (int64_t pk = 1; pk <= out->max_pk; pk++)
            if (seen[pk / 8] & (1u << (pk % 8))) out->pks[k++] = pk;
    }
    free(seen);
    return rc;
}

int candidates_find(db *d, char *const *words, size_t n_words, double max_share,
                    candidates *out)
{
    memset(out, 0, sizeof *out);
    /* every piece of every word; a word with none cannot be looked for */
    size_t n_pieces = 0, cap = 0, *word_of = NULL;
    needs_index *pieces = NULL;
    char **texts = NULL;
    bool usable = true;
    for (size_t w = 0; w < n_words && usable; w++) {
        size_t at = 0, len, found = 0;
        while ((len = needs_word_piece(words[w], &at)) > 0) {
            if (n_pieces == cap) {
                cap = cap ? 2 * cap : 16;
                word_of = xrealloc(word_of, cap * sizeof *word_of);
                texts = xrealloc(texts, cap * sizeof *texts);
            }
            texts[n_pieces] = xstrndup(words[w] + at, len);
            word_of[n_pieces++] = w;
            at += len;
            found++;
        }
        if (!found && words[w][strspn(words[w], " ")] != '\0') usable = false;
    }
    int rc = 0;
    if (usable && n_pieces > 0) {
        pieces = needs_index_new(n_pieces);
        for (size_t p = 0; p < n_pieces; p++) needs_index_add(pieces, texts[p], p);
        needs_index_compile(pieces);
        cand_scan c = { .pieces = pieces, .n_pieces = n_pieces };
        c.hit = xcalloc(n_pieces, sizeof *c.hit);
        c.piece_docs = xcalloc(n_pieces, sizeof *c.piece_docs);
        rc = db_fts_terms(d, cand_scan_term, &c, &out->articles, &out->max_pk);
        if (rc == 1) {
            /* each word's piece held by the fewest articles */
            bool *chosen = xcalloc(n_pieces, sizeof *chosen);
            for (size_t p = 0; p < n_pieces;) {
                size_t best = p, q = p;
                for (; q < n_pieces && word_of[q] == word_of[p]; q++)
                    if (c.piece_docs[q] < c.piece_docs[best]) best = q;
                chosen[best] = true;
                p = q;
            }
            bool *use = xcalloc(c.n_terms + 1, sizeof *use);
            for (size_t k = 0; k < c.n_pairs; k++)
                if (chosen[c.pair_piece[k]]) use[c.pair_term[k]] = true;
            rc = cand_collect(d, &c, use, max_share, out);
            free(use);
            free(chosen);
        }
        cand_scan_free(&c);
    }
    needs_index_free(pieces);
    for (size_t p = 0; p < n_pieces; p++) free(texts[p]);
    free(texts);
    free(word_of);
    if (rc != 1) {
        free(out->pks);
        out->pks = NULL;
        out->n = 0;
    }
    return rc;
}
