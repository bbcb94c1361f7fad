/*
 * rx_starts.h — the start-word prefilter of a pattern: given words that
 * every match of the pattern begins with, the places in a text where a
 * match can begin, found far faster than PCRE2 can try each place.
 *
 * The words are matched as a caseless UTF + UCP pattern would match them,
 * with each space as \s+: ASCII letters in either case, the two non-ASCII
 * characters PCRE2 folds to ASCII letters (U+212A KELVIN SIGN as "k",
 * U+017F LONG S as "s"), and any run of Unicode white space for a run of
 * spaces (a word may begin with one: " EXCLUSIVE" finds the place of any
 * white space before the word, the first or a later one of a run). Any
 * other non-ASCII character of a word matches any such character of the
 * text (the prefilter does not know their cases). Only the start of each
 * word counts: up to RX_STARTS_PREFIX characters of it. A set of places
 * found from looser and shorter words holds every place the words
 * themselves would give, so the answer may hold places where no word
 * begins but never misses one where a word does.
 *
 * A set may also be told that no letter or digit comes right before a
 * match (rx_starts_boundary): then a place right after an ASCII letter or
 * digit is no place.
 *
 * A set is built once (rx_starts_add for each word) and is read-only
 * afterwards; finding allocates nothing. Allocation failure exits, as with
 * xmalloc (util.h).
 */
#ifndef SPINDLE_RX_STARTS_H
#define SPINDLE_RX_STARTS_H

#include <stdbool.h>
#include <stddef.h>

/* Leading characters of a word that the prefilter looks at. */
#define RX_STARTS_PREFIX 8

/* rx_starts_next's answer when no place is left. */
#define RX_STARTS_NONE ((size_t)-1)

typedef struct rx_starts rx_starts;

rx_starts *rx_starts_new(void);           /* an empty set; free it below */
void       rx_starts_free(rx_starts *s);  /* NULL ok */

/* Adds word[0, len). Returns false, adding nothing, when the word is
 * empty. A set that lacks any word of the pattern must not be used. */
bool rx_starts_add(rx_starts *s, const char *word, size_t len);

/* Declares that no match begins right after a letter or a digit (the
 * pattern opens with \b before a word character, or a lookbehind such as
 * (?<![\p{L}\p{N}])). */
void rx_starts_boundary(rx_starts *s);

/* The first byte offset at or after pos in text[0, len) (valid UTF-8, pos
 * at a character boundary) where one of the words may begin, or
 * RX_STARTS_NONE. Every offset returned is at a character boundary. */
size_t rx_starts_next(const rx_starts *s, const char *text, size_t len, size_t pos);

#endif
