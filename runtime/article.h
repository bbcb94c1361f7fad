/*
 * article.h — the article model shared by input, archive and engine.
 *
 * An article owns all its strings (heap, NUL-terminated). Optional fields are
 * NULL when absent. The body is valid UTF-8 once it has passed through
 * input.c (which repairs invalid bytes to U+FFFD).
 *
 * An article read from a text file remembers where its title and body stood
 * in that file, so that findings can be placed on the file's own lines (what
 * editors show); the body is the file's text byte for byte from body_line
 * on, so a body line n is the file's line body_line + n - 1.
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
    int    body_line;  /* read from a text file: the file's line (1-based) where
                          the body starts; 0 otherwise (JSON Lines) */
    int    title_line, title_col; /* read from a text file: the file position
                          (1-based, col in characters) of the title's first
                          character; 0 otherwise */
} article;

/* Frees every field and zeroes the struct (safe on a zeroed article). */
void article_clear(article *a);

/* Content hash used to skip duplicates: over title and body. out[33]. */
void article_hash(const article *a, char out[33]);

#endif
