/*
 * db.h — the archive: one SQLite file holding articles (with a content hash
 * and an FTS5 index), the rules as run (id + source hash), runs, findings,
 * per-article scores and rule errors.
 *
 * The file is opened in WAL mode with foreign keys on; its schema version is
 * PRAGMA user_version and db_open applies forward migrations in one
 * transaction. Every statement is prepared once and kept; every value goes in
 * through sqlite3_bind_*. Functions return 0 on success and -1 on error, with
 * the reason (naming the statement and sqlite3_errmsg) in db_error(db).
 *
 * Writes are grouped by the caller with db_begin/db_commit; a crash between
 * them loses only the uncommitted batch, which a re-run redoes.
 */
#ifndef SPINDLE_DB_H
#define SPINDLE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "article.h"
#include "engine.h"
#include "finding.h"
#include "ruleset.h"

#define DB_SCHEMA_VERSION 6

typedef struct db db;

/* Opens (creating when absent unless readonly) and migrates the archive.
 * readonly opens with SQLITE_OPEN_READONLY, for the commands that only
 * read; in a folder where the WAL's -shm file cannot be made, and with no
 * write-ahead log pending, the file is opened as immutable instead. A
 * writing open of a file or folder that cannot be written fails with
 * "cannot write to PATH: read-only (...)". Returns NULL with one clear
 * sentence in err: unreadable, not a Spindle archive, newer schema,
 * locked, read-only. Write failures later name the cause: "cannot write
 * to PATH: the disk is full ..." or "... write failed ...". */
db  *db_open(const char *path, bool readonly, char *err, size_t errlen);
void db_close(db *d);
const char *db_error(const db *d);

int db_begin(db *d);
int db_commit(db *d);
/* Rolls back the open transaction, if any (none is no error); keeps the
 * error of the failure that led here. */
int db_rollback(db *d);

/* --- ingest --- */
typedef enum db_add_result {
    DB_ADDED,       /* new article stored */
    DB_DUPLICATE,   /* same content already stored: skipped */
    DB_ID_TAKEN     /* the id is stored with different content: refused */
} db_add_result;

int db_article_add(db *d, const article *a, db_add_result *result);

/* --- score --- */

/* A batch of stored articles to score, read by primary key order. */
typedef struct db_article_batch {
    article *items;
    int64_t *pks;
    size_t   n, cap;
} db_article_batch;

void db_article_batch_clear(db_article_batch *b);
void db_article_batch_free(db_article_batch *b);

/* Reads up to limit articles with pk > after_pk into batch (cleared first).
 * When ids is not NULL only those external ids are read (n_ids of them). */
int db_articles_next(db *d, int64_t after_pk, size_t limit, char *const *ids,
                     size_t n_ids, db_article_batch *batch);

/* Records the loaded rules (id + source hash); fills rule_pks[i] for each
 * rule of rs. The rules that are on (rule.on) become the current rules:
 * article scores count their findings only. */
int db_rules_sync(db *d, const ruleset *rs, int64_t *rule_pks);

/* Starts a run (status "running", with this process id, over the rules of
 * rs that are on) and marks older runs left "running" by dead processes as
 * "interrupted". */
int db_run_start(db *d, const ruleset *rs, int64_t *run_id);

typedef struct db_run_counts {
    size_t articles;     /* articles looked at */
    size_t scored;       /* articles with at least one rule run */
    size_t rule_calls;   /* check() calls made */
    size_t skipped;      /* article+rule pairs already scored */
    size_t findings;
    size_t errors;
} db_run_counts;

/* Ends a run: records its status and counts, and keeps a snapshot of the
 * findings of the current rules as the archive holds them now (what
 * `spindle diff` compares), in one transaction. */
int db_run_finish(db *d, int64_t run_id, const char *status,
                  const db_run_counts *counts);

/* For article pk: sets done[i] for each rule i of rs already scored with
 * its current source (rule_pks[i]). */
int db_scored_rules(db *d, int64_t article_pk, const int64_t *rule_pks,
                    size_t n_rules, bool *done);

/* Stores what engine_run produced (call db_rules_sync on this connection
 * first: the score counts only the rules it registered as current) for article pk in run run_id, for the
 * rules in ran[] (true = ran): replaces their older findings and errors,
 * marks them scored, and recomputes the article's score over the current
 * rules (rule_pks). */
int db_store_results(db *d, int64_t article_pk, int64_t run_id,
                     const ruleset *rs, const int64_t *rule_pks,
                     const bool *ran, const engine_result *res);

