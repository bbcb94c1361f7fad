/*
 * test_engine.c — unit tests of the rule loader (runtime/ruleset.c), the
 * scorer (runtime/engine.c) and the doc object rules read (lua_doc.c,
 * lua_json.c): report{} with every shape of `at`, positions, scores and the
 * article's noisy-OR, evidence conversion, bad reports as rule errors, the
 * `needs` prefilter, run masks, the doc API, doc.cache and stale docs,
 * ruleset problems, source hashes and the built-in pack.
 *
 * The rules come from tests/data/rules/unit/engine.lua (the main set) and
 * from small rule files this test writes into a temporary directory (each
 * load problem case, so that its lines are visible here).
 */
#include "engine.h"
#include "ruleset.h"

#include <ftw.h>
#include <jansson.h>
#include <lauxlib.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "util.h"

#define RULES_DIR   "tests/data/rules/unit"
#define ENGINE_FILE RULES_DIR "/engine.lua"
#define BUDGET      2000000u

static ruleset *rs;      /* engine.lua, loaded once */
static engine  *eng;
static char     tmpdir[64];

#define CHECK_NEAR(got, want) CHECK_MSG(fabs((got) - (want)) < 1e-9, \
        "%s = %.12g, want %.12g", #got, (double)(got), (double)(want))

/* --- helpers ------------------------------------------------------------- */

/* An article owning copies of the given strings (NULL for absent fields). */
static article make_article(const char *id, const char *title, const char *body,
                            const char *meta_json)
{
    article a = {0};
    a.id = xstrdup(id);
    a.title = xstrdup(title ? title : "");
    a.body = xstrdup(body);
    a.body_len = strlen(body);
    a.meta_json = xstrdup(meta_json);
    return a;
}

/* Runs the rules named in ids (space-separated) on a, into a cleared out. */
static void run_rules(const char *ids, const article *a, engine_result *out)
{
    bool *mask = xcalloc(rs->n_rules ? rs->n_rules : 1, sizeof *mask);
    char *copy = xstrdup(ids);
    for (char *save = NULL, *id = strtok_r(copy, " ", &save); id;
         id = strtok_r(NULL, " ", &save)) {
        long i = ruleset_find(rs, id);
        CHECK_MSG(i >= 0, "no rule '%s' in %s", id, ENGINE_FILE);
        if (i >= 0) mask[i] = true;
    }
    free(copy);
    engine_result_clear(out);
    engine_run(eng, a, mask, out);
    free(mask);
}

/* Runs ids on a throw-away article with this body and meta. */
static void run_on(const char *ids, const char *body, const char *meta_json,
                   engine_result *out)
{
    article a = make_article("test", "Title", body, meta_json);
    run_rules(ids, &a, out);
    article_clear(&a);
}

/* The first finding with this message, or NULL. */
static const finding *with_message(const engine_result *r, const char *message)
{
    for (size_t i = 0; i < r->findings.n; i++)
        if (strcmp(r->findings.items[i].message, message) == 0) return &r->findings.items[i];
    return NULL;
}

/* The first finding of this rule, or NULL. */
static const finding *of_rule(const engine_result *r, const char *id)
{
    for (size_t i = 0; i < r->findings.n; i++)
        if (strcmp(r->findings.items[i].rule_id, id) == 0) return &r->findings.items[i];
    return NULL;
}

static void print_errors(const engine_result *r)
{
    for (size_t i = 0; i < r->n_errors; i++)
        fprintf(stderr, "  rule error [%s]: %s\n", rs->rules[r->errors[i].rule].id,
                r->errors[i].message);
}

static void print_problems(const ruleset *set)
{
    for (size_t i = 0; i < set->n_problems; i++)
        fprintf(stderr, "  problem: %s\n", set->problems[i]);
}

static int starts_with(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Writes content to tmpdir/name (creating tmpdir/sub for "sub/name"). */
static void write_file(const char *name, const char *content)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    for (char *slash = strchr(path + strlen(tmpdir) + 1, '/'); slash;
         slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        mkdir(path, 0700);
        *slash = '/';
    }
    FILE *f = fopen(path, "wb");
    if (!f) { fprintf(stderr, "cannot write %s\n", path); exit(2); }
    fputs(content, f);
    fclose(f);
}

/* tmpdir/name in a static buffer (one at a time). */
static const char *tmp_path(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    return path;
}

static ruleset *new_ruleset(void)
{
    char err[256];
    ruleset_options opt = { .instruction_budget = BUDGET };
    ruleset *set = ruleset_new(&opt, err, sizeof err);
    if (!set) { fprintf(stderr, "ruleset_new: %s\n", err); exit(2); }
    return set;
}

/* A ruleset of the one temporary file name; finished. */
static ruleset *load_tmp(const char *name)
{
    ruleset *set = new_ruleset();
    ruleset_load_path(set, tmp_path(name));
    ruleset_finish(set);
    return set;
}

/* The evidence of f parsed (caller decrefs), or NULL. */
static json_t *evidence_of(const finding *f)
{
    if (!f) return NULL;
    json_error_t jerr;
    json_t *j = json_loads(f->evidence_json, 0, &jerr);
    if (!j) fprintf(stderr, "evidence is not JSON: %s\n", f->evidence_json);
    return j;
}

static long long ev_int(const json_t *j, const char *key)
{
    const json_t *v = json_object_get(j, key);
    return json_is_integer(v) ? (long long)json_integer_value(v) : -999999;
}

static int ev_true(const json_t *j, const char *key)
{
    return json_is_true(json_object_get(j, key));
}

static int ev_false(const json_t *j, const char *key)
{
    return json_is_false(json_object_get(j, key));
}

static const char *ev_str(const json_t *j, const char *key)
{
    const char *s = json_string_value(json_object_get(j, key));
    return s ? s : "(not a string)";
}

/* The compact JSON of j[key] (caller frees), for lists. */
static char *ev_dump(const json_t *j, const char *key)
{
    const json_t *v = json_object_get(j, key);
    return v ? json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY) : xstrdup("(absent)");
}

#define CHECK_EV_LIST(j, key, want) do {                                    \
        char *d_ = ev_dump((j), (key));                                     \
        CHECK_STR(d_, (want));                                              \
        free(d_);                                                           \
    } while (0)

/* --- loading engine.lua ----------------------------------------------------- */

static void test_load_unit_rules(void)
{
    CHECK_INT(rs->n_problems, 0);
    print_problems(rs);
    CHECK_INT(rs->n_rules, 17);
    long i = ruleset_find(rs, "find-word");
    CHECK(i >= 0);
    if (i < 0) return;
    const rule *r = &rs->rules[i];
    CHECK_STR(r->title, "Finds a word");
    CHECK_STR(severity_name(r->severity), "medium");
    CHECK_NEAR(r->weight, 0.7);
    CHECK_STR(r->file, ENGINE_FILE);
    CHECK_INT(r->line, 27);
    CHECK_STR(r->description, "");
    CHECK_INT(r->n_needs, 0);

    r = &rs->rules[ruleset_find(rs, "needs-deal")];
    CHECK_INT(r->n_needs, 4);
    CHECK_STR(r->needs[0], "contract");          /* lowercased at load */
    CHECK_STR(r->needs[1], "deal");
    CHECK_STR(r->needs[3], "a+b");
    CHECK_INT(ruleset_find(rs, "at-shapes"), 0);  /* file order */
    CHECK_INT(ruleset_find(rs, "no-such-rule"), -1);
    CHECK_INT(strlen(rs->rules[0].source_hash), 32);
}

/* --- report{} ------------------------------------------------------------------ */

static void check_span(const engine_result *r, const char *message, const char *text,
                       size_t start, size_t end)
{
    const finding *f = with_message(r, message);
    CHECK_MSG(f != NULL, "no finding with message '%s'", message);
    if (!f) return;
    CHECK_STR(f->text, text);
    CHECK_MSG(f->start == start && f->end == end, "'%s': span [%zu, %zu), want [%zu, %zu)",
              message, f->start, f->end, start, end);
}

