/*
 * cmd_ingest.c — `spindle ingest`: add articles to the archive in batched
 * transactions, skipping duplicates and reporting each rejection.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "input.h"
#include "results.h"

#define INGEST_BATCH 1000

static const char INGEST_USAGE[] =
    "usage: spindle [--db FILE] ingest [OPTIONS] FILE|DIR|-...\n"
    "       spindle [--db FILE] [--rules PATH]... ingest --results FILE|-...\n"
    "\n"
    "Adds articles to the archive (created when absent). Inputs are JSON Lines\n"
    "files, .txt/.md files, folders (walked recursively) and - (standard input:\n"
    "JSON Lines when it starts with '{', else one text article with the id -).\n"
    "An article whose title and body are already stored is skipped as a\n"
    "duplicate; one whose id is stored with other content is rejected. Ends with\n"
    "the line 'added N, skipped M duplicates, rejected K' on stderr; each\n"
    "rejection is reported there too, as file:line: reason.\n"
    "\n"
    "With --results, the inputs are instead the JSON Lines that 'spindle scan\n"
    "--format jsonl' wrote (from one process or a cluster of mappers: GNU\n"
    "parallel, Hadoop Streaming, Spark): their findings and article scores are\n"
    "stored as a run, as if 'spindle score' had scored those articles with the\n"
    "rules loaded now (give the same --rules and --enable the mappers had).\n"
    "The articles must already be in the archive (results for others are\n"
    "skipped, each with a warning). Ends with 'run N done: A articles, F\n"
    "findings, skipped S not in the archive, rejected K' on stderr; each rejected\n"
    "line is reported as file:line: reason, and any rejection makes the exit\n"
    "status 1.\n"
    "\n"
    "Options:\n"
    "  --results       the inputs are scan results, not articles\n"
    "  --max-bytes N   refuse articles whose body is larger (default 8 MiB)\n"
    "  -h, --help      this help\n";

/* The counts printed are of what is committed: a batch's additions and
 * duplicates join added and duplicates only when its transaction commits
 * (a batch rolled back, e.g. on a full disk, stored nothing). */
typedef struct ingest_state {
    db    *archive;
    size_t added, duplicates, rejected, in_batch;
    size_t batch_added, batch_duplicates;  /* of the open transaction */
    bool   failed;
} ingest_state;

/* Commits the open batch and counts it as stored. */
static int ingest_commit(ingest_state *st)
{
    if (db_commit(st->archive) != 0) return -1;
    st->added += st->batch_added;
    st->duplicates += st->batch_duplicates;
    st->batch_added = st->batch_duplicates = 0;
    st->in_batch = 0;
    return 0;
}

static int ingest_article(void *ctx, article *a)
{
    ingest_state *st = ctx;
    db_add_result result;
    if (st->in_batch == 0 && db_begin(st->archive) != 0) goto fail;
    if (db_article_add(st->archive, a, &result) != 0) goto fail;
    switch (result) {
    case DB_ADDED: st->batch_added++; break;
    case DB_DUPLICATE: st->batch_duplicates++; break;
    case DB_ID_TAKEN:
        fprintf(stderr, "%s: article id '%s' is already in the archive with other content\n",
                a->origin, a->id);
        st->rejected++;
        break;
    }
    if (++st->in_batch >= INGEST_BATCH && ingest_commit(st) != 0) goto fail;
    article_clear(a);
    return 0;
fail:
    cli_error("%s", db_error(st->archive));
    article_clear(a);
    st->failed = true;
    return 1;
}

/* Results in hand for `ingest --results`: stored in batched transactions. */
typedef struct results_state {
    db            *archive;
    const ruleset *rs;
    int64_t       *rule_pks;
    bool          *ran;        /* the rules that are on: what the mappers ran */
    int64_t        run_id;
    db_run_counts  counts;
    size_t         in_batch, missing;
    bool           failed;
} results_state;

/* results_fn: stores one article's findings as scored in this run. */
static int results_article(void *ctx, const char *article_id, const char *origin,
                           const engine_result *result)
{
    results_state *st = ctx;
    int64_t pk;
    int found = db_article_pk(st->archive, article_id, &pk);
    if (found < 0) goto fail;
    if (found == 0) {
        fprintf(stderr, "%s: skipped: article '%s' is not in the archive (ingest the articles "
                "first; a duplicate of a stored article is stored once)\n", origin, article_id);
        st->missing++;
        return 0;
    }
    if (st->in_batch == 0 && db_begin(st->archive) != 0) goto fail;
    if (db_store_results(st->archive, pk, st->run_id, st->rs, st->rule_pks, st->ran, result) != 0)
        goto fail;
    st->counts.articles++;
    st->counts.scored++;
    st->counts.findings += result->findings.n;
    if (++st->in_batch >= INGEST_BATCH) {
        if (db_commit(st->archive) != 0) goto fail;
        st->in_batch = 0;
    }
    return 0;
fail:
    cli_error("%s", db_error(st->archive));
    st->failed = true;
    return 1;
}