/* --- candidates: the articles a changed rule must read ---
 * When the only rules left to run on the archive have `needs` words, the
 * articles that can hold one are found in the full-text index
 * (candidates.h) instead of reading every article; the others are stored
 * in bulk as scored, with no finding (db_store_unread), as
 * db_store_results would store them. */

/* The largest key in the rules table (0 when empty): a rule version
 * db_rules_sync inserts afterwards has a larger one, and so has never been
 * scored. */
int db_rules_max_pk(db *d, int64_t *max_pk);

/* How many (article, rule) pairs are recorded as scored for the current
 * rules (db_rules_sync). */
int db_scored_pairs(db *d, size_t *pairs);

/* Calls fn for each term of the full-text index (as the default unicode61
 * tokenizer folds it: lower case, no diacritics; len bytes, not
 * NUL-terminated) with the number of articles holding it; fn returns
 * non-zero to stop. The terms are read from a list kept in the archive,
 * made again from the index when articles were added since. Sets *articles
 * and *max_pk (the largest article key). Returns 1, or 0 (fn not called)
 * when the index cannot answer exactly: it does not hold every article, or
 * not with the default tokenizer; -1 on error. Call inside a transaction
 * (it may write the list), and look articles up in the same one. */
typedef int (*db_term_fn)(void *ctx, const char *term, size_t len, size_t docs);
int db_fts_terms(db *d, db_term_fn fn, void *ctx, size_t *articles, int64_t *max_pk);

/* Marks in the bit set seen (bit pk of byte pk / 8; max_pk / 8 + 1 bytes)
 * the articles with pk <= max_pk that hold term (as db_fts_terms gave it),
 * counting in *n_seen those not marked before. */
int db_fts_term_articles(db *d, const char *term, size_t len, int64_t max_pk,
                         unsigned char *seen, size_t *n_seen);

/* Reads the articles with these keys (those that exist) into batch
 * (cleared first), in the order given. */
int db_articles_by_pk(db *d, const int64_t *pks, size_t n, db_article_batch *batch);

/* For every article with after_pk < pk < before_pk, stores what
 * db_store_results stores when the rules in ran[] ran and found nothing:
 * their older findings and errors go, they are marked scored in run run_id,
 * and the article's score is recomputed over the current rules. Sets
 * *n_articles to the number of such articles. */
int db_store_unread(db *d, int64_t after_pk, int64_t before_pk, int64_t run_id,
                    const ruleset *rs, const int64_t *rule_pks, const bool *ran,
                    size_t *n_articles);

/* --- queries --- */

typedef struct db_finding_filter {
    int64_t     run_id;       /* 0 = any */
    const char *article_id;   /* NULL = any */
    const char *rule_id;      /* NULL = any */
    double      min_score;    /* findings below are left out */
    size_t      limit;        /* 0 = all */
    bool        by_position;  /* order by position in the body, not score */
} db_finding_filter;

/* Called per row; the finding's strings are borrowed for the call only.
 * Return non-zero to stop. */
typedef int (*db_finding_fn)(void *ctx, const char *article_id, const finding *f);

int db_findings_each(db *d, const db_finding_filter *filter, db_finding_fn fn,
                     void *ctx);

typedef struct db_article_summary {
    const char *article_id;
    const char *title;
    double      score;
    size_t      findings;
} db_article_summary;

typedef int (*db_article_fn)(void *ctx, const db_article_summary *s);

/* Articles by descending score (ties by id), at most limit (0 = all). */
int db_top_each(db *d, size_t limit, db_article_fn fn, void *ctx);

/* The archive's key of the article with external id `id`. Returns 1 when
 * found, 0 when not, -1 on error. */
int db_article_pk(db *d, const char *id, int64_t *pk);

/* Loads one article by external id into out (caller clears). Returns 1
 * when found, 0 when not, -1 on error. */
int db_article_get(db *d, const char *id, article *out, double *score);

/* Full-text search (FTS5 query syntax); snippet has the match marked with
 * the given strings. A bad query is an error whose message says so. */
typedef int (*db_search_fn)(void *ctx, const char *article_id, const char *title,
                            const char *snippet, double score);
int db_search_each(db *d, const char *query, const char *mark_open,
                   const char *mark_close, size_t limit, db_search_fn fn, void *ctx);

/* Counts for status lines. */
int db_count_articles(db *d, size_t *n);

/* Rule errors of the archive for the article (NULL = all) in run (0 = any). */
typedef int (*db_error_fn)(void *ctx, const char *article_id, const char *rule_id,
                           const char *message);