static void test_at_shapes(void)
{
    engine_result r = {0};
    /*                    0     6    11    17 18    24      32  37 */
    run_on("at-shapes", "Alpha beta gamma. Delta epsilon zeta.", NULL, &r);
    CHECK_INT(r.n_errors, 0);
    print_errors(&r);
    CHECK_INT(r.findings.n, 11);
    CHECK_INT(r.rules_run, 1);
    check_span(&r, "sentence", "Alpha beta gamma.", 0, 17);
    check_span(&r, "match", "beta", 6, 10);
    check_span(&r, "match-in-sentence", "epsilon", 24, 31);
    check_span(&r, "start-stop", "gamma", 11, 16);
    check_span(&r, "span", "beta", 6, 10);
    check_span(&r, "span-pair", "Alpha", 0, 5);
    check_span(&r, "pair", "gamma", 11, 16);
    check_span(&r, "sentence-field", "Delta epsilon zeta.", 18, 37);
    check_span(&r, "claim", "zeta", 32, 36);
    check_span(&r, "empty", "", 18, 18);
    check_span(&r, "Every shape of at", "Delta epsilon zeta.", 18, 37);  /* title */
    if (r.findings.n > 0) {
        const finding *f = &r.findings.items[0];
        CHECK_STR(f->rule_id, "at-shapes");
        CHECK_STR(f->severity, "info");
        CHECK_STR(f->message, "sentence");      /* report order */
        CHECK_STR(f->evidence_json, "{}");
        CHECK_INT(f->line, 1);
        CHECK_INT(f->col, 1);
    }
    engine_result_free(&r);
}

static void test_positions(void)
{
    engine_result r = {0};
    const char *body = "Première ligne.\nSecond ligne où ça va.\n\nTroisième: naïve café.";
    run_on("find-word", body, "{\"pattern\": \"où|café|Troisième|ligne\"}", &r);
    CHECK_INT(r.n_errors, 0);
    print_errors(&r);
    CHECK_INT(r.findings.n, 5);
    static const struct { const char *text; int line, col; } want[] = {
        { "ligne", 1, 10 }, { "ligne", 2, 8 }, { "où", 2, 14 },
        { "Troisième", 4, 1 }, { "café", 4, 18 },
    };
    for (size_t i = 0; i < 5 && i < r.findings.n; i++) {
        const finding *f = &r.findings.items[i];
        CHECK_STR(f->text, want[i].text);
        CHECK_MSG(f->line == want[i].line && f->col == want[i].col,
                  "'%s': %d:%d, want %d:%d", f->text, f->line, f->col,
                  want[i].line, want[i].col);
    }
    if (r.findings.n == 5) {
        const finding *f = &r.findings.items[4];
        CHECK_INT(f->start, strstr(body, "café") - body);     /* bytes, not characters */
        CHECK_INT(f->end, f->start + strlen("café"));
        CHECK_STR(f->message, "Finds a word");
        CHECK_STR(f->evidence_json, "{\"word\":\"café\"}");
    }

    /* CRLF lines: the '\r' is part of the line before, columns count
     * characters from the line start. */
    run_on("find-word", "One line.\r\nTwo: é x", "{\"pattern\": \"x\"}", &r);
    CHECK_INT(r.findings.n, 1);
    if (r.findings.n == 1) {
        CHECK_INT(r.findings.items[0].line, 2);
        CHECK_INT(r.findings.items[0].col, 8);
    }

    /* A bad pattern at run time: a rule error naming file:line and the
     * offset in the pattern. */
    run_on("find-word always", "Some text.", "{\"pattern\": \"(oops\"}", &r);
    CHECK_INT(r.n_errors, 1);
    if (r.n_errors == 1) {
        CHECK(starts_with(r.errors[0].message, ENGINE_FILE ":30: spindle.re:"));
        CHECK_MSG(strstr(r.errors[0].message, "at offset 5 in pattern '(oops'") != NULL,
                  "message: %s", r.errors[0].message);
    }
    CHECK(of_rule(&r, "always") != NULL);
    engine_result_free(&r);
}

/* --- scores ---------------------------------------------------------------------- */

static void test_scores(void)
{
    engine_result r = {0};
    run_on("scored", "Body text.", "{\"score\": 0.5}", &r);
    CHECK_INT(r.findings.n, 1);
    if (r.findings.n) CHECK_NEAR(r.findings.items[0].score, 0.25);   /* 0.5 x 0.5 */
    CHECK_NEAR(r.score, 0.25);
    run_on("scored", "Body text.", NULL, &r);                           /* default 1 */
    if (r.findings.n) CHECK_NEAR(r.findings.items[0].score, 0.5);
    run_on("scored", "Body text.", "{\"score\": 0}", &r);
    if (r.findings.n) CHECK_NEAR(r.findings.items[0].score, 0.0);
    CHECK_NEAR(r.score, 0.0);
    run_on("scored", "Body text.", "{\"score\": 1}", &r);
    if (r.findings.n) CHECK_NEAR(r.findings.items[0].score, 0.5);
    CHECK_STR(r.findings.n ? r.findings.items[0].severity : NULL, "high");

    /* Noisy-OR over rules: two rules at 0.5 give 0.75. */
    run_on("half-a half-b", "Body text.", NULL, &r);
    CHECK_INT(r.findings.n, 2);
    CHECK_NEAR(r.score, 0.75);
    /* One rule firing ten times at 0.7 counts once. */
    run_on("find-word", "x x x x x x x x x x", "{\"pattern\": \"x\"}", &r);
    CHECK_INT(r.findings.n, 10);
    CHECK_NEAR(r.score, 0.7);
    run_on("find-word half-a half-b", "x x x x x x x x x x", "{\"pattern\": \"x\"}", &r);
    CHECK_NEAR(r.score, 1 - 0.3 * 0.5 * 0.5);
    run_on("find-word", "nothing to find", "{\"pattern\": \"x\"}", &r);
    CHECK_INT(r.findings.n, 0);
    CHECK_NEAR(r.score, 0.0);

    /* engine_article_score directly: each rule's highest finding, once. */
    char a[] = "a", b[] = "b";
    finding fs[4] = {
        { .rule_id = a, .score = 0.5 }, { .rule_id = b, .score = 0.2 },
        { .rule_id = a, .score = 0.8 }, { .rule_id = a, .score = 0.1 },
    };
    CHECK_NEAR(engine_article_score(fs, 4), 1 - 0.2 * 0.8);
    CHECK_NEAR(engine_article_score(fs, 1), 0.5);
    CHECK_NEAR(engine_article_score(fs, 0), 0.0);
    finding ones[2] = { { .rule_id = a, .score = 1.0 }, { .rule_id = b, .score = 0.3 } };
    CHECK_NEAR(engine_article_score(ones, 2), 1.0);

    CHECK_STR(engine_score_band(0.0), "low");
    CHECK_STR(engine_score_band(0.29), "low");
    CHECK_STR(engine_score_band(0.3), "medium");
    CHECK_STR(engine_score_band(0.59), "medium");
    CHECK_STR(engine_score_band(0.6), "high");
    CHECK_STR(engine_score_band(1.0), "high");
    engine_result_free(&r);
}

/* --- evidence ----------------------------------------------------------------------- */

static void test_evidence(void)
{
    static const struct { const char *meta, *want; } cases[] = {
        { "{\"case\":\"strings\"}", "{\"amount\":\"$2.6 billion\",\"source\":\"Reuters\"}" },
        { "{\"case\":\"numbers\"}", "{\"count\":3,\"negative\":-7,\"ratio\":2.5}" },
        { "{\"case\":\"nested\"}", "{\"outer\":{\"inner\":{\"deep\":\"x\"},\"list\":[1,2,3]}}" },
        { "{\"case\":\"array\"}", "{\"items\":[\"first\",\"second\"]}" },
        { "{\"case\":\"records\"}", "{\"items\":[{\"a\":1},{\"b\":\"two\"}]}" },
        { "{\"case\":\"boolean\"}", "{\"no\":false,\"yes\":true}" },
        { "{\"case\":\"empty\"}", "{}" },
        { "{\"case\":\"none\"}", "{}" },
        { "{\"case\":\"unicode\"}", "{\"quote\":\"naïve “café”\"}" },
        { "{\"case\":\"numeric_keys\"}", "{\"1\":\"one\",\"3\":\"three\"}" },
        { "{\"case\":\"not_finite\"}", "{\"inf\":null,\"n\":1,\"nan\":null}" },
        /* meta JSON -> Lua -> evidence JSON */
        { "{\"case\":\"meta\",\"n\":1,\"tags\":[\"a\",\"b\"],\"sub\":{\"k\":\"v\"}}",
          "{\"meta\":{\"case\":\"meta\",\"n\":1,\"sub\":{\"k\":\"v\"},\"tags\":[\"a\",\"b\"]}}" },
    };
    engine_result r = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run_on("evidence", "Body text.", cases[i].meta, &r);
        CHECK_MSG(r.n_errors == 0 && r.findings.n == 1, "%s: %zu errors, %zu findings",
                  cases[i].meta, r.n_errors, r.findings.n);
        print_errors(&r);
        if (r.findings.n == 1) CHECK_STR(r.findings.items[0].evidence_json, cases[i].want);
    }
    engine_result_free(&r);
}

/* --- bad reports -------------------------------------------------------------------- */

