/*
 * cmd_scan.c — `spindle scan`: score files, folders or standard input
 * directly, without an archive, streaming one article at a time (constant
 * memory: this is the mapper for GNU parallel, Hadoop Streaming, Spark).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "engine.h"
#include "input.h"
#include "pool.h"

/* Articles scored together on the workers; output waits at most this many. */
#define SCAN_BATCH 64

static const char SCAN_USAGE[] =
    "usage: spindle [--rules PATH]... [--enable ID]... scan [OPTIONS] [FILE|DIR|-]...\n"
    "\n"
    "Scores articles without an archive and prints their findings. Inputs are\n"
    "JSON Lines files (.jsonl .ndjson .json), text files (.txt .md: first line is\n"
    "the title), folders (walked for those files) and - (standard input, the\n"
    "default: JSON Lines when it starts with '{', else one text article; on a\n"
    "terminal, type or paste it and end with Ctrl-D).\n"
    "\n"
    "A finding is listed as LINE:COL: for a text file, its line and column in\n"
    "that file (as an editor counts them: 'vim +LINE FILE'); for JSON Lines, in\n"
    "the article's body. json/jsonl/csv also give start and end, byte offsets\n"
    "into the body (or the title, when part is \"title\").\n"
    "\n"
    "Options:\n"
    "  --format F        text (default), json, jsonl or csv; json/jsonl/csv print a\n"
    "                    record for every finding and one per article\n"
    "  --rule ID         run only this rule (repeatable; also a rule that ships\n"
    "                    off); an unknown id is a usage error\n"
    "  --tag TAG         run only the rules that are on and carry this tag\n"
    "                    (repeatable; with --rule, the rules either selects)\n"
    "  --min-score X     leave out findings scoring below X (0..1)\n"
    "  --all             text format: list articles without findings too\n"
    "  --fail-above X    exit 3 when some article scores above X\n"
    "  --max-bytes N     refuse articles whose body is larger (default 8 MiB)\n"
    "  -j, --jobs N      worker threads (default: the number of cores); the output\n"
    "                    is the same, in the same order, for any N\n"
    "  --profile         print on stderr what each rule cost: calls, articles\n"
    "                    skipped by its needs words, time, Lua instructions;\n"
    "                    then the 20 Lua lines where most time went (one job)\n"
    "  -q, --quiet       no summary line ('scanned N articles ...') on stderr\n"
    "  -h, --help        this help\n"
    "\n"
    "Rule errors and input problems go to stderr with the article or file:line,\n"
    "and rule errors also into json/jsonl/csv output as {\"type\":\"error\",...}\n"
    "records; the other rules and articles go on. The exit status is then 1\n"
    "(after everything was written): any rule error, rule file that did not load\n"
    "or rejected input; else 3 when --fail-above was exceeded, else 0.\n";

/* A batch of articles and their results; owned until printed. */
typedef struct scan_batch {
    article       articles[SCAN_BATCH];
    engine_result results[SCAN_BATCH];
    size_t        n;
} scan_batch;

typedef struct scan_state {
    pool         *pool;
    ruleset      *rs;
    output        out;
    scan_batch    batches[2];   /* one filling while the other is scored */
    scan_batch   *filling;
    scan_batch   *scoring;      /* submitted to the pool, or NULL */
    double        min_score;
    double        fail_above;   /* < 0: off */
    bool          show_all;
    bool          exceeded;
    size_t        articles, findings, errors;
} scan_state;

/* Prints one scored article and its findings, then frees it. */
static void scan_print(scan_state *st, article *a, const engine_result *r)
{
    st->articles++;
    for (size_t i = 0; i < r->n_errors; i++) {
        fprintf(stderr, "%s: rule %s: %s\n", a->origin ? a->origin : a->id,
                st->rs->rules[r->errors[i].rule].id, r->errors[i].message);
        output_error(&st->out, a->id, st->rs->rules[r->errors[i].rule].id, r->errors[i].message);
        st->errors++;
    }
    size_t shown = 0;
    for (size_t i = 0; i < r->findings.n; i++)
        if (r->findings.items[i].score >= st->min_score) shown++;
    if (st->out.format != FORMAT_TEXT || shown > 0 || st->show_all) {
        if (st->out.format == FORMAT_TEXT)
            output_article(&st->out, a->id, a->title, r->score, shown);
        for (size_t i = 0; i < r->findings.n; i++) {
            const finding *f = &r->findings.items[i];
            if (f->score >= st->min_score) output_finding(&st->out, a->id, f);
        }
        if (st->out.format != FORMAT_TEXT)
            output_article(&st->out, a->id, a->title, r->score, shown);
    }
    st->findings += shown;
    if (st->fail_above >= 0 && r->score > st->fail_above) st->exceeded = true;
    article_clear(a);
}

