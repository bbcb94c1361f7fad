/*
 * finding.h — one scored finding: which rule flagged which span of which
 * article, how strongly and why.
 *
 * A finding owns its strings. Offsets are byte offsets into the article body,
 * 0-based, end exclusive; line and col are 1-based (col counts characters).
 */
#ifndef SPINDLE_FINDING_H
#define SPINDLE_FINDING_H

#include <stddef.h>

typedef struct finding {
    char       *rule_id;
    const char *severity;      /* static string: "info", "low", "medium", "high" */
    double      score;         /* rule weight x report score, in [0, 1] */
    size_t      start, end;    /* byte span in the body */
    int         line, col;     /* 1-based position of start */
    char       *text;          /* the body bytes [start, end) */
    char       *message;
    char       *evidence_json; /* a JSON object, "{}" when there is none */
} finding;

void finding_clear(finding *f);

/* A growable list of findings; zero-initialise before use. */
typedef struct finding_list {
    finding *items;
    size_t   n, cap;
} finding_list;

finding *finding_list_push(finding_list *l);  /* a zeroed slot to fill */
void     finding_list_clear(finding_list *l); /* clears items, keeps memory */
void     finding_list_free(finding_list *l);

#endif