static void test_bad_reports(void)
{
    static const struct { const char *which, *message; } cases[] = {
        { "no-at",         "report: missing 'at'" },
        { "past-end",      "report: span [0, 11) is outside the body (0 .. 10)" },
        { "negative",      "report: span [-1, 2) is outside the body" },
        { "reversed",      "report: span [5, 2) is outside the body" },
        { "bad-shape",     "report: 'at' must be a sentence" },
        { "no-span",       "report: 'at' must be a sentence" },
        { "score",         "report: score 1.5" },
        { "score-type",    "report: 'score' must be a number" },
        { "function",      "evidence cannot hold a function" },
        { "cycle",         "evidence nested deeper than 16 levels" },
        { "evidence-type", "report: 'evidence' must be a table" },
        { "bool-key",      "evidence keys must be strings, not boolean" },
        { "score-negative", "report: score -0.1" },
        { "score-nan",     "must be in [0, 1]" },
        { "message-type",  "report: 'message' must be a string" },
        { "error",         "boom" },
    };
    long bad = ruleset_find(rs, "bad-report");
    engine_result r = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char meta[128];
        snprintf(meta, sizeof meta, "{\"case\":\"%s\"}", cases[i].which);
        run_on("half-a bad-report always", "Body text.", meta, &r);
        CHECK_MSG(r.n_errors == 1, "%s: %zu errors", cases[i].which, r.n_errors);
        if (r.n_errors != 1) continue;
        const char *msg = r.errors[0].message;
        CHECK_INT(r.errors[0].rule, bad);
        CHECK_MSG(strstr(msg, cases[i].message) != NULL, "%s: message '%s', want '%s'",
                  cases[i].which, msg, cases[i].message);
        /* The error names the rule file and the line of the bad call. */
        CHECK_MSG(starts_with(msg, ENGINE_FILE ":"), "%s: message '%s'", cases[i].which, msg);
        /* The failed rule's earlier finding is gone; the others stay. */
        CHECK_MSG(r.findings.n == 2 && with_message(&r, "partial") == NULL &&
                  of_rule(&r, "half-a") && of_rule(&r, "always"),
                  "%s: %zu findings", cases[i].which, r.findings.n);
        CHECK_INT(r.rules_run, 3);
        CHECK_NEAR(r.score, 1 - 0.5 * 0.9);
    }

    /* A rule that runs out of its budget: an error at its file:line; the
     * rules after it still run. */
    run_on("loops always", "Body text.", NULL, &r);
    CHECK_INT(r.n_errors, 1);
    if (r.n_errors == 1) {
        CHECK_INT(r.errors[0].rule, ruleset_find(rs, "loops"));
        CHECK_STR(r.errors[0].message,
                  "instruction budget of 2000000 exceeded at " ENGINE_FILE ":124");
    }
    CHECK_INT(r.findings.n, 1);
    CHECK(of_rule(&r, "always") != NULL);
    /* an evidence string that is not UTF-8 (a slice that cut a character)
     * is kept, repaired, rather than failing the rule */
    run_on("bad-report", "Body text.", "{\"case\":\"bad-utf8\"}", &r);
    CHECK_INT(r.n_errors, 0);
    bool repaired = false;
    for (size_t i = 0; i < r.findings.n; i++)
        if (strstr(r.findings.items[i].evidence_json, "\xEF\xBF\xBD")) repaired = true;
    CHECK(repaired);
    engine_result_free(&r);
}

/* True when s is valid UTF-8 (jansson checks it). */
static bool valid_utf8(const char *s)
{
    json_t *j = s ? json_string(s) : NULL;
    json_decref(j);
    return j != NULL;
}

/* A finding's text and message go to JSON output and the archive: a span
 * that splits a character, or a message that is not UTF-8, must be refused
 * (a rule error) or come out as valid UTF-8 — never bytes no JSON writer
 * can take. */
static void test_finding_text_is_utf8(void)
{
    static const struct { const char *meta; const char *what; } cases[] = {
        { "{\"start\": 0, \"stop\": 1}", "a span ending inside 'é'" },
        { "{\"start\": 1, \"stop\": 3}", "a span starting inside 'é'" },
        { "{\"start\": 0, \"stop\": 2, \"bad_message\": true}", "a message that is not UTF-8" },
    };
    engine_result r = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run_on("raw-span", "éa café", cases[i].meta, &r);
        bool refused = r.n_errors == 1 && r.findings.n == 0;
        bool clean = r.n_errors == 0 && r.findings.n == 1 &&
                     valid_utf8(r.findings.items[0].text) &&
                     valid_utf8(r.findings.items[0].message);
        CHECK_MSG(refused || clean, "%s: neither refused nor valid UTF-8 (%zu errors, "
                  "%zu findings)", cases[i].what, r.n_errors, r.findings.n);
    }
    run_on("raw-span", "éa café", "{\"start\": 0, \"stop\": 2}", &r);   /* whole 'é' */
    CHECK(r.n_errors == 0 && r.findings.n == 1);
    CHECK_STR(r.findings.n ? r.findings.items[0].text : NULL, "é");
    engine_result_free(&r);
}

/* --- prefilter and masks -------------------------------------------------------------- */

static void test_needs_and_mask(void)
{
    engine_result r = {0};
    article a = make_article("n1", "", "A big DeAl was made.", NULL);
    run_rules("needs-deal always", &a, &r);
    CHECK_INT(r.rules_run, 2);
    CHECK_INT(r.rules_skipped, 0);
    CHECK(of_rule(&r, "needs-deal") != NULL);
    article_clear(&a);

    a = make_article("n2", "", "Nothing of the kind here.", NULL);
    run_rules("needs-deal always", &a, &r);
    CHECK_INT(r.rules_run, 1);
    CHECK_INT(r.rules_skipped, 1);
    CHECK(of_rule(&r, "needs-deal") == NULL);
    CHECK(of_rule(&r, "always") != NULL);
    article_clear(&a);

    a = make_article("n3", "CONTRACT signed", "The body says nothing.", NULL);  /* title counts */
    run_rules("needs-deal", &a, &r);
    CHECK_INT(r.rules_run, 1);
    CHECK_INT(r.rules_skipped, 0);
    CHECK(of_rule(&r, "needs-deal") != NULL);
    article_clear(&a);

    /* Words are literals (no pattern syntax); a space matches any run of
     * whitespace. */
    static const struct { const char *body; bool runs; } literal_cases[] = {
        { "They formed a JOINT\n  venture.", true },
        { "They formed a joint-venture.", false },
        { "Plan A+B was chosen.", true },
        { "Plan AAB was chosen.", false },
        { "Ideal, a dealer said.", true },            /* words match inside words */
    };
    for (size_t i = 0; i < sizeof literal_cases / sizeof literal_cases[0]; i++) {
        a = make_article("lit", "", literal_cases[i].body, NULL);
        run_rules("needs-deal", &a, &r);
        CHECK_MSG((r.rules_run == 1) == literal_cases[i].runs,
                  "needs on \"%s\": run %zu, skipped %zu", literal_cases[i].body,
                  r.rules_run, r.rules_skipped);
        article_clear(&a);
    }

    /* Beyond ASCII: the rule's caseless pattern matches "Überweisung" and
     * "ÜBERWEISUNG", so the prefilter must let it run on both. */
    a = make_article("n4", "", "Die überweisung kam nie an.", NULL);
    run_rules("needs-umlaut", &a, &r);
    CHECK(r.rules_skipped == 0 && of_rule(&r, "needs-umlaut") != NULL);
    article_clear(&a);
    static const char *const upper_bodies[] = {
        "Die Überweisung kam nie an.", "DIE ÜBERWEISUNG KAM NIE AN.",
    };
    for (size_t i = 0; i < 2; i++) {
        a = make_article("n5", "", upper_bodies[i], NULL);
        run_rules("needs-umlaut", &a, &r);
        CHECK_MSG(r.rules_skipped == 0 && of_rule(&r, "needs-umlaut") != NULL,
                  "needs { \"überweisung\" } skipped the rule on \"%s\" "
                  "(run %zu, skipped %zu)", upper_bodies[i], r.rules_run, r.rules_skipped);
        article_clear(&a);
    }

    /* The mask: only the rules asked for run; masked rules are not counted
     * as skipped. */
    a = make_article("m1", "", "Body text.", NULL);
    run_rules("half-b", &a, &r);
    CHECK_INT(r.rules_run, 1);
    CHECK_INT(r.rules_skipped, 0);
    CHECK_INT(r.findings.n, 1);
    CHECK_STR(r.findings.n ? r.findings.items[0].rule_id : NULL, "half-b");

    /* No mask: every rule runs (or is skipped); the failing ones become
     * errors and every other rule still reports. */
    engine_result_clear(&r);
    engine_run(eng, &a, NULL, &r);
    CHECK_INT(r.rules_run + r.rules_skipped, rs->n_rules);
    CHECK_INT(r.rules_skipped, 2);                       /* needs-deal, needs-umlaut */
    CHECK(of_rule(&r, "half-a") && of_rule(&r, "half-b") && of_rule(&r, "always"));
    CHECK(r.n_errors >= 3);                              /* find-word, bad-report, loops, ... */
    CHECK(of_rule(&r, "loops") == NULL);

    /* Results append when not cleared; the score is the last article's. */
    size_t before = r.findings.n;
    run_rules("always", &a, &r);
    CHECK_NEAR(r.score, 0.1);
    engine_run(eng, &a, NULL, &r);
    CHECK(r.findings.n >= 1 + before);
    CHECK_STR(r.findings.items[0].rule_id, "always");
    CHECK_NEAR(r.score, engine_article_score(r.findings.items + 1, r.findings.n - 1));
    article_clear(&a);
    engine_result_free(&r);
}

