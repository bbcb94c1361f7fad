/*
 * utf8.h — UTF-8 validation, repair and character counting.
 */
#ifndef SPINDLE_UTF8_H
#define SPINDLE_UTF8_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

/* True when s[0, len) is valid UTF-8 (no overlongs, no surrogates, nothing
 * above U+10FFFF). A NUL byte counts as invalid (bodies are C strings). */
bool utf8_valid(const char *s, size_t len);

/* Returns a newly allocated NUL-terminated copy of s[0, len) in which every
 * maximal invalid subsequence (and every NUL byte) is replaced by U+FFFD
 * (EF BF BD). *out_len gets the new length, *n_repaired the number of
 * replacements. Caller frees. */
char *utf8_repair(const char *s, size_t len, size_t *out_len,
                  size_t *n_repaired);

/* Number of characters (code points) in s[0, len), counting each invalid
 * byte as one character. */
size_t utf8_count(const char *s, size_t len);

/* The character at s[0, len) (len > 0): its code point in *cp and its
 * width in bytes, or 0 when s does not start with a whole, well-formed
 * sequence (a stray continuation byte, a cut or bad sequence). */
size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* True for the characters PCRE2's \s matches in UTF + UCP mode: \h, \v
 * and \p{Zs} (with U+180E, which some Unicode versions count). */
bool utf8_is_pcre_space(uint32_t cp);

#endif
