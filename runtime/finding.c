/*
 * finding.c — owning findings and lists of them.
 */
#include "finding.h"

#include <stdlib.h>
#include <string.h>
#include "util.h"

const char *finding_part_name(finding_part p)
{
    return p == PART_TITLE ? "title" : "body";
}

bool finding_part_parse(const char *name, finding_part *out)
{
    if (name && strcmp(name, "body") == 0) { *out = PART_BODY; return true; }
    if (name && strcmp(name, "title") == 0) { *out = PART_TITLE; return true; }
    return false;
}

void finding_clear(finding *f)
{
    free(f->rule_id);
    free(f->text);
    free(f->message);
    free(f->evidence_json);
    free(f->verdict);
    free(f->verdict_note);
    memset(f, 0, sizeof *f);
}

finding *finding_list_push(finding_list *l)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = xrealloc(l->items, l->cap * sizeof *l->items);
    }
    finding *f = &l->items[l->n++];
    memset(f, 0, sizeof *f);
    return f;
}

void finding_list_clear(finding_list *l)
{
    for (size_t i = 0; i < l->n; i++) finding_clear(&l->items[i]);
    l->n = 0;
}

void finding_list_free(finding_list *l)
{
    finding_list_clear(l);
    free(l->items);
    l->items = NULL;
    l->cap = 0;
}