/* --- the doc API ---------------------------------------------------------------------- */

static void test_doc_api(void)
{
    engine_result r = {0};
    article a = make_article("doc-1", "Doc title",
                             "First sentence here. He said \"we won the vote\" today.\n\n"
                             "Third is alone.", NULL);
    a.outlet = xstrdup("The Outlet");
    a.url = xstrdup("https://example.org/a");
    a.lang = xstrdup("en");
    run_rules("doc-api", &a, &r);
    CHECK_INT(r.n_errors, 0);
    print_errors(&r);
    json_t *j = evidence_of(of_rule(&r, "doc-api"));
    CHECK(j != NULL);
    if (j) {
        CHECK_INT(ev_int(j, "n_sentences"), 3);
        CHECK_EV_LIST(j, "indexes", "[1,2,3]");
        CHECK_EV_LIST(j, "texts", "[\"First sentence here.\",\"He said \\\"we won the vote\\\" "
                                  "today.\",\"Third is alone.\"]");
        CHECK_EV_LIST(j, "paragraphs", "[1,1,2]");
        CHECK_EV_LIST(j, "starts", "[0,21,55]");
        CHECK_EV_LIST(j, "stops", "[20,53,70]");
        CHECK(ev_true(j, "cached"));
        CHECK(ev_true(j, "first_prev_nil"));
        CHECK_INT(ev_int(j, "first_next"), 2);
        CHECK_STR(ev_str(j, "second_next_text"), "Third is alone.");
        CHECK_INT(ev_int(j, "last_prev"), 2);
        CHECK(ev_true(j, "last_next_nil"));
        CHECK_INT(ev_int(j, "n_paragraphs"), 2);
        CHECK_EV_LIST(j, "paragraph_sizes", "[2,1]");
        CHECK_EV_LIST(j, "paragraph_indexes", "[1,2]");
        CHECK_STR(ev_str(j, "paragraph_text"), "Third is alone.");
        CHECK_INT(ev_int(j, "paragraph_start"), 55);
        CHECK_INT(ev_int(j, "paragraph_stop"), 70);
        CHECK(ev_true(j, "paragraph_holds_sentence"));
        CHECK_INT(ev_int(j, "paragraph_sentences"), 1);
        CHECK_INT(ev_int(j, "at_said"), 2);
        CHECK(ev_true(j, "at_said_same"));
        CHECK(ev_true(j, "at_gap"));
        CHECK(ev_true(j, "at_end_nil"));
        CHECK(ev_true(j, "at_negative_nil"));
        CHECK(ev_true(j, "in_quote"));
        CHECK(ev_false(j, "out_of_quote"));
        CHECK(ev_false(j, "negative_in_quote"));
        CHECK(ev_true(j, "has_quote"));
        CHECK(ev_false(j, "quoted"));
        CHECK(ev_false(j, "first_has_quote"));
        CHECK_STR(ev_str(j, "tostring"), "Third is alone.");
        CHECK(ev_true(j, "sentence_doc"));
        CHECK_STR(ev_str(j, "id"), "doc-1");
        CHECK_STR(ev_str(j, "title"), "Doc title");
        CHECK_STR(ev_str(j, "outlet"), "The Outlet");
        CHECK_STR(ev_str(j, "url"), "https://example.org/a");
        CHECK_STR(ev_str(j, "author"), "none");           /* absent field: nil */
        CHECK(json_object_get(j, "published") == NULL);
        CHECK_STR(ev_str(j, "lang"), "en");
        CHECK_INT(ev_int(j, "body_length"), 70);
        CHECK_INT(ev_int(j, "finds"), 3);
        json_decref(j);
    }
    article_clear(&a);
    engine_result_free(&r);
}

static void test_cache_and_stale_docs(void)
{
    engine_result r = {0};
    const char *rules = "cache-writer cache-reader keeper keeper-raw";
    article first = make_article("first", "First title", "One article.", NULL);
    article second = make_article("second", "Second title", "Another article.", NULL);

    /* Other tests ran keeper before: let it keep a doc of ours first. */
    article prime = make_article("prime", "Prime title", "Primes the keepers.", NULL);
    run_rules(rules, &prime, &r);
    article_clear(&prime);

    run_rules(rules, &first, &r);
    json_t *j = evidence_of(of_rule(&r, "cache-writer"));
    if (j) {                                             /* the stdlib's, read-only */
        CHECK(ev_false(j, "ok"));
        CHECK_MSG(strstr(ev_str(j, "err"), "read-only") != NULL, "err: %s", ev_str(j, "err"));
        json_decref(j);
    } else {
        CHECK(j != NULL);
    }
    j = evidence_of(of_rule(&r, "cache-reader"));
    if (j) {
        CHECK_INT(ev_int(j, "visits"), 2);               /* writer, then reader */
        CHECK_STR(ev_str(j, "article"), "none");
        json_decref(j);
    } else {
        CHECK(j != NULL);
    }
    j = evidence_of(of_rule(&r, "keeper"));
    CHECK_STR(j ? ev_str(j, "old_title") : NULL, "Prime title");
    json_decref(j);

    run_rules(rules, &second, &r);
    j = evidence_of(of_rule(&r, "cache-reader"));
    if (j) {
        CHECK_INT(ev_int(j, "visits"), 2);               /* a fresh doc */
        CHECK_STR(ev_str(j, "article"), "none");
        json_decref(j);
    } else {
        CHECK(j != NULL);
    }
    j = evidence_of(of_rule(&r, "keeper"));
    if (j) {
        CHECK(ev_false(j, "ok"));
        CHECK_MSG(strstr(ev_str(j, "err"), "document is no longer being scored") != NULL,
                  "err: %s", ev_str(j, "err"));
        CHECK(ev_false(j, "ok_at"));
        CHECK(ev_false(j, "ok_quote"));
        CHECK_STR(ev_str(j, "old_title"), "First title");  /* plain fields still answer */
        CHECK(ev_false(j, "same"));
        json_decref(j);
    } else {
        CHECK(j != NULL);
    }
    /* Without pcall the stale doc is a rule error for this article. */
    CHECK_INT(r.n_errors, 1);
    if (r.n_errors == 1) {
        CHECK_INT(r.errors[0].rule, ruleset_find(rs, "keeper-raw"));
        CHECK(strstr(r.errors[0].message, "document is no longer being scored") != NULL);
    }
    CHECK(of_rule(&r, "keeper-raw") == NULL);

    /* Scoring the same article again makes a new doc as well. */
    run_rules("keeper", &second, &r);
    j = evidence_of(of_rule(&r, "keeper"));
    if (j) {
        CHECK(ev_false(j, "ok"));
        CHECK_STR(ev_str(j, "old_title"), "Second title");
        json_decref(j);
    } else {
        CHECK(j != NULL);
    }
    article_clear(&first);
    article_clear(&second);
    engine_result_free(&r);
}

/* engine_push_doc: a doc for the REPL and the stdlib tests, live until
 * the next article. */
static void test_push_doc(void)
{
    lua_State *L = sbx_state(rs->sandbox);
    int top = lua_gettop(L);
    const char *code = "local doc = ...\n"
                       "return #doc:sentences(), doc.title, doc:sentence_at(0).text";
    article a = make_article("pushed", "Pushed title", "One here. Two there.", NULL);
    engine_push_doc(eng, &a);
    CHECK_INT(lua_gettop(L), top + 1);
    CHECK(lua_istable(L, -1));
    lua_pushvalue(L, -1);                        /* keep a copy of the doc */
    sbx_push_env(rs->sandbox);
    CHECK_INT(sbx_load(rs->sandbox, code, strlen(code), "=push"), LUA_OK);
    lua_insert(L, -2);                           /* fn, doc */
    CHECK_INT(sbx_call(rs->sandbox, 1, 3), LUA_OK);
    CHECK_INT(lua_tointeger(L, -3), 2);
    CHECK_STR(lua_tostring(L, -2), "Pushed title");
    CHECK_STR(lua_tostring(L, -1), "One here.");
    lua_pop(L, 3);

    /* After the next article the pushed doc is stale. */
    engine_result r = {0};
    article b = make_article("next", "", "Another body.", NULL);
    run_rules("always", &b, &r);
    sbx_push_env(rs->sandbox);
    CHECK_INT(sbx_load(rs->sandbox, code, strlen(code), "=push"), LUA_OK);
    lua_insert(L, -2);
    CHECK(sbx_call(rs->sandbox, 1, 3) != LUA_OK);
    CHECK(strstr(lua_tostring(L, -1), "document is no longer being scored") != NULL);
    lua_settop(L, top);
    article_clear(&a);
    article_clear(&b);
    engine_result_free(&r);
}