/* `ingest --results FILE...`: scan results into the archive as a run. */
static int ingest_results(cli *c, char **paths, int n_paths)
{
    int load_status;
    ruleset *rs = cli_load_rules(c, NULL, 0, false, &load_status);
    if (!rs) return load_status;
    results_state st = { .rs = rs };
    st.archive = cli_open_db(c, false);
    if (!st.archive) { ruleset_free(rs); return EXIT_RUNTIME; }
    st.rule_pks = xcalloc(rs->n_rules + 1, sizeof *st.rule_pks);
    st.ran = xcalloc(rs->n_rules + 1, sizeof *st.ran);
    for (size_t i = 0; i < rs->n_rules; i++) st.ran[i] = rs->rules[i].on;
    results_stats stats = {0};
    bool io_error = false;
    if (db_begin(st.archive) != 0 || db_rules_sync(st.archive, rs, st.rule_pks) != 0 ||
        db_run_start(st.archive, rs, &st.run_id) != 0 || db_commit(st.archive) != 0) {
        cli_error("%s", db_error(st.archive));
        db_rollback(st.archive);
        st.failed = true;
    }
    for (int i = 0; i < n_paths && !st.failed; i++)
        if (results_read(paths[i], rs, stderr, results_article, &st, &stats) != 0) io_error = true;
    if (st.in_batch && !st.failed && db_commit(st.archive) != 0) {
        cli_error("%s", db_error(st.archive));
        st.failed = true;
    }
    if (st.failed && st.in_batch) db_rollback(st.archive);
    size_t rejected = stats.rejected;
    if (!st.failed) {
        const char *how = io_error || rejected ? "interrupted" : "done";
        if (db_run_finish(st.archive, st.run_id, how, &st.counts) != 0) {
            cli_error("%s", db_error(st.archive));
            st.failed = true;
        } else {
            fprintf(stderr, "run %lld %s: %zu articles, %zu findings, skipped %zu not in the "
                    "archive, rejected %zu\n", (long long)st.run_id, how, st.counts.articles,
                    st.counts.findings, st.missing, rejected);
        }
    }
    free(st.rule_pks);
    free(st.ran);
    db_close(st.archive);
    ruleset_free(rs);
    return st.failed || io_error || rejected ? EXIT_RUNTIME : EXIT_OK;
}

int cmd_ingest(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "max-bytes", required_argument, NULL, 'b' },
        { "results", no_argument, NULL, 'r' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    input_options in_opt = { .diag = stderr };
    bool results = false;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("h"), options, NULL)) != -1) {
        switch (opt) {
        case 'b': if (!cli_parse_size("--max-bytes", optarg, &in_opt.max_article_bytes)) return EXIT_USAGE; break;
        case 'r': results = true; break;
        case 'h': cli_usage(stdout, INGEST_USAGE); return EXIT_OK;
        default: return cli_option_error("ingest", options, opt, argv);
        }
    }
    if (optind >= argc) {
        cli_error("ingest needs at least one FILE, DIR or - (see 'spindle ingest --help')");
        return EXIT_USAGE;
    }
    if (results) return ingest_results(c, argv + optind, argc - optind);
    ingest_state st = {0};
    st.archive = cli_open_db(c, false);
    if (!st.archive) return EXIT_RUNTIME;
    input_stats stats = {0};
    for (int i = optind; i < argc && !st.failed; i++) {
        cli_note_stdin(argv[i]);
        input_read_path(argv[i], &in_opt, ingest_article, &st, &stats);
    }
    if (st.in_batch && !st.failed && ingest_commit(&st) != 0) {
        cli_error("%s", db_error(st.archive));
        st.failed = true;
    }
    if (st.failed && st.in_batch) {
        db_rollback(st.archive);
        fprintf(stderr, "spindle: the last batch was rolled back: %zu article%s not stored; "
                "ingest again to add them\n", st.batch_added, st.batch_added == 1 ? "" : "s");
    }
    db_close(st.archive);
    fprintf(stderr, "added %zu, skipped %zu duplicate%s, rejected %zu\n", st.added,
            st.duplicates, st.duplicates == 1 ? "" : "s", st.rejected + stats.rejected);
    return st.failed || stats.io_errors || st.rejected || stats.rejected ? EXIT_RUNTIME : EXIT_OK;
}
