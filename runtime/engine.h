/*
 * engine.h — runs a ruleset's rules on one article at a time and collects
 * scored findings and rule errors.
 *
 * An engine owns its text model and Lua objects for the article in hand and
 * borrows the ruleset (which must outlive it). One engine per thread.
 * For each article: the body is split (text.h), the `needs` prefilter drops
 * rules whose words the title and body lack, then each remaining rule's
 * check(doc, report) runs under the sandbox budgets. A rule that raises,
 * runs out of budget or reports badly becomes a rule error for this article;
 * the other rules still run.
 */
#ifndef SPINDLE_ENGINE_H
#define SPINDLE_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "article.h"
#include "finding.h"
#include "lua_doc.h"
#include "ruleset.h"

/* What one rule's check may report on one article; past these, report
 * raises and the rule fails on that article (its findings there are
 * dropped), so a runaway rule cannot fill the memory outside the Lua
 * state's budget. See docs/security.md. */
#define ENGINE_MAX_FINDINGS        1000               /* per rule and article */
#define ENGINE_MAX_MESSAGE_BYTES   4096               /* one finding's message */
#define ENGINE_MAX_EVIDENCE_BYTES  (64u * 1024u)      /* one finding's evidence, as JSON */
#define ENGINE_MAX_REPORT_BYTES    (16u * 1024u * 1024u) /* all of them, text included */

/* Each rule's share of the regex cache (rx.h) over an engine's life: the
 * patterns it compiles while it runs (the stdlib's, compiled on first
 * use, count for the rule that first needs them). */
#define ENGINE_RULE_PATTERNS       1000u
#define ENGINE_RULE_PATTERN_BYTES  (32u * 1024u * 1024u)

typedef struct rule_error {
    size_t rule;      /* index into the ruleset */
    char  *message;   /* owned */
} rule_error;

typedef struct engine_result {
    finding_list findings;  /* in rule order, then report order */
    rule_error  *errors;
    size_t       n_errors, cap_errors;
    size_t       rules_run;      /* check() calls made */
    size_t       rules_skipped;  /* dropped by the needs prefilter */
    double       score;          /* noisy-OR over rules of the top finding */
} engine_result;

void engine_result_clear(engine_result *r);  /* keeps memory for reuse */
void engine_result_free(engine_result *r);

/* What one rule has cost so far on this engine (for --profile). Shared
 * stdlib analysis is memoised per article, so its cost lands on the first
 * rule that asks for it. */
typedef struct rule_profile {
    size_t   calls;      /* check() calls */
    size_t   skipped;    /* articles the needs prefilter dropped */
    size_t   findings;
    size_t   errors;
    double   seconds;    /* wall time inside check() */
    double   prefilter_seconds; /* wall time matching the needs words */
    uint64_t instructions; /* Lua VM instructions, to within 1,000 */
} rule_profile;

typedef struct engine engine;

/* The per-rule profile, n_rules entries, owned by the engine. */
const rule_profile *engine_profile(const engine *e);

/* Seconds spent building text models (the sentence splitter). */
double engine_split_seconds(const engine *e);

/* Seconds spent finding which rules' needs words occur (one pass over each
 * article for all rules; a rule's prefilter_seconds holds only its own
 * pattern for words the shared index cannot hold). */
double engine_needs_seconds(const engine *e);

engine *engine_new(ruleset *rs);
void    engine_free(engine *e);

/* Runs the rules on article a (whose body must be valid UTF-8). When
 * run_mask is NULL the rules that are on (rule.on) are considered; else
 * exactly those with run_mask[i] true, on or off (spindle test).
 * Results are appended to out (clear it first to reuse). Never fails: rule
 * problems become out->errors. */
void engine_run(engine *e, const article *a, const bool *run_mask,
                engine_result *out);

/* [-0, +1, m] Makes a the article in hand and pushes its doc, for the REPL
 * and the stdlib tests. The doc's model-backed methods work until the next
 * engine_run or engine_push_doc on this engine; a must live that long. */
void engine_push_doc(engine *e, const article *a);

/* Makes a the article in hand (its text model built), as engine_push_doc
 * does, without pushing a doc: for the REPL, when a doc of an earlier
 * article is used again. */
void engine_load_article(engine *e, const article *a);

/* The doc context of the engine (lua_doc.h), for the REPL's docs. */
doc_context *engine_doc_context(engine *e);

/* Call after the ruleset gained or lost rules (ruleset_reload): resizes
 * the per-rule tables and clears the profile. */
void engine_rules_changed(engine *e);

/* [-0, +0, -] Sets the function at index as the receiver of report.trace
 * calls: sink(rule_id, reason, at) runs for each, inside the rule's call.
 * A nil value removes it (then report.trace does nothing). */
void engine_set_trace_sink(lua_State *L, int index);

/* The article score from each rule's highest finding score: the noisy-OR
 * 1 - prod(1 - max_r). The one definition of how an article is scored. */
double engine_noisy_or(const double *maxima, size_t n);

/* The noisy-OR article score over the findings, taking each rule's highest
 * finding score once. */
double engine_article_score(const finding *findings, size_t n);

/* "low" (< 0.3), "medium" (< 0.6) or "high". */
const char *engine_score_band(double score);

#endif
