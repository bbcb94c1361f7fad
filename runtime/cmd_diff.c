/*
 * cmd_diff.c — `spindle diff RUN_A RUN_B`: what changed in the archive's
 * findings between the end of one run and the end of another: findings
 * added, removed and re-scored, counted per rule and per article, with the
 * findings themselves under --verbose.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "cli.h"
#include "output.h"
#include "util.h"

static const char DIFF_USAGE[] =
    "usage: spindle [--db FILE] diff [OPTIONS] RUN_A RUN_B\n"
    "\n"
    "Compares the findings the archive held when run RUN_A ended with those it\n"
    "held when RUN_B ended (runs are numbered as 'score' and 'ingest --results'\n"
    "report them; each keeps a snapshot of the findings of the rules that were\n"
    "on). A finding is the same when its article, rule and span are: it is\n"
    "added (+, only in RUN_B), removed (-, only in RUN_A) or re-scored (~, a new\n"
    "score or message). Prints the counts, then per rule and per article;\n"
    "--verbose adds each finding. Runs finished before schema 4 have no snapshot.\n"
    "\n"
    "Options:\n"
    "  -v, --verbose     list the findings added, removed and re-scored\n"
    "  --format F        text (default) or json (one object: counts, by_rule,\n"
    "                    by_article, and with --verbose the findings)\n"
    "  -h, --help        this help\n"
    "\n"
    "Exit: 0 when the two runs' findings are the same, 1 when they differ, 2 on\n"
    "a usage error, a run that does not exist or has no snapshot, or an archive\n"
    "error.\n";

/* Counts of one rule or article. */
typedef struct diff_counts {
    size_t added, removed, rescored;
} diff_counts;

typedef struct diff_state {
    diff_counts total;
    json_t     *by_rule;     /* id -> [added, removed, rescored] (in first-seen order) */
    json_t     *by_article;
    json_t     *changes;     /* --verbose: the findings */
} diff_state;

static void diff_count(json_t *table, const char *key, char kind)
{
    json_t *row = json_object_get(table, key);
    if (!row) {
        row = json_pack("[iii]", 0, 0, 0);
        json_object_set_new(table, key, row);
    }
    size_t i = kind == '+' ? 0 : kind == '-' ? 1 : 2;
    json_array_set_new(row, i, json_integer(json_integer_value(json_array_get(row, i)) + 1));
}

static json_t *diff_finding_json(char kind, const db_run_finding *f, const db_run_finding *old)
{
    json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:i, s:i, s:s, s:f, s:s}",
                          "change", kind == '+' ? "added" : kind == '-' ? "removed" : "rescored",
                          "article", f->article_id, "rule", f->rule_id, "part", f->part,
                          "start", (json_int_t)f->start, "end", (json_int_t)f->stop,
                          "line", f->line, "col", f->col, "text", f->text,
                          "score", f->score, "message", f->message);
    if (old) {
        json_object_set_new(j, "old_score", json_real(old->score));
        json_object_set_new(j, "old_message", json_string(old->message));
    }
    return j;
}

static int diff_one(void *ctx, char kind, const db_run_finding *now, const db_run_finding *old)
{
    diff_state *st = ctx;
    if (kind == '+') st->total.added++;
    else if (kind == '-') st->total.removed++;
    else st->total.rescored++;
    diff_count(st->by_rule, now->rule_id, kind);
    diff_count(st->by_article, now->article_id, kind);
    if (st->changes) json_array_append_new(st->changes, diff_finding_json(kind, now, old));
    return 0;
}

/* Writes one table of counts (rule or article per line). */
static void diff_print_table(const char *what, json_t *table)
{
    size_t width = strlen(what);
    const char *key;
    json_t *row;
    json_object_foreach(table, key, row) if (strlen(key) > width) width = strlen(key);
    printf("\n%-*s  %7s  %7s  %9s\n", (int)width, what, "added", "removed", "re-scored");
    json_object_foreach(table, key, row) {
        printf("%-*s  %7lld  %7lld  %9lld\n", (int)width, key,
               json_integer_value(json_array_get(row, 0)), json_integer_value(json_array_get(row, 1)),
               json_integer_value(json_array_get(row, 2)));
    }
}

