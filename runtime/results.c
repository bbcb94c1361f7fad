/*
 * results.c — reading `scan --format jsonl` output back, grouped by article
 * (see results.h). Lines are parsed with Jansson.
 */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "results.h"
#include "util.h"

/* A string field of obj, or NULL. */
static const char *field_string(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A non-negative integer field of obj into *out; false when absent or wrong. */
static bool field_size(json_t *obj, const char *key, size_t *out)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_integer(v) || json_integer_value(v) < 0) return false;
    *out = (size_t)json_integer_value(v);
    return true;
}

/* Reads a finding record into a new slot of out; NULL, or the reason it
 * was refused (a static string, or the reason written to why). */
static const char *finding_from_json(json_t *obj, const ruleset *rs, engine_result *out,
                                     char *why, size_t whylen)
{
    const char *rule_id = field_string(obj, "rule");
    const char *text = field_string(obj, "text");
    const char *message = field_string(obj, "message");
    const char *part = field_string(obj, "part");
    json_t *score = json_object_get(obj, "score");
    json_t *evidence = json_object_get(obj, "evidence");
    size_t start, end, line, col;
    if (!rule_id) return "a finding needs a \"rule\"";
    long r = ruleset_find(rs, rule_id);
    if (r < 0) {
        snprintf(why, whylen, "rule '%s' is not loaded (use the rules the mappers ran)", rule_id);
        return why;
    }
    if (!json_is_number(score) || json_number_value(score) < 0 || json_number_value(score) > 1)
        return "a finding's \"score\" must be a number in [0, 1]";
    if (!field_size(obj, "start", &start) || !field_size(obj, "end", &end) || end < start)
        return "a finding needs \"start\" and \"end\" byte offsets";
    if (!field_size(obj, "line", &line) || !field_size(obj, "col", &col))
        return "a finding needs \"line\" and \"col\"";
    if (!text || !message) return "a finding needs \"text\" and \"message\"";
    if (evidence && !json_is_object(evidence)) return "a finding's \"evidence\" must be an object";
    finding_part p = PART_BODY;
    if (part && !finding_part_parse(part, &p)) return "a finding's \"part\" must be body or title";

    finding *f = finding_list_push(&out->findings);
    f->rule_id = xstrdup(rule_id);
    f->severity = severity_name(rs->rules[r].severity);
    f->score = json_number_value(score);
    f->part = p;
    f->start = start;
    f->end = end;
    f->line = (int)line;
    f->col = (int)col;
    f->text = xstrdup(text);
    f->message = xstrdup(message);
    f->evidence_json = evidence ? json_dumps(evidence, JSON_COMPACT | JSON_SORT_KEYS)
                                : xstrdup("{}");
    if (!f->evidence_json) f->evidence_json = xstrdup("{}");
    return NULL;
}

int results_read(const char *path, const ruleset *rs, FILE *diag, results_fn fn, void *ctx,
                 results_stats *stats)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *in = is_stdin ? stdin : fopen(path, "r");
    if (!in) {
        fprintf(diag, "spindle: cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    engine_result pending = {0};
    size_t pending_since = 0;          /* line of the first pending finding */
    char *line = NULL, origin[512], why[256];
    size_t cap = 0, lineno = 0;
    ssize_t len;
    bool stopped = false;
    while (!stopped && (len = getline(&line, &cap, in)) != -1) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (len == 0) continue;
        json_error_t jerr;
        json_t *obj = json_loadb(line, (size_t)len, 0, &jerr);
        const char *type = obj && json_is_object(obj) ? field_string(obj, "type") : NULL;
        const char *reject = NULL;
        if (!obj || !json_is_object(obj)) {
            snprintf(why, sizeof why, "not a JSON object: %s", obj ? "another JSON value" : jerr.text);
            reject = why;
        } else if (type && strcmp(type, "finding") == 0) {
            if (pending.findings.n == 0) pending_since = lineno;
            reject = finding_from_json(obj, rs, &pending, why, sizeof why);
        } else if (type && strcmp(type, "article") == 0) {
            const char *id = field_string(obj, "article");
            if (!id) {
                reject = "an article record needs an \"article\" id";
            } else {
                json_t *score = json_object_get(obj, "score");
                pending.score = json_is_number(score) ? json_number_value(score) : 0;
                snprintf(origin, sizeof origin, "%s:%zu", name, lineno);
                stats->articles++;
                stats->findings += pending.findings.n;
                if (fn(ctx, id, origin, &pending)) stopped = true;
                engine_result_clear(&pending);
            }
        }
        if (reject) {
            fprintf(diag, "%s:%zu: %s\n", name, lineno, reject);
            stats->rejected++;
        }
        json_decref(obj);
    }
    bool read_error = !stopped && ferror(in);
    if (!stopped && pending.findings.n > 0) {
        fprintf(diag, "%s:%zu: %zu finding%s with no article record after them\n", name,
                pending_since, pending.findings.n, pending.findings.n == 1 ? "" : "s");
        stats->rejected += pending.findings.n;
    }
    engine_result_free(&pending);
    free(line);
    if (!is_stdin) fclose(in);
    if (read_error) {
        fprintf(diag, "spindle: cannot read %s\n", path);
        return -1;
    }
    return 0;
}