int db_errors_each(db *d, const char *article_id, db_error_fn fn, void *ctx);

/* --- verdicts ---
 * An analyst's verdict on a finding (true, useful, false) is kept by the
 * finding's article, rule and flagged text, so it survives re-scoring and
 * applies again when the same text is flagged; a finding judged false does
 * not count in its article's score. A verdict on an article (misleading,
 * accurate) has rule and text ''. Recording one recomputes the article's
 * score over the current rules: call db_rules_sync on this connection
 * first. */

/* Whether verdict is one of true|useful|false (on_article: misleading|accurate). */
bool db_verdict_valid(const char *verdict, bool on_article);

/* Records verdict (and note, NULL = none) on the stored finding with id
 * finding_pk, in one transaction. Returns 1 when done, 0 when there is no
 * such finding, -1 on error. */
int db_verdict_finding(db *d, int64_t finding_pk, const char *verdict, const char *note);

/* Records a verdict by key (rule_id and text '' for the article); no
 * transaction of its own. *current (when not NULL) tells whether the
 * archive holds such a finding now. Returns 1 when stored, 0 when the
 * article is not in the archive, -1 on error. */
int db_verdict_key(db *d, const char *article_id, const char *rule_id, const char *text,
                   const char *verdict, const char *note, bool *current);

/* Every verdict, articles in id order (the article's own first). */
typedef int (*db_verdict_fn)(void *ctx, const char *article_id, const char *rule_id,
                             const char *text, const char *verdict, const char *note);
int db_verdicts_each(db *d, db_verdict_fn fn, void *ctx);

/* --- diff --- */

/* A finding as a run's snapshot holds it. Strings are borrowed for the
 * callback only. */
typedef struct db_run_finding {
    const char *article_id, *rule_id, *part, *text, *message;
    long long   start, stop;
    int         line, col;
    double      score;
} db_run_finding;

/* Whether run_id exists (1) and has a snapshot of findings (2, a run
 * finished since schema 4); 0 when there is no such run; -1 on error. */
int db_run_snapshot_state(db *d, int64_t run_id);

/* The differences between the snapshots of runs a and b, in article,
 * rule and position order: kind is '+' (now is in b only), '-' (now is
 * in a only) or '~' (the same finding, another score or message: old is
 * a's version, now b's); old is NULL but for '~'. */
typedef int (*db_diff_fn)(void *ctx, char kind, const db_run_finding *now,
                          const db_run_finding *old);
int db_run_diff(db *d, int64_t a, int64_t b, db_diff_fn fn, void *ctx);

/* --- report --- */

typedef struct db_run_info {
    long long run_id;
    char      started_at[32], finished_at[32], status[16], ruleset_hash[40];
    long long rules, articles, scored, rule_calls, findings, errors;
} db_run_info;

/* The run run_id, or (run_id 0) the latest run with a snapshot of its
 * findings. Returns 1 when found, 0 when not, -1 on error. */
int db_run_info_get(db *d, int64_t run_id, db_run_info *info);

/* The findings of run run_id's snapshot, by article and position, with
 * their verdicts (severity is not kept in snapshots: "info"). */
int db_run_findings_each(db *d, int64_t run_id, db_finding_fn fn, void *ctx);

/* --- eval --- (call db_rules_sync on this connection first) */

/* An article as eval sees it; strings borrowed for the callback. */
typedef struct db_eval_article {
    const char *article_id;
    double      score;       /* its article score; -1 when never scored */
    long long   length;      /* characters in the body */
    const char *rules;       /* comma-separated ids of the current rules with a
                                finding not judged false; "" for none */
    const char *verdict;     /* the verdict on the article, or NULL */
} db_eval_article;
typedef int (*db_eval_fn)(void *ctx, const db_eval_article *a);
int db_eval_articles(db *d, db_eval_fn fn, void *ctx);

/* Per current rule and verdict, how many of its stored findings carry it. */
typedef int (*db_rule_verdict_fn)(void *ctx, const char *rule_id, const char *verdict,
                                  long long n);
int db_rule_verdict_counts(db *d, db_rule_verdict_fn fn, void *ctx);

/* The title and severity of the latest version of rule rule_id the archive
 * knows: 1 with both set (caller frees), 0 when it knows none, -1 on error. */
int db_rule_title(db *d, const char *rule_id, char **title, char **severity);

/* The verdict on the article itself: 1 with *verdict and *note (caller
 * frees) set, 0 when none, -1 on error. */
int db_article_verdict(db *d, const char *article_id, char **verdict, char **note);

#endif
