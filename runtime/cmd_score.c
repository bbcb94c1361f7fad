/*
 * cmd_score.c — `spindle score`: run the rules over the archive,
 * incrementally. An article+rule pair already scored with the same rule
 * source is skipped; results are written in batched transactions, so a
 * killed run loses at most one batch and a re-run finishes the job. When
 * only edited rules with needs words are left to run, only the articles the
 * full-text index offers for their words are read (score_plan_candidates).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "candidates.h"
#include "cli.h"
#include "engine.h"
#include "pool.h"

#define SCORE_BATCH 200

/* Candidate mode (score_plan_candidates): a batch covers at most this many
 * article keys, so a transaction stays bounded when candidates are few;
 * and the index is used only when at most this share of the articles are
 * candidates (reading nearly all of them is no slower than reading all). */
#define SCORE_SPAN 20000
#define SCORE_CANDIDATE_SHARE 0.5

static const char SCORE_USAGE[] =
    "usage: spindle [--db FILE] [--rules PATH]... score [OPTIONS]\n"
    "\n"
    "Scores the articles of the archive with the loaded rules that are on and\n"
    "records a run. Incremental: a rule is run on an article only when that\n"
    "article has not been scored with the same rule source (rule file, stdlib and\n"
    "engine version) yet, so turning a rule on later (--enable ID) runs just it.\n"
    "Results are committed every 200 articles; after a crash or kill, run it again\n"
    "to finish. Progress and a summary line of the run ('run N done: ...') go to\n"
    "standard error.\n"
    "\n"
    "Options:\n"
    "  --force           run every rule on every article again\n"
    "  --article ID      score only this article (repeatable)\n"
    "  -j, --jobs N      worker threads (default: the number of cores); the\n"
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

/* A batch read from the archive: its articles, those with rules still to
 * run (borrowed copies, with the mask of those rules), and their results. */
typedef struct score_batch {
    db_article_batch read;
    article       *pending;
    int64_t       *pending_pks;
    bool          *mask_store;
    bool         **masks;
    engine_result *results;
    size_t         n_pending;
    size_t         skipped;        /* article-rule pairs already scored */
    bool           has_range;      /* candidate mode: the batch stands for every */
    int64_t        range_lo;       /* article in (range_lo, range_hi], the ones */
    int64_t        range_hi;       /* not read stored by db_store_unread */
} score_batch;

/* What reading and storing batches share. */
typedef struct score_ctx {
    db            *archive;
    ruleset       *rs;
    int64_t       *rule_pks;
    int64_t        run_id;
    bool          *done;           /* scratch: rules already scored */
    bool           force;
    char         **ids;            /* --article ids, or NULL */
    size_t         n_ids;
    int64_t        after;          /* the last article pk read */
    db_run_counts  counts;
    /* candidate mode: the rules to run are the same for every article, all
       with needs words; only these articles are read */
    bool           by_candidates;
    candidates     cands;
    size_t         next_cand;      /* the first of cands.pks not read yet */
    bool          *fresh;          /* per rule: on, and never scored */
    size_t         n_fresh, n_on;
} score_ctx;

static void score_batch_init(score_batch *b, size_t n_rules)
{
    memset(b, 0, sizeof *b);
    b->pending = xcalloc(SCORE_BATCH, sizeof *b->pending);
    b->pending_pks = xcalloc(SCORE_BATCH, sizeof *b->pending_pks);
    b->mask_store = xcalloc((size_t)SCORE_BATCH * (n_rules + 1), sizeof *b->mask_store);
    b->masks = xcalloc(SCORE_BATCH, sizeof *b->masks);
    b->results = xcalloc(SCORE_BATCH, sizeof *b->results);
    for (size_t k = 0; k < SCORE_BATCH; k++) b->masks[k] = b->mask_store + k * (n_rules + 1);
}

static void score_batch_free(score_batch *b)
{
    db_article_batch_free(&b->read);
    for (size_t k = 0; k < SCORE_BATCH; k++) engine_result_free(&b->results[k]);
    free(b->results);
    free(b->masks);
    free(b->mask_store);
    free(b->pending_pks);
    free(b->pending);
}