/* Waits for the batch being scored and prints it in input order. */
static void scan_finish_scoring(scan_state *st)
{
    scan_batch *b = st->scoring;
    if (!b) return;
    pool_wait(st->pool);
    for (size_t i = 0; i < b->n; i++) scan_print(st, &b->articles[i], &b->results[i]);
    b->n = 0;
    st->scoring = NULL;
}

/* Hands the filled batch to the workers and reads on into the other one:
 * the previous batch is printed first, so the output keeps input order. */
static void scan_flush(scan_state *st)
{
    scan_finish_scoring(st);
    scan_batch *b = st->filling;
    if (b->n == 0) return;
    pool_submit(st->pool, b->articles, NULL, b->results, b->n);
    st->scoring = b;
    st->filling = b == &st->batches[0] ? &st->batches[1] : &st->batches[0];
}

/* Input callback: takes ownership of a into the batch; scores a full batch. */
static int scan_article(void *ctx, article *a)
{
    scan_state *st = ctx;
    scan_batch *b = st->filling;
    b->articles[b->n++] = *a;
    memset(a, 0, sizeof *a);
    if (b->n == SCAN_BATCH) scan_flush(st);
    return 0;
}

/* The --profile table on stderr, costliest rule first. */
static void scan_print_profile(const engine *e, const ruleset *rs)
{
    const rule_profile *prof = engine_profile(e);
    size_t *order = xcalloc(rs->n_rules + 1, sizeof *order);
    for (size_t i = 0; i < rs->n_rules; i++) order[i] = i;
    for (size_t i = 1; i < rs->n_rules; i++)        /* insertion sort by time */
        for (size_t j = i; j > 0 && prof[order[j]].seconds > prof[order[j - 1]].seconds; j--) {
            size_t t = order[j]; order[j] = order[j - 1]; order[j - 1] = t;
        }
    double total = engine_split_seconds(e) + engine_needs_seconds(e);
    for (size_t i = 0; i < rs->n_rules; i++) total += prof[i].seconds + prof[i].prefilter_seconds;
    fprintf(stderr, "%-28s %8s %8s %9s %9s %6s %12s %8s %6s\n", "rule", "calls", "skipped",
            "needs s", "check s", "share", "instructions", "findings", "errors");
    for (size_t k = 0; k < rs->n_rules; k++) {
        const rule_profile *p = &prof[order[k]];
        fprintf(stderr, "%-28s %8zu %8zu %9.3f %9.3f %5.1f%% %12llu %8zu %6zu\n",
                rs->rules[order[k]].id, p->calls, p->skipped, p->prefilter_seconds, p->seconds,
                total > 0 ? 100 * (p->seconds + p->prefilter_seconds) / total : 0,
                (unsigned long long)p->instructions, p->findings, p->errors);
    }
    fprintf(stderr, "%-28s %8s %8s %9s %9.3f %5.1f%%\n", "(sentence splitting)", "", "", "",
            engine_split_seconds(e), total > 0 ? 100 * engine_split_seconds(e) / total : 0);
    fprintf(stderr, "%-28s %8s %8s %9.3f %9s %5.1f%%\n", "(needs words, all rules)", "", "",
            engine_needs_seconds(e), "", total > 0 ? 100 * engine_needs_seconds(e) / total : 0);
    fprintf(stderr, "(shared stdlib analysis is counted on the first rule that asks for it)\n");
    fprintf(stderr, "\nwhere the Lua code spends its time (sampled):\n");
    sbx_sampling_report(rs->sandbox, stderr, 20);
    free(order);
}

