/*
 * needs.h — the `needs` prefilter of every rule as one automaton: a single
 * pass over an article's text tells which rules have one of their words in
 * it.
 *
 * A rule's needs words match by substring, in any case, and a space in a
 * word matches any run of white space. The index gives exactly the answer
 * the caseless PCRE2 pattern of the words (`\s+` for each space, UTF and
 * UCP on) would give, for the words it accepts (needs_word_indexable):
 * words of ASCII characters, spaces, and non-ASCII punctuation and currency
 * signs, which have no other case. Other words (a letter such as "é" with
 * an upper-case form) stay with the caller's regex.
 *
 * Matching is Aho-Corasick over bytes: the text is fed with ASCII letters
 * lowered, each run of Unicode white space as one space, and the two
 * non-ASCII characters that PCRE2 folds to ASCII letters (U+212A KELVIN
 * SIGN to "k", U+017F LONG S to "s") as those letters. The cost is one
 * table lookup per byte however many words and rules there are.
 *
 * An index is built once (needs_index_add for each word, then
 * needs_index_compile) and is read-only afterwards; it allocates nothing
 * while matching. Allocation failure exits, as with xmalloc (util.h).
 */
#ifndef SPINDLE_NEEDS_H
#define SPINDLE_NEEDS_H

#include <stdbool.h>
#include <stddef.h>
#include "rx.h"

typedef struct needs_index needs_index;

/* An empty index for words belonging to owners 0 .. n_owners - 1 (the
 * rules of a ruleset). Free with needs_index_free. */
needs_index *needs_index_new(size_t n_owners);
void         needs_index_free(needs_index *x);        /* NULL ok */

/* True when word (NUL-terminated, valid UTF-8, single spaces, not blank)
 * can go in the index with the same meaning as the caseless pattern: each
 * character is a printable ASCII character or a space, or a non-ASCII
 * punctuation mark or currency sign (tested with a pattern compiled in
 * rx). */
bool needs_word_indexable(rx_cache *rx, const char *word);

/* Adds word (as accepted by needs_word_indexable) for owner. Only before
 * needs_index_compile. */
void needs_index_add(needs_index *x, const char *word, size_t owner);

/* Builds the matching tables. Call once, after the last add. */
void needs_index_compile(needs_index *x);

/* The pieces of word that an index of whole tokens can look for: its runs
 * of ASCII letters and digits. Returns the length of the first run at or
 * after word + *at and sets *at to where it starts; 0 when there is none.
 * Step *at past the run for the next. Whatever text the word matches (as
 * above, or as its caseless pattern) holds each piece inside one run of
 * Unicode letters and digits: a piece's characters match only ASCII
 * letters and digits (in either case) and the two signs U+212A and U+017F,
 * all of them letters. So a token of the text, folded to lower case,
 * contains the piece, with those two signs read as "k" and "s" (as
 * needs_index_scan reads them). */
size_t needs_word_piece(const char *word, size_t *at);

/* True when no word was added. */
bool needs_index_empty(const needs_index *x);

/* Sets hit[owner] to true for every owner that has a word in
 * text[0, len) (valid UTF-8); leaves the other entries as they are. A
 * match never spans two calls. hit has n_owners entries. */
void needs_index_scan(const needs_index *x, const char *text, size_t len, bool *hit);

#endif