/* Reads the next batch of articles and which rules each still needs: only
 * the rules that are on, so enabling one later scores just it. b->read.n is
 * 0 at the end of the archive. Returns 0, or -1 on a database error. */
static int score_read(score_ctx *x, score_batch *b)
{
    b->n_pending = b->skipped = 0;
    b->has_range = false;
    if (x->by_candidates && x->after < x->cands.max_pk) {
        int64_t limit = x->cands.max_pk - x->after > SCORE_SPAN ? x->after + SCORE_SPAN
                                                                 : x->cands.max_pk;
        const int64_t *next = x->cands.pks + x->next_cand;
        size_t take = 0;
        while (take < SCORE_BATCH && x->next_cand + take < x->cands.n && next[take] <= limit)
            take++;
        if (db_articles_by_pk(x->archive, next, take, &b->read) != 0) return -1;
        b->has_range = true;
        b->range_lo = x->after;
        b->range_hi = take == SCORE_BATCH ? next[take - 1] : limit;
        x->next_cand += take;
        x->after = b->range_hi;
    } else {
        if (db_articles_next(x->archive, x->after, SCORE_BATCH, x->ids, x->n_ids, &b->read) != 0)
            return -1;
        if (b->read.n == 0) return 0;
        x->after = b->read.pks[b->read.n - 1];
    }
    const ruleset *rs = x->rs;
    for (size_t k = 0; k < b->read.n; k++) {
        if (x->force) memset(x->done, 0, rs->n_rules * sizeof *x->done);
        else if (db_scored_rules(x->archive, b->read.pks[k], x->rule_pks, rs->n_rules, x->done) != 0)
            return -1;
        bool *mask = b->masks[b->n_pending];
        size_t pending = 0, on = 0;
        for (size_t i = 0; i < rs->n_rules; i++) {
            mask[i] = rs->rules[i].on && !x->done[i];
            pending += mask[i];
            on += rs->rules[i].on;
        }
        b->skipped += on - pending;
        if (pending == 0) continue;
        b->pending[b->n_pending] = b->read.items[k];      /* borrowed: read owns it */
        b->pending_pks[b->n_pending++] = b->read.pks[k];
    }
    return 0;
}

/* Whether score_read found something to do: articles, or a range. */
static bool score_batch_any(const score_batch *b)
{
    return b->read.n > 0 || b->has_range;
}

/* Candidate mode: stores the articles in (after_pk, before_pk), none of
 * them read, as scored by the fresh rules with nothing found, and counts
 * them as if they had been read. */
static int score_store_unread(score_ctx *x, int64_t after_pk, int64_t before_pk)
{
    size_t n;
    if (db_store_unread(x->archive, after_pk, before_pk, x->run_id, x->rs, x->rule_pks,
                        x->fresh, &n) != 0)
        return -1;
    x->counts.articles += n;
    x->counts.scored += n;
    x->counts.skipped += n * (x->n_on - x->n_fresh);
    return 0;
}

/* Stores a scored batch in one transaction, in article order, and counts
 * it. In candidate mode the articles of the range that were not read are
 * stored between the ones read, in key order, as reading them would have.
 * Returns 0, or -1 on a database error (the transaction rolled back). */
static int score_store(score_ctx *x, const score_batch *b)
{
    const ruleset *rs = x->rs;
    if (db_begin(x->archive) != 0) return -1;
    int64_t unread_from = b->range_lo;
    size_t j = 0;
    for (size_t k = 0; k < b->read.n; k++) {
        if (b->has_range) {
            if (score_store_unread(x, unread_from, b->read.pks[k]) != 0) {
                db_rollback(x->archive);
                return -1;
            }
            unread_from = b->read.pks[k];
        }
        if (j == b->n_pending || b->pending_pks[j] != b->read.pks[k]) continue;
        const engine_result *result = &b->results[j];
        x->counts.scored++;
        x->counts.rule_calls += result->rules_run;
        x->counts.findings += result->findings.n;
        x->counts.errors += result->n_errors;
        for (size_t i = 0; i < result->n_errors; i++)
            fprintf(stderr, "%s: rule %s: %s\n", b->pending[j].id,
                    rs->rules[result->errors[i].rule].id, result->errors[i].message);
        if (db_store_results(x->archive, b->pending_pks[j], x->run_id, rs, x->rule_pks,
                             b->masks[j], result) != 0) {
            db_rollback(x->archive);
            return -1;
        }
        j++;
    }
    if (b->has_range && score_store_unread(x, unread_from, b->range_hi + 1) != 0) {
        db_rollback(x->archive);
        return -1;
    }
    if (db_commit(x->archive) != 0) { db_rollback(x->archive); return -1; }
    x->counts.articles += b->read.n;
    x->counts.skipped += b->skipped;
    return 0;
}

