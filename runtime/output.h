/*
 * output.h — writing results in the four formats: text (for people, with
 * colour on a terminal), json (one array), jsonl (one object per line) and
 * csv (one header, one row per record, a `type` column telling findings from
 * articles).
 *
 * Records are findings and article summaries, in the shapes of the brief:
 *   {"type":"finding","article":ID,"rule":ID,"severity":S,"score":X,
 *    "part":"body"|"title","start":B,"end":B,"line":L,"col":C,"text":T,
 *    "message":M,"evidence":{..}} (stored findings add "id":N, and
 *    "verdict" and "note" when an analyst judged them)
 * (start/end/line/col are positions in the part named: in text a title
 * finding's position reads "title:L:C", a body finding's "L:C"),
 *   {"type":"article","article":ID,"title":T,"score":X,"findings":N}
 * (articles also carry "band"), and search matches (output_match).
 * Everything goes to the FILE given; the
 * caller owns it.
 */
#ifndef SPINDLE_OUTPUT_H
#define SPINDLE_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>
#include "finding.h"

typedef enum output_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_JSONL, FORMAT_CSV } output_format;

/* Parses "text", "json", "jsonl" or "csv"; returns false otherwise. */
bool output_format_parse(const char *name, output_format *out);

typedef struct output {
    FILE         *out;
    output_format format;
    bool          color;      /* ANSI colour in text */
    size_t        records;    /* written so far */
    bool          header_done;
} output;

void output_begin(output *o, FILE *out, output_format format, bool color);

/* Text format: a finding under its article; the others: one record. */
void output_finding(output *o, const char *article_id, const finding *f);

/* Text format: the article's heading line (call before its findings). */
void output_article(output *o, const char *article_id, const char *title,
                    double score, size_t findings);

/* A full-text search match: {"type":"match","article":ID,"title":T,
 * "score":X,"snippet":S}; in csv the snippet fills the text column. */
void output_match(output *o, const char *article_id, const char *title,
                  const char *snippet, double score);

/* A rule error on an article: {"type":"error","article":ID,"rule":ID,
 * "message":M} in json and jsonl, an "error" row (message in the message
 * column) in csv; nothing in text (errors go to stderr there). */
void output_error(output *o, const char *article_id, const char *rule_id, const char *message);

/* Closes the json array; flushes. */
void output_end(output *o);

/* Escapes for the text format. */
const char *output_severity_color(const char *severity);
#define OUT_RESET "\033[0m"
#define OUT_BOLD  "\033[1m"
#define OUT_DIM   "\033[2m"

/* Writes s as a CSV field (quoted when it holds , " or a line break). */
void output_csv_field(FILE *out, const char *s);

/* Writes s as a JSON string with its quotes. */
void output_json_string(FILE *out, const char *s);

#endif
