/*
 * test_db.c — unit tests of the archive (runtime/db.c): creating and
 * reopening the schema, refusing files that are not ours or are newer,
 * locks, ingest outcomes, full-text search, rule versions, runs, storing
 * results incrementally, the noisy-OR article score and every query.
 *
 * Each test works on an archive in a fresh temporary directory (mkdtemp)
 * that it removes at the end. The rulesets are plain structs filled by hand:
 * the archive reads only a rule's id, source hash and metadata, so no Lua is
 * loaded here. Another SQLite connection (the "raw" helpers) plays the other
 * process and looks under the API at what was written.
 */
#include "db.h"

#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>
#include "check.h"
#include "util.h"

#define SPND_APPLICATION_ID 0x53504E44   /* "SPND", as db.c writes it */
#define MAX_ROWS 32

/* --- scratch directories -------------------------------------------------- */

/* A fresh temporary directory and the archive path inside it. */
typedef struct scratch {
    char dir[512];
    char db[600];
} scratch;

static void scratch_new(scratch *s)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(s->dir, sizeof s->dir, "%s/spindle-test-db-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(s->dir)) {
        perror("mkdtemp");
        exit(1);
    }
    snprintf(s->db, sizeof s->db, "%s/archive.db", s->dir);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    return remove(path);
}

