/*
 * cmd_score.c — `spindle score`: run the rules over the archive,
 * incrementally. An article+rule pair already scored with the same rule
 * source is skipped; results are written in batched transactions, so a
 * killed run loses at most one batch and a re-run finishes the job.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "engine.h"
#include "pool.h"

#define SCORE_BATCH 200

static const char SCORE_USAGE[] =
    "usage: spindle [--db FILE] [--rules PATH]... score [OPTIONS]\n"
    "\n"
    "Scores the articles of the archive with the loaded rules that are on and\n"
    "records a run. Incremental: a rule is run on an article only when that\n"
    "article has not been scored with the same rule source (rule file, stdlib and\n"
    "engine version) yet, so turning a rule on later (--enable ID) runs just it.\n"
    "Results are committed every 200 articles; after a crash or kill, run it again\n"
    "to finish. Ends with a summary line of the run.\n"
    "\n"
    "Options:\n"
    "  --force           run every rule on every article again\n"
    "  --article ID      score only this article (repeatable)\n"
    "  --jobs N          worker threads (default: the number of cores); the\n"
    "                    archive is written by one thread, in article order, and\n"
    "                    holds the same results for any N\n"
    "  --fail-above X    exit 3 when some scored article ends above X\n"
    "  -q, --quiet       no progress or summary\n"
    "  -h, --help        this help\n";

/* Redraws the progress line: a bar, counts, rate and time left. */
static void score_progress(const db_run_counts *counts, size_t total,
                           struct timespec started)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double secs = (double)(now.tv_sec - started.tv_sec) + (now.tv_nsec - started.tv_nsec) / 1e9;
    double share = total ? (double)counts->articles / (double)total : 1.0;
    if (share > 1) share = 1;
    int filled = (int)(share * 30);
    char bar[31];
    for (int i = 0; i < 30; i++) bar[i] = i < filled ? '#' : '.';
    bar[30] = '\0';
    double rate = secs > 0 ? (double)counts->articles / secs : 0;
    double left = rate > 0 && total > counts->articles ? (double)(total - counts->articles) / rate : 0;
    fprintf(stderr, "\r[%s] %3.0f%%  %zu/%zu articles  %.0f/s  %zu findings  %.0fs left ",
            bar, share * 100, counts->articles, total, rate, counts->findings, left);
}

/* db_top_each callback: keeps the first (highest) score. */
static int score_keep_top(void *ctx, const db_article_summary *s)
{
    *(double *)ctx = s->score;
    return 1;
}

