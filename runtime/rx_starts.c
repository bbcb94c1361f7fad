/*
 * rx_starts.c — the start-word prefilter (see rx_starts.h for what it
 * matches and why it never misses a place).
 *
 * Words and text are read as units: an ASCII byte lowered, a run of white
 * space as one " ", the KELVIN SIGN as "k", the LONG S as "s", and any
 * other non-ASCII character as one unit "other" (so "é" and "É" read
 * alike: a place too many, never one too few). Each word is kept as its
 * first one to RX_STARTS_PREFIX units.
 *
 * Most places are ruled out, without a branch, by their first three bytes,
 * five bits of each in one bit table (`triples`; a shorter word sets the
 * bits of every third, or second and third, byte), unless a byte beyond
 * ASCII or two white-space bytes in a row (one unit) make that reading
 * uncertain. With `boundary`, a place after an ASCII letter or digit is
 * ruled out too, and with SSE2 only the places after other bytes are read
 * at all. The places left are read unit by unit: for each length n there
 * are two bit tables indexed by a hash of n units, `ends` (a kept word is
 * these units) and `goes_on` (a kept word begins with them and is longer),
 * and the reading stops when a word ends (a place found) or none goes on
 * (not a place). A hash collision only adds a place.
 */
#include "rx_starts.h"

#include <stdint.h>
#include <stdlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "utf8.h"
#include "util.h"

#define UNIT_OTHER 0x80u          /* any other non-ASCII character */
#define UNIT_SPACE 0x20u          /* a run of white space */
#define HASH_BITS  15u            /* bits of a table's index */
#define TABLE_BYTES ((1u << HASH_BITS) / 8u)
#define TRIPLE_BYTES ((1u << 15) / 8u)    /* three units of five bits */

struct rx_starts {
    bool    first[256];                            /* by the byte a place opens with */
    bool    boundary;                              /* never after a letter or digit */
    uint8_t word_char[256];                        /* 1 for ASCII letters and digits */
    uint8_t fold[256];                             /* byte -> unit; UNIT_OTHER beyond ASCII */
    uint8_t triples[TRIPLE_BYTES];                 /* by their first three (triple_bit) */
    uint8_t ends[RX_STARTS_PREFIX][TABLE_BYTES];   /* [n - 1]: words of n units */
    uint8_t goes_on[RX_STARTS_PREFIX][TABLE_BYTES];/* [n - 1]: longer words' n units */
};

static unsigned lower_ascii(unsigned b)
{
    return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
}

/* The running hash of units after one more unit, and its table bit. */
static uint32_t hash_step(uint32_t h, unsigned unit)
{
    return h * 131u + unit + 1u;
}

static uint32_t hash_bit(uint32_t h)
{
    return (h * 2654435761u) >> (32u - HASH_BITS);
}

/* The triples table's bit for three units: five bits of each, which tell
 * the letters apart (other characters share bits with them, and only add
 * places). */
static uint32_t triple_bit(unsigned a, unsigned b, unsigned c)
{
    return ((a & 31u) << 10) | ((b & 31u) << 5) | (c & 31u);
}

static void bit_set(uint8_t *bits, uint32_t i)
{
    bits[i >> 3] |= (uint8_t)(1u << (i & 7));
}

static bool bit_test(const uint8_t *bits, uint32_t i)
{
    return (bits[i >> 3] >> (i & 7)) & 1u;
}

static bool ascii_space(unsigned b)
{
    return b == ' ' || (b >= '\t' && b <= '\r');
}

/* The code point of the (valid) UTF-8 character at t[i] and its width; a
 * byte that starts no whole character counts as itself, one byte wide. */
static uint32_t decode(const unsigned char *t, size_t len, size_t i, size_t *width)
{
    uint32_t cp;
    *width = utf8_decode(t + i, len - i, &cp);
    if (*width == 0) { *width = 1; cp = t[i]; }
    return cp;
}

/* The unit at t[i] (i < len) and its width in bytes. */
static unsigned unit_at(const unsigned char *t, size_t len, size_t i, size_t *width)
{
    unsigned b = t[i];
    if (b < 0x80 && !ascii_space(b)) {
        *width = 1;
        return lower_ascii(b);
    }
    size_t n;
    uint32_t cp = decode(t, len, i, &n);
    if (cp == 0x212A || cp == 0x017F) {
        *width = n;
        return cp == 0x212A ? 'k' : 's';
    }
    if (!utf8_is_pcre_space(cp)) {
        *width = n;
        return UNIT_OTHER;
    }
    size_t j = i + n;
    while (j < len && utf8_is_pcre_space(decode(t, len, j, &n))) j += n;
    *width = j - i;
    return UNIT_SPACE;
}

rx_starts *rx_starts_new(void)
{
    rx_starts *s = xcalloc(1, sizeof(rx_starts));
    for (unsigned b = 0; b < 256; b++) {
        s->fold[b] = (uint8_t)(b >= 0x80 ? UNIT_OTHER : ascii_space(b) ? UNIT_SPACE : lower_ascii(b));
        s->word_char[b] = (b >= '0' && b <= '9') || (lower_ascii(b) >= 'a' && lower_ascii(b) <= 'z');
    }
    return s;
}

void rx_starts_free(rx_starts *s)
{
    free(s);
}

