/*
 * candidates.h — the articles of the archive in which some of a list of
 * `needs` words can occur, found in the archive's full-text index rather
 * than by reading every article (score, when only rules with needs words
 * are left to run).
 *
 * The answer is a superset: every article whose title or body holds one of
 * the words, as the needs prefilter matches them (needs.h: by substring, in
 * any case, a space for any white space), is in it; others may be. The
 * prefilter still runs on each candidate, so what is found is exact.
 *
 * Why a superset: the index holds tokens (runs of letters and digits,
 * folded to lower case, diacritics removed) while a word matches inside
 * tokens ("bn" in "35bn") and across them ("been told"). So each word is
 * looked for through one of its pieces (needs_word_piece, a run of ASCII
 * letters and digits), which any text the word matches holds inside one
 * token: the articles holding a term that contains the piece hold every
 * match of the word. A term is tested with the needs automaton itself,
 * which reads the Kelvin sign and the long s as "k" and "s" whether or not
 * the tokenizer folded them; a term long enough to have been cut by the
 * index is taken to contain every piece. Of a word's pieces the one held
 * by the fewest articles is used.
 */
#ifndef SPINDLE_CANDIDATES_H
#define SPINDLE_CANDIDATES_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"

typedef struct candidates {
    int64_t *pks;        /* the candidates' keys, ascending; n of them (owned) */
    size_t   n;
    size_t   articles;   /* articles in the archive when they were found */
    int64_t  max_pk;     /* the largest article key then: later ones were not looked at */
} candidates;

/* Finds the candidates for words (n_words needs words, as a rule gives
 * them; blank ones are ignored) among the articles of the archive. Returns
 * 1 with out filled; 0 when the index cannot answer (db_fts_terms), a word
 * has no piece (only signs, as "$" or "%"), or the candidates would be more
 * than max_share of the articles (reading them all is then no slower);
 * -1 on a database error (db_error). Call inside a transaction. Free out
 * with candidates_free. */
int  candidates_find(db *d, char *const *words, size_t n_words, double max_share,
                     candidates *out);
void candidates_free(candidates *c);

#endif