/* --- ruleset problems ------------------------------------------------------------------ */

static void test_problems(void)
{
    char want[512];
    ruleset *set;

    /* A syntax error names the file and line; other files still load. */
    write_file("syntax/a_broken.lua",
               "rule {\n"
               "  id = \"broken\",\n"
               "  title = \"No comma after this\"\n"
               "  severity = \"low\",\n"
               "}\n");
    write_file("syntax/b_good.lua",
               "rule { id = \"good\", title = \"Good\", severity = \"low\", weight = 0.5,\n"
               "       check = function(doc, report) end }\n");
    write_file("syntax/notes.txt", "not a rule file\n");
    set = new_ruleset();
    CHECK_INT(ruleset_load_path(set, tmp_path("syntax")), 1);
    CHECK_INT(set->n_problems, 1);
    snprintf(want, sizeof want, "%s/syntax/a_broken.lua:4:", tmpdir);
    CHECK_MSG(set->n_problems && starts_with(set->problems[0], want),
              "got '%s', want it to start '%s'", set->n_problems ? set->problems[0] : "", want);
    CHECK_INT(set->n_rules, 1);
    CHECK(ruleset_find(set, "good") == 0);
    ruleset_free(set);

    /* Duplicate ids name both places, within a file and across files. */
    write_file("dup/a.lua",
               "rule { id = \"twice\", title = \"One\", severity = \"low\", weight = 0.5,\n"
               "       check = function(doc, report) end }\n");
    write_file("dup/b.lua",
               "-- the same id again\n"
               "\n"
               "rule { id = \"twice\", title = \"Two\", severity = \"low\", weight = 0.5,\n"
               "       check = function(doc, report) end }\n"
               "rule { id = \"once\", title = \"Three\", severity = \"low\", weight = 0.5,\n"
               "       check = function(doc, report) end }\n"
               "rule { id = \"once\", title = \"Four\", severity = \"low\", weight = 0.5,\n"
               "       check = function(doc, report) end }\n");
    set = new_ruleset();
    ruleset_load_path(set, tmp_path("dup"));
    CHECK_INT(set->n_problems, 2);
    CHECK_INT(set->n_rules, 2);
    snprintf(want, sizeof want, "%s/dup/b.lua:3: rule 'twice': duplicate id (first defined at "
             "%s/dup/a.lua:1)", tmpdir, tmpdir);
    CHECK_STR(set->n_problems > 0 ? set->problems[0] : NULL, want);
    snprintf(want, sizeof want, "%s/dup/b.lua:7: rule 'once': duplicate id (first defined at "
             "%s/dup/b.lua:5)", tmpdir, tmpdir);
    CHECK_STR(set->n_problems > 1 ? set->problems[1] : NULL, want);
    CHECK_STR(set->n_rules ? set->rules[0].title : NULL, "One");   /* the first one stays */
    ruleset_free(set);

    /* Bad fields, one rule a line: each a problem at its line, naming the
     * rule; the good rule among them loads. */
    write_file("fields.lua",
        "rule { id = \"typo\", title = \"T\", severity = \"low\", weight = 0.5, wieght = 1, check = function() end }\n"
        "rule { id = \"heavy\", title = \"T\", severity = \"low\", weight = 1.5, check = function() end }\n"
        "rule { id = \"weightless\", title = \"T\", severity = \"low\", weight = 0, check = function() end }\n"
        "rule { id = \"wordy\", title = \"T\", severity = \"low\", weight = \"high\", check = function() end }\n"
        "rule { id = \"dire\", title = \"T\", severity = \"critical\", weight = 0.5, check = function() end }\n"
        "rule { id = \"Bad_Id\", title = \"T\", severity = \"low\", weight = 0.5, check = function() end }\n"
        "rule { id = \"no-check\", title = \"T\", severity = \"low\", weight = 0.5 }\n"
        "rule { id = \"no-title\", severity = \"low\", weight = 0.5, check = function() end }\n"
        "rule { id = \"bad-needs\", title = \"T\", severity = \"low\", weight = 0.5, needs = { \"\" }, check = function() end }\n"
        "rule { id = \"bad-examples\", title = \"T\", severity = \"low\", weight = 0.5, examples = { flag = { 42 } }, check = function() end }\n"
        "rule { id = \"fine\", title = \"T\", severity = \"low\", weight = 1, check = function() end }\n"
        "rule { id = \"double--dash\", title = \"T\", severity = \"low\", weight = 0.5, check = function() end }\n"
        "rule { title = \"T\", severity = \"low\", weight = 0.5, check = function() end }\n"
        "rule { id = \"no-weight\", title = \"T\", severity = \"low\", check = function() end }\n");
    set = load_tmp("fields.lua");
    static const struct { int line; const char *text; } field_problems[] = {
        { 1, "rule 'typo': unknown field 'wieght'" },
        { 2, "rule 'heavy': weight 1.5 must be in (0, 1]" },
        { 3, "rule 'weightless': weight 0 must be in (0, 1]" },
        { 4, "rule 'wordy': field 'weight' must be a number" },
        { 5, "rule 'dire': severity 'critical' must be one of info, low, medium, high" },
        { 6, "rule 'Bad_Id': id 'Bad_Id' must be lowercase-kebab-case" },
        { 7, "rule 'no-check': missing field 'check'" },
        { 8, "rule 'no-title': missing field 'title'" },
        { 9, "rule 'bad-needs': needs[1] must be a non-empty string" },
        { 10, "rule 'bad-examples': examples.flag[1] must be a string (the body) or a table" },
        { 12, "rule 'double--dash': id 'double--dash' must be lowercase-kebab-case" },
        { 13, "rule '?': missing field 'id'" },
        { 14, "rule 'no-weight': missing field 'weight'" },
    };
    size_t n_field_problems = sizeof field_problems / sizeof field_problems[0];
    CHECK_INT(set->n_problems, n_field_problems);
    for (size_t i = 0; i < n_field_problems; i++) {
        snprintf(want, sizeof want, "%s/fields.lua:%d: %s", tmpdir, field_problems[i].line,
                 field_problems[i].text);
        CHECK_MSG(i < set->n_problems && starts_with(set->problems[i], want),
                  "got '%s'\n  want '%s'", i < set->n_problems ? set->problems[i] : "(none)", want);
    }
    CHECK_INT(set->n_rules, 1);
    CHECK_INT(ruleset_find(set, "fine"), 0);
    ruleset_free(set);

    /* A pattern that does not compile while the file loads: file:line and
     * the offset in the pattern. */
    write_file("regex.lua",
               "-- a pattern that does not compile, at load time\n"
               "local broken = spindle.re(\"(unclosed\")\n"
               "rule { id = \"after-regex\", title = \"T\", severity = \"low\", weight = 0.5,\n"
               "       check = function() end }\n");
    set = load_tmp("regex.lua");
    snprintf(want, sizeof want, "%s/regex.lua:2: spindle.re: ", tmpdir);
    CHECK_INT(set->n_problems, 1);
    CHECK_MSG(set->n_problems && starts_with(set->problems[0], want) &&
              strstr(set->problems[0], "at offset 9 in pattern '(unclosed'"),
              "got '%s'", set->n_problems ? set->problems[0] : "(none)");
    CHECK_INT(set->n_rules, 0);
    ruleset_free(set);

    write_file("regex_in_rule.lua",
               "rule {\n"
               "  id = \"regex-in-rule\", title = \"T\", severity = \"low\", weight = 0.5,\n"
               "  check = (function()\n"
               "    local re = spindle.re(\"a[b\", \"i\")\n"
               "    return function(doc, report) end\n"
               "  end)(),\n"
               "}\n");
    set = load_tmp("regex_in_rule.lua");
    snprintf(want, sizeof want, "%s/regex_in_rule.lua:4: spindle.re: ", tmpdir);
    CHECK_MSG(set->n_problems == 1 && starts_with(set->problems[0], want) &&
              strstr(set->problems[0], "at offset 3 in pattern 'a[b'"),
              "got '%s'", set->n_problems ? set->problems[0] : "(none)");
    ruleset_free(set);

    /* An error after a rule was defined drops the file's rules. */
    write_file("late.lua",
               "rule { id = \"before-error\", title = \"T\", severity = \"low\", weight = 0.5, check = function() end }\n"
               "error(\"late failure\")\n");
    set = load_tmp("late.lua");
    snprintf(want, sizeof want, "%s/late.lua:2: late failure", tmpdir);
    CHECK_STR(set->n_problems ? set->problems[0] : NULL, want);
    CHECK_INT(set->n_rules, 0);
    ruleset_free(set);

    /* A file that loops at load time runs out of budget. */
    write_file("spin.lua", "local n = 0\nwhile true do n = n + 1 end\n");
    set = load_tmp("spin.lua");
    CHECK_MSG(set->n_problems == 1 && strstr(set->problems[0], "instruction budget of 2000000 exceeded"),
              "got '%s'", set->n_problems ? set->problems[0] : "(none)");
    ruleset_free(set);

    /* Paths that do not exist. */
    set = new_ruleset();
    CHECK_INT(ruleset_load_path(set, tmp_path("missing.lua")), 1);
    CHECK(set->n_problems == 1 && strstr(set->problems[0], "cannot read rules"));
    ruleset_free(set);

    /* rule{} outside a rule file load (inside a check) is an error. */
    write_file("late_rule.lua",
               "rule { id = \"definer\", title = \"T\", severity = \"low\", weight = 0.5,\n"
               "  check = function(doc, report)\n"
               "    rule { id = \"sneaky\", title = \"T\", severity = \"low\", weight = 0.5, check = function() end }\n"
               "  end }\n");
    set = load_tmp("late_rule.lua");
    CHECK_INT(set->n_problems, 0);
    {
        engine *e2 = engine_new(set);
        engine_result r = {0};
        article a = make_article("x", "", "Body.", NULL);
        engine_run(e2, &a, NULL, &r);
        CHECK_INT(r.n_errors, 1);
        CHECK(r.n_errors == 1 && strstr(r.errors[0].message, "rule{} can only be called"));
        CHECK_INT(set->n_rules, 1);
        article_clear(&a);
        engine_result_free(&r);
        engine_free(e2);
    }
    ruleset_free(set);
}