bool rx_starts_add(rx_starts *s, const char *word, size_t len)
{
    const unsigned char *w = (const unsigned char *)word;
    unsigned units[RX_STARTS_PREFIX];
    size_t n = 0, i = 0;
    while (n < RX_STARTS_PREFIX && i < len) {
        size_t width;
        units[n++] = unit_at(w, len, i, &width);
        i += width;
    }
    if (n == 0) return false;

    uint32_t h = 0;
    for (size_t k = 0; k < n; k++) {
        h = hash_step(h, units[k]);
        bit_set(k + 1 == n ? s->ends[k] : s->goes_on[k], hash_bit(h));
    }
    for (unsigned b = 0; b < 32; b++) {
        for (unsigned c = 0; c < 32; c++) {
            if ((n < 2 || b == (units[1] & 31u)) && (n < 3 || c == (units[2] & 31u)))
                bit_set(s->triples, triple_bit(units[0], b, c));
        }
    }
    if (units[0] < 0x80) s->first[units[0]] = true;
    if (units[0] >= 'a' && units[0] <= 'z') s->first[units[0] - ('a' - 'A')] = true;
    if (units[0] == 'k') s->first[0xE2] = true;    /* KELVIN SIGN E2 84 AA */
    if (units[0] == 's') s->first[0xC5] = true;    /* LONG S C5 BF */
    if (units[0] == UNIT_OTHER)                    /* any lead byte */
        for (unsigned b = 0xC0; b < 256; b++) s->first[b] = true;
    if (units[0] == UNIT_SPACE) {                  /* white space: the lead bytes too */
        for (unsigned b = '\t'; b <= '\r'; b++) s->first[b] = true;
        s->first[0xC2] = s->first[0xE1] = s->first[0xE2] = s->first[0xE3] = true;
    }
    return true;
}

void rx_starts_boundary(rx_starts *s)
{
    s->boundary = true;
}

/* True when a kept word's units are at t[i]. */
static bool starts_at(const rx_starts *s, const unsigned char *t, size_t len, size_t i)
{
    uint32_t h = 0;
    for (size_t k = 0; k < RX_STARTS_PREFIX && i < len; k++) {
        size_t width;
        unsigned unit = unit_at(t, len, i, &width);
        i += width;
        h = hash_step(h, unit);
        uint32_t bit = hash_bit(h);
        if (bit_test(s->ends[k], bit)) return true;
        if (!bit_test(s->goes_on[k], bit)) return false;
    }
    return false;
}

/* With boundary: a bit for each of the 64 places from t[i] (i >= 1, all
 * 64 bytes before them in the text) that no ASCII letter or digit comes
 * right before; all bits without SSE2. */
static uint64_t places_after_non_word(const unsigned char *t, size_t i)
{
#ifdef __SSE2__
    uint64_t word = 0;
    const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8('9');
    const __m128i lower_a = _mm_set1_epi8('a'), lower_z = _mm_set1_epi8('z');
    const __m128i case_bit = _mm_set1_epi8(0x20);
    for (unsigned chunk = 0; chunk < 4; chunk++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + i - 1 + 16 * chunk));
        __m128i lx = _mm_or_si128(x, case_bit);
        /* lo <= x <= hi, unsigned: max(x, lo) == x and min(x, hi) == x */
        __m128i digit = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(x, zero), x),
                                      _mm_cmpeq_epi8(_mm_min_epu8(x, nine), x));
        __m128i letter = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(lx, lower_a), lx),
                                       _mm_cmpeq_epi8(_mm_min_epu8(lx, lower_z), lx));
        uint32_t bits = (uint32_t)_mm_movemask_epi8(_mm_or_si128(digit, letter));
        word |= (uint64_t)bits << (16 * chunk);
    }
    return ~word;
#else
    (void)t;
    (void)i;
    return ~(uint64_t)0;
#endif
}

size_t rx_starts_next(const rx_starts *s, const char *text, size_t len, size_t pos)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t i = pos;
    /* 64 places at a time: a bit for each that its first three bytes
     * leave open (with boundary, only among those after a byte that is no
     * letter or digit), then a closer look at those. */
    while (len >= 2 && i < len - 2) {
        size_t block = len - 2 - i < 64 ? len - 2 - i : 64;
        uint64_t open = 0;
        if (s->boundary && block == 64 && i > 0) {
            uint64_t maybe = places_after_non_word(t, i);
            while (maybe) {
                size_t k = (size_t)__builtin_ctzll(maybe);
                maybe &= maybe - 1;
                unsigned a = s->fold[t[i + k]], b = s->fold[t[i + k + 1]], c = s->fold[t[i + k + 2]];
                unsigned uncertain = ((a | b | c) >> 7) | (b == UNIT_SPACE && (a == UNIT_SPACE || c == UNIT_SPACE));
                unsigned hit = uncertain | bit_test(s->triples, triple_bit(a, b, c));
                unsigned blocked = s->word_char[t[i + k - 1]];
                open |= (uint64_t)(hit & !blocked & s->first[t[i + k]]) << k;
            }
        } else {
            for (size_t k = 0; k < block; k++) {
                unsigned a = s->fold[t[i + k]], b = s->fold[t[i + k + 1]], c = s->fold[t[i + k + 2]];
                unsigned uncertain = ((a | b | c) >> 7) | (b == UNIT_SPACE && (a == UNIT_SPACE || c == UNIT_SPACE));
                unsigned hit = uncertain | bit_test(s->triples, triple_bit(a, b, c));
                unsigned blocked = s->boundary && i + k > 0 && s->word_char[t[i + k - 1]];
                open |= (uint64_t)(hit & !blocked & s->first[t[i + k]]) << k;
            }
        }
        while (open) {
            size_t at = i + (size_t)__builtin_ctzll(open);
            if (starts_at(s, t, len, at)) return at;
            open &= open - 1;
        }
        i += block;
    }
    for (; i < len; i++)
        if (s->first[t[i]] && starts_at(s, t, len, i)) return i;
    return RX_STARTS_NONE;
}
