/*
 * article.h — the article model shared by input, archive and engine.
 *
 * An article owns all its strings (heap, NUL-terminated). Optional fields are
 * NULL when absent. The body is valid UTF-8 once it has passed through
 * input.c (which repairs invalid bytes to U+FFFD).
 */
#ifndef SPINDLE_ARTICLE_H
#define SPINDLE_ARTICLE_H

#include <stddef.h>

typedef struct article {
    char  *id;         /* external id: unique in an archive; required */
    char  *title;      /* "" when the input has none; never NULL */
    char  *body;       /* required */
    size_t body_len;   /* strlen(body) */
    char  *url;        /* optional fields: NULL when absent */
    char  *outlet;
    char  *author;
    char  *published;  /* ISO 8601 as given */
    char  *lang;
    char  *meta_json;  /* JSON object of every other input field, or NULL */
    char  *origin;     /* where it came from, for messages: "file:line" or path */
} article;

/* Frees every field and zeroes the struct (safe on a zeroed article). */
void article_clear(article *a);

/* Content hash used to skip duplicates: over title and body. out[33]. */
void article_hash(const article *a, char out[33]);

#endif