static void test_require(void)
{
    char want[512];
    ruleset *set;

    /* A missing module. */
    write_file("req/missing.lua", "local m = require \"nosuch.module\"\n");
    set = load_tmp("req/missing.lua");
    snprintf(want, sizeof want, "%s/req/missing.lua:1: module 'nosuch.module' not found", tmpdir);
    CHECK_MSG(set->n_problems == 1 && starts_with(set->problems[0], want),
              "got '%s'", set->n_problems ? set->problems[0] : "(none)");
    ruleset_free(set);

    /* Not a module name. */
    write_file("req/dots.lua", "local m = require \"../etc/passwd\"\n");
    set = load_tmp("req/dots.lua");
    CHECK_MSG(set->n_problems == 1 && strstr(set->problems[0], "not a module name"),
              "got '%s'", set->n_problems ? set->problems[0] : "(none)");
    ruleset_free(set);

    /* A cycle. */
    write_file("req/cyc_a.lua", "return require \"cyc_b\"\n");
    write_file("req/cyc_b.lua", "local a = require \"cyc_a\"\nreturn {}\n");
    write_file("req/cycle.lua", "local a = require \"cyc_a\"\n");
    set = load_tmp("req/cycle.lua");
    CHECK_MSG(set->n_problems == 1 && strstr(set->problems[0], "'cyc_a' requires itself (a cycle)"),
              "got '%s'", set->n_problems ? set->problems[0] : "(none)");
    ruleset_free(set);

    /* Modules in subdirectories, stdlib modules, loaded once and shared. */
    write_file("req/sub/helper.lua",
               "loads = (loads or 0) + 1\n"
               "return { answer = 42, name = ... }\n");
    write_file("req/uses.lua",
               "local h1 = require \"sub.helper\"\n"
               "local h2 = require \"sub.helper\"\n"
               "local claims = require \"spindle.claims\"\n"
               "assert(h1 == h2 and h1.answer == 42 and h1.name == \"sub.helper\")\n"
               "assert(type(claims) == \"table\")\n"
               "rule { id = \"uses\", title = \"T\", severity = \"low\", weight = 0.5,\n"
               "       check = function() end }\n");
    write_file("req/uses_too.lua",
               "local h = require \"sub.helper\"\n"
               "rule { id = \"uses-too\", title = \"T\", severity = \"low\", weight = 0.5,\n"
               "       check = function() end }\n");
    set = new_ruleset();
    ruleset_load_path(set, tmp_path("req/uses.lua"));
    ruleset_load_path(set, tmp_path("req/uses_too.lua"));
    ruleset_finish(set);
    CHECK_INT(set->n_problems, 0);
    print_problems(set);
    CHECK_INT(set->n_rules, 2);
    ruleset_free(set);

    /* A module that fails to load: each file that requires it gets the
     * module's own error, not a false "cycle". */
    write_file("req/exploding.lua", "error(\"module exploded\")\n");
    write_file("req/needs_a.lua", "local x = require \"exploding\"\n");
    write_file("req/needs_b.lua", "local x = require \"exploding\"\n");
    set = new_ruleset();
    ruleset_load_path(set, tmp_path("req/needs_a.lua"));
    ruleset_load_path(set, tmp_path("req/needs_b.lua"));
    CHECK_INT(set->n_problems, 2);
    CHECK_MSG(set->n_problems > 0 && strstr(set->problems[0], "module exploded"),
              "got '%s'", set->n_problems > 0 ? set->problems[0] : "(none)");
    CHECK_MSG(set->n_problems > 1 && !strstr(set->problems[1], "cycle"),
              "second require of a module that failed: got '%s'",
              set->n_problems > 1 ? set->problems[1] : "(none)");
    ruleset_free(set);
}

/* --- hashes, directories, the built-in pack -------------------------------------------- */

/* The first rule's source hash, or "" when there is no rule. */
static void copy_hash(char out[33], const ruleset *set)
{
    snprintf(out, 33, "%s", set->n_rules ? set->rules[0].source_hash : "");
}

static void test_source_hash(void)
{
    const char *v1 =
        "local h = require \"hashmod\"\n"
        "rule { id = \"hashed\", title = \"T\", severity = \"low\", weight = 0.5, check = function() end }\n"
        "rule { id = \"hashed-too\", title = \"T\", severity = \"low\", weight = 0.5, check = function() end }\n";
    write_file("hash/hashmod.lua", "return { version = 1 }\n");
    write_file("hash/hashed.lua", v1);
    char h1[33], h1b[33], h2[33], h3[33], h4[33];

    ruleset *set = load_tmp("hash/hashed.lua");
    CHECK_INT(set->n_rules, 2);
    if (set->n_rules < 2) { ruleset_free(set); return; }
    memcpy(h1, set->rules[0].source_hash, 33);
    memcpy(h1b, set->rules[1].source_hash, 33);
    CHECK_INT(strlen(h1), 32);
    CHECK(strcmp(h1, h1b) != 0);                 /* two rules of one file differ */
    ruleset_free(set);

    set = load_tmp("hash/hashed.lua");            /* the same file again */
    CHECK_STR(set->n_rules ? set->rules[0].source_hash : NULL, h1);
    ruleset_free(set);

    write_file("hash/hashed.lua", "-- an edit\n" );   /* changed file */
    {
        FILE *f = fopen(tmp_path("hash/hashed.lua"), "ab");
        if (f) { fputs(v1, f); fclose(f); }
    }
    set = load_tmp("hash/hashed.lua");
    copy_hash(h2, set);
    CHECK(set->n_rules && strcmp(h2, h1) != 0);
    ruleset_free(set);

    write_file("hash/hashmod.lua", "return { version = 2 }\n");  /* changed module */
    set = load_tmp("hash/hashed.lua");
    copy_hash(h3, set);
    CHECK(set->n_rules && strcmp(h3, h2) != 0);
    ruleset_free(set);

    /* The main rule file's hashes are stable across loads too. */
    set = new_ruleset();
    ruleset_load_path(set, ENGINE_FILE);
    ruleset_finish(set);
    copy_hash(h4, set);
    CHECK_STR(h4, rs->rules[0].source_hash);
    ruleset_free(set);
}

