/*
 * export.h — stored findings in the formats other tools read:
 *   SARIF 2.1.0 (as Semgrep and CodeQL emit it), for code-review and
 *   dashboard tools: one run, the rules as its driver's rules, one result
 *   per finding; and
 *   schema.org ClaimReview (JSON-LD), for the findings an analyst judged
 *   true or useful.
 * An exporter collects findings (export_add) and writes one document at
 * the end (export_write); it reads the archive for rule titles and for the
 * articles' url, title, outlet and date.
 */
#ifndef SPINDLE_EXPORT_H
#define SPINDLE_EXPORT_H

#include <stdbool.h>
#include <stdio.h>
#include "db.h"
#include "finding.h"

typedef enum export_format { EXPORT_SARIF, EXPORT_CLAIMREVIEW } export_format;

/* Parses "sarif" or "claimreview"; false otherwise. */
bool export_format_parse(const char *name, export_format *out);

typedef struct exporter exporter;

/* Starts an export reading archive (borrowed; it must stay open). */
exporter *export_new(export_format format, db *archive);

/* Adds a finding of article article_id (copied). Returns 0, or -1 with a
 * message in db_error when the archive cannot be read. */
int export_add(exporter *x, const char *article_id, const finding *f);

/* Writes the document to out and frees x. Returns 0, or -1 on an archive
 * error (message in db_error). */
int export_write(exporter *x, FILE *out);

#endif
