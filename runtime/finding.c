/*
 * finding.c — owning findings and lists of them.
 */
#include "finding.h"

#include <stdlib.h>
#include <string.h>
#include "util.h"

void finding_clear(finding *f)
{
    free(f->rule_id);
    free(f->text);
    free(f->message);
    free(f->evidence_json);
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