static void diff_print_text(const diff_state *st, long long a, long long b)
{
    printf("run %lld -> run %lld: %zu added, %zu removed, %zu re-scored\n", a, b,
           st->total.added, st->total.removed, st->total.rescored);
    if (json_object_size(st->by_rule) == 0) return;
    diff_print_table("rule", st->by_rule);
    diff_print_table("article", st->by_article);
    if (!st->changes) return;
    putchar('\n');
    size_t i;
    json_t *c;
    json_array_foreach(st->changes, i, c) {
        const char *change = json_string_value(json_object_get(c, "change"));
        char mark = change[0] == 'a' ? '+' : change[0] == 'r' && change[2] == 'm' ? '-' : '~';
        printf("%c %s  %s  %s%lld:%lld  ", mark, json_string_value(json_object_get(c, "article")),
               json_string_value(json_object_get(c, "rule")),
               strcmp(json_string_value(json_object_get(c, "part")), "title") == 0 ? "title:" : "",
               json_integer_value(json_object_get(c, "line")),
               json_integer_value(json_object_get(c, "col")));
        if (mark == '~')
            printf("%.2f -> ", json_real_value(json_object_get(c, "old_score")));
        printf("%.2f  \"%s\"  %s\n", json_real_value(json_object_get(c, "score")),
               json_string_value(json_object_get(c, "text")),
               json_string_value(json_object_get(c, "message")));
    }
}

/* Parses a run number. */
static bool diff_run_arg(const char *arg, long long *run)
{
    char *end;
    *run = strtoll(arg, &end, 10);
    if (end == arg || *end || *run <= 0) {
        cli_error("diff: '%s' is not a run number (see the 'run N done' line of score)", arg);
        return false;
    }
    return true;
}

int cmd_diff(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "verbose", no_argument, NULL, 'v' },
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    bool verbose = false, json = false;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("vh"), options, NULL)) != -1) {
        switch (opt) {
        case 'v': verbose = true; break;
        case 'f':
            if (strcmp(optarg, "json") == 0) json = true;
            else if (strcmp(optarg, "text") == 0) json = false;
            else { cli_error("diff: unknown format '%s' (use text or json)", optarg); return EXIT_USAGE; }
            break;
        case 'h': cli_usage(stdout, DIFF_USAGE); return EXIT_OK;
        default: return cli_option_error("diff", options, opt, argv);
        }
    }
    long long runs[2];
    if (optind + 2 != argc) {
        cli_error("diff needs two run numbers (see 'spindle diff --help')");
        return EXIT_USAGE;
    }
    if (!diff_run_arg(argv[optind], &runs[0]) || !diff_run_arg(argv[optind + 1], &runs[1]))
        return EXIT_USAGE;
    db *archive = cli_open_db(c, true);
    if (!archive) return EXIT_USAGE;
    for (int i = 0; i < 2; i++) {
        int state = db_run_snapshot_state(archive, runs[i]);
        if (state == 2) continue;
        if (state < 0) cli_error("%s", db_error(archive));
        else if (state == 0) cli_error("diff: there is no run %lld in %s", runs[i], c->db_path);
        else cli_error("diff: run %lld has no snapshot of its findings (it did not finish, or "
                       "finished before schema 4)", runs[i]);
        db_close(archive);
        return EXIT_USAGE;
    }
    diff_state st = { .by_rule = json_object(), .by_article = json_object(),
                      .changes = verbose ? json_array() : NULL };
    int status;
    if (db_run_diff(archive, runs[0], runs[1], diff_one, &st) != 0) {
        cli_error("%s", db_error(archive));
        status = EXIT_USAGE;
    } else {
        if (json) {
            json_t *doc = json_pack("{s:s, s:I, s:I, s:{s:i, s:i, s:i}, s:O, s:O}", "type", "diff",
                                    "a", (json_int_t)runs[0], "b", (json_int_t)runs[1], "counts",
                                    "added", (int)st.total.added, "removed", (int)st.total.removed,
                                    "rescored", (int)st.total.rescored,
                                    "by_rule", st.by_rule, "by_article", st.by_article);
            if (st.changes) json_object_set(doc, "findings", st.changes);
            json_dumpf(doc, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
            putchar('\n');
            json_decref(doc);
        } else {
            diff_print_text(&st, runs[0], runs[1]);
        }
        status = st.total.added + st.total.removed + st.total.rescored ? EXIT_RUNTIME : EXIT_OK;
    }
    json_decref(st.by_rule);
    json_decref(st.by_article);
    json_decref(st.changes);
    db_close(archive);
    return status;
}
