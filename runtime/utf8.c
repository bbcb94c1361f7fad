/*
 * utf8.c — UTF-8 validation, repair and character counting.
 */
#include "utf8.h"

#include <string.h>
#include "util.h"

/* Length of the valid UTF-8 sequence at s[0, len), or 0 when the bytes there
 * do not start one (NUL, a stray continuation byte, an overlong form, a
 * surrogate, a value above U+10FFFF, or a sequence cut short). */
static size_t utf8_sequence_length(const unsigned char *s, size_t len)
{
    unsigned char c = s[0];
    if (c >= 0x01 && c <= 0x7F) return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        return len >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0;   /* overlong */
        if (c == 0xED && s[1] > 0x9F) return 0;   /* surrogate */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (len < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0;   /* overlong */
        if (c == 0xF4 && s[1] > 0x8F) return 0;   /* above U+10FFFF */
        return 4;
    }
    return 0;
}

bool utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] >= 0x01 && p[i] <= 0x7F) { i++; continue; }
        size_t n = utf8_sequence_length(p + i, len - i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

/* How many bytes an invalid sequence at s spans: a lead byte followed by the
 * continuation bytes that could belong to it counts as one error (the
 * "maximal subpart" rule of Unicode). */
static size_t utf8_invalid_length(const unsigned char *s, size_t len)
{
    unsigned char c = s[0];
    size_t want = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3
                : c >= 0xC2 && c <= 0xDF ? 2 : 1;
    size_t n = 1;
    while (n < want && n < len && (s[n] & 0xC0) == 0x80) {
        /* the second byte has a narrower range for some leads */
        if (n == 1 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) ||
                       (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F)))
            break;
        n++;
    }
    return n;
}

char *utf8_repair(const char *s, size_t len, size_t *out_len,
                  size_t *n_repaired)
{
    const unsigned char *p = (const unsigned char *)s;
    buf out = {0};
    size_t repaired = 0, i = 0, run = 0;
    while (i < len) {
        size_t n = utf8_sequence_length(p + i, len - i);
        if (n) { i += n; run += n; continue; }
        buf_append(&out, s + i - run, run);
        run = 0;
        buf_append(&out, "\xEF\xBF\xBD", 3);
        repaired++;
        i += utf8_invalid_length(p + i, len - i);
    }
    buf_append(&out, s + i - run, run);
    if (out_len) *out_len = out.len;
    if (n_repaired) *n_repaired = repaired;
    return buf_detach(&out);
}

size_t utf8_count(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t count = 0, i = 0;
    while (i < len) {
        size_t n = p[i] < 0x80 ? 1 : utf8_sequence_length(p + i, len - i);
        i += n ? n : 1;
        count++;
    }
    return count;
}

size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
    if (n == 0 || n > len) return 0;
    uint32_t v = s[0] & (0x3Fu >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    *cp = v;
    return n;
}

bool utf8_is_pcre_space(uint32_t cp)
{
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 ||
           cp == 0x1680 || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}
