/*
 * cmd_query.c — the archive's read commands that list results: `findings`,
 * `top` and `search`.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "engine.h"
#include "export.h"

static const char FINDINGS_USAGE[] =
    "usage: spindle [--db FILE] findings [OPTIONS]\n"
    "\n"
    "Lists the stored findings, strongest first.\n"
    "\n"
    "Options:\n"
    "  --run ID          only findings made by run ID\n"
    "  --article ID      only this article's findings (in body order)\n"
    "  --rule ID         only this rule's findings\n"
    "  --min-score X     only findings scoring X or more (0..1)\n"
    "  --limit N         at most N findings\n"
    "  --format F        text (default), json, jsonl or csv; or\n"
    "                    sarif: one SARIF 2.1.0 log (the rules, a result per\n"
    "                    finding with its article as the artifact, line and\n"
    "                    column, snippet, score and evidence; findings judged\n"
    "                    false are suppressed), for code-review and dashboard\n"
    "                    tools; or claimreview: schema.org ClaimReview JSON-LD\n"
    "                    for the findings judged true or useful ('spindle verdict')\n"
    "  -h, --help        this help\n"
    "\n"
    "Each stored finding shows its id (#N; \"id\" in JSON), which 'spindle\n"
    "verdict' takes, and its verdict when it has one.\n";

static const char TOP_USAGE[] =
    "usage: spindle [--db FILE] top [OPTIONS]\n"
    "\n"
    "Ranks the scored articles by score (noisy-OR over rules of each rule's\n"
    "strongest finding; bands: low < 0.3 <= medium < 0.6 <= high) and shows the\n"
    "strongest findings of each.\n"
    "\n"
    "Options:\n"
    "  --limit N         the N highest articles (default 20; 0 = all)\n"
    "  --findings N      strongest findings shown per article (default 3)\n"
    "  --fail-above X    exit 3 when some article scores above X\n"
    "  --format F        text (default), json, jsonl or csv\n"
    "  -h, --help        this help\n";

static const char SEARCH_USAGE[] =
    "usage: spindle [--db FILE] search [OPTIONS] QUERY\n"
    "\n"
    "Full-text search over titles and bodies (SQLite FTS5 syntax: words,\n"
    "\"exact phrases\", AND/OR/NOT, prefix*, NEAR(a b, 5)). Best matches first.\n"
    "\n"
    "Options:\n"
    "  --limit N         at most N articles (default 20; 0 = all)\n"
    "  --format F        text (default), json, jsonl or csv\n"
    "  -h, --help        this help\n";

/* --- findings ------------------------------------------------------------ */

typedef struct findings_state {
    output    out;
    char     *last_article;
    exporter *export;       /* --format sarif|claimreview, else NULL */
} findings_state;

static int findings_print(void *ctx, const char *article_id, const finding *f)
{
    findings_state *st = ctx;
    if (st->export) return export_add(st->export, article_id, f);
    if (st->out.format == FORMAT_TEXT &&
        (!st->last_article || strcmp(st->last_article, article_id) != 0)) {
        fprintf(st->out.out, "%s%s%s\n", st->out.color ? OUT_BOLD : "", article_id,
                st->out.color ? OUT_RESET : "");
        free(st->last_article);
        st->last_article = xstrdup(article_id);
    }
    output_finding(&st->out, article_id, f);
    return 0;
}

int cmd_findings(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "run", required_argument, NULL, 'r' },
        { "article", required_argument, NULL, 'a' },
        { "rule", required_argument, NULL, 'R' },
        { "min-score", required_argument, NULL, 'm' },
        { "limit", required_argument, NULL, 'l' },
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    db_finding_filter filter = {0};
    output_format format = FORMAT_TEXT;
    export_format export_as;
    bool exporting = false;
    size_t run = 0;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("h"), options, NULL)) != -1) {
        switch (opt) {
        case 'r': if (!cli_parse_size("--run", optarg, &run)) return EXIT_USAGE; break;
        case 'a': filter.article_id = optarg; break;
        case 'R': filter.rule_id = optarg; break;
        case 'm': if (!cli_parse_double("--min-score", optarg, 0, 1, &filter.min_score)) return EXIT_USAGE; break;
        case 'l': if (!cli_parse_size("--limit", optarg, &filter.limit)) return EXIT_USAGE; break;
        case 'f':
            if (export_format_parse(optarg, &export_as)) { exporting = true; break; }
            exporting = false;
            if (!cli_parse_format(optarg, &format)) return EXIT_USAGE;
            break;
        case 'h': cli_usage(stdout, FINDINGS_USAGE); return EXIT_OK;
        default: return cli_option_error("findings", options, opt, argv);
        }
    }
    if (optind < argc) {
        cli_error("findings takes no arguments ('%s'); see 'spindle findings --help'", argv[optind]);
        return EXIT_USAGE;
    }
    filter.run_id = (int64_t)run;
    filter.by_position = filter.article_id != NULL;
    db *archive = cli_open_db(c, true);
    if (!archive) return EXIT_RUNTIME;
    findings_state st = {0};
    if (exporting) st.export = export_new(export_as, archive);
    else output_begin(&st.out, stdout, format, cli_use_color(c, stdout));
    int rc = db_findings_each(archive, &filter, findings_print, &st);
    if (exporting) rc = export_write(st.export, stdout) != 0 || rc;
    else output_end(&st.out);
    if (rc != 0) cli_error("%s", db_error(archive));
    free(st.last_article);
    db_close(archive);
    return rc ? EXIT_RUNTIME : EXIT_OK;
}

