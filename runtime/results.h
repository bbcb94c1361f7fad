/*
 * results.h — reading scan results back: the JSON Lines that `spindle scan
 * --format jsonl` writes (finding records, then the article's record), as
 * a cluster of mappers produces them, grouped by article for `ingest
 * --results`.
 *
 * Every finding must name a rule of the given rule set (the rules the
 * mappers ran) and carry the fields scan writes; its severity is the rule's.
 * A line that is not JSON, a finding with a missing or wrong field or an
 * unknown rule, and an article record with no id are rejected, each reported
 * as "file:line: reason" on diag; the rest go on. Lines of other types
 * (expectations, matches) are skipped.
 */
#ifndef SPINDLE_RESULTS_H
#define SPINDLE_RESULTS_H

#include <stdio.h>
#include "engine.h"
#include "ruleset.h"

/* Called once per article record, with the findings read since the
 * previous one (result->findings, owned by the reader: copy what you keep)
 * and the record's score. origin is "file:line" of the record. Return
 * nonzero to stop. */
typedef int (*results_fn)(void *ctx, const char *article_id, const char *origin,
                          const engine_result *result);

typedef struct results_stats {
    size_t articles;   /* article records handed over */
    size_t findings;   /* findings handed over */
    size_t rejected;   /* lines rejected */
} results_stats;

/* Reads path ("-" = standard input). Returns 0 when the file was read to
 * its end (or fn stopped it), -1 when it cannot be opened or read (said on
 * diag). Findings after the last article record belong to no article: they
 * are rejected. */
int results_read(const char *path, const ruleset *rs, FILE *diag, results_fn fn, void *ctx,
                 results_stats *stats);

#endif