/* Adds rule r's needs words to words (borrowed). False when the rule
 * cannot be left to the index: it has no needs words (it runs everywhere),
 * or a word the shared automaton does not hold (the rule's own pattern
 * decides those, and runs the rule when it fails on a limit). */
static bool score_add_words(const rule *r, char ***words, size_t *n_words)
{
    if (!r->needs_filter || r->needs_rx) return false;
    *words = xrealloc(*words, (*n_words + r->n_needs + 1) * sizeof **words);
    for (size_t i = 0; i < r->n_needs; i++) (*words)[(*n_words)++] = r->needs[i];
    return true;
}

/* Decides whether this run reads only the candidates of the full-text index
 * (candidates.h), and finds them. That is exact when every article has the
 * same rules to run and each of them has needs words: an article that is
 * not a candidate has none of those words, so the needs prefilter would
 * skip every rule to run on it, and db_store_unread stores exactly what
 * storing that empty result stores. The rules to run are the same
 * everywhere when those that are on are either fresh (inserted by this
 * run's db_rules_sync: rule_pk > rules_before, so never scored) or scored
 * on every article. Anything else (--force, --article, a rule scored on
 * some articles only, the index out of step, or SPINDLE_SCORE_NO_INDEX in
 * the environment) scores as before. Returns 0 (x->by_candidates tells the
 * outcome), or -1 on a database error. */