static void test_directory_load(void)
{
    write_file("tree/b.lua",
               "rule { id = \"second-file\", title = \"T\", severity = \"low\", weight = 0.5, check = function() end }\n");
    write_file("tree/a.lua",
               "rule { id = \"first-file\", title = \"T\", severity = \"low\", weight = 0.5, check = function() end }\n");
    write_file("tree/deeper/c.lua",
               "rule { id = \"nested-file\", title = \"T\", severity = \"low\", weight = 0.5, check = function() end }\n");
    write_file("tree/.hidden.lua", "error(\"hidden files are not loaded\")\n");
    write_file("tree/readme.md", "not lua\n");
    ruleset *set = new_ruleset();
    CHECK_INT(ruleset_load_path(set, tmp_path("tree/")), 0);
    ruleset_finish(set);
    print_problems(set);
    CHECK_INT(ruleset_find(set, "first-file"), 0);      /* sorted by name */
    CHECK_INT(ruleset_find(set, "second-file"), 1);
    /* ruleset.h: "every *.lua file under a directory (recursively, sorted)" */
    CHECK_MSG(ruleset_find(set, "nested-file") >= 0,
              "a rule file in a subdirectory was not loaded");
    ruleset_free(set);

    /* The unit rule directory itself loads cleanly. */
    set = new_ruleset();
    CHECK_INT(ruleset_load_path(set, RULES_DIR), 0);
    CHECK_INT(set->n_rules, rs->n_rules);
    ruleset_free(set);
}

static void test_builtin_pack(void)
{
    char err[256];
    ruleset *set = ruleset_new(NULL, err, sizeof err);
    CHECK(set != NULL);
    if (!set) return;
    ruleset_load_builtin(set);
    ruleset_finish(set);
    CHECK_INT(set->n_problems, 0);
    print_problems(set);
    CHECK(set->n_rules >= 3);
    for (size_t i = 0; i < set->n_rules; i++) {
        CHECK_MSG(strlen(set->rules[i].source_hash) == 32 && set->rules[i].weight > 0 &&
                  set->rules[i].weight <= 1, "built-in rule %s", set->rules[i].id);
    }

    /* The pack runs on an ordinary article without rule errors. */
    engine *e2 = engine_new(set);
    engine_result r = {0};
    article a = make_article("builtin", "Deal signed",
                             "Reports said Acme signed a $2.6 billion contract for the plant. "
                             "The minister said in a statement that the deal was \"historic\".\n\n"
                             "Sources said it could reportedly be worth more.", NULL);
    engine_run(e2, &a, NULL, &r);
    CHECK_INT(r.n_errors, 0);
    for (size_t i = 0; i < r.n_errors; i++)
        fprintf(stderr, "  built-in rule error [%s]: %s\n", set->rules[r.errors[i].rule].id,
                r.errors[i].message);
    CHECK(r.rules_run > 0);
    CHECK(r.score >= 0 && r.score <= 1);
    article_clear(&a);
    engine_result_free(&r);
    engine_free(e2);
    ruleset_free(set);
}

/* One rule must not be able to change the doc or sentence methods another
 * rule (or the next article) calls: lua_rx hides the Regex metatable for
 * that reason; Doc and Sentence need the same. */
static void test_method_tampering(void)
{
    write_file("tamper.lua",
               "rule { id = \"tamper\", title = \"T\", severity = \"low\", weight = 0.5,\n"
               "  check = function(doc, report)\n"
               "    local s = doc:sentences()[1]\n"
               "    for _, t in ipairs { doc, s } do\n"
               "      local mt = getmetatable(t)\n"
               "      if type(mt) == \"table\" and type(mt.__index) == \"table\" then\n"
               "        mt.__index.sentences = function() return {} end\n"
               "        mt.__index.next = function() return \"tampered\" end\n"
               "      end\n"
               "    end\n"
               "  end }\n"
               "rule { id = \"victim\", title = \"T\", severity = \"low\", weight = 0.5,\n"
               "  check = function(doc, report)\n"
               "    local ss = doc:sentences()\n"
               "    report { at = { 0, 1 }, evidence = { n = #ss,\n"
               "             next = ss[1] and tostring(ss[1]:next() and ss[1]:next().index) or \"none\" } }\n"
               "  end }\n");
    ruleset *set = load_tmp("tamper.lua");
    CHECK_INT(set->n_problems, 0);
    engine *e2 = engine_new(set);
    engine_result r = {0};
    article a = make_article("t", "", "One sentence. Two sentences.", NULL);
    engine_run(e2, &a, NULL, &r);
    CHECK_INT(r.n_errors, 0);
    CHECK_INT(r.findings.n, 1);
    CHECK_MSG(r.findings.n == 1 &&
              strcmp(r.findings.items[0].evidence_json, "{\"n\":2,\"next\":\"2\"}") == 0,
              "a rule replaced the doc/sentence methods another rule sees: evidence %s",
              r.findings.n ? r.findings.items[0].evidence_json : "(none)");
    article_clear(&a);
    engine_result_free(&r);
    engine_free(e2);
    ruleset_free(set);
}

/* A rule that fills the Lua memory budget (catching the memory errors
 * itself, and keeping the docs so that nothing can be collected) must not
 * take the process down when the engine next needs memory
 * for an article: that is a rule error at worst. Runs in a child process,
 * which reports through its exit status. */
static void test_memory_hoarder(void)
{
    write_file("hoard.lua",
               "local hoard\n"
               "rule { id = \"hoarder\", title = \"Hoards memory\", severity = \"low\", weight = 0.1,\n"
               "  check = function(doc, report)\n"
               "    hoard = { next = hoard, doc = doc }\n"
               "    for _, size in ipairs { 65536, 4096, 256, 16, 1 } do\n"
               "      pcall(function()\n"
               "        while true do hoard = { next = hoard, text = string.rep(\"x\", size) } end\n"
               "      end)\n"
               "    end\n"
               "  end }\n"
               "rule { id = \"after\", title = \"Runs after\", severity = \"low\", weight = 0.1,\n"
               "  check = function(doc, report) report { at = { 0, 1 } } end }\n");
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        alarm(60);
        char err[256];
        ruleset_options opt = { .memory_bytes = 16u * 1024 * 1024 };
        ruleset *set = ruleset_new(&opt, err, sizeof err);
        if (!set) _exit(10);
        ruleset_load_path(set, tmp_path("hoard.lua"));
        ruleset_finish(set);
        if (set->n_rules != 2) _exit(11);
        engine *e2 = engine_new(set);
        engine_result r = {0};
        article a = make_article("h1", "Hoard", "A body of some length for the doc.", NULL);
        for (int i = 0; i < 3; i++) {
            engine_result_clear(&r);
            engine_run(e2, &a, NULL, &r);
        }
        _exit(0);
    }
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    CHECK_MSG(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0,
              "a rule that fills the memory budget brought the engine down (%s %d)",
              WIFSIGNALED(wstatus) ? "signal" : "exit status",
              WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : WEXITSTATUS(wstatus));
}

/* --- set-up ------------------------------------------------------------------------------- */

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    return remove(path);
}

/* The needs prefilter as a trie: words sharing prefixes, a word that
 * begins with another, several spaces, punctuation and non-ASCII words all
 * skip and run exactly the articles a plain substring test would. */
static void test_needs_trie(void)
{
    write_file("trie.lua",
               "rule { id = \"trie\", title = \"T\", severity = \"low\", weight = 0.5,\n"
               "  needs = { \"reportedly\", \"report\", \"reporters\", \"is  said\", \"is sad\",\n"
               "            \"$\", \"(c)\", \"\xC3\xA9t\xC3\xA9\", \"rep\xC3\xA9\" },\n"
               "  check = function(doc, report) report { at = { 0, 1 } } end }\n");
    ruleset *set = load_tmp("trie.lua");
    CHECK_INT(set->n_problems, 0);
    engine *e = engine_new(set);
    static const struct { const char *body; bool runs; } cases[] = {
        { "It was REPORTED today.", true },          /* "report" covers the longer words */
        { "The reportedly vanished.", true },
        { "He is said to be here.", true },
        { "He is\n\tsaid to be here.", true },      /* a space matches any whitespace */
        { "She is sad.", true },
        { "He is saying.", false },
        { "It costs $5.", true },
        { "Copyright (c) 2005.", true },
        { "Copyright c 2005.", false },
        { "Un \xC3\xA9t\xC3\xA9 chaud.", true },
        { "Un \xC3\x89T\xC3\x89 chaud.", true },     /* caseless beyond ASCII */
        { "Le rep\xC3\xA9rage.", true },
        { "Le repas.", false },
        { "Nothing at all.", false },
    };
    engine_result r = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        article a = make_article("n", "", cases[i].body, NULL);
        engine_result_clear(&r);
        engine_run(e, &a, NULL, &r);
        CHECK_MSG((r.rules_run == 1) == cases[i].runs, "needs on '%s': ran %zu, want %d",
                  cases[i].body, r.rules_run, cases[i].runs);
        article_clear(&a);
    }
    engine_result_free(&r);
    engine_free(e);
    ruleset_free(set);
}


