/*
 * cmd_test.c — `spindle test`: runs every rule's examples. Each flag example
 * must give at least one finding of its rule and each pass example none.
 * Load problems count as failures. Ends with "N passed, N failed".
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "cli.h"
#include "engine.h"
#include "explain.h"
#include "lua_host.h"
#include "lua_json.h"
#include "util.h"

static const char TEST_USAGE[] =
    "usage: spindle [--rules PATH]... test [OPTIONS] [PATH]...\n"
    "\n"
    "Runs the examples of each rule (examples = { flag = {...}, pass = {...} }):\n"
    "a flag example passes when the rule reports at least one finding on it, a\n"
    "pass example when it reports none. An example is a string (the body) or a\n"
    "table { body = ..., title = ..., published = ..., outlet = ..., url = ...,\n"
    "author = ..., lang = ..., meta = {...} }. Each failure is printed with the\n"
    "rule's file:line, and so is each rule that fails to load. Rules that ship\n"
    "off (enabled = false) are tested too. Everything goes to stderr (there is no\n"
    "data on stdout); the last line is 'N passed, N failed'.\n"
    "With no PATH it tests the rules the global options select.\n"
    "\n"
    "Options:\n"
    "  --rule ID         test only this rule (repeatable)\n"
    "  -v, --verbose     print each example's result, not only failures\n"
    "  --explain         under each failing example, why the rule fired or did\n"
    "                    not (as 'spindle explain' tells it)\n"
    "  -h, --help        this help\n"
    "\n"
    "Exits 0 when everything passed, 1 otherwise.\n";

typedef struct test_counts {
    size_t passed, failed;
} test_counts;

/* Sets *field from the string field `name` of the table on top, if any. */
static void example_string(lua_State *L, const char *name, char **field)
{
    if (lua_getfield(L, -1, name) == LUA_TSTRING) *field = xstrdup(lua_tostring(L, -1));
    lua_pop(L, 1);
}

/* Reads examples[kind][index] into a: a string is the body; a table gives
 * body, title, url, outlet, author, published, lang and meta. False when
 * absent. */
static bool example_load(lua_State *L, int examples_ref, const char *kind, size_t index,
                         article *a)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, examples_ref);
    lua_getfield(L, -1, kind);
    lua_rawgeti(L, -1, (lua_Integer)index);
    bool ok = true;
    if (lua_type(L, -1) == LUA_TSTRING) {
        size_t len;
        const char *body = lua_tolstring(L, -1, &len);
        a->body = xstrndup(body, len);
        a->body_len = len;
    } else if (lua_istable(L, -1)) {
        lua_getfield(L, -1, "body");
        size_t len;
        const char *body = lua_tolstring(L, -1, &len);
        a->body = xstrndup(body ? body : "", body ? len : 0);
        a->body_len = body ? len : 0;
        lua_pop(L, 1);
        example_string(L, "title", &a->title);
        example_string(L, "url", &a->url);
        example_string(L, "outlet", &a->outlet);
        example_string(L, "author", &a->author);
        example_string(L, "published", &a->published);
        example_string(L, "lang", &a->lang);
        if (lua_getfield(L, -1, "meta") == LUA_TTABLE) {
            char err[256];
            json_t *meta = lua_json_from_value(L, -1, err, sizeof err);
            if (meta && json_is_object(meta))
                a->meta_json = json_dumps(meta, JSON_COMPACT | JSON_SORT_KEYS);
            json_decref(meta);
        }
        lua_pop(L, 1);
    } else {
        ok = false;
    }
    if (!a->title) a->title = xstrdup("");
    lua_pop(L, 3);
    return ok;
}

/* Prints an example's text on one line, shortened. */
static void example_excerpt(FILE *out, const char *text)
{
    size_t n = 0;
    for (const char *p = text; *p && n < 100; p++, n++) fputc(*p == '\n' ? ' ' : *p, out);
    if (strlen(text) > 100) fputs("...", out);
}

/* Prints, indented, why rule index fired or not on the example a (copied:
 * the host's doc takes its own). */
static void example_explain(host *h, size_t index, const article *a)
{
    lua_State *L = sbx_state(h->rs->sandbox);
    article copy = {0};
    copy.id = xstrdup(a->id);
    copy.origin = xstrdup(a->origin ? a->origin : a->id);
    copy.title = xstrdup(a->title ? a->title : "");
    copy.body = xstrndup(a->body, a->body_len);
    copy.body_len = a->body_len;
    if (a->url) copy.url = xstrdup(a->url);
    if (a->outlet) copy.outlet = xstrdup(a->outlet);
    if (a->author) copy.author = xstrdup(a->author);
    if (a->published) copy.published = xstrdup(a->published);
    if (a->lang) copy.lang = xstrdup(a->lang);
    if (a->meta_json) copy.meta_json = xstrdup(a->meta_json);
    lua_host_push_doc(L, h, &copy);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem) { lua_pop(L, 1); return; }
    explain_doc(h, h->rs->rules[index].id, false, mem);
    fclose(mem);
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        fprintf(stderr, "     | %.*s\n", nl ? (int)(nl - line) : (int)strlen(line), line);
        line = nl ? nl + 1 : NULL;
    }
    free(text);
}