/* --- top ------------------------------------------------------------------ */

typedef struct top_state {
    db     *archive;
    output  out;
    size_t  rank;
    size_t  per_article;
    double  fail_above;
    bool    exceeded;
    int     failed;
} top_state;

static int top_finding(void *ctx, const char *article_id, const finding *f)
{
    output_finding(ctx, article_id, f);
    return 0;
}

static int top_article(void *ctx, const db_article_summary *s)
{
    top_state *st = ctx;
    st->rank++;
    if (st->fail_above >= 0 && s->score > st->fail_above) st->exceeded = true;
    if (st->out.format == FORMAT_TEXT) fprintf(st->out.out, "%3zu. ", st->rank);
    output_article(&st->out, s->article_id, s->title, s->score, s->findings);
    if (st->per_article && s->findings) {
        db_finding_filter filter = { .article_id = s->article_id, .limit = st->per_article };
        /* findings use another prepared statement than the ranking, so
         * this nests safely inside it */
        if (db_findings_each(st->archive, &filter, top_finding, &st->out) != 0) {
            st->failed = 1;
            return 1;
        }
    }
    return 0;
}

int cmd_top(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "limit", required_argument, NULL, 'l' },
        { "findings", required_argument, NULL, 'n' },
        { "fail-above", required_argument, NULL, 'F' },
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    size_t limit = 20;
    top_state st = { .per_article = 3, .fail_above = -1 };
    output_format format = FORMAT_TEXT;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("h"), options, NULL)) != -1) {
        switch (opt) {
        case 'l': if (!cli_parse_size("--limit", optarg, &limit)) return EXIT_USAGE; break;
        case 'n': if (!cli_parse_size("--findings", optarg, &st.per_article)) return EXIT_USAGE; break;
        case 'F': if (!cli_parse_double("--fail-above", optarg, 0, 1, &st.fail_above)) return EXIT_USAGE; break;
        case 'f': if (!cli_parse_format(optarg, &format)) return EXIT_USAGE; break;
        case 'h': cli_usage(stdout, TOP_USAGE); return EXIT_OK;
        default: return cli_option_error("top", options, opt, argv);
        }
    }
    if (optind < argc) {
        cli_error("top takes no arguments ('%s'); see 'spindle top --help'", argv[optind]);
        return EXIT_USAGE;
    }
    st.archive = cli_open_db(c, true);
    if (!st.archive) return EXIT_RUNTIME;
    output_begin(&st.out, stdout, format, cli_use_color(c, stdout));
    int rc = db_top_each(st.archive, limit, top_article, &st);
    output_end(&st.out);
    if (rc != 0 || st.failed) cli_error("%s", db_error(st.archive));
    else if (st.rank == 0)
        fprintf(stderr, "no scored articles in %s (run 'spindle score' first)\n", c->db_path);
    db_close(st.archive);
    if (rc != 0 || st.failed) return EXIT_RUNTIME;
    return st.exceeded ? EXIT_THRESHOLD : EXIT_OK;
}

/* --- search --------------------------------------------------------------- */

static int search_print(void *ctx, const char *article_id, const char *title,
                        const char *snippet, double score)
{
    output_match(ctx, article_id, title, snippet, score);
    return 0;
}

int cmd_search(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "limit", required_argument, NULL, 'l' },
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    size_t limit = 20;
    output_format format = FORMAT_TEXT;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("h"), options, NULL)) != -1) {
        switch (opt) {
        case 'l': if (!cli_parse_size("--limit", optarg, &limit)) return EXIT_USAGE; break;
        case 'f': if (!cli_parse_format(optarg, &format)) return EXIT_USAGE; break;
        case 'h': cli_usage(stdout, SEARCH_USAGE); return EXIT_OK;
        default: return cli_option_error("search", options, opt, argv);
        }
    }
    if (optind + 1 != argc) {
        cli_error("search needs one QUERY (quote it if it has spaces)");
        return EXIT_USAGE;
    }
    db *archive = cli_open_db(c, true);
    if (!archive) return EXIT_RUNTIME;
    output out;
    output_begin(&out, stdout, format, cli_use_color(c, stdout));
    int rc = db_search_each(archive, argv[optind], out.color ? "\033[1;33m" : "[",
                            out.color ? "\033[0m" : "]", limit, search_print, &out);
    output_end(&out);
    if (rc != 0) cli_error("%s", db_error(archive));
    else if (format == FORMAT_TEXT)
        fprintf(stderr, "%zu article%s matched\n", out.records, out.records == 1 ? "" : "s");
    db_close(archive);
    return rc ? EXIT_USAGE : EXIT_OK;
}