/* --- findings on the title ------------------------------------------------------ */

/* report{} pointing at the headline: at = "title", a title span with
 * part = "title", a claim-like table carrying part, and the errors. Cases
 * as data: the article's meta.case picks what the rule reports. */
static void test_title_findings(void)
{
    write_file("title/title.lua",
               "local cases = {\n"
               "  whole = function(doc, report) report { at = \"title\" } end,\n"
               "  span  = function(doc, report) report { at = { 5, 9, part = \"title\" } } end,\n"
               "  claim = function(doc, report)\n"
               "    report { at = { text = \"Acme\", start = 5, stop = 9, part = \"title\" } } end,\n"
               "  body  = function(doc, report) report { at = { 0, 4, part = \"body\" } } end,\n"
               "  cut   = function(doc, report) report { at = { 14, 15, part = \"title\" } } end,\n"
               "  past  = function(doc, report) report { at = { 0, 99, part = \"title\" } } end,\n"
               "  neg   = function(doc, report) report { at = { -1, 2, part = \"title\" } } end,\n"
               "  bad   = function(doc, report) report { at = { 0, 2, part = \"header\" } } end,\n"
               "  word  = function(doc, report) report { at = \"headline\" } end,\n"
               "}\n"
               "rule { id = \"title-at\", title = \"Title at\", severity = \"low\", weight = 0.5,\n"
               "       check = function(doc, report) cases[doc.meta.case](doc, report) end }\n");
    ruleset *set = new_ruleset();
    ruleset_load_path(set, tmp_path("title"));
    ruleset_finish(set);
    print_problems(set);
    CHECK_INT(set->n_problems, 0);
    engine *e = engine_new(set);
    static const struct {
        const char *which;
        finding_part part;
        size_t start, end;
        const char *text, *error;
        int line, col;
    } cases[] = {
        /* title: "Big: Acme café wins", 20 bytes: Acme at [5, 9), é at [13, 15) */
        { "whole", PART_TITLE, 0, 20, "Big: Acme café wins", NULL, 1, 1 },
        { "span",  PART_TITLE, 5, 9,  "Acme", NULL, 1, 6 },
        { "claim", PART_TITLE, 5, 9,  "Acme", NULL, 1, 6 },
        { "body",  PART_BODY,  0, 4,  "Acme", NULL, 1, 1 },
        { "cut",   PART_TITLE, 13, 15, "é", NULL, 1, 14 },   /* widened to the character */
        { "past",  PART_TITLE, 0, 0, NULL, "report: span [0, 99) is outside the title (0 .. 20)", 0, 0 },
        { "neg",   PART_TITLE, 0, 0, NULL, "report: span [-1, 2) is outside the title", 0, 0 },
        { "bad",   PART_TITLE, 0, 0, NULL, "report: 'part' of 'at' must be \"body\" or \"title\"", 0, 0 },
        { "word",  PART_TITLE, 0, 0, NULL, "report: 'at' must be", 0, 0 },
    };
    engine_result r = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char meta[64];
        snprintf(meta, sizeof meta, "{\"case\":\"%s\"}", cases[i].which);
        article a = make_article("t", "Big: Acme café wins", "Acme signed a deal.", meta);
        engine_result_clear(&r);
        engine_run(e, &a, NULL, &r);
        if (cases[i].error) {
            CHECK_MSG(r.n_errors == 1 && strstr(r.errors[0].message, cases[i].error),
                      "%s: want error '%s', got %s", cases[i].which, cases[i].error,
                      r.n_errors ? r.errors[0].message : "none");
            CHECK_INT(r.findings.n, 0);
        } else {
            print_errors(&r);
            CHECK_MSG(r.findings.n == 1, "%s: %zu findings", cases[i].which, r.findings.n);
            if (r.findings.n == 1) {
                const finding *f = &r.findings.items[0];
                CHECK_MSG(f->part == cases[i].part, "%s: part %s", cases[i].which,
                          finding_part_name(f->part));
                CHECK_MSG(f->start == cases[i].start && f->end == cases[i].end,
                          "%s: span [%zu, %zu)", cases[i].which, f->start, f->end);
                CHECK_STR(f->text, cases[i].text);
                CHECK_MSG(f->line == cases[i].line && f->col == cases[i].col, "%s: %d:%d",
                          cases[i].which, f->line, f->col);
            }
        }
        article_clear(&a);
    }
    /* a body span is "body" whatever the title */
    CHECK_STR(finding_part_name(PART_BODY), "body");
    finding_part p = PART_BODY;
    CHECK(finding_part_parse("title", &p) && p == PART_TITLE);
    CHECK(!finding_part_parse("Title", &p) && !finding_part_parse(NULL, &p));
    engine_result_free(&r);
    engine_free(e);
    ruleset_free(set);
}

/* --- rules that ship off -------------------------------------------------------- */

/* enabled = false: the rule loads, is not on, and engine_run without a mask
 * skips it; an explicit mask runs it (spindle test); a bad value is a load
 * problem. */
static void test_enabled_field(void)
{
    write_file("off/off.lua",
               "rule { id = \"ships-off\", title = \"Off\", severity = \"low\", weight = 0.5,\n"
               "       enabled = false,\n"
               "       check = function(doc, report) report { at = { 0, 1 } } end }\n"
               "rule { id = \"ships-on\", title = \"On\", severity = \"low\", weight = 0.5,\n"
               "       enabled = true,\n"
               "       check = function(doc, report) report { at = { 0, 1 } } end }\n"
               "rule { id = \"no-field\", title = \"On\", severity = \"low\", weight = 0.5,\n"
               "       check = function(doc, report) report { at = { 0, 1 } } end }\n"
               "rule { id = \"bad-enabled\", title = \"Bad\", severity = \"low\", weight = 0.5,\n"
               "       enabled = \"no\",\n"
               "       check = function(doc, report) end }\n");
    ruleset *set = new_ruleset();
    ruleset_load_path(set, tmp_path("off"));
    ruleset_finish(set);
    CHECK_INT(set->n_rules, 3);
    CHECK_INT(set->n_problems, 1);
    if (set->n_problems == 1)
        CHECK_MSG(strstr(set->problems[0], "off.lua:9: rule 'bad-enabled': field 'enabled' "
                         "must be true or false") != NULL, "problem: %s", set->problems[0]);
    long off = ruleset_find(set, "ships-off");
    CHECK(off >= 0);
    if (off < 0) { ruleset_free(set); return; }
    CHECK(!set->rules[off].enabled && !set->rules[off].on);
    CHECK(set->rules[ruleset_find(set, "ships-on")].on);
    CHECK(set->rules[ruleset_find(set, "no-field")].enabled);
    CHECK_INT(ruleset_count_on(set), 2);
    engine *e = engine_new(set);
    engine_result r = {0};
    article a = make_article("t", "", "Body.", NULL);
    engine_run(e, &a, NULL, &r);
    CHECK_INT(r.findings.n, 2);
    CHECK(of_rule(&r, "ships-off") == NULL);
    bool mask[3] = { false };
    mask[off] = true;
    engine_result_clear(&r);
    engine_run(e, &a, mask, &r);                 /* spindle test runs it */
    CHECK_INT(r.findings.n, 1);
    CHECK(of_rule(&r, "ships-off") != NULL);
    set->rules[off].on = true;                   /* what --enable does */
    engine_result_clear(&r);
    engine_run(e, &a, NULL, &r);
    CHECK_INT(r.findings.n, 3);
    article_clear(&a);
    engine_result_free(&r);
    engine_free(e);
    ruleset_free(set);
}

int main(void)
{
    alarm(300);  /* a hang ends the run instead of stalling `make test` */
    snprintf(tmpdir, sizeof tmpdir, "/tmp/spindle-test-engine-XXXXXX");
    if (!mkdtemp(tmpdir)) { perror("mkdtemp"); return 2; }

    rs = new_ruleset();
    ruleset_load_path(rs, ENGINE_FILE);
    ruleset_finish(rs);
    eng = engine_new(rs);

    test_load_unit_rules();
    test_at_shapes();
    test_positions();
    test_scores();
    test_evidence();
    test_bad_reports();
    test_finding_text_is_utf8();
    test_needs_and_mask();
    test_doc_api();
    test_cache_and_stale_docs();
    test_push_doc();
    test_problems();
    test_require();
    test_source_hash();
    test_directory_load();
    test_builtin_pack();
    test_method_tampering();
    test_needs_trie();
    test_memory_hoarder();
    test_title_findings();
    test_enabled_field();

    engine_free(eng);
    ruleset_free(rs);
    nftw(tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return check_report("test_engine");
}
