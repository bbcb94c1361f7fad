/*
 * finding.h — one scored finding: which rule flagged which span of which
 * article, how strongly and why.
 *
 * A finding owns its strings. It points into one part of the article: the
 * body (the default) or the title. Offsets are byte offsets into that part,
 * 0-based, end exclusive; line and col are 1-based (col counts
 * characters): for an article read from a text file, on the file's own
 * lines (what an editor shows: the title's line, the body's lines below
 * it); otherwise within that part, so a title span is at line 1 of the
 * title unless the title holds line breaks. The part always travels with
 * the span: a title
 * finding is never shown or stored without saying so.
 */
#ifndef SPINDLE_FINDING_H
#define SPINDLE_FINDING_H

#include <stdbool.h>
#include <stddef.h>

/* Which text of the article a finding's span lies in. */
typedef enum finding_part { PART_BODY, PART_TITLE } finding_part;

/* "body" or "title" (static strings). */
const char *finding_part_name(finding_part p);

/* Parses "body" or "title"; false for anything else (NULL included). */
bool finding_part_parse(const char *name, finding_part *out);

typedef struct finding {
    char       *rule_id;
    const char *severity;      /* static string: "info", "low", "medium", "high" */
    double      score;         /* rule weight x report score, in [0, 1] */
    finding_part part;         /* the text the span lies in: body or title */
    size_t      start, end;    /* byte span in that part */
    int         line, col;     /* 1-based position of start: in the text file, or the part */
    char       *text;          /* the part's bytes [start, end) */
    char       *message;
    char       *evidence_json; /* a JSON object, "{}" when there is none */
    long long   id;            /* the archive's finding id; 0 when not stored */
    char       *verdict;       /* an analyst's verdict ("true", "useful", "false") or NULL */
    char       *verdict_note;  /* its note, or NULL */
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
