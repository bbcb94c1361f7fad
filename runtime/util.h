/*
 * util.h — small helpers every module uses: checked allocation, a growable
 * byte buffer, and content hashing.
 *
 * Allocation: xmalloc/xcalloc/xrealloc/xstrdup never return NULL; when the
 * system is out of memory they print one line to stderr and exit(1). Use them
 * for engine bookkeeping; the Lua allocator has its own budget (sandbox.h).
 */
#ifndef SPINDLE_UTIL_H
#define SPINDLE_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);            /* NULL in, NULL out */
char *xstrndup(const char *s, size_t n); /* copies n bytes, adds a NUL */

/* A growable byte buffer that is always NUL-terminated once written to.
 * Zero-initialise (buf b = {0};) before use; buf_free releases the memory
 * and leaves the buffer empty and reusable. */
typedef struct buf {
    char  *data;  /* NUL-terminated contents, NULL until the first write */
    size_t len;   /* bytes used, excluding the NUL */
    size_t cap;   /* bytes allocated */
} buf;

void  buf_append(buf *b, const char *s, size_t n);
void  buf_puts(buf *b, const char *s);
void  buf_putc(buf *b, char c);
void  buf_printf(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void  buf_clear(buf *b);                  /* len = 0, keeps memory */
void  buf_free(buf *b);
char *buf_detach(buf *b);                 /* caller owns the string; "" if empty */

/* A 128-bit content hash (XXH3) written as 32 lowercase hex digits plus NUL
 * into out[33]. Stable across runs and machines. */
void hash_hex(const void *data, size_t len, char out[33]);

/* The entry of names (NULL-terminated) closest to word by edit distance,
 * when it is at most 2 edits away (a typo), else NULL. For "did you mean"
 * in error messages. */
const char *util_closest(const char *word, const char *const *names);

/* The same over several pieces, as if concatenated with a 0 byte between. */
void hash_hex_parts(const char *const *parts, const size_t *lens, size_t n,
                    char out[33]);

#endif
