/*
 * rx.h — PCRE2 patterns for the engine: compiled once, cached by pattern and
 * flags, matched with match and depth limits, JIT-compiled when available.
 *
 * Every pattern is compiled with PCRE2_UTF | PCRE2_UCP (subjects are valid
 * UTF-8, so matching uses PCRE2_NO_UTF_CHECK); \C is refused, since it could
 * end a match inside a character. Flags are a string of letters:
 *   i  caseless        m  multiline (^ $ at line breaks)
 *   s  dotall          x  extended (ignore whitespace and # comments)
 *   U  ungreedy by default
 * Any other letter is an error; order and repeats do not matter ("mi" and
 * "im" name the same cached pattern).
 *
 * A cache belongs to one engine instance (one thread): it holds the hash
 * table, the match context (limits), a JIT stack and one match block shared
 * by all its patterns, so matching allocates nothing. It owns the patterns
 * it returns; they stay valid until rx_cache_free (nothing is evicted; the
 * cache is bounded by RX_MAX_PATTERNS and RX_MAX_BYTES instead).
 * Patterns are JIT-compiled when PCRE2 can; setting the environment
 * variable SPINDLE_RX_NO_JIT=1 before rx_cache_new turns the JIT off, and
 * so does running under valgrind, which reports false positives inside JIT
 * code (rx_cache_new sees valgrind's library in LD_PRELOAD).
 * Allocation failure exits, as with xmalloc (util.h).
 */
#ifndef SPINDLE_RX_H
#define SPINDLE_RX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct rx_cache rx_cache;
typedef struct rx_pattern rx_pattern;

/* Default limits: PCRE2 match limit (backtracking steps) and depth limit.
 * The depth limit binds only the interpreter; JIT matching is bounded by
 * the match limit and its stack (a "JIT stack limit reached" error). */
#define RX_DEFAULT_MATCH_LIMIT 1000000u
#define RX_DEFAULT_DEPTH_LIMIT 10000u

/* What a cache holds at most: rx_compile of a new pattern past these
 * fails with "the pattern cache is full" (nothing is evicted, since the
 * patterns stay valid until rx_cache_free), and a pattern with more
 * capture groups than RX_MAX_GROUPS is refused. Rules compile their
 * patterns once, so these bound a rule that makes new ones per article. */
#define RX_MAX_PATTERNS 100000u
#define RX_MAX_BYTES    (256u * 1024u * 1024u)
#define RX_MAX_GROUPS   1000u

rx_cache *rx_cache_new(uint32_t match_limit, uint32_t depth_limit);

/* From now on, rx_compile adds at most `patterns` new patterns of at most
 * `bytes` in all, then fails with "this rule has compiled N patterns": the
 * engine gives each rule its share of the cache this way, so that one rule
 * filling it does not make the others fail. SIZE_MAX, SIZE_MAX lifts it.
 * rx_cache_added tells how many were added since (and their bytes). */
void rx_cache_set_quota(rx_cache *c, size_t patterns, size_t bytes);
void rx_cache_added(const rx_cache *c, size_t *patterns, size_t *bytes);
void      rx_cache_free(rx_cache *c);     /* frees every cached pattern; NULL ok */

/* Compiles (or finds in the cache) pattern[0, len) with flags (NULL = "").
 * The pattern may hold NUL bytes; it must be valid UTF-8. The same pattern
 * bytes and flags always give the same pointer.
 * On error returns NULL, caches nothing, and writes into err (errlen bytes,
 * truncated to fit; err may be NULL) PCRE2's message and the byte offset in
 * the pattern, e.g. "missing closing parenthesis at offset 3", or
 * "unknown flag 'q' (flags are i, m, s, x, U)". */
rx_pattern *rx_compile(rx_cache *c, const char *pattern, size_t len,
                       const char *flags, char *err, size_t errlen);

/* Like rx_compile, and declares that every match begins with one of
 * words[0, n) (lens[i] bytes each), read as a caseless pattern reads them
 * (see rx_starts.h), and with boundary, that no letter or digit comes
 * right before a match: rx_match on the pattern then looks for a match
 * only where one of them begins, which finds the same matches faster. A
 * wrong declaration loses matches, so give every word a match can start
 * with. The words are part of the cache key: the same pattern compiled
 * with other words (or none, by rx_compile) is another entry, so a wrong
 * declaration loses matches only for whoever made it. The prefilter is
 * not used when a word is empty, n is 0, or the environment variable
 * SPINDLE_RX_NO_STARTS=1 was set before rx_cache_new (to compare). */
rx_pattern *rx_compile_starts(rx_cache *c, const char *pattern, size_t len, const char *flags,
                              const char *const *words, const size_t *lens, size_t n,
                              bool boundary, char *err, size_t errlen);

/* Whether rx_match uses a start-word prefilter for p. */
bool rx_has_starts(const rx_pattern *p);

/* Number of capture groups in the pattern. */
int rx_capture_count(const rx_pattern *p);

/* Name of the capture group number n, or NULL when it has no name or n is
 * out of range. The string is owned by the pattern. */
const char *rx_capture_name(const rx_pattern *p, int n);

/* Matches p against subject[0, len) starting at byte offset start.
 * subject must be valid UTF-8 (it is not checked) and start must be at most
 * len and at the first byte of a character (start > len is an error).
 * c must be the cache that compiled p.
 * On a match returns the number of pairs filled (1 + captures) and writes
 * them into ovector (2 * pairs entries: start, end byte offsets; an unset
 * group is (size_t)-1, (size_t)-1). ovector must hold
 * 2 * (rx_capture_count(p) + 1) entries.
 * Returns 0 for no match, and a negative value on a matching error (match or
 * depth limit exceeded, ...): then rx_error_message gives the reason. The
 * cache stays usable after an error. */
int rx_match(rx_cache *c, const rx_pattern *p, const char *subject,
             size_t len, size_t start, size_t *ovector);

/* Message for a negative rx_match result, e.g. "match limit exceeded",
 * written into buf (buflen bytes) and returned; "PCRE2 error N" for a code
 * PCRE2 does not know. */
const char *rx_error_message(int code, char *buf, size_t buflen);

/* Source text (NUL-terminated copy) and flags (canonical order "imsxU") of
 * a compiled pattern; both owned by the cache. */
const char *rx_pattern_source(const rx_pattern *p);
const char *rx_pattern_flags(const rx_pattern *p);

#endif