/* Removes the directory and everything in it. */
static void scratch_free(scratch *s)
{
    nftw(s->dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* Joins dir and name into out. */
static const char *scratch_path(const scratch *s, const char *name, char *out, size_t outlen)
{
    snprintf(out, outlen, "%s/%s", s->dir, name);
    return out;
}

/* --- another connection ------------------------------------------------- */

static sqlite3 *raw_open(const char *path)
{
    sqlite3 *conn = NULL;
    if (sqlite3_open_v2(path, &conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        fprintf(stderr, "raw_open %s: %s\n", path, conn ? sqlite3_errmsg(conn) : "?");
        exit(1);
    }
    return conn;
}

static int raw_exec(sqlite3 *conn, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(conn, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) fprintf(stderr, "raw_exec '%s': %s\n", sql, msg ? msg : "?");
    sqlite3_free(msg);
    return rc;
}

/* The first column of the first row of sql, as an integer (-999 when there
 * is no row or the query fails). */
static long long raw_int(const char *path, const char *sql)
{
    sqlite3 *conn = raw_open(path);
    sqlite3_stmt *s = NULL;
    long long value = -999;
    if (sqlite3_prepare_v2(conn, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        value = sqlite3_column_int64(s, 0);
    else
        fprintf(stderr, "raw_int '%s': %s\n", sql, sqlite3_errmsg(conn));
    sqlite3_finalize(s);
    sqlite3_close(conn);
    return value;
}

/* The same as text into out ("" when there is no row). */
static const char *raw_text(const char *path, const char *sql, char *out, size_t outlen)
{
    sqlite3 *conn = raw_open(path);
    sqlite3_stmt *s = NULL;
    out[0] = '\0';
    if (sqlite3_prepare_v2(conn, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(s, 0);
        snprintf(out, outlen, "%s", t ? (const char *)t : "(null)");
    }
    sqlite3_finalize(s);
    sqlite3_close(conn);
    return out;
}

/* Makes a plain SQLite file by running sql in a new connection. */
static void raw_make(const char *path, const char *sql)
{
    sqlite3 *conn = raw_open(path);
    raw_exec(conn, sql);
    sqlite3_close(conn);
}

/* --- building inputs -------------------------------------------------------- */

static db *open_ok(const char *path)
{
    char err[512] = "";
    db *d = db_open(path, false, err, sizeof err);
    if (!d) fprintf(stderr, "db_open %s: %s\n", path, err);
    return d;
}

/* A heap article with the given fields (others NULL); free with article_clear. */
static void article_make(article *a, const char *id, const char *title, const char *body)
{
    memset(a, 0, sizeof *a);
    a->id = xstrdup(id);
    a->title = xstrdup(title);
    a->body = xstrdup(body);
    a->body_len = strlen(body);
    a->origin = xstrdup(id);
}

/* Adds an article and returns what db_article_add said (-1 on error, the
 * reason in db_error). */
static int add(db *d, const char *id, const char *title, const char *body)
{
    article a;
    article_make(&a, id, title, body);
    db_add_result result = DB_ADDED;
    int rc = db_article_add(d, &a, &result);
    article_clear(&a);
    return rc != 0 ? -1 : (int)result;
}

/* The primary key of a stored article (0 when absent). */
static int64_t pk_of(db *d, const char *id)
{
    db_article_batch batch = {0};
    char *ids[1] = { (char *)(uintptr_t)id };
    int64_t pk = 0;
    if (db_articles_next(d, 0, 10, ids, 1, &batch) == 0 && batch.n == 1) pk = batch.pks[0];
    db_article_batch_free(&batch);
    return pk;
}

/* A ruleset of up to four rules, filled by hand. */
typedef struct fake_rules {
    ruleset rs;
    rule    rules[4];
} fake_rules;

static void fake_rule(fake_rules *f, const char *id, const char *hash, double weight)
{
    rule *r = &f->rules[f->rs.n_rules++];
    memset(r, 0, sizeof *r);
    r->id = xstrdup(id);
    r->title = xstrdup(id);
    r->description = xstrdup("");
    r->severity = SEV_MEDIUM;
    r->weight = weight;
    r->enabled = r->on = true;
    r->file = xstrdup("fake.lua");
    r->line = (int)f->rs.n_rules;
    snprintf(r->source_hash, sizeof r->source_hash, "%s", hash);
    f->rs.rules = f->rules;
}

static void fake_rules_free(fake_rules *f)
{
    for (size_t i = 0; i < f->rs.n_rules; i++) {
        free(f->rules[i].id);
        free(f->rules[i].title);
        free(f->rules[i].description);
        free(f->rules[i].file);
    }
    memset(f, 0, sizeof *f);
}

/* Appends a finding of rule_id with score at [start, end) to res. */
static void add_finding(engine_result *res, const char *rule_id, double score,
                        size_t start, size_t end, const char *text)
{
    finding *f = finding_list_push(&res->findings);
    f->rule_id = xstrdup(rule_id);
    f->severity = "medium";
    f->score = score;
    f->start = start;
    f->end = end;
    f->line = 1;
    f->col = (int)start + 1;
    f->text = xstrdup(text);
    f->message = xstrdup("test finding");
    f->evidence_json = xstrdup("{\"k\":\"v\"}");
}

/* Appends a rule error of rule index rule to res. */
static void add_error(engine_result *res, size_t rule_index, const char *message)
{
    if (res->n_errors == res->cap_errors) {
        res->cap_errors = res->cap_errors ? res->cap_errors * 2 : 4;
        res->errors = xrealloc(res->errors, res->cap_errors * sizeof *res->errors);
    }
    res->errors[res->n_errors].rule = rule_index;
    res->errors[res->n_errors].message = xstrdup(message);
    res->n_errors++;
}

/* --- collecting query rows ------------------------------------------------ */

typedef struct row {
    char   article[64];
    char   rule[64];
    char   text[128];
    char   part[8];
    double score;
    size_t start, findings;
} row;

typedef struct rows {
    row    items[MAX_ROWS];
    size_t n;
    size_t stop_after;   /* 0 = never stop */
} rows;

static row *rows_push(rows *r)
{
    static row overflow;
    if (r->n == MAX_ROWS) return &overflow;
    row *x = &r->items[r->n++];
    memset(x, 0, sizeof *x);
    return x;
}

static int rows_stop(const rows *r)
{
    return r->stop_after && r->n >= r->stop_after;
}

static int collect_finding(void *ctx, const char *article_id, const finding *f)
{
    rows *r = ctx;
    row *x = rows_push(r);
    snprintf(x->article, sizeof x->article, "%s", article_id);
    snprintf(x->rule, sizeof x->rule, "%s", f->rule_id);
    snprintf(x->text, sizeof x->text, "%s", f->text);
    snprintf(x->part, sizeof x->part, "%s", finding_part_name(f->part));
    x->score = f->score;
    x->start = f->start;
    return rows_stop(r);
}

static int collect_article(void *ctx, const db_article_summary *s)
{
    rows *r = ctx;
    row *x = rows_push(r);
    snprintf(x->article, sizeof x->article, "%s", s->article_id);
    snprintf(x->text, sizeof x->text, "%s", s->title);
    x->score = s->score;
    x->findings = s->findings;
    return rows_stop(r);
}

static int collect_hit(void *ctx, const char *article_id, const char *title,
                       const char *snippet, double score)
{
    rows *r = ctx;
    row *x = rows_push(r);
    (void)title;
    snprintf(x->article, sizeof x->article, "%s", article_id);
    snprintf(x->text, sizeof x->text, "%s", snippet);
    x->score = score;
    return rows_stop(r);
}

static int collect_error(void *ctx, const char *article_id, const char *rule_id,
                         const char *message)
{
    rows *r = ctx;
    row *x = rows_push(r);
    snprintf(x->article, sizeof x->article, "%s", article_id);
    snprintf(x->rule, sizeof x->rule, "%s", rule_id);
    snprintf(x->text, sizeof x->text, "%s", message);
    return rows_stop(r);
}

/* Runs a findings query and returns the rows in *out. */
static int query(db *d, const db_finding_filter *filter, rows *out)
{
    memset(out, 0, sizeof *out);
    int rc = db_findings_each(d, filter, collect_finding, out);
    if (rc != 0) fprintf(stderr, "db_findings_each: %s\n", db_error(d));
    return rc;
}

static int close_to(double a, double b)
{
    return fabs(a - b) < 1e-9;
}

#define CHECK_HAS(text, word) \
    CHECK_MSG(strstr((text), (word)) != NULL, "'%s' lacks '%s'", (text), (word))

/* One sentence: non-empty, no line break. */
#define CHECK_SENTENCE(text) \
    CHECK_MSG((text)[0] != '\0' && strchr((text), '\n') == NULL, "not one sentence: '%s'", (text))

/* --- the tests -------------------------------------------------------------- */

static void test_open_creates_schema(void)
{
    scratch s;
    scratch_new(&s);
    char text[256];
    db *d = open_ok(s.db);
    CHECK(d != NULL);
    if (!d) { scratch_free(&s); return; }
    CHECK_INT(raw_int(s.db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
    CHECK_INT(raw_int(s.db, "PRAGMA application_id"), SPND_APPLICATION_ID);
    CHECK_STR(raw_text(s.db, "PRAGMA journal_mode", text, sizeof text), "wal");
    static const char *const tables[] = {
        "articles", "articles_fts", "rules", "runs", "scored", "findings",
        "article_scores", "rule_errors"
    };
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        char sql[200];
        snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM sqlite_master WHERE name = '%s'", tables[i]);
        CHECK_MSG(raw_int(s.db, sql) == 1, "table %s missing", tables[i]);
    }
    long long objects = raw_int(s.db, "SELECT COUNT(*) FROM sqlite_master");

    /* foreign keys are on: results for an article that does not exist are refused */
    fake_rules f = {0};
    fake_rule(&f, "rule-a", "aaaa", 0.5);
    int64_t rule_pks[1] = {0}, run_id = 0;
    bool ran[1] = { false };
    engine_result res = {0};
    CHECK_INT(db_rules_sync(d, &f.rs, rule_pks), 0);
    CHECK_INT(db_run_start(d, &f.rs, &run_id), 0);
    CHECK_INT(db_store_results(d, 4242, run_id, &f.rs, rule_pks, ran, &res), -1);
    CHECK_HAS(db_error(d), "FOREIGN KEY");
    CHECK_INT(raw_int(s.db, "SELECT COUNT(*) FROM article_scores"), 0);

    CHECK_INT(add(d, "a1", "Title", "Body text."), DB_ADDED);
    db_close(d);

    /* reopening changes nothing and keeps what was stored */
    d = open_ok(s.db);
    CHECK(d != NULL);
    if (d) {
        size_t n = 0;
        CHECK_INT(db_count_articles(d, &n), 0);
        CHECK_INT(n, 1);
        db_close(d);
    }
    d = open_ok(s.db);
    CHECK(d != NULL);
    db_close(d);
    CHECK_INT(raw_int(s.db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
    CHECK_INT(raw_int(s.db, "SELECT COUNT(*) FROM sqlite_master"), objects);
    CHECK_INT(raw_int(s.db, "SELECT COUNT(*) FROM runs"), 1);

    /* read-only: reads work, writes say so */
    char err[512] = "";
    d = db_open(s.db, true, err, sizeof err);
    CHECK_MSG(d != NULL, "read-only open: %s", err);
    if (d) {
        size_t n = 0;
        CHECK_INT(db_count_articles(d, &n), 0);
        CHECK_INT(n, 1);
        CHECK_INT(add(d, "a2", "Other", "Other body."), -1);
        CHECK_HAS(db_error(d), "read-only");
        CHECK_SENTENCE(db_error(d));
        db_close(d);
    }
    fake_rules_free(&f);
    scratch_free(&s);
}

static void test_open_refusals(void)
{
    scratch s;
    scratch_new(&s);
    char path[700], err[512];

    /* not SQLite at all */
    scratch_path(&s, "notes.txt", path, sizeof path);
    FILE *fp = fopen(path, "w");
    for (int i = 0; i < 200; i++) fputs("This is a plain text file, not a database.\n", fp);
    fclose(fp);
    err[0] = '\0';
    CHECK(db_open(path, false, err, sizeof err) == NULL);
    CHECK_HAS(err, "not a Spindle archive");
    CHECK_HAS(err, path);
    CHECK_SENTENCE(err);
    err[0] = '\0';
    CHECK(db_open(path, true, err, sizeof err) == NULL);
    CHECK_HAS(err, "not a Spindle archive");

    /* another application's SQLite file, left untouched */
    scratch_path(&s, "other.sqlite", path, sizeof path);
    raw_make(path, "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT);"
                   "INSERT INTO notes(text) VALUES ('keep me');");
    err[0] = '\0';
    CHECK(db_open(path, false, err, sizeof err) == NULL);
    CHECK_HAS(err, "SQLite file but not a Spindle archive");
    CHECK_SENTENCE(err);
    CHECK_INT(raw_int(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'articles'"), 0);
    CHECK_INT(raw_int(path, "PRAGMA user_version"), 0);

    /* an empty SQLite file stamped by another application */
    scratch_path(&s, "stamped.sqlite", path, sizeof path);
    raw_make(path, "PRAGMA application_id = 1234; CREATE TABLE t(x); DROP TABLE t;");
    err[0] = '\0';
    CHECK(db_open(path, false, err, sizeof err) == NULL);
    CHECK_HAS(err, "not a Spindle archive");

    /* a newer schema than this build knows */
    scratch_path(&s, "newer.db", path, sizeof path);
    char sql[200];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = 99;"
             "CREATE TABLE articles(pk INTEGER PRIMARY KEY);", SPND_APPLICATION_ID);
    raw_make(path, sql);
    err[0] = '\0';
    CHECK(db_open(path, false, err, sizeof err) == NULL);
    CHECK_HAS(err, "newer Spindle");
    CHECK_HAS(err, "99");
    CHECK_SENTENCE(err);
    CHECK_INT(raw_int(path, "PRAGMA user_version"), 99);

    /* user_version 99 without our stamp: still refused */
    scratch_path(&s, "v99.db", path, sizeof path);
    raw_make(path, "PRAGMA user_version = 99;");
    err[0] = '\0';
    CHECK(db_open(path, false, err, sizeof err) == NULL);
    CHECK(strstr(err, "not a Spindle archive") || strstr(err, "newer Spindle"));

    /* read-only on a missing file: refused, and not created */
    scratch_path(&s, "missing.db", path, sizeof path);
    err[0] = '\0';
    CHECK(db_open(path, true, err, sizeof err) == NULL);
    CHECK_HAS(err, "no archive at");
    CHECK_HAS(err, path);
    CHECK_SENTENCE(err);
    CHECK(access(path, F_OK) != 0);

    /* a directory that does not exist */
    scratch_path(&s, "no/such/dir/archive.db", path, sizeof path);
    err[0] = '\0';
    CHECK(db_open(path, false, err, sizeof err) == NULL);
    CHECK_HAS(err, "cannot open the archive");
    CHECK_SENTENCE(err);

    /* a directory where the file should be */
    err[0] = '\0';
    CHECK(db_open(s.dir, false, err, sizeof err) == NULL);
    CHECK_HAS(err, s.dir);
    CHECK_SENTENCE(err);
    scratch_free(&s);
}

/* Another connection holds the write lock: a write waits out the busy
 * timeout (5 s) and then gives one sentence that says "locked". */
static void test_locked(void)
{
    scratch s;
    scratch_new(&s);
    db *d = open_ok(s.db);
    CHECK(d != NULL);
    if (!d) { scratch_free(&s); return; }
    sqlite3 *other = raw_open(s.db);
    CHECK_INT(raw_exec(other, "BEGIN EXCLUSIVE"), SQLITE_OK);
    CHECK_INT(db_begin(d), -1);
    CHECK_HAS(db_error(d), "locked");
    CHECK_SENTENCE(db_error(d));
    raw_exec(other, "ROLLBACK");
    /* once released, the same archive writes again */
    CHECK_INT(db_begin(d), 0);
    CHECK_INT(add(d, "x", "T", "B."), DB_ADDED);
    CHECK_INT(db_commit(d), 0);
    db_close(d);

    /* opening a new file that another process holds exclusively */
    char path[700], err[512] = "";
    scratch_path(&s, "held.db", path, sizeof path);
    sqlite3 *holder = raw_open(path);
    raw_exec(holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                     "CREATE TABLE t(x);");
    CHECK(db_open(path, false, err, sizeof err) == NULL);
    CHECK_HAS(err, "locked");
    CHECK_SENTENCE(err);
    raw_exec(holder, "ROLLBACK");
    sqlite3_close(holder);
    sqlite3_close(other);
    scratch_free(&s);
}

/* The schema of a real archive as SQL statements in creation order (the
 * FTS5 shadow tables left out: their virtual table makes them). */
static size_t schema_sql(const char *path, char **out, size_t max)
{
    sqlite3 *conn = raw_open(path);
    sqlite3_stmt *s = NULL;
    size_t n = 0;
    sqlite3_prepare_v2(conn, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"
                       " AND name NOT LIKE 'articles!_fts!_%' ESCAPE '!' ORDER BY rowid",
                       -1, &s, NULL);
    while (n < max && sqlite3_step(s) == SQLITE_ROW)
        out[n++] = xstrdup((const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(conn);
    return n;
}

/* Two processes create the same new archive at once (two `spindle ingest`
 * started together): the other one takes the write lock first and creates
 * the schema while we wait for the lock. Opening must still succeed. */
static void test_concurrent_create(void)
{
    scratch s;
    scratch_new(&s);
    char template_path[700], err[512] = "";
    scratch_path(&s, "template.db", template_path, sizeof template_path);
    db *t = open_ok(template_path);
    CHECK(t != NULL);
    db_close(t);
    char *schema[64];
    size_t n = schema_sql(template_path, schema, 64);
    CHECK(n >= 10);

    int ready[2];
    if (pipe(ready) != 0) { perror("pipe"); exit(1); }
    pid_t child = fork();
    if (child == 0) {
        /* the other process: holds the write lock, then creates the schema */
        close(ready[0]);
        sqlite3 *conn = raw_open(s.db);
        raw_exec(conn, "BEGIN IMMEDIATE");
        if (write(ready[1], "x", 1) != 1) _exit(1);
        usleep(800 * 1000);
        char pragmas[128];
        snprintf(pragmas, sizeof pragmas, "PRAGMA user_version = %d; PRAGMA application_id = %d;",
                 DB_SCHEMA_VERSION, SPND_APPLICATION_ID);
        for (size_t i = 0; i < n; i++) raw_exec(conn, schema[i]);
        raw_exec(conn, pragmas);
        raw_exec(conn, "COMMIT");
        sqlite3_close(conn);
        _exit(0);
    }
    close(ready[1]);
    char byte;
    if (read(ready[0], &byte, 1) != 1) { perror("read"); exit(1); }
    close(ready[0]);
    db *d = db_open(s.db, false, err, sizeof err);
    int status = 0;
    waitpid(child, &status, 0);
    CHECK_INT(status, 0);
    CHECK_MSG(d != NULL, "opening an archive created meanwhile by another process: %s", err);
    if (d) CHECK_INT(add(d, "after", "After", "Added after the race."), DB_ADDED);
    db_close(d);
    CHECK_INT(raw_int(s.db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
    for (size_t i = 0; i < n; i++) free(schema[i]);
    scratch_free(&s);
}

static void test_article_add(void)
{
    scratch s;
    scratch_new(&s);
    db *d = open_ok(s.db);
    CHECK(d != NULL);
    if (!d) { scratch_free(&s); return; }
    CHECK_INT(add(d, "a1", "Wind farm deal", "The turbine deal was signed."), DB_ADDED);
    CHECK_INT(add(d, "a2", "Wind farm deal", "The turbine deal was signed."), DB_DUPLICATE);
    CHECK_INT(add(d, "a1", "Wind farm deal", "The turbine deal was signed."), DB_DUPLICATE);
    CHECK_INT(add(d, "a1", "Another title", "Another body."), DB_ID_TAKEN);
    /* the title is part of the content */
    CHECK_INT(add(d, "a3", "A different headline", "The turbine deal was signed."), DB_ADDED);
    /* values only ever go in as parameters */
    const char *odd = "it's \"odd\"; DROP TABLE articles; --";
    CHECK_INT(add(d, odd, "Quote ' title", "Body with ' and \" and ; inside."), DB_ADDED);
    size_t n = 0;
    CHECK_INT(db_count_articles(d, &n), 0);
    CHECK_INT(n, 3);

    /* every field round-trips; absent ones stay NULL */
    article a;
    article_make(&a, "full", "Full record", "Body of the full record.");
    a.url = xstrdup("https://example.org/x");
    a.outlet = xstrdup("Example Times");
    a.author = xstrdup("R. Writer");
    a.published = xstrdup("2024-05-01T10:00:00Z");
    a.lang = xstrdup("en");
    a.meta_json = xstrdup("{\"section\":\"business\"}");
    db_add_result result = DB_DUPLICATE;
    CHECK_INT(db_article_add(d, &a, &result), 0);
    CHECK_INT(result, DB_ADDED);
    article_clear(&a);

    article got = {0};
    double score = -1;
    CHECK_INT(db_article_get(d, "full", &got, &score), 1);
    CHECK_STR(got.id, "full");
    CHECK_STR(got.title, "Full record");
    CHECK_STR(got.body, "Body of the full record.");
    CHECK_INT(got.body_len, strlen("Body of the full record."));
    CHECK_STR(got.url, "https://example.org/x");
    CHECK_STR(got.outlet, "Example Times");
    CHECK_STR(got.author, "R. Writer");
    CHECK_STR(got.published, "2024-05-01T10:00:00Z");
    CHECK_STR(got.lang, "en");
    CHECK_STR(got.meta_json, "{\"section\":\"business\"}");
    CHECK(close_to(score, 0));   /* not scored yet */
    article_clear(&got);
    CHECK_INT(db_article_get(d, odd, &got, NULL), 1);
    CHECK_STR(got.title, "Quote ' title");
    CHECK(got.url == NULL && got.meta_json == NULL);
    article_clear(&got);
    CHECK_INT(db_article_get(d, "nope", &got, NULL), 0);

    /* reading in pages by primary key */
    db_article_batch batch = {0};
    CHECK_INT(db_articles_next(d, 0, 2, NULL, 0, &batch), 0);
    CHECK_INT(batch.n, 2);
    if (batch.n == 2) {
        CHECK_STR(batch.items[0].id, "a1");
        CHECK_STR(batch.items[1].id, "a3");
        CHECK(batch.pks[0] < batch.pks[1]);
        int64_t last = batch.pks[1];
        CHECK_INT(db_articles_next(d, last, 10, NULL, 0, &batch), 0);
        CHECK_INT(batch.n, 2);
        if (batch.n == 2) CHECK_STR(batch.items[1].id, "full");
    }
    char *ids[3] = { (char *)"full", (char *)"missing", (char *)"a1" };
    CHECK_INT(db_articles_next(d, 0, 10, ids, 3, &batch), 0);
    CHECK_INT(batch.n, 2);
    if (batch.n == 2) {
        CHECK_STR(batch.items[0].id, "full");
        CHECK_STR(batch.items[1].id, "a1");
    }
    CHECK_INT(db_articles_next(d, 1, 10, ids, 3, &batch), 0);
    CHECK_INT(batch.n, 0);
    db_article_batch_free(&batch);

    /* a rolled-back batch leaves nothing behind */
    CHECK_INT(db_begin(d), 0);
    CHECK_INT(add(d, "rolled", "Rolled back", "Never kept."), DB_ADDED);
    CHECK_INT(db_rollback(d), 0);
    CHECK_INT(db_count_articles(d, &n), 0);
    CHECK_INT(n, 4);
    CHECK_INT(db_article_get(d, "rolled", &got, NULL), 0);

    /* an uncommitted batch is lost on close, the committed ones are not */
    CHECK_INT(db_begin(d), 0);
    CHECK_INT(add(d, "kept", "Kept", "Committed body."), DB_ADDED);
    CHECK_INT(db_commit(d), 0);
    CHECK_INT(db_begin(d), 0);
    CHECK_INT(add(d, "lost", "Lost", "Uncommitted body."), DB_ADDED);
    db_close(d);
    d = open_ok(s.db);
    CHECK(d != NULL);
    if (d) {
        CHECK_INT(db_article_get(d, "kept", &got, NULL), 1);
        article_clear(&got);
        CHECK_INT(db_article_get(d, "lost", &got, NULL), 0);
        db_close(d);
    }
    scratch_free(&s);
}

static void test_search(void)
{
    scratch s;
    scratch_new(&s);
    db *d = open_ok(s.db);
    CHECK(d != NULL);
    if (!d) { scratch_free(&s); return; }
    add(d, "wind", "Wind farm", "Engineers installed a new turbine off the coast.");
    add(d, "rail", "Rail link", "The railway contract was worth $2bn, officials said.");
    add(d, "both", "Turbine makers", "A turbine maker won a railway contract.");
    rows r = {0};
    CHECK_INT(db_search_each(d, "turbine", "[", "]", 0, collect_hit, &r), 0);
    CHECK_INT(r.n, 2);
    int wind = -1;
    for (size_t i = 0; i < r.n; i++)
        if (strcmp(r.items[i].article, "wind") == 0) wind = (int)i;
    CHECK(wind >= 0);
    if (wind >= 0) CHECK_HAS(r.items[wind].text, "[turbine]");

    memset(&r, 0, sizeof r);
    CHECK_INT(db_search_each(d, "railway AND contract", "<", ">", 0, collect_hit, &r), 0);
    CHECK_INT(r.n, 2);
    memset(&r, 0, sizeof r);
    CHECK_INT(db_search_each(d, "\"wind farm\"", "<", ">", 0, collect_hit, &r), 0);
    CHECK_INT(r.n, 1);
    if (r.n == 1) CHECK_STR(r.items[0].article, "wind");
    memset(&r, 0, sizeof r);
    CHECK_INT(db_search_each(d, "turbine OR railway", "[", "]", 1, collect_hit, &r), 0);
    CHECK_INT(r.n, 1);
    memset(&r, 0, sizeof r);
    r.stop_after = 1;
    CHECK_INT(db_search_each(d, "turbine OR railway", "[", "]", 0, collect_hit, &r), 0);
    CHECK_INT(r.n, 1);
    memset(&r, 0, sizeof r);
    CHECK_INT(db_search_each(d, "zeppelin", "[", "]", 0, collect_hit, &r), 0);
    CHECK_INT(r.n, 0);

    static const char *const bad[] = { "\"unbalanced", "AND OR", "turbine NEAR(", "title:" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(&r, 0, sizeof r);
        CHECK_MSG(db_search_each(d, bad[i], "[", "]", 0, collect_hit, &r) == -1,
                  "bad query %s accepted", bad[i]);
        CHECK_HAS(db_error(d), "not valid FTS5 syntax");
    }
    /* the statement is usable again after a bad query */
    memset(&r, 0, sizeof r);
    CHECK_INT(db_search_each(d, "coast", "[", "]", 0, collect_hit, &r), 0);
    CHECK_INT(r.n, 1);
    db_close(d);
    scratch_free(&s);
}

static void test_rules_sync(void)
{
    scratch s;
    scratch_new(&s);
    db *d = open_ok(s.db);
    CHECK(d != NULL);
    if (!d) { scratch_free(&s); return; }
    fake_rules f = {0};
    fake_rule(&f, "rule-a", "11111111111111111111111111111111", 0.8);
    fake_rule(&f, "rule-b", "22222222222222222222222222222222", 0.5);
    int64_t first[2] = {0}, again[2] = {0}, changed[2] = {0}, back[2] = {0};
    CHECK_INT(db_rules_sync(d, &f.rs, first), 0);
    CHECK(first[0] > 0 && first[1] > 0 && first[0] != first[1]);
    CHECK_INT(db_rules_sync(d, &f.rs, again), 0);
    CHECK_INT(again[0], first[0]);
    CHECK_INT(again[1], first[1]);
    snprintf(f.rules[0].source_hash, sizeof f.rules[0].source_hash, "%s",
             "33333333333333333333333333333333");
    CHECK_INT(db_rules_sync(d, &f.rs, changed), 0);
    CHECK(changed[0] != first[0] && changed[0] > 0);
    CHECK_INT(changed[1], first[1]);
    snprintf(f.rules[0].source_hash, sizeof f.rules[0].source_hash, "%s",
             "11111111111111111111111111111111");
    CHECK_INT(db_rules_sync(d, &f.rs, back), 0);
    CHECK_INT(back[0], first[0]);
    CHECK_INT(raw_int(s.db, "SELECT COUNT(*) FROM rules"), 3);
    CHECK_INT(raw_int(s.db, "SELECT COUNT(*) FROM rules WHERE id = 'rule-a'"), 2);
    db_close(d);
    /* stable across connections too */
    d = open_ok(s.db);
    if (d) {
        CHECK_INT(db_rules_sync(d, &f.rs, again), 0);
        CHECK_INT(again[0], first[0]);
        CHECK_INT(again[1], first[1]);
        db_close(d);
    }
    fake_rules_free(&f);
    scratch_free(&s);
}

/* The pid of a process that has exited and been reaped. */
static pid_t dead_pid(void)
{
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    waitpid(pid, NULL, 0);
    return pid;
}

static void test_runs(void)
{
    scratch s;
    scratch_new(&s);
    db *d = open_ok(s.db);
    CHECK(d != NULL);
    if (!d) { scratch_free(&s); return; }
    char sql[300], text[64];
    snprintf(sql, sizeof sql,
             "INSERT INTO runs(pk, status, pid, ruleset_hash, rules) VALUES"
             " (1, 'running', %ld, 'h', 0), (2, 'running', %ld, 'h', 0),"
             " (3, 'done', %ld, 'h', 0), (4, 'running', 0, 'h', 0)",
             (long)dead_pid(), (long)getpid(), (long)dead_pid());
    raw_make(s.db, sql);
    fake_rules f = {0};
    fake_rule(&f, "rule-a", "aaaa", 0.5);
    int64_t run_id = 0;
    CHECK_INT(db_run_start(d, &f.rs, &run_id), 0);
    CHECK_INT(run_id, 5);
    CHECK_STR(raw_text(s.db, "SELECT status FROM runs WHERE pk = 1", text, sizeof text), "interrupted");
    CHECK_STR(raw_text(s.db, "SELECT status FROM runs WHERE pk = 2", text, sizeof text), "running");
    CHECK_STR(raw_text(s.db, "SELECT status FROM runs WHERE pk = 3", text, sizeof text), "done");
    CHECK_STR(raw_text(s.db, "SELECT status FROM runs WHERE pk = 4", text, sizeof text), "interrupted");
    CHECK_STR(raw_text(s.db, "SELECT status FROM runs WHERE pk = 5", text, sizeof text), "running");
    snprintf(sql, sizeof sql, "SELECT pid = %ld AND rules = 1 FROM runs WHERE pk = 5", (long)getpid());
    CHECK_INT(raw_int(s.db, sql), 1);
    db_run_counts counts = { 10, 8, 16, 4, 3, 1 };
    CHECK_INT(db_run_finish(d, run_id, "done", &counts), 0);
    CHECK_STR(raw_text(s.db, "SELECT status || ' ' || articles || ' ' || scored || ' ' ||"
                       " rule_calls || ' ' || skipped || ' ' || findings || ' ' || errors ||"
                       " ' ' || (finished_at IS NOT NULL) FROM runs WHERE pk = 5", text,
                       sizeof text), "done 10 8 16 4 3 1 1");
    /* a finished run is never marked interrupted */
    int64_t next = 0;
    CHECK_INT(db_run_start(d, &f.rs, &next), 0);
    CHECK_INT(next, 6);
    CHECK_STR(raw_text(s.db, "SELECT status FROM runs WHERE pk = 5", text, sizeof text), "done");
    db_close(d);
    fake_rules_free(&f);
    scratch_free(&s);
}

/* Stores, re-stores after a rule changed, and checks scores and findings. */
static void test_store_results(void)
{
    scratch s;
    scratch_new(&s);
    db *d = open_ok(s.db);
    CHECK(d != NULL);
    if (!d) { scratch_free(&s); return; }
    add(d, "art-1", "First", "Alpha beta gamma delta epsilon zeta eta theta iota kappa.");
    add(d, "art-2", "Second", "Another body with enough words to hold spans in it.");
    int64_t pk1 = pk_of(d, "art-1"), pk2 = pk_of(d, "art-2");
    CHECK(pk1 > 0 && pk2 > 0);

    fake_rules f = {0};
    fake_rule(&f, "rule-a", "aaaa", 0.8);
    fake_rule(&f, "rule-b", "bbbb", 0.5);
    fake_rule(&f, "rule-c", "cccc", 0.3);
    int64_t rule_pks[3] = {0}, run1 = 0, run2 = 0;
    bool done[3], all[3] = { true, true, true };
    CHECK_INT(db_begin(d), 0);
    CHECK_INT(db_rules_sync(d, &f.rs, rule_pks), 0);
    CHECK_INT(db_run_start(d, &f.rs, &run1), 0);
    CHECK_INT(db_commit(d), 0);

    CHECK_INT(db_scored_rules(d, pk1, rule_pks, 3, done), 0);
    CHECK(!done[0] && !done[1] && !done[2]);

    engine_result res = {0};
    add_finding(&res, "rule-a", 0.8, 0, 5, "Alpha");
    add_finding(&res, "rule-a", 0.4, 11, 16, "gamma");
    add_finding(&res, "rule-b", 0.5, 23, 30, "epsilon");
    add_error(&res, 2, "rule-c: instruction budget exhausted");
    CHECK_INT(db_begin(d), 0);
    CHECK_INT(db_store_results(d, pk1, run1, &f.rs, rule_pks, all, &res), 0);
    engine_result_clear(&res);
    add_finding(&res, "rule-b", 0.25, 0, 7, "Another");
    CHECK_INT(db_store_results(d, pk2, run1, &f.rs, rule_pks, all, &res), 0);
    CHECK_INT(db_commit(d), 0);

    CHECK_INT(db_scored_rules(d, pk1, rule_pks, 3, done), 0);
    CHECK(done[0] && done[1] && done[2]);
    /* noisy-OR of the top finding of each rule: 1 - (1 - .8)(1 - .5) */
    double score = -1;
    article got = {0};
    CHECK_INT(db_article_get(d, "art-1", &got, &score), 1);
    article_clear(&got);
    CHECK_MSG(close_to(score, 0.9), "art-1 score %.6f, want 0.9", score);
    CHECK_INT(raw_int(s.db, "SELECT findings FROM article_scores s JOIN articles a"
                      " ON a.pk = s.article_pk WHERE a.id = 'art-1'"), 3);
    CHECK_INT(raw_int(s.db, "SELECT COUNT(*) FROM findings"), 4);

    rows r = {0};
    CHECK_INT(db_errors_each(d, NULL, collect_error, &r), 0);
    CHECK_INT(r.n, 1);
    if (r.n == 1) {
        CHECK_STR(r.items[0].article, "art-1");
        CHECK_STR(r.items[0].rule, "rule-c");
        CHECK_STR(r.items[0].text, "rule-c: instruction budget exhausted");
    }
    memset(&r, 0, sizeof r);
    CHECK_INT(db_errors_each(d, "art-2", collect_error, &r), 0);
    CHECK_INT(r.n, 0);

    /* storing the same rules again replaces, never doubles */
    engine_result_clear(&res);
    add_finding(&res, "rule-a", 0.8, 0, 5, "Alpha");
    add_finding(&res, "rule-a", 0.4, 11, 16, "gamma");
    add_finding(&res, "rule-b", 0.5, 23, 30, "epsilon");
    add_error(&res, 2, "rule-c: instruction budget exhausted");
    CHECK_INT(db_store_results(d, pk1, run1, &f.rs, rule_pks, all, &res), 0);
    CHECK_INT(raw_int(s.db, "SELECT COUNT(*) FROM findings"), 4);
    CHECK_INT(raw_int(s.db, "SELECT COUNT(*) FROM rule_errors"), 1);
    CHECK_INT(raw_int(s.db, "SELECT COUNT(*) FROM scored"), 6);

    /* rule-a changes: only it is due again on art-1, and its new findings
     * replace the old version's */
    snprintf(f.rules[0].source_hash, sizeof f.rules[0].source_hash, "%s", "a2a2");
    int64_t old_a = rule_pks[0];
    CHECK_INT(db_begin(d), 0);
    CHECK_INT(db_rules_sync(d, &f.rs, rule_pks), 0);
    CHECK_INT(db_run_start(d, &f.rs, &run2), 0);
    CHECK_INT(db_commit(d), 0);
    CHECK(rule_pks[0] != old_a);
    CHECK_INT(db_scored_rules(d, pk1, rule_pks, 3, done), 0);
    CHECK(!done[0] && done[1] && done[2]);
    bool only_a[3] = { true, false, false };
    engine_result_clear(&res);
    add_finding(&res, "rule-a", 0.3, 6, 10, "beta");
    CHECK_INT(db_store_results(d, pk1, run2, &f.rs, rule_pks, only_a, &res), 0);
    CHECK_INT(db_scored_rules(d, pk1, rule_pks, 3, done), 0);
    CHECK(done[0] && done[1] && done[2]);
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM scored WHERE article_pk = %lld",
             (long long)pk1);
    CHECK_INT(raw_int(s.db, sql), 3);

    db_finding_filter filter = { .article_id = "art-1", .rule_id = "rule-a" };
    CHECK_INT(query(d, &filter, &r), 0);
    CHECK_INT(r.n, 1);
    if (r.n == 1) {
        CHECK_STR(r.items[0].text, "beta");
        CHECK(close_to(r.items[0].score, 0.3));
    }
    /* 1 - (1 - .3)(1 - .5) */
    CHECK_INT(db_article_get(d, "art-1", &got, &score), 1);
    article_clear(&got);
    CHECK_MSG(close_to(score, 0.65), "art-1 score %.6f, want 0.65", score);
    CHECK_INT(raw_int(s.db, "SELECT findings FROM article_scores s JOIN articles a"
                      " ON a.pk = s.article_pk WHERE a.id = 'art-1'"), 2);
    /* the error of rule-c was not touched by re-running rule-a */
    memset(&r, 0, sizeof r);
    CHECK_INT(db_errors_each(d, "art-1", collect_error, &r), 0);
    CHECK_INT(r.n, 1);

    /* rule-c runs cleanly now: its error goes */
    bool only_c[3] = { false, false, true };
    engine_result_clear(&res);
    CHECK_INT(db_store_results(d, pk1, run2, &f.rs, rule_pks, only_c, &res), 0);
    memset(&r, 0, sizeof r);
    CHECK_INT(db_errors_each(d, NULL, collect_error, &r), 0);
    CHECK_INT(r.n, 0);

    /* art-2 still holds the old rule-a version: not done */
    CHECK_INT(db_scored_rules(d, pk2, rule_pks, 3, done), 0);
    CHECK(!done[0] && done[1] && done[2]);

    /* a rule dropped from the set no longer counts in the score */
    fake_rules only_b = {0};
    fake_rule(&only_b, "rule-b", "bbbb", 0.5);
    int64_t b_pk[1] = {0};
    bool none[1] = { false };
    CHECK_INT(db_rules_sync(d, &only_b.rs, b_pk), 0);
    CHECK_INT(b_pk[0], rule_pks[1]);
    engine_result_clear(&res);
    CHECK_INT(db_store_results(d, pk1, run2, &only_b.rs, b_pk, none, &res), 0);
    CHECK_INT(db_article_get(d, "art-1", &got, &score), 1);
    article_clear(&got);
    CHECK_MSG(close_to(score, 0.5), "art-1 score %.6f, want 0.5", score);

    /* one rule firing ten times does not saturate the score; an article
     * with only a rule error scores 0 */
    engine_result_clear(&res);
    for (size_t i = 0; i < 10; i++) add_finding(&res, "rule-b", 0.5, i, i + 1, "x");
    CHECK_INT(db_store_results(d, pk2, run2, &only_b.rs, b_pk, (bool[]){ true }, &res), 0);
    CHECK_INT(db_article_get(d, "art-2", &got, &score), 1);
    article_clear(&got);
    CHECK_MSG(close_to(score, 0.5), "art-2 score %.6f, want 0.5", score);
    CHECK_INT(raw_int(s.db, "SELECT findings FROM article_scores s JOIN articles a"
                      " ON a.pk = s.article_pk WHERE a.id = 'art-2'"), 10);
    engine_result_clear(&res);
    add_error(&res, 0, "boom");
    CHECK_INT(db_store_results(d, pk2, run2, &only_b.rs, b_pk, (bool[]){ true }, &res), 0);
    CHECK_INT(db_article_get(d, "art-2", &got, &score), 1);
    article_clear(&got);
    CHECK(close_to(score, 0));

    engine_result_free(&res);
    fake_rules_free(&only_b);
    fake_rules_free(&f);
    db_close(d);
    scratch_free(&s);
}

/* Fills an archive with three articles and findings over two runs:
 *   run 1: b: rule-x .9 @20, rule-y .2 @5;  a: rule-x .6 @40, rule-x .6 @10
 *   run 2: c: rule-y .4 @0 */
static void fill_findings(db *d, fake_rules *f, int64_t *run1, int64_t *run2)
{
    add(d, "a", "Article A", "0123456789012345678901234567890123456789012345678901234567890");
    add(d, "b", "Article B", "Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    add(d, "c", "Article C", "Ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc");
    fake_rule(f, "rule-x", "xxxx", 0.9);
    fake_rule(f, "rule-y", "yyyy", 0.4);
    int64_t rule_pks[2] = {0};
    bool all[2] = { true, true };
    engine_result res = {0};
    db_begin(d);
    db_rules_sync(d, &f->rs, rule_pks);
    db_run_start(d, &f->rs, run1);
    add_finding(&res, "rule-x", 0.9, 20, 25, "b-x-20");
    add_finding(&res, "rule-y", 0.2, 5, 9, "b-y-5");
    db_store_results(d, pk_of(d, "b"), *run1, &f->rs, rule_pks, all, &res);
    engine_result_clear(&res);
    add_finding(&res, "rule-x", 0.6, 40, 45, "a-x-40");
    add_finding(&res, "rule-x", 0.6, 10, 15, "a-x-10");
    db_store_results(d, pk_of(d, "a"), *run1, &f->rs, rule_pks, all, &res);
    db_run_start(d, &f->rs, run2);
    engine_result_clear(&res);
    add_finding(&res, "rule-y", 0.4, 0, 4, "c-y-0");
    db_store_results(d, pk_of(d, "c"), *run2, &f->rs, rule_pks, all, &res);
    db_commit(d);
    engine_result_free(&res);
}

/* The texts of the rows joined by spaces, for order checks. */
static const char *joined(const rows *r, char *out, size_t outlen)
{
    out[0] = '\0';
    for (size_t i = 0; i < r->n; i++) {
        size_t len = strlen(out);
        snprintf(out + len, outlen - len, "%s%s", i ? " " : "", r->items[i].text);
    }
    return out;
}

static void test_queries(void)
{
    scratch s;
    scratch_new(&s);
    db *d = open_ok(s.db);
    CHECK(d != NULL);
    if (!d) { scratch_free(&s); return; }
    fake_rules f = {0};
    int64_t run1 = 0, run2 = 0;
    fill_findings(d, &f, &run1, &run2);
    CHECK(run1 > 0 && run2 > run1);
    rows r;
    char text[512];

    db_finding_filter all = {0};
    CHECK_INT(query(d, &all, &r), 0);
    CHECK_STR(joined(&r, text, sizeof text), "b-x-20 a-x-10 a-x-40 c-y-0 b-y-5");
    all.by_position = true;
    CHECK_INT(query(d, &all, &r), 0);
    CHECK_STR(joined(&r, text, sizeof text), "a-x-10 a-x-40 b-y-5 b-x-20 c-y-0");

    db_finding_filter by_run = { .run_id = run2 };
    CHECK_INT(query(d, &by_run, &r), 0);
    CHECK_STR(joined(&r, text, sizeof text), "c-y-0");
    by_run.run_id = run1;
    CHECK_INT(query(d, &by_run, &r), 0);
    CHECK_INT(r.n, 4);

    db_finding_filter by_article = { .article_id = "b" };
    CHECK_INT(query(d, &by_article, &r), 0);
    CHECK_STR(joined(&r, text, sizeof text), "b-x-20 b-y-5");
    if (r.n == 2) {
        CHECK_STR(r.items[0].article, "b");
        CHECK_STR(r.items[0].rule, "rule-x");
        CHECK_INT(r.items[0].start, 20);
    }
    by_article.article_id = "nope";
    CHECK_INT(query(d, &by_article, &r), 0);
    CHECK_INT(r.n, 0);

    db_finding_filter by_rule = { .rule_id = "rule-y" };
    CHECK_INT(query(d, &by_rule, &r), 0);
    CHECK_STR(joined(&r, text, sizeof text), "c-y-0 b-y-5");

    db_finding_filter min = { .min_score = 0.6 };
    CHECK_INT(query(d, &min, &r), 0);
    CHECK_STR(joined(&r, text, sizeof text), "b-x-20 a-x-10 a-x-40");
    min.min_score = 0.95;
    CHECK_INT(query(d, &min, &r), 0);
    CHECK_INT(r.n, 0);

    db_finding_filter limited = { .limit = 2 };
    CHECK_INT(query(d, &limited, &r), 0);
    CHECK_STR(joined(&r, text, sizeof text), "b-x-20 a-x-10");

    db_finding_filter combined = { .run_id = run1, .rule_id = "rule-x", .min_score = 0.5,
                                   .limit = 10, .by_position = true };
    CHECK_INT(query(d, &combined, &r), 0);
    CHECK_STR(joined(&r, text, sizeof text), "a-x-10 a-x-40 b-x-20");

    memset(&r, 0, sizeof r);
    r.stop_after = 1;
    CHECK_INT(db_findings_each(d, &all, collect_finding, &r), 0);
    CHECK_INT(r.n, 1);

    /* top: by score (b: 1 - .1 * .8 = .92; a: .6; c: .4), ties by id */
    memset(&r, 0, sizeof r);
    CHECK_INT(db_top_each(d, 0, collect_article, &r), 0);
    CHECK_INT(r.n, 3);
    if (r.n == 3) {
        CHECK_STR(r.items[0].article, "b");
        CHECK_STR(r.items[0].text, "Article B");
        CHECK_MSG(close_to(r.items[0].score, 0.92), "b scores %.6f, want 0.92", r.items[0].score);
        CHECK_INT(r.items[0].findings, 2);
        CHECK_STR(r.items[1].article, "a");
        CHECK_MSG(close_to(r.items[1].score, 0.6), "a scores %.6f, want 0.6", r.items[1].score);
        CHECK_INT(r.items[1].findings, 2);
        CHECK_STR(r.items[2].article, "c");
    }
    memset(&r, 0, sizeof r);
    CHECK_INT(db_top_each(d, 2, collect_article, &r), 0);
    CHECK_INT(r.n, 2);
    memset(&r, 0, sizeof r);
    r.stop_after = 1;
    CHECK_INT(db_top_each(d, 0, collect_article, &r), 0);
    CHECK_INT(r.n, 1);

    /* equal scores come out by id */
    add(d, "tie-2", "Tie two", "Second tie body text here.");
    add(d, "tie-1", "Tie one", "First tie body text here.");
    int64_t rule_pks[2] = {0};
    bool ran[2] = { true, true };
    engine_result res = {0};
    db_rules_sync(d, &f.rs, rule_pks);
    add_finding(&res, "rule-y", 0.4, 0, 5, "tie");
    CHECK_INT(db_store_results(d, pk_of(d, "tie-2"), run2, &f.rs, rule_pks, ran, &res), 0);
    CHECK_INT(db_store_results(d, pk_of(d, "tie-1"), run2, &f.rs, rule_pks, ran, &res), 0);
    engine_result_free(&res);
    memset(&r, 0, sizeof r);
    CHECK_INT(db_top_each(d, 0, collect_article, &r), 0);
    CHECK_INT(r.n, 5);
    if (r.n == 5) {
        CHECK_STR(r.items[2].article, "c");
        CHECK_STR(r.items[3].article, "tie-1");
        CHECK_STR(r.items[4].article, "tie-2");
    }
    double score = -1;
    article got = {0};
    CHECK_INT(db_article_get(d, "b", &got, &score), 1);
    CHECK_STR(got.title, "Article B");
    CHECK(close_to(score, 0.92));
    article_clear(&got);

    db_close(d);
    fake_rules_free(&f);
    scratch_free(&s);
}


/* Findings on the title: the part is stored and read back, an article's
 * findings list its title first; a version 1 archive (no part column) is
 * migrated forward on open, read-only opens included, its rows reading as
 * body spans; a rule that is off does not count in the article score. */
static void test_finding_part(void)
{
    scratch s;
    scratch_new(&s);
    db *d = open_ok(s.db);
    CHECK(d != NULL);
    if (!d) { scratch_free(&s); return; }
    add(d, "art-1", "Quake kills 400", "Officials said 312 people were killed.");
    int64_t pk1 = pk_of(d, "art-1");
    fake_rules f = {0};
    fake_rule(&f, "rule-a", "aaaa", 0.5);
    fake_rule(&f, "rule-off", "ffff", 0.9);
    f.rules[1].enabled = f.rules[1].on = false;
    int64_t rule_pks[2] = {0}, run1 = 0;
    bool all[2] = { true, true };
    CHECK_INT(db_begin(d), 0);
    CHECK_INT(db_rules_sync(d, &f.rs, rule_pks), 0);
    CHECK_INT(db_run_start(d, &f.rs, &run1), 0);
    engine_result res = {0};
    add_finding(&res, "rule-a", 0.5, 15, 18, "312");
    add_finding(&res, "rule-a", 0.5, 6, 15, "kills 400");
    res.findings.items[1].part = PART_TITLE;
    add_finding(&res, "rule-off", 0.9, 0, 9, "Officials");
    CHECK_INT(db_store_results(d, pk1, run1, &f.rs, rule_pks, all, &res), 0);
    CHECK_INT(db_commit(d), 0);
    engine_result_free(&res);
    CHECK_INT(raw_int(s.db, "SELECT COUNT(*) FROM findings WHERE part = 'title'"), 1);
    /* the off rule's finding is kept but not counted: the score is rule-a's */
    double score = -1;
    article got = {0};
    CHECK_INT(db_article_get(d, "art-1", &got, &score), 1);
    article_clear(&got);
    CHECK_MSG(close_to(score, 0.5), "score %f, want 0.5", score);

    rows r = {0};
    db_finding_filter by_article = { .article_id = "art-1", .by_position = true,
                                     .rule_id = "rule-a" };
    CHECK_INT(query(d, &by_article, &r), 0);
    CHECK_INT(r.n, 2);
    if (r.n == 2) {
        CHECK_STR(r.items[0].part, "title");          /* the title comes first */
        CHECK_STR(r.items[0].text, "kills 400");
        CHECK_INT(r.items[0].start, 6);
        CHECK_STR(r.items[1].part, "body");
    }
    db_close(d);

    /* back to schema 1: no part column, no verdicts, no run snapshots, no
       list of terms, no text-file positions of articles */
#define SCHEMA_1 "ALTER TABLE findings DROP COLUMN part; DROP TABLE verdicts;" \
                 " DROP TABLE run_findings; ALTER TABLE runs DROP COLUMN snapshot;" \
                 " DROP TABLE fts_terms; DROP TABLE fts_terms_state;" \
                 " ALTER TABLE articles DROP COLUMN body_line;" \
                 " ALTER TABLE articles DROP COLUMN title_line;" \
                 " ALTER TABLE articles DROP COLUMN title_col;" \
                 " PRAGMA user_version = 1;"
    sqlite3 *conn = raw_open(s.db);
    CHECK_INT(raw_exec(conn, SCHEMA_1), 0);
    sqlite3_close(conn);
    CHECK_INT(raw_int(s.db, "PRAGMA user_version"), 1);
    char err[512] = "";
    d = db_open(s.db, true, err, sizeof err);          /* read-only, as `top` opens it */
    CHECK_MSG(d != NULL, "read-only open of a version 1 archive: %s", err);
    CHECK_INT(raw_int(s.db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
    if (d) {
        memset(&r, 0, sizeof r);
        CHECK_INT(query(d, &by_article, &r), 0);
        CHECK_INT(r.n, 2);
        for (size_t i = 0; i < r.n; i++) CHECK_STR(r.items[i].part, "body");
        db_close(d);
    }
    /* a read-only file that needs the upgrade: one clear sentence */
    conn = raw_open(s.db);
    CHECK_INT(raw_exec(conn, SCHEMA_1), 0);
    sqlite3_close(conn);
    if (geteuid() != 0) {                               /* root writes anyway */
        chmod(s.db, 0444);
        d = db_open(s.db, true, err, sizeof err);
        CHECK(d == NULL);
        CHECK_HAS(err, "needs a schema upgrade and cannot be written");
        db_close(d);
        chmod(s.db, 0644);
    }
    fake_rules_free(&f);
    scratch_free(&s);
}

int main(void)
{
    test_open_creates_schema();
    test_open_refusals();
    test_concurrent_create();
    test_article_add();
    test_search();
    test_rules_sync();
    test_runs();
    test_store_results();
    test_queries();
    test_finding_part();
    test_locked();
    return check_report("test_db");
}
