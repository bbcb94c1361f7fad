/*
 * report_html.h — `spindle report --html`: one self-contained HTML file
 * (inline CSS and SVG, no scripts, no network) about one run of the
 * archive: the run's summary, a histogram of article scores and a bar chart
 * of findings per rule, the top articles with their strongest findings, and
 * each article with findings: its text with every span marked (message and
 * evidence on hover) beside the list of its findings, verdicts shown.
 *
 * Everything comes from the run's snapshot of findings (db_run_findings_each)
 * and the verdicts; article scores are the noisy-OR of each rule's strongest
 * finding not judged false, as `score` computes them. For a large archive the
 * full text is written for the `detail_limit` highest articles only (the
 * rest are listed with score and strongest finding), each inside a closed
 * <details> after the first few, and the page uses `content-visibility:
 * auto`, so a browser lays out only what is on screen.
 */
#ifndef SPINDLE_REPORT_HTML_H
#define SPINDLE_REPORT_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "db.h"

/* Writes the report of run run_id (0: the latest run with a snapshot) to
 * out. Returns 0; 1 when there is no such run (message in err); -1 on an
 * archive error (message in db_error). */
int report_html_write(db *archive, int64_t run_id, size_t detail_limit, FILE *out,
                      char *err, size_t errlen);

#endif