int cmd_scan(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "format", required_argument, NULL, 'f' },
        { "min-score", required_argument, NULL, 'm' },
        { "all", no_argument, NULL, 'a' },
        { "fail-above", required_argument, NULL, 'F' },
        { "max-bytes", required_argument, NULL, 'b' },
        { "quiet", no_argument, NULL, 'q' },
        { "profile", no_argument, NULL, 'p' },
        { "jobs", required_argument, NULL, 'j' },
        { "rule", required_argument, NULL, 'r' },
        { "tag", required_argument, NULL, 't' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    scan_state st = { .fail_above = -1 };
    st.filling = &st.batches[0];
    size_t jobs = pool_cores();
    output_format format = FORMAT_TEXT;
    input_options in_opt = { .diag = stderr };
    bool quiet = false, profile = false;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("j:qh"), options, NULL)) != -1) {
        switch (opt) {
        case 'f': if (!cli_parse_format(optarg, &format)) return EXIT_USAGE; break;
        case 'm': if (!cli_parse_double("--min-score", optarg, 0, 1, &st.min_score)) return EXIT_USAGE; break;
        case 'a': st.show_all = true; break;
        case 'F': if (!cli_parse_double("--fail-above", optarg, 0, 1, &st.fail_above)) return EXIT_USAGE; break;
        case 'b': if (!cli_parse_size("--max-bytes", optarg, &in_opt.max_article_bytes)) return EXIT_USAGE; break;
        case 'q': quiet = true; break;
        case 'p': profile = true; break;
        case 'r': c->select_ids[c->n_select_ids++] = optarg; break;
        case 't': c->select_tags[c->n_select_tags++] = optarg; break;
        case 'j':
            if (!cli_parse_size("--jobs", optarg, &jobs)) return EXIT_USAGE;
            if (jobs == 0) { cli_error("--jobs must be at least 1"); return EXIT_USAGE; }
            break;
        case 'h': cli_usage(stdout, SCAN_USAGE); return EXIT_OK;
        default: return cli_option_error("scan", options, opt, argv);
        }
    }
    c->select_command = "scan";
    int load_status;
    st.rs = cli_load_rules(c, NULL, 0, false, &load_status);
    if (!st.rs) return load_status;
    size_t load_problems = st.rs->n_problems;
    if (profile) jobs = 1;                    /* the profile is the main thread's */
    char err[256];
    st.pool = pool_new(st.rs, jobs, cli_load_rules_again, c, err, sizeof err);
    if (!st.pool) { cli_error("%s", err); ruleset_free(st.rs); return EXIT_RUNTIME; }
    if (profile) sbx_sampling_start(st.rs->sandbox);
    output_begin(&st.out, stdout, format, cli_use_color(c, stdout));

    input_stats stats = {0};
    if (optind >= argc) {
        cli_note_stdin("-");
        input_read_path("-", &in_opt, scan_article, &st, &stats);
    } else {
        for (int i = optind; i < argc; i++) {
            cli_note_stdin(argv[i]);
            input_read_path(argv[i], &in_opt, scan_article, &st, &stats);
        }
    }
    scan_flush(&st);
    scan_finish_scoring(&st);
    output_end(&st.out);
    fflush(stdout);
    if (!quiet)
        fprintf(stderr, "scanned %zu article%s with %zu rule%s: %zu finding%s, %zu rule error%s, "
                "%zu input%s rejected\n", st.articles, st.articles == 1 ? "" : "s",
                ruleset_count_on(st.rs), ruleset_count_on(st.rs) == 1 ? "" : "s", st.findings,
                st.findings == 1 ? "" : "s", st.errors, st.errors == 1 ? "" : "s",
                stats.rejected, stats.rejected == 1 ? "" : "s");
    if (profile) scan_print_profile(pool_main_engine(st.pool), st.rs);
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < SCAN_BATCH; i++) engine_result_free(&st.batches[k].results[i]);
    pool_free(st.pool);
    ruleset_free(st.rs);
    if (ferror(stdout)) { cli_error("cannot write the output"); return EXIT_RUNTIME; }
    /* everything was processed and written; now say whether all went well */
    if (stats.io_errors || st.errors || stats.rejected || load_problems) return EXIT_RUNTIME;
    return st.exceeded ? EXIT_THRESHOLD : EXIT_OK;
}