static void test_rule(ruleset *rs, engine *e, host *h, size_t index, bool verbose,
                      test_counts *counts)
{
    const rule *r = &rs->rules[index];
    lua_State *L = sbx_state(rs->sandbox);
    bool *mask = xcalloc(rs->n_rules, sizeof *mask);
    mask[index] = true;
    engine_result result = {0};
    const char *kinds[2] = { "flag", "pass" };
    size_t totals[2] = { r->n_flag_examples, r->n_pass_examples };
    for (int k = 0; k < 2; k++) {
        for (size_t i = 1; i <= totals[k]; i++) {
            article a = {0};
            if (!example_load(L, r->examples_ref, kinds[k], i, &a)) continue;
            char id[128];
            snprintf(id, sizeof id, "%s:%s[%zu]", r->id, kinds[k], i);
            a.id = xstrdup(id);
            a.origin = xstrdup(id);
            engine_result_clear(&result);
            engine_run(e, &a, mask, &result);
            bool ok;
            const char *why = NULL;
            if (result.n_errors) {
                ok = false;
                why = result.errors[0].message;
            } else if (k == 0) {
                ok = result.findings.n > 0;
                if (!ok) why = result.rules_skipped ? "no finding (the rule's `needs` words "
                                                      "are not in the text)" : "no finding";
            } else {
                ok = result.findings.n == 0;
                if (!ok) why = "unexpected finding";
            }
            if (ok) {
                counts->passed++;
                if (verbose) {
                    fprintf(stderr, "ok   %s  ", id);
                    example_excerpt(stderr, a.body);
                    fputc('\n', stderr);
                }
            } else {
                counts->failed++;
                fprintf(stderr, "FAIL %s:%d: %s: %s example %zu: %s\n     text: ", r->file, r->line,
                       r->id, kinds[k], i, why);
                example_excerpt(stderr, a.body);
                fputc('\n', stderr);
                for (size_t f = 0; f < result.findings.n && k == 1; f++)
                    fprintf(stderr, "     found: \"%s\" - %s\n", result.findings.items[f].text,
                           result.findings.items[f].message);
                if (h) example_explain(h, index, &a);
            }
            article_clear(&a);
        }
    }
    engine_result_free(&result);
    free(mask);
}

int cmd_test(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "rule", required_argument, NULL, 'r' },
        { "verbose", no_argument, NULL, 'v' },
        { "explain", no_argument, NULL, 'x' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    char **only = xcalloc((size_t)argc, sizeof *only);
    size_t n_only = 0;
    bool verbose = false, explain = false;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("vh"), options, NULL)) != -1) {
        switch (opt) {
        case 'r': only[n_only++] = optarg; break;
        case 'v': verbose = true; break;
        case 'x': explain = true; break;
        case 'h': cli_usage(stdout, TEST_USAGE); free(only); return EXIT_OK;
        default: free(only); return cli_option_error("test", options, opt, argv);
        }
    }
    int load_status;
    ruleset *rs = cli_load_rules(c, argv + optind, (size_t)(argc - optind), true, &load_status);
    if (!rs) { free(only); return load_status; }
    test_counts counts = {0};
    for (size_t i = 0; i < rs->n_warnings; i++) fprintf(stderr, "warning: %s\n", rs->warnings[i]);
    for (size_t i = 0; i < rs->n_problems; i++) {
        fprintf(stderr, "FAIL %s\n", rs->problems[i]);
        counts.failed++;
    }
    engine *e = engine_new(rs);
    host h;
    host_init(&h, c, rs, e, false);
    size_t tested = 0;
    for (size_t i = 0; i < rs->n_rules; i++) {
        bool wanted = n_only == 0;
        for (size_t k = 0; k < n_only; k++)
            if (strcmp(only[k], rs->rules[i].id) == 0) wanted = true;
        if (!wanted) continue;
        tested++;
        test_rule(rs, e, explain ? &h : NULL, i, verbose, &counts);
    }
    const char **ids = xcalloc(rs->n_rules + 1, sizeof *ids);
    for (size_t i = 0; i < rs->n_rules; i++) ids[i] = rs->rules[i].id;
    for (size_t k = 0; k < n_only; k++) {
        if (ruleset_find(rs, only[k]) < 0) {
            const char *near = util_closest(only[k], ids);
            fprintf(stderr, "FAIL --rule %s: no such rule loaded", only[k]);
            if (near) fprintf(stderr, "; did you mean '%s'?", near);
            fputc('\n', stderr);
            counts.failed++;
        }
    }
    free(ids);
    fprintf(stderr, "%zu rule%s tested\n", tested, tested == 1 ? "" : "s");
    fprintf(stderr, "%zu passed, %zu failed\n", counts.passed, counts.failed);
    host_close(&h);
    engine_free(e);
    ruleset_free(rs);
    free(only);
    return counts.failed ? EXIT_RUNTIME : EXIT_OK;
}
