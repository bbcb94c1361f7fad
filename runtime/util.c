/*
 * util.c — checked allocation, the growable buffer and content hashing.
 */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

static void out_of_memory(size_t n)
{
    fprintf(stderr, "spindle: out of memory (allocating %zu bytes)\n", n);
    exit(1);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) out_of_memory(n);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p) out_of_memory(count * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) out_of_memory(n);
    return q;
}

char *xstrdup(const char *s)
{
    return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* Makes room for n more bytes plus the NUL. */
static void buf_reserve(buf *b, size_t n)
{
    if (b->len + n + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1) cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void buf_append(buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_puts(buf *b, const char *s)
{
    buf_append(b, s, strlen(s));
}

void buf_putc(buf *b, char c)
{
    buf_append(b, &c, 1);
}

void buf_printf(buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof small) { buf_append(b, small, (size_t)n); return; }
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void buf_clear(buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void buf_free(buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *buf_detach(buf *b)
{
    char *s = b->data ? b->data : xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

static void hash_to_hex(XXH128_hash_t h, char out[33])
{
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.high64,
             (unsigned long long)h.low64);
}

void hash_hex(const void *data, size_t len, char out[33])
{
    hash_to_hex(XXH3_128bits(data, len), out);
}

void hash_hex_parts(const char *const *parts, const size_t *lens, size_t n,
                    char out[33])
{
    XXH3_state_t *st = XXH3_createState();
    if (!st) out_of_memory(0);
    XXH3_128bits_reset(st);
    for (size_t i = 0; i < n; i++) {
        if (i) XXH3_128bits_update(st, "", 1);
        XXH3_128bits_update(st, parts[i], lens[i]);
    }
    hash_to_hex(XXH3_128bits_digest(st), out);
    XXH3_freeState(st);
}

/* Levenshtein distance of a and b, capped at 3 (enough to tell a typo). */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 32 || lb > 32 || (la > lb ? la - lb : lb - la) > 2) return 3;
    size_t row[33];
    for (size_t j = 0; j <= lb; j++) row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diagonal + cost;
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diagonal = up;
        }
    }
    return row[lb] < 3 ? row[lb] : 3;
}

const char *util_closest(const char *word, const char *const *names)
{
    const char *best = NULL;
    size_t best_distance = 3;
    for (const char *const *n = names; *n; n++) {
        size_t d = edit_distance(word, *n);
        if (d < best_distance) { best = *n; best_distance = d; }
    }
    return best;
}