static int score_plan_candidates(score_ctx *x, int64_t rules_before)
{
    const ruleset *rs = x->rs;
    if (x->force || x->ids || getenv("SPINDLE_SCORE_NO_INDEX")) return 0;
    char **words = NULL;
    size_t n_words = 0;
    bool usable = true;
    for (size_t i = 0; i < rs->n_rules; i++) {
        if (!rs->rules[i].on) continue;
        x->n_on++;
        if (x->rule_pks[i] <= rules_before) continue;
        x->fresh[i] = true;
        x->n_fresh++;
        usable = usable && score_add_words(&rs->rules[i], &words, &n_words);
    }
    int rc = 0;
    if (usable && x->n_fresh > 0) {
        if (db_begin(x->archive) != 0) rc = -1;
        int found = rc == 0 ? candidates_find(x->archive, words, n_words,
                                              SCORE_CANDIDATE_SHARE, &x->cands) : -1;
        size_t pairs = 0;
        if (found < 0 || (found == 1 && db_scored_pairs(x->archive, &pairs) != 0)) rc = -1;
        x->by_candidates = rc == 0 && found == 1 &&
                           pairs == x->cands.articles * (x->n_on - x->n_fresh);
        if (rc == 0 && db_commit(x->archive) != 0) rc = -1;
        if (rc != 0) db_rollback(x->archive);
        if (!x->by_candidates) candidates_free(&x->cands);
    }
    free(words);
    return rc;
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
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("j:qh"), options, NULL)) != -1) {
        switch (opt) {
        case 'f': force = true; break;
        case 'a': ids[n_ids++] = optarg; break;
        case 'j': if (!cli_parse_size("--jobs", optarg, &jobs)) { free(ids); return EXIT_USAGE; } break;
        case 'F': if (!cli_parse_double("--fail-above", optarg, 0, 1, &fail_above)) { free(ids); return EXIT_USAGE; } break;
        case 'q': quiet = true; break;
        case 'h': cli_usage(stdout, SCORE_USAGE); free(ids); return EXIT_OK;
        default: free(ids); return cli_option_error("score", options, opt, argv);
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

    char err[256];
    pool *workers = pool_new(rs, jobs, cli_load_rules_again, c, err, sizeof err);
    if (!workers) {
        cli_error("%s", err);
        db_close(archive); ruleset_free(rs); free(ids);
        return EXIT_RUNTIME;
    }
    int status = EXIT_OK;
    score_ctx x = { .archive = archive, .rs = rs, .force = force,
                    .ids = n_ids ? ids : NULL, .n_ids = n_ids };
    x.rule_pks = xcalloc(rs->n_rules + 1, sizeof *x.rule_pks);
    x.done = xcalloc(rs->n_rules + 1, sizeof *x.done);
    x.fresh = xcalloc(rs->n_rules + 1, sizeof *x.fresh);
    /* two batches: the workers score one while this thread stores the one
       before and reads the one after */
    score_batch batches[2];
    score_batch_init(&batches[0], rs->n_rules);
    score_batch_init(&batches[1], rs->n_rules);
    size_t total = 0;
    bool exceeded = false;
    bool progress = !quiet && isatty(fileno(stderr));
    struct timespec started;
    clock_gettime(CLOCK_MONOTONIC, &started);

    int64_t rules_before = 0;
    if (db_begin(archive) != 0 || db_rules_max_pk(archive, &rules_before) != 0 ||
        db_rules_sync(archive, rs, x.rule_pks) != 0 ||
        db_run_start(archive, rs, &x.run_id) != 0 || db_commit(archive) != 0) {
        db_rollback(archive);
        goto db_failed;
    }
    if (score_plan_candidates(&x, rules_before) != 0) goto db_failed;
    db_count_articles(archive, &total);
    if (n_ids) total = n_ids;
    cli_catch_signals();

    /* a pipeline: while the workers score one batch, this thread reads the
       next and stores the one before */
    score_batch *cur = &batches[0], *next = &batches[1];
    if (score_read(&x, cur) != 0) goto db_failed;
    if (score_batch_any(cur)) pool_submit(workers, cur->pending, cur->masks, cur->results, cur->n_pending);
    while (score_batch_any(cur)) {
        int read_status = 0;
        db_article_batch_clear(&next->read);                  /* frees the batch before last */
        next->n_pending = 0;
        next->has_range = false;
        if (!n_ids && !cli_interrupted()) read_status = score_read(&x, next);
        pool_wait(workers);                                   /* cur is scored */
        bool next_submitted = read_status == 0 && score_batch_any(next) && !cli_interrupted();
        if (next_submitted)
            pool_submit(workers, next->pending, next->masks, next->results, next->n_pending);
        if (read_status != 0 || score_store(&x, cur) != 0) {
            if (next_submitted) pool_wait(workers);
            goto db_failed;
        }
        if (progress) score_progress(&x.counts, total, started);
        if (cli_interrupted()) {
            if (next_submitted) pool_wait(workers);       /* scored, not stored: the next run does it */
            break;
        }
        score_batch *t = cur; cur = next; next = t;
    }
    if (progress) fputc('\n', stderr);
    const char *final_status = cli_interrupted() ? "interrupted" : "done";
    if (db_run_finish(archive, x.run_id, final_status, &x.counts) != 0) goto db_failed;
    double top_score = 0;
    if (fail_above >= 0 && db_top_each(archive, 1, score_keep_top, &top_score) != 0)
        goto db_failed;
    exceeded = fail_above >= 0 && top_score > fail_above;
    if (!quiet)
        fprintf(stderr, "run %lld %s: %zu articles, %zu scored, %zu rule calls, %zu article-rule "
                "pairs already scored, %zu findings, %zu rule errors\n", (long long)x.run_id,
                final_status, x.counts.articles, x.counts.scored, x.counts.rule_calls,
                x.counts.skipped, x.counts.findings, x.counts.errors);
    if (cli_interrupted()) status = EXIT_INTERRUPTED;
    else if (x.counts.errors || rs->n_problems) status = EXIT_RUNTIME;
    else if (exceeded) status = EXIT_THRESHOLD;
    goto out;

db_failed:
    cli_error("%s", db_error(archive));
    status = EXIT_RUNTIME;
out:
    score_batch_free(&batches[0]);
    score_batch_free(&batches[1]);
    pool_free(workers);
    free(x.rule_pks);
    free(x.done);
    free(x.fresh);
    candidates_free(&x.cands);
    db_close(archive);
    ruleset_free(rs);
    free(ids);
    return status;
}