int cmd_score(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "force", no_argument, NULL, 'f' },
        { "article", required_argument, NULL, 'a' },
        { "jobs", required_argument, NULL, 'j' },
        { "fail-above", required_argument, NULL, 'F' },
        { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    bool force = false, quiet = false;
    double fail_above = -1;
    char **ids = xcalloc((size_t)argc, sizeof *ids);
    size_t n_ids = 0, jobs = pool_cores();
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "j:qh", options, NULL)) != -1) {
        switch (opt) {
        case 'f': force = true; break;
        case 'a': ids[n_ids++] = optarg; break;
        case 'j': if (!cli_parse_size("--jobs", optarg, &jobs)) { free(ids); return EXIT_USAGE; } break;
        case 'F': if (!cli_parse_double("--fail-above", optarg, 0, 1, &fail_above)) { free(ids); return EXIT_USAGE; } break;
        case 'q': quiet = true; break;
        case 'h': cli_usage(stdout, SCORE_USAGE); free(ids); return EXIT_OK;
        default: cli_usage(stderr, SCORE_USAGE); free(ids); return EXIT_USAGE;
        }
    }
    if (optind < argc) {
        cli_error("score takes no arguments ('%s'); use --article ID", argv[optind]);
        free(ids);
        return EXIT_USAGE;
    }
    if (jobs == 0) {
        cli_error("--jobs must be at least 1");
        free(ids);
        return EXIT_USAGE;
    }

    int load_status;
    ruleset *rs = cli_load_rules(c, NULL, 0, false, &load_status);
    if (!rs) { free(ids); return load_status; }
    db *archive = cli_open_db(c, false);
    if (!archive) { ruleset_free(rs); free(ids); return EXIT_RUNTIME; }

    int status = EXIT_OK;
    int64_t *rule_pks = xcalloc(rs->n_rules + 1, sizeof *rule_pks);
    bool *done = xcalloc(rs->n_rules + 1, sizeof *done);
    bool *to_run = xcalloc(rs->n_rules + 1, sizeof *to_run);
    int64_t run_id = 0;
    db_run_counts counts = {0};
    char err[256];
    pool *workers = pool_new(rs, jobs, cli_load_rules_again, c, err, sizeof err);
    if (!workers) {
        cli_error("%s", err);
        free(rule_pks); free(done); free(to_run);
        db_close(archive); ruleset_free(rs); free(ids);
        return EXIT_RUNTIME;
    }
    /* the batch's articles that have rules to run, their masks and results */
    article *pending_articles = xcalloc(SCORE_BATCH, sizeof *pending_articles);
    size_t *pending_index = xcalloc(SCORE_BATCH, sizeof *pending_index);
    bool *mask_store = xcalloc((size_t)SCORE_BATCH * (rs->n_rules + 1), sizeof *mask_store);
    bool **masks = xcalloc(SCORE_BATCH, sizeof *masks);
    engine_result *results = xcalloc(SCORE_BATCH, sizeof *results);
    for (size_t k = 0; k < SCORE_BATCH; k++) masks[k] = mask_store + k * (rs->n_rules + 1);
    db_article_batch batch = {0};
    size_t total = 0;
    bool exceeded = false, in_txn = false;
    bool progress = !quiet && isatty(fileno(stderr));
    struct timespec started;
    clock_gettime(CLOCK_MONOTONIC, &started);

    if (db_begin(archive) != 0 || db_rules_sync(archive, rs, rule_pks) != 0 ||
        db_run_start(archive, rs, &run_id) != 0 || db_commit(archive) != 0)
        goto db_failed;
    db_count_articles(archive, &total);
    if (n_ids) total = n_ids;
    cli_catch_signals();

    int64_t after = 0;
    for (;;) {
        if (db_articles_next(archive, after, SCORE_BATCH, n_ids ? ids : NULL, n_ids, &batch) != 0)
            goto db_failed;
        if (batch.n == 0) break;
        if (db_begin(archive) != 0) goto db_failed;
        in_txn = true;
        /* which rules each article still needs (only the rules that are
           on: enabling one later scores just it) */
        size_t n_pending = 0;
        for (size_t k = 0; k < batch.n; k++) {
            counts.articles++;
            if (force) memset(done, 0, rs->n_rules * sizeof *done);
            else if (db_scored_rules(archive, batch.pks[k], rule_pks, rs->n_rules, done) != 0)
                goto db_failed;
            size_t pending = 0, on = 0;
            for (size_t i = 0; i < rs->n_rules; i++) {
                to_run[i] = rs->rules[i].on && !done[i];
                pending += to_run[i];
                on += rs->rules[i].on;
            }
            counts.skipped += on - pending;
            if (pending == 0) continue;
            memcpy(masks[n_pending], to_run, rs->n_rules * sizeof *to_run);
            pending_articles[n_pending] = batch.items[k];   /* borrowed: the batch owns it */
            pending_index[n_pending++] = k;
        }
        /* scored on the workers, stored by this thread in article order */
        pool_run(workers, pending_articles, masks, results, n_pending);
        for (size_t j = 0; j < n_pending; j++) {
            const article *a = &pending_articles[j];
            const engine_result *result = &results[j];
            counts.scored++;
            counts.rule_calls += result->rules_run;
            counts.findings += result->findings.n;
            counts.errors += result->n_errors;
            for (size_t i = 0; i < result->n_errors; i++)
                fprintf(stderr, "%s: rule %s: %s\n", a->id, rs->rules[result->errors[i].rule].id,
                        result->errors[i].message);
            if (db_store_results(archive, batch.pks[pending_index[j]], run_id, rs, rule_pks,
                                 masks[j], result) != 0)
                goto db_failed;
        }
        if (db_commit(archive) != 0) goto db_failed;
        in_txn = false;
        after = batch.pks[batch.n - 1];
        if (progress) score_progress(&counts, total, started);
        if (cli_interrupted()) break;
        if (n_ids) break;
    }
    if (progress) fputc('\n', stderr);
    const char *final_status = cli_interrupted() ? "interrupted" : "done";
    if (db_run_finish(archive, run_id, final_status, &counts) != 0) goto db_failed;
    double top_score = 0;
    if (fail_above >= 0 && db_top_each(archive, 1, score_keep_top, &top_score) != 0)
        goto db_failed;
    exceeded = fail_above >= 0 && top_score > fail_above;
    if (!quiet)
        printf("run %lld %s: %zu articles, %zu scored, %zu rule calls, %zu article-rule pairs "
               "already scored, %zu findings, %zu rule errors\n", (long long)run_id, final_status,
               counts.articles, counts.scored, counts.rule_calls, counts.skipped, counts.findings,
               counts.errors);
    if (cli_interrupted()) status = EXIT_RUNTIME;
    else if (exceeded) status = EXIT_THRESHOLD;
    goto out;

db_failed:
    cli_error("%s", db_error(archive));
    if (in_txn) db_rollback(archive);
    status = EXIT_RUNTIME;
out:
    db_article_batch_free(&batch);
    for (size_t k = 0; k < SCORE_BATCH; k++) engine_result_free(&results[k]);
    free(results);
    free(masks);
    free(mask_store);
    free(pending_index);
    free(pending_articles);
    pool_free(workers);
    free(rule_pks);
    free(done);
    free(to_run);
    db_close(archive);
    ruleset_free(rs);
    free(ids);
    return status;
}
