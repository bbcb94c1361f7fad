/*
 * article.c — owning and hashing articles.
 */
#include "article.h"

#include <stdlib.h>
#include <string.h>
#include "util.h"

void article_clear(article *a)
{
    free(a->id);
    free(a->title);
    free(a->body);
    free(a->url);
    free(a->outlet);
    free(a->author);
    free(a->published);
    free(a->lang);
    free(a->meta_json);
    free(a->origin);
    memset(a, 0, sizeof *a);
}

void article_hash(const article *a, char out[33])
{
    const char *title = a->title ? a->title : "";
    const char *parts[2] = { title, a->body ? a->body : "" };
    size_t lens[2] = { strlen(title), a->body ? a->body_len : 0 };
    hash_hex_parts(parts, lens, 2, out);
}
