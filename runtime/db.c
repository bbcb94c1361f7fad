/*
 * db.c — the SQLite archive: schema and migrations, the statement table,
 * and the reads and writes the commands need.
 */
#include "db.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>
#include "util.h"

#define DB_APPLICATION_ID 0x53504E44   /* "SPND" */
#define DB_BUSY_TIMEOUT_MS 5000

/* Schema migrations: MIGRATIONS[v] takes a file from user_version v to
 * v + 1. Add new ones at the end; never edit a released one. */
static const char *const MIGRATIONS[] = {
    /* 0 -> 1: the first schema */
    "CREATE TABLE articles("
    "  pk INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  title TEXT NOT NULL DEFAULT '',"
    "  body TEXT NOT NULL,"
    "  url TEXT, outlet TEXT, author TEXT, published TEXT, lang TEXT,"
    "  meta TEXT,"
    "  hash TEXT NOT NULL,"
    "  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX articles_hash ON articles(hash);"
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "  title, body, content='articles', content_rowid='pk');"
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
    "  INSERT INTO articles_fts(rowid, title, body) VALUES (new.pk, new.title, new.body);"
    "END;"
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, body)"
    "  VALUES ('delete', old.pk, old.title, old.body);"
    "END;"
    "CREATE TABLE rules("
    "  pk INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL,"
    "  source_hash TEXT NOT NULL,"
    "  title TEXT NOT NULL, severity TEXT NOT NULL, weight REAL NOT NULL,"
    "  file TEXT, line INTEGER,"
    "  first_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  UNIQUE (id, source_hash));"
    "CREATE TABLE runs("
    "  pk INTEGER PRIMARY KEY,"
    "  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  finished_at TEXT,"
    "  status TEXT NOT NULL,"          /* running | done | interrupted | failed */
    "  pid INTEGER,"
    "  ruleset_hash TEXT NOT NULL,"
    "  rules INTEGER NOT NULL,"
    "  articles INTEGER NOT NULL DEFAULT 0,"
    "  scored INTEGER NOT NULL DEFAULT 0,"
    "  rule_calls INTEGER NOT NULL DEFAULT 0,"
    "  skipped INTEGER NOT NULL DEFAULT 0,"
    "  findings INTEGER NOT NULL DEFAULT 0,"
    "  errors INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE scored("
    "  article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,"
    "  rule_pk INTEGER NOT NULL REFERENCES rules(pk),"
    "  run_pk INTEGER NOT NULL REFERENCES runs(pk),"
    "  PRIMARY KEY (article_pk, rule_pk)) WITHOUT ROWID;"
    "CREATE TABLE findings("
    "  pk INTEGER PRIMARY KEY,"
    "  article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,"
    "  rule_pk INTEGER NOT NULL REFERENCES rules(pk),"
    "  rule_id TEXT NOT NULL,"
    "  run_pk INTEGER NOT NULL REFERENCES runs(pk),"
    "  severity TEXT NOT NULL,"
    "  score REAL NOT NULL,"
    "  start INTEGER NOT NULL, stop INTEGER NOT NULL,"
    "  line INTEGER NOT NULL, col INTEGER NOT NULL,"
    "  text TEXT NOT NULL, message TEXT NOT NULL,"
    "  evidence TEXT NOT NULL DEFAULT '{}');"
    "CREATE INDEX findings_article ON findings(article_pk, rule_id);"
    "CREATE INDEX findings_run ON findings(run_pk);"
    "CREATE INDEX findings_rule ON findings(rule_id);"
    "CREATE TABLE article_scores("
    "  article_pk INTEGER PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE,"
    "  score REAL NOT NULL,"
    "  findings INTEGER NOT NULL,"
    "  run_pk INTEGER REFERENCES runs(pk),"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX article_scores_score ON article_scores(score DESC);"
    "CREATE TABLE rule_errors("
    "  pk INTEGER PRIMARY KEY,"
    "  article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,"
    "  rule_pk INTEGER NOT NULL REFERENCES rules(pk),"
    "  rule_id TEXT NOT NULL,"
    "  run_pk INTEGER NOT NULL REFERENCES runs(pk),"
    "  message TEXT NOT NULL);"
    "CREATE INDEX rule_errors_article ON rule_errors(article_pk, rule_id);",
    /* 1 -> 2: a finding points into the body or the title; older rows
     * were all body spans */
    "ALTER TABLE findings ADD COLUMN part TEXT NOT NULL DEFAULT 'body'"
    "  CHECK (part IN ('body', 'title'));",
    /* 2 -> 3: analysts' verdicts, on a finding (article, rule and flagged
     * text, so that they survive re-scoring) or on an article (rule and
     * text '') */
    "CREATE TABLE verdicts("
    "  pk INTEGER PRIMARY KEY,"
    "  article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,"
    "  rule_id TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  verdict TEXT NOT NULL"
    "    CHECK (verdict IN ('true', 'useful', 'false', 'misleading', 'accurate')),"
    "  note TEXT NOT NULL DEFAULT '',"
    "  judged_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  UNIQUE (article_pk, rule_id, text));",
    /* 3 -> 4: the findings the archive held when each run ended, for
     * `spindle diff` (runs before this have none) */
    "CREATE TABLE run_findings("
    "  run_pk INTEGER NOT NULL REFERENCES runs(pk),"
    "  article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,"
    "  rule_id TEXT NOT NULL, part TEXT NOT NULL, start INTEGER NOT NULL, stop INTEGER NOT NULL,"
    "  line INTEGER NOT NULL, col INTEGER NOT NULL, text TEXT NOT NULL,"
    "  score REAL NOT NULL, message TEXT NOT NULL, evidence TEXT NOT NULL DEFAULT '{}',"
    "  PRIMARY KEY (run_pk, article_pk, rule_id, part, start, stop)) WITHOUT ROWID;"
    "ALTER TABLE runs ADD COLUMN snapshot INTEGER NOT NULL DEFAULT 0;",
    /* 4 -> 5: the terms of the full-text index and how many articles hold
     * each, as they were when the archive had fts_terms_state's articles
     * (db_fts_terms: reading them is much cheaper than reading the
     * index's vocabulary, which decodes every posting) */
    "CREATE TABLE fts_terms(term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE fts_terms_state(articles INTEGER NOT NULL, max_pk INTEGER NOT NULL);",
    /* 5 -> 6: where an article read from a text file had its title and
     * body in that file (0: not from a text file, or ingested before) */
    "ALTER TABLE articles ADD COLUMN body_line INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE articles ADD COLUMN title_line INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE articles ADD COLUMN title_col INTEGER NOT NULL DEFAULT 0;",
};
#define N_MIGRATIONS (sizeof MIGRATIONS / sizeof MIGRATIONS[0])
_Static_assert(N_MIGRATIONS == DB_SCHEMA_VERSION, "one migration per schema version");

/* The statement table: ids and their SQL, prepared once at open. */
typedef enum stmt_id {
    STMT_BEGIN, STMT_COMMIT, STMT_ROLLBACK,
    STMT_ARTICLE_BY_HASH, STMT_ARTICLE_BY_ID, STMT_ARTICLE_INSERT,
    STMT_ARTICLES_NEXT, STMT_ARTICLE_GET,
    STMT_RULE_FIND, STMT_RULE_INSERT, STMT_CURRENT_RULES_CLEAR, STMT_CURRENT_RULES_ADD,
    STMT_RUNS_RUNNING, STMT_RUN_INTERRUPTED, STMT_RUN_INSERT, STMT_RUN_FINISH,
    STMT_SCORED_FOR_ARTICLE,
    STMT_FINDINGS_DELETE, STMT_ERRORS_DELETE, STMT_SCORED_DELETE,
    STMT_FINDING_INSERT, STMT_ERROR_INSERT, STMT_SCORED_INSERT,
    STMT_RULE_MAXIMA, STMT_SCORE_UPSERT,
    STMT_FINDING_BY_PK, STMT_VERDICT_UPSERT, STMT_SCORE_RUN, STMT_VERDICTS_ALL,
    STMT_ARTICLE_VERDICT, STMT_FINDING_CURRENT, STMT_RULE_LATEST,
    STMT_RUN_SNAPSHOT, STMT_RUN_SNAPSHOT_DONE, STMT_RUN_STATE, STMT_RUN_DIFF,
    STMT_EVAL_ARTICLES, STMT_RULE_VERDICT_COUNTS, STMT_RUN_INFO, STMT_RUN_FINDINGS,
    STMT_FINDINGS_QUERY, STMT_FINDINGS_OF_ARTICLE, STMT_TOP, STMT_SEARCH, STMT_COUNT_ARTICLES, STMT_ERRORS_QUERY,
    STMT_RULES_MAX_PK, STMT_SCORED_PAIRS, STMT_FTS_STATE, STMT_VOCAB_TERMS, STMT_VOCAB_DOCS,
    STMT_TERMS_CLEAR, STMT_TERMS_FILL, STMT_TERMS_STATE_CLEAR, STMT_TERMS_STATE_SET,
    STMT_ARTICLE_BY_PK, STMT_GAP_FINDINGS_DELETE, STMT_GAP_ERRORS_DELETE, STMT_GAP_SCORED_DELETE,
    STMT_GAP_SCORED_INSERT, STMT_GAP_SCORES_ZERO, STMT_GAP_RULE_MAXIMA,
    STMT_COUNT
} stmt_id;


/* The findings listing: its columns, and its order (by position within an
 * article when ?6, else strongest first). */
#define FINDINGS_SELECT \
    "SELECT a.id, f.rule_id, f.severity, f.score, f.start, f.stop, f.line, f.col," \
    " f.text, f.message, f.evidence, f.part, f.pk, v.verdict, v.note" \
    " FROM findings f JOIN articles a ON a.pk = f.article_pk" \
    " LEFT JOIN verdicts v ON v.article_pk = f.article_pk AND v.rule_id = f.rule_id" \
    " AND v.text = f.text"
#define FINDINGS_ORDER \
    " ORDER BY CASE WHEN ?6 THEN a.id ELSE '' END," \
    " CASE WHEN ?6 THEN f.part <> 'title' ELSE 0 END," \
    " CASE WHEN ?6 THEN f.start ELSE 0 END," \
    " f.score DESC, a.id, f.part <> 'title', f.start" \
    " LIMIT ?5"

static const char *const STMT_SQL[STMT_COUNT] = {
    [STMT_BEGIN]    = "BEGIN IMMEDIATE",
    [STMT_COMMIT]   = "COMMIT",
    [STMT_ROLLBACK] = "ROLLBACK",
    [STMT_ARTICLE_BY_HASH] = "SELECT pk FROM articles WHERE hash = ?1 LIMIT 1",
    [STMT_ARTICLE_BY_ID]   = "SELECT hash, pk FROM articles WHERE id = ?1",
    [STMT_ARTICLE_INSERT]  =
        "INSERT INTO articles(id, title, body, url, outlet, author, published, lang, meta, hash,"
        " body_line, title_line, title_col)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    [STMT_ARTICLES_NEXT] =
        "SELECT pk, id, title, body, url, outlet, author, published, lang, meta,"
        " body_line, title_line, title_col"
        " FROM articles WHERE pk > ?1 ORDER BY pk LIMIT ?2",
    [STMT_ARTICLE_GET] =
        "SELECT a.pk, a.id, a.title, a.body, a.url, a.outlet, a.author, a.published,"
        " a.lang, a.meta, a.body_line, a.title_line, a.title_col, s.score FROM articles a"
        " LEFT JOIN article_scores s ON s.article_pk = a.pk WHERE a.id = ?1",
    [STMT_RULE_FIND]   = "SELECT pk FROM rules WHERE id = ?1 AND source_hash = ?2",
    [STMT_RULE_INSERT] =
        "INSERT INTO rules(id, source_hash, title, severity, weight, file, line)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [STMT_CURRENT_RULES_CLEAR] = "DELETE FROM temp.current_rules",
    [STMT_CURRENT_RULES_ADD]   = "INSERT OR IGNORE INTO temp.current_rules(rule_pk) VALUES (?1)",
    [STMT_RUNS_RUNNING]    = "SELECT pk, pid FROM runs WHERE status = 'running'",
    [STMT_RUN_INTERRUPTED] = "UPDATE runs SET status = 'interrupted' WHERE pk = ?1",
    [STMT_RUN_INSERT] =
        "INSERT INTO runs(status, pid, ruleset_hash, rules) VALUES ('running', ?1, ?2, ?3)",
    [STMT_RUN_FINISH] =
        "UPDATE runs SET status = ?2, finished_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'),"
        " articles = ?3, scored = ?4, rule_calls = ?5, skipped = ?6, findings = ?7,"
        " errors = ?8 WHERE pk = ?1",
    [STMT_SCORED_FOR_ARTICLE] = "SELECT rule_pk FROM scored WHERE article_pk = ?1",
    [STMT_FINDINGS_DELETE] = "DELETE FROM findings WHERE article_pk = ?1 AND rule_id = ?2",
    [STMT_ERRORS_DELETE]   = "DELETE FROM rule_errors WHERE article_pk = ?1 AND rule_id = ?2",
    [STMT_SCORED_DELETE]   =
        "DELETE FROM scored WHERE article_pk = ?1"
        " AND rule_pk IN (SELECT pk FROM rules WHERE id = ?2)",
    [STMT_FINDING_INSERT] =
        "INSERT INTO findings(article_pk, rule_pk, rule_id, run_pk, severity, score,"
        " start, stop, line, col, text, message, evidence, part)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    [STMT_ERROR_INSERT] =
        "INSERT INTO rule_errors(article_pk, rule_pk, rule_id, run_pk, message)"
        " VALUES (?1, ?2, ?3, ?4, ?5)",
    [STMT_SCORED_INSERT] =
        "INSERT OR REPLACE INTO scored(article_pk, rule_pk, run_pk) VALUES (?1, ?2, ?3)",
    /* a finding judged false counts for nothing */
    [STMT_RULE_MAXIMA] =
        "SELECT MAX(score), COUNT(*) FROM findings f WHERE f.article_pk = ?1"
        " AND f.rule_pk IN (SELECT rule_pk FROM temp.current_rules)"
        " AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.article_pk = f.article_pk"
        " AND v.rule_id = f.rule_id AND v.text = f.text AND v.verdict = 'false')"
        " GROUP BY f.rule_id ORDER BY f.rule_id",
    [STMT_FINDING_BY_PK] =
        "SELECT f.article_pk, f.rule_id, f.text FROM findings f WHERE f.pk = ?1",
    [STMT_VERDICT_UPSERT] =
        "INSERT INTO verdicts(article_pk, rule_id, text, verdict, note)"
        " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(article_pk, rule_id, text) DO UPDATE"
        " SET verdict = excluded.verdict, note = excluded.note,"
        " judged_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')",
    [STMT_SCORE_RUN] = "SELECT run_pk FROM article_scores WHERE article_pk = ?1",
    [STMT_VERDICTS_ALL] =
        "SELECT a.id, v.rule_id, v.text, v.verdict, v.note FROM verdicts v"
        " JOIN articles a ON a.pk = v.article_pk ORDER BY a.id, v.rule_id <> '', v.rule_id, v.text",
    [STMT_ARTICLE_VERDICT] =
        "SELECT v.verdict, v.note FROM verdicts v JOIN articles a ON a.pk = v.article_pk"
        " WHERE a.id = ?1 AND v.rule_id = ''",
    /* one row per finding; an article's repeated finding (same rule and
       span) is kept once */
    [STMT_RUN_SNAPSHOT] =
        "INSERT OR IGNORE INTO run_findings(run_pk, article_pk, rule_id, part, start, stop, line,"
        " col, text, score, message, evidence) SELECT ?1, article_pk, rule_id, part, start, stop,"
        " line, col, text, score, message, evidence FROM findings"
        " WHERE rule_pk IN (SELECT rule_pk FROM temp.current_rules)",
    [STMT_RUN_SNAPSHOT_DONE] = "UPDATE runs SET snapshot = 1 WHERE pk = ?1",
    [STMT_RUN_STATE] = "SELECT snapshot FROM runs WHERE pk = ?1",
    /* the findings of either run, each key once, with both runs' versions */
    [STMT_RUN_DIFF] =
        "WITH a AS (SELECT * FROM run_findings WHERE run_pk = ?1),"
        " b AS (SELECT * FROM run_findings WHERE run_pk = ?2),"
        " k AS (SELECT article_pk, rule_id, part, start, stop FROM a"
        "       UNION SELECT article_pk, rule_id, part, start, stop FROM b)"
        " SELECT art.id, k.rule_id, k.part, k.start, k.stop,"
        "  a.line, a.col, a.text, a.score, a.message, b.line, b.col, b.text, b.score, b.message"
        " FROM k JOIN articles art ON art.pk = k.article_pk"
        " LEFT JOIN a ON a.article_pk = k.article_pk AND a.rule_id = k.rule_id AND a.part = k.part"
        "  AND a.start = k.start AND a.stop = k.stop"
        " LEFT JOIN b ON b.article_pk = k.article_pk AND b.rule_id = k.rule_id AND b.part = k.part"
        "  AND b.start = k.start AND b.stop = k.stop"
        " ORDER BY art.id, k.rule_id, k.part <> 'title', k.start, k.stop",
    /* per article: score, length, the current rules with a finding that
       counts (not judged false), the verdict on the article */
    [STMT_EVAL_ARTICLES] =
        "SELECT a.id, COALESCE(s.score, -1), length(a.body),"
        " (SELECT group_concat(DISTINCT f.rule_id) FROM findings f WHERE f.article_pk = a.pk"
        "  AND f.rule_pk IN (SELECT rule_pk FROM temp.current_rules)"
        "  AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.article_pk = f.article_pk"
        "  AND v.rule_id = f.rule_id AND v.text = f.text AND v.verdict = 'false')),"
        " (SELECT v.verdict FROM verdicts v WHERE v.article_pk = a.pk AND v.rule_id = '')"
        " FROM articles a LEFT JOIN article_scores s ON s.article_pk = a.pk ORDER BY a.id",
    [STMT_RULE_VERDICT_COUNTS] =
        "SELECT f.rule_id, v.verdict, COUNT(*) FROM findings f JOIN verdicts v"
        " ON v.article_pk = f.article_pk AND v.rule_id = f.rule_id AND v.text = f.text"
        " WHERE f.rule_pk IN (SELECT rule_pk FROM temp.current_rules)"
        " GROUP BY f.rule_id, v.verdict",
    [STMT_RUN_INFO] =
        "SELECT pk, started_at, COALESCE(finished_at, ''), status, ruleset_hash, rules, articles,"
        " scored, rule_calls, findings, errors FROM runs"
        " WHERE (?1 = 0 AND snapshot = 1) OR pk = ?1 ORDER BY pk DESC LIMIT 1",
    [STMT_RUN_FINDINGS] =
        "SELECT art.id, rf.rule_id, rf.part, rf.start, rf.stop, rf.line, rf.col, rf.text, rf.score,"
        " rf.message, rf.evidence, v.verdict, v.note FROM run_findings rf"
        " JOIN articles art ON art.pk = rf.article_pk"
        " LEFT JOIN verdicts v ON v.article_pk = rf.article_pk AND v.rule_id = rf.rule_id"
        " AND v.text = rf.text WHERE rf.run_pk = ?1"
        " ORDER BY art.id, rf.part <> 'title', rf.start, rf.rule_id",
    [STMT_RULE_LATEST] = "SELECT title, severity FROM rules WHERE id = ?1 ORDER BY pk DESC LIMIT 1",
    [STMT_FINDING_CURRENT] =
        "SELECT COUNT(*) FROM findings WHERE article_pk = ?1 AND rule_id = ?2 AND text = ?3",
    [STMT_SCORE_UPSERT] =
        "INSERT INTO article_scores(article_pk, score, findings, run_pk) VALUES (?1, ?2, ?3, ?4)"
        " ON CONFLICT(article_pk) DO UPDATE SET score = excluded.score,"
        " findings = excluded.findings, run_pk = excluded.run_pk,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')",
    [STMT_FINDINGS_QUERY] =
        FINDINGS_SELECT
        " WHERE (?1 = 0 OR f.run_pk = ?1) AND (?2 IS NULL OR a.id = ?2)"
        " AND (?3 IS NULL OR f.rule_id = ?3) AND f.score >= ?4"
        FINDINGS_ORDER,
    /* the same for one article: "a.id = ?2" lets SQLite go through the
       article's index instead of reading every finding (top, show) */
    [STMT_FINDINGS_OF_ARTICLE] =
        FINDINGS_SELECT
        " WHERE a.id = ?2 AND (?1 = 0 OR f.run_pk = ?1)"
        " AND (?3 IS NULL OR f.rule_id = ?3) AND f.score >= ?4"
        FINDINGS_ORDER,
    [STMT_TOP] =
        "SELECT a.id, a.title, s.score, s.findings FROM article_scores s"
        " JOIN articles a ON a.pk = s.article_pk ORDER BY s.score DESC, a.id LIMIT ?1",
    [STMT_SEARCH] =
        "SELECT a.id, a.title, snippet(articles_fts, 1, ?2, ?3, '...', 16),"
        " COALESCE(s.score, 0) FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid"
        " LEFT JOIN article_scores s ON s.article_pk = a.pk"
        " WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?4",
    [STMT_COUNT_ARTICLES] = "SELECT COUNT(*) FROM articles",
    [STMT_ERRORS_QUERY] =
        "SELECT a.id, e.rule_id, e.message FROM rule_errors e"
        " JOIN articles a ON a.pk = e.article_pk WHERE (?1 IS NULL OR a.id = ?1)"
        " ORDER BY a.id, e.rule_id",
    /* candidates from the full-text index (db_fts_terms, candidates.h) */
    [STMT_RULES_MAX_PK] = "SELECT COALESCE(MAX(pk), 0) FROM rules",
    [STMT_SCORED_PAIRS] =
        "SELECT COUNT(*) FROM scored WHERE rule_pk IN (SELECT rule_pk FROM temp.current_rules)",
    /* the articles, the documents the index holds, and whether its
       tokenizer is the default unicode61 */
    [STMT_FTS_STATE] =
        "SELECT (SELECT COUNT(*) FROM articles), (SELECT COALESCE(MAX(pk), 0) FROM articles),"
        " (SELECT COUNT(*) FROM articles_fts_docsize),"
        " (SELECT COALESCE(MAX(id), 0) FROM articles_fts_docsize),"
        " (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles_fts'"
        "  AND instr(lower(sql), 'tokenize') = 0),"
        " (SELECT COUNT(*) FROM fts_terms_state WHERE articles = (SELECT COUNT(*) FROM articles)"
        "  AND max_pk = (SELECT COALESCE(MAX(pk), 0) FROM articles))",
    [STMT_TERMS_CLEAR] = "DELETE FROM fts_terms",
    [STMT_TERMS_FILL]  = "INSERT INTO fts_terms(term, docs) SELECT term, doc FROM temp.articles_terms",
    [STMT_TERMS_STATE_CLEAR] = "DELETE FROM fts_terms_state",
    [STMT_TERMS_STATE_SET]   = "INSERT INTO fts_terms_state(articles, max_pk) VALUES (?1, ?2)",
    [STMT_VOCAB_TERMS] = "SELECT term, docs FROM fts_terms",
    [STMT_VOCAB_DOCS]  = "SELECT doc FROM temp.articles_term_docs WHERE term = ?1",
    [STMT_ARTICLE_BY_PK] =
        "SELECT pk, id, title, body, url, outlet, author, published, lang, meta,"
        " body_line, title_line, title_col FROM articles WHERE pk = ?1",
    /* the articles strictly between ?1 and ?2 that were not read
       (db_store_unread); "+rule_id" keeps SQLite on the index by article,
       not the one by rule, whose rows it would read for every range */
    [STMT_GAP_FINDINGS_DELETE] =
        "DELETE FROM findings WHERE article_pk > ?1 AND article_pk < ?2 AND +rule_id = ?3",
    [STMT_GAP_ERRORS_DELETE] =
        "DELETE FROM rule_errors WHERE article_pk > ?1 AND article_pk < ?2 AND rule_id = ?3",
    [STMT_GAP_SCORED_DELETE] =
        "DELETE FROM scored WHERE article_pk > ?1 AND article_pk < ?2"
        " AND rule_pk IN (SELECT pk FROM rules WHERE id = ?3)",
    [STMT_GAP_SCORED_INSERT] =
        "INSERT OR REPLACE INTO scored(article_pk, rule_pk, run_pk)"
        " SELECT pk, ?3, ?4 FROM articles WHERE pk > ?1 AND pk < ?2",
    [STMT_GAP_SCORES_ZERO] =
        "INSERT INTO article_scores(article_pk, score, findings, run_pk)"
        " SELECT pk, 0.0, 0, ?3 FROM articles WHERE pk > ?1 AND pk < ?2"
        " ON CONFLICT(article_pk) DO UPDATE SET score = excluded.score,"
        " findings = excluded.findings, run_pk = excluded.run_pk,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')",
    /* STMT_RULE_MAXIMA for each article of the range, in the same order */
    [STMT_GAP_RULE_MAXIMA] =
        "SELECT f.article_pk, MAX(score), COUNT(*) FROM findings f"
        " WHERE f.article_pk > ?1 AND f.article_pk < ?2"
        " AND f.rule_pk IN (SELECT rule_pk FROM temp.current_rules)"
        " AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.article_pk = f.article_pk"
        " AND v.rule_id = f.rule_id AND v.text = f.text AND v.verdict = 'false')"
        " GROUP BY f.article_pk, f.rule_id ORDER BY f.article_pk, f.rule_id",
};

struct db {
    sqlite3      *conn;
    char         *path;
    sqlite3_stmt *stmt[STMT_COUNT];
    char          error[1024];
};

static void db_set_error(db *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void db_set_error(db *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->error, sizeof d->error, fmt, ap);
    va_end(ap);
}

const char *db_error(const db *d)
{
    return d->error;
}

/* Sets the error for a failed write to the archive's files: the disk is
 * full (SQLITE_FULL, or a write refused with ENOSPC, EDQUOT or EFBIG, the
 * file size limit), another write error (SQLite may have lost errno by the
 * time it reports a failed COMMIT), or a read-only file. Returns whether
 * code was one of those. */
static bool db_write_failure(db *d, int code)
{
    int sys = sqlite3_system_errno(d->conn);
    if (code == SQLITE_FULL || (code == SQLITE_IOERR &&
                                (sys == ENOSPC || sys == EDQUOT || sys == EFBIG))) {
        db_set_error(d, "cannot write to %s: the disk is full or the file size limit was "
                     "reached (%s)", d->path, sys ? strerror(sys) : sqlite3_errmsg(d->conn));
        return true;
    }
    if (code == SQLITE_IOERR) {
        db_set_error(d, "cannot write to %s: write failed, perhaps the disk is full (%s)",
                     d->path, sys ? strerror(sys) : sqlite3_errmsg(d->conn));
        return true;
    }
    if (code == SQLITE_READONLY) {
        db_set_error(d, "cannot write to %s: read-only (no write permission on the file or "
                     "its directory)", d->path);
        return true;
    }
    return false;
}

/* Records the failure of statement id in words a person can act on. */
static int db_fail(db *d, stmt_id id)
{
    int code = sqlite3_extended_errcode(d->conn) & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        db_set_error(d, "the archive %s is locked by another process; try again when it "
                     "finishes", d->path);
    else if (db_write_failure(d, code))
        ;
    else
        db_set_error(d, "archive %s: statement %d (%.60s...) failed: %s", d->path, (int)id,
                     STMT_SQL[id], sqlite3_errmsg(d->conn));
    return -1;
}

/* Runs a statement that returns no rows; resets it. */
static int db_step_done(db *d, stmt_id id)
{
    sqlite3_stmt *s = d->stmt[id];
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return db_fail(d, id);
    return 0;
}

static void bind_text_or_null(sqlite3_stmt *s, int i, const char *text)
{
    if (text) sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC);
    else sqlite3_bind_null(s, i);
}

static int db_exec(db *d, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(d->conn, sql, NULL, NULL, &msg) != SQLITE_OK) {
        db_set_error(d, "archive %s: %s", d->path, msg ? msg : sqlite3_errmsg(d->conn));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* Reads a single integer from a pragma or query. */
static int db_query_int(db *d, const char *sql, long long *out)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(d->conn, sql, -1, &s, NULL) != SQLITE_OK) return -1;
    int rc = sqlite3_step(s);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int db_apply_migrations(db *d);
static int db_migrate_readonly(db *d);

/* Checks that the file is ours and brings its schema up to date. */
static int db_migrate(db *d, bool readonly)
{
    long long app_id, version, tables;
    if (db_query_int(d, "PRAGMA application_id", &app_id) != 0 ||
        db_query_int(d, "PRAGMA user_version", &version) != 0 ||
        db_query_int(d, "SELECT COUNT(*) FROM sqlite_master", &tables) != 0) {
        int code = sqlite3_errcode(d->conn) & 0xff;
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
            db_set_error(d, "the archive %s is locked by another process", d->path);
        else if ((code == SQLITE_READONLY || code == SQLITE_CANTOPEN) && !readonly)
            db_set_error(d, "cannot write to %s: read-only (no write permission on the file "
                         "or its directory)", d->path);
        else if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN)
            db_set_error(d, "cannot read %s: %s", d->path, sqlite3_errmsg(d->conn));
        else
            db_set_error(d, "%s is not a Spindle archive (%s)", d->path, sqlite3_errmsg(d->conn));
        return -1;
    }
    if ((app_id != 0 && app_id != DB_APPLICATION_ID) ||
        (app_id == 0 && (version != 0 || tables != 0))) {
        db_set_error(d, "%s is an SQLite file but not a Spindle archive", d->path);
        return -1;
    }
    if (version > (long long)N_MIGRATIONS) {
        db_set_error(d, "%s was written by a newer Spindle (schema %lld; this build knows %zu)",
                     d->path, version, N_MIGRATIONS);
        return -1;
    }
    if (version == (long long)N_MIGRATIONS) return 0;
    if (readonly && version == 0) {
        db_set_error(d, "%s is empty; run a command that writes first", d->path);
        return -1;
    }
    if (readonly) return db_migrate_readonly(d);
    return db_apply_migrations(d);
}

/* A read-only open of an older archive: migrates it over a separate
 * read-write connection (so `spindle top` works right after an upgrade),
 * or fails with one sentence when the file cannot be written. */
static int db_migrate_readonly(db *d)
{
    sqlite3 *ro = d->conn, *rw = NULL;
    if (sqlite3_open_v2(d->path, &rw, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
        sqlite3_db_readonly(rw, "main") != 0) {
        sqlite3_close(rw);
        db_set_error(d, "%s needs a schema upgrade and cannot be written; run a command "
                     "that writes with write access first", d->path);
        return -1;
    }
    sqlite3_busy_timeout(rw, DB_BUSY_TIMEOUT_MS);
    d->conn = rw;
    int rc = db_apply_migrations(d);
    d->conn = ro;
    sqlite3_close(rw);
    return rc;
}

/* Applies the missing migrations in one exclusive transaction. */
static int db_apply_migrations(db *d)
{
    long long version;
    if (db_exec(d, "BEGIN EXCLUSIVE") != 0) return -1;
    /* another process may have migrated while this one waited for the lock */
    if (db_query_int(d, "PRAGMA user_version", &version) != 0) {
        db_exec(d, "ROLLBACK");
        db_set_error(d, "archive %s: %s", d->path, sqlite3_errmsg(d->conn));
        return -1;
    }
    if (version == (long long)N_MIGRATIONS) return db_exec(d, "COMMIT");
    for (long long v = version; v < (long long)N_MIGRATIONS; v++) {
        char pragma[96];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %lld", v + 1);
        if (db_exec(d, MIGRATIONS[v]) != 0 || db_exec(d, pragma) != 0) {
            db_exec(d, "ROLLBACK");
            return -1;
        }
    }
    char app[64];
    snprintf(app, sizeof app, "PRAGMA application_id = %d", DB_APPLICATION_ID);
    if (db_exec(d, app) != 0 || db_exec(d, "COMMIT") != 0) {
        db_exec(d, "ROLLBACK");
        return -1;
    }
    return 0;
}

/* Whether path does not exist and its directory cannot be written: the
 * archive cannot be created there. */
static bool db_folder_readonly(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0) return false;
    const char *slash = strrchr(path, '/');
    buf dir = {0};
    if (!slash) buf_puts(&dir, ".");
    else buf_append(&dir, path, slash == path ? 1 : (size_t)(slash - path));
    bool readonly = stat(dir.data, &st) == 0 && access(dir.data, W_OK) != 0;
    buf_free(&dir);
    return readonly;
}

/* Whether the archive's write-ahead log holds pages not yet in the main
 * file: a -wal file that is not empty. */
static bool db_wal_pending(const char *path)
{
    buf wal = {0};
    buf_printf(&wal, "%s-wal", path);
    struct stat st;
    bool pending = stat(wal.data, &st) == 0 && st.st_size > 0;
    buf_free(&wal);
    return pending;
}

/* A read-only connection to a WAL archive needs its -shm file, which it
 * cannot create in a directory it may not write: the first read then fails
 * with SQLITE_READONLY or SQLITE_CANTOPEN. When there is no pending log
 * (every change is in the main file) nothing but the main file is needed,
 * so the archive is opened again as immutable (a URI parameter: no locks,
 * no -shm; a writer cannot work there either, it could not create the log).
 * Returns 0 when d->conn can read (reopened or not), -1 with the error set. */
static int db_reopen_immutable(db *d)
{
    long long version;
    if (db_query_int(d, "PRAGMA user_version", &version) == 0) return 0;
    int code = sqlite3_errcode(d->conn) & 0xff;
    if ((code != SQLITE_READONLY && code != SQLITE_CANTOPEN) || db_wal_pending(d->path))
        return 0;   /* db_migrate reports it */
    buf uri = {0};
    buf_puts(&uri, "file:");
    for (const unsigned char *p = (const unsigned char *)d->path; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            strchr("/-._~", *p))
            buf_putc(&uri, (char)*p);
        else
            buf_printf(&uri, "%%%02X", *p);
    }
    buf_puts(&uri, "?immutable=1");
    sqlite3 *conn = NULL;
    int rc = sqlite3_open_v2(uri.data, &conn, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    buf_free(&uri);
    if (rc != SQLITE_OK) {
        db_set_error(d, "cannot read %s: %s", d->path,
                     conn ? sqlite3_errmsg(conn) : "out of memory");
        sqlite3_close(conn);
        return -1;
    }
    sqlite3_close(d->conn);
    d->conn = conn;
    sqlite3_busy_timeout(d->conn, DB_BUSY_TIMEOUT_MS);
    sqlite3_extended_result_codes(d->conn, 1);
    return 0;
}

db *db_open(const char *path, bool readonly, char *err, size_t errlen)
{
    db *d = xcalloc(1, sizeof *d);
    d->path = xstrdup(path);
    struct stat st;
    if (readonly && stat(path, &st) != 0) {
        snprintf(err, errlen, "no archive at %s (create one with 'spindle ingest', or "
                 "name another with --db)", path);
        db_close(d);
        return NULL;
    }
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &d->conn, flags, NULL) != SQLITE_OK) {
        if (!readonly && db_folder_readonly(path))
            snprintf(err, errlen, "cannot write to %s: read-only (no write permission on "
                     "its directory)", path);
        else
            snprintf(err, errlen, "cannot open the archive %s: %s", path,
                     d->conn ? sqlite3_errmsg(d->conn) : strerror(errno));
        db_close(d);
        return NULL;
    }
    /* SQLite opens a file it may not write read-only without a word */
    if (!readonly && sqlite3_db_readonly(d->conn, "main") == 1) {
        snprintf(err, errlen, "cannot write to %s: read-only (no write permission on the "
                 "file)", path);
        db_close(d);
        return NULL;
    }
    sqlite3_busy_timeout(d->conn, DB_BUSY_TIMEOUT_MS);
    sqlite3_extended_result_codes(d->conn, 1);
    if (readonly && db_reopen_immutable(d) != 0) {
        snprintf(err, errlen, "%s", d->error);
        db_close(d);
        return NULL;
    }
    if (db_migrate(d, readonly) != 0 ||
        (!readonly && db_exec(d, "PRAGMA journal_mode = WAL") != 0) ||
        db_exec(d, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
                   "CREATE TEMP TABLE IF NOT EXISTS current_rules(rule_pk INTEGER PRIMARY KEY);"
                   "CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_terms"
                   " USING fts5vocab(main, articles_fts, row);"
                   "CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_term_docs"
                   " USING fts5vocab(main, articles_fts, instance)") != 0) {
        snprintf(err, errlen, "%s", d->error);
        db_close(d);
        return NULL;
    }
    for (int i = 0; i < STMT_COUNT; i++) {
        if (sqlite3_prepare_v3(d->conn, STMT_SQL[i], -1, SQLITE_PREPARE_PERSISTENT,
                               &d->stmt[i], NULL) != SQLITE_OK) {
            snprintf(err, errlen, "archive %s: cannot prepare statement %d: %s", path, i,
                     sqlite3_errmsg(d->conn));
            db_close(d);
            return NULL;
        }
    }
    return d;
}

void db_close(db *d)
{
    if (!d) return;
    for (int i = 0; i < STMT_COUNT; i++) sqlite3_finalize(d->stmt[i]);
    if (d->conn) sqlite3_close(d->conn);
    free(d->path);
    free(d);
}

int db_begin(db *d)    { return db_step_done(d, STMT_BEGIN); }
int db_commit(db *d)   { return db_step_done(d, STMT_COMMIT); }
/* After a failed statement SQLite may have rolled back already (a full
 * disk, an I/O error): then there is nothing to do, and the error that
 * explains the failure stays the one db_error gives. */
int db_rollback(db *d)
{
    if (sqlite3_get_autocommit(d->conn)) return 0;
    char kept[sizeof d->error];
    memcpy(kept, d->error, sizeof kept);
    if (db_step_done(d, STMT_ROLLBACK) == 0) return 0;
    if (kept[0]) memcpy(d->error, kept, sizeof kept);
    return -1;
}

/* --- ingest ---------------------------------------------------------------- */

int db_article_add(db *d, const article *a, db_add_result *result)
{
    char hash[33];
    article_hash(a, hash);
    sqlite3_stmt *s = d->stmt[STMT_ARTICLE_BY_HASH];
    sqlite3_bind_text(s, 1, hash, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW) { *result = DB_DUPLICATE; return 0; }
    if (rc != SQLITE_DONE) return db_fail(d, STMT_ARTICLE_BY_HASH);

    s = d->stmt[STMT_ARTICLE_BY_ID];
    sqlite3_bind_text(s, 1, a->id, -1, SQLITE_STATIC);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW) { *result = DB_ID_TAKEN; return 0; }
    if (rc != SQLITE_DONE) return db_fail(d, STMT_ARTICLE_BY_ID);

    s = d->stmt[STMT_ARTICLE_INSERT];
    sqlite3_bind_text(s, 1, a->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, a->title ? a->title : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, a->body, (int)a->body_len, SQLITE_STATIC);
    bind_text_or_null(s, 4, a->url);
    bind_text_or_null(s, 5, a->outlet);
    bind_text_or_null(s, 6, a->author);
    bind_text_or_null(s, 7, a->published);
    bind_text_or_null(s, 8, a->lang);
    bind_text_or_null(s, 9, a->meta_json);
    sqlite3_bind_text(s, 10, hash, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 11, a->body_line);
    sqlite3_bind_int(s, 12, a->title_line);
    sqlite3_bind_int(s, 13, a->title_col);
    if (db_step_done(d, STMT_ARTICLE_INSERT) != 0) return -1;
    *result = DB_ADDED;
    return 0;
}

/* --- score ----------------------------------------------------------------- */

void db_article_batch_clear(db_article_batch *b)
{
    for (size_t i = 0; i < b->n; i++) article_clear(&b->items[i]);
    b->n = 0;
}

void db_article_batch_free(db_article_batch *b)
{
    db_article_batch_clear(b);
    free(b->items);
    free(b->pks);
    memset(b, 0, sizeof *b);
}

static char *column_text_or_null(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? xstrdup((const char *)t) : NULL;
}

/* Fills a from a row laid out as id, title, body, url, outlet, author,
 * published, lang, meta, body_line, title_line, title_col starting at
 * column first. */
static void article_from_row(sqlite3_stmt *s, int first, article *a)
{
    memset(a, 0, sizeof *a);
    a->id = column_text_or_null(s, first);
    a->title = column_text_or_null(s, first + 1);
    if (!a->title) a->title = xstrdup("");
    const char *body = (const char *)sqlite3_column_text(s, first + 2);
    a->body_len = (size_t)sqlite3_column_bytes(s, first + 2);
    a->body = xstrndup(body ? body : "", body ? a->body_len : 0);
    a->url = column_text_or_null(s, first + 3);
    a->outlet = column_text_or_null(s, first + 4);
    a->author = column_text_or_null(s, first + 5);
    a->published = column_text_or_null(s, first + 6);
    a->lang = column_text_or_null(s, first + 7);
    a->meta_json = column_text_or_null(s, first + 8);
    a->body_line = sqlite3_column_int(s, first + 9);
    a->title_line = sqlite3_column_int(s, first + 10);
    a->title_col = sqlite3_column_int(s, first + 11);
    a->origin = xstrdup(a->id);
}

static void batch_push(db_article_batch *batch, sqlite3_stmt *s)
{
    if (batch->n == batch->cap) {
        batch->cap = batch->cap ? batch->cap * 2 : 64;
        batch->items = xrealloc(batch->items, batch->cap * sizeof *batch->items);
        batch->pks = xrealloc(batch->pks, batch->cap * sizeof *batch->pks);
    }
    batch->pks[batch->n] = sqlite3_column_int64(s, 0);
    article_from_row(s, 1, &batch->items[batch->n]);
    batch->n++;
}

int db_articles_next(db *d, int64_t after_pk, size_t limit, char *const *ids,
                     size_t n_ids, db_article_batch *batch)
{
    db_article_batch_clear(batch);
    if (ids) {
        /* a short explicit list: read each once, on the first call only */
        if (after_pk != 0) return 0;
        sqlite3_stmt *s = d->stmt[STMT_ARTICLE_GET];
        for (size_t i = 0; i < n_ids; i++) {
            sqlite3_bind_text(s, 1, ids[i], -1, SQLITE_STATIC);
            int rc = sqlite3_step(s);
            if (rc == SQLITE_ROW) batch_push(batch, s);
            sqlite3_reset(s);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(d, STMT_ARTICLE_GET);
        }
        return 0;
    }
    sqlite3_stmt *s = d->stmt[STMT_ARTICLES_NEXT];
    sqlite3_bind_int64(s, 1, after_pk);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)limit);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) batch_push(batch, s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : db_fail(d, STMT_ARTICLES_NEXT);
}

int db_rules_sync(db *d, const ruleset *rs, int64_t *rule_pks)
{
    if (db_step_done(d, STMT_CURRENT_RULES_CLEAR) != 0) return -1;
    for (size_t i = 0; i < rs->n_rules; i++) {
        const rule *r = &rs->rules[i];
        sqlite3_stmt *s = d->stmt[STMT_RULE_FIND];
        sqlite3_bind_text(s, 1, r->id, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, r->source_hash, -1, SQLITE_STATIC);
        int rc = sqlite3_step(s);
        rule_pks[i] = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
        sqlite3_reset(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(d, STMT_RULE_FIND);
        if (!rule_pks[i]) {
            s = d->stmt[STMT_RULE_INSERT];
            sqlite3_bind_text(s, 1, r->id, -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 2, r->source_hash, -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 3, r->title, -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 4, severity_name(r->severity), -1, SQLITE_STATIC);
            sqlite3_bind_double(s, 5, r->weight);
            sqlite3_bind_text(s, 6, r->file, -1, SQLITE_STATIC);
            sqlite3_bind_int(s, 7, r->line);
            if (db_step_done(d, STMT_RULE_INSERT) != 0) return -1;
            rule_pks[i] = sqlite3_last_insert_rowid(d->conn);
        }
        if (!r->on) continue;   /* an off rule's findings do not count in scores */
        sqlite3_stmt *add = d->stmt[STMT_CURRENT_RULES_ADD];
        sqlite3_bind_int64(add, 1, rule_pks[i]);
        if (db_step_done(d, STMT_CURRENT_RULES_ADD) != 0) return -1;
    }
    return 0;
}

int db_run_start(db *d, const ruleset *rs, int64_t *run_id)
{
    sqlite3_stmt *s = d->stmt[STMT_RUNS_RUNNING];
    int64_t stale[64];
    size_t n_stale = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        pid_t pid = (pid_t)sqlite3_column_int64(s, 1);
        if (n_stale < 64 && (pid <= 0 || (kill(pid, 0) != 0 && errno == ESRCH)))
            stale[n_stale++] = sqlite3_column_int64(s, 0);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return db_fail(d, STMT_RUNS_RUNNING);
    for (size_t i = 0; i < n_stale; i++) {
        sqlite3_bind_int64(d->stmt[STMT_RUN_INTERRUPTED], 1, stale[i]);
        if (db_step_done(d, STMT_RUN_INTERRUPTED) != 0) return -1;
    }
    buf parts = {0};
    size_t on = 0;
    for (size_t i = 0; i < rs->n_rules; i++) {
        if (!rs->rules[i].on) continue;
        buf_printf(&parts, "%s %s\n", rs->rules[i].id, rs->rules[i].source_hash);
        on++;
    }
    char hash[33];
    hash_hex(parts.data ? parts.data : "", parts.len, hash);
    buf_free(&parts);
    s = d->stmt[STMT_RUN_INSERT];
    sqlite3_bind_int64(s, 1, (sqlite3_int64)getpid());
    sqlite3_bind_text(s, 2, hash, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 3, (sqlite3_int64)on);
    if (db_step_done(d, STMT_RUN_INSERT) != 0) return -1;
    *run_id = sqlite3_last_insert_rowid(d->conn);
    return 0;
}

int db_run_finish(db *d, int64_t run_id, const char *status, const db_run_counts *c)
{
    if (db_begin(d) != 0) return -1;
    sqlite3_stmt *s = d->stmt[STMT_RUN_SNAPSHOT];
    sqlite3_bind_int64(s, 1, run_id);
    if (db_step_done(d, STMT_RUN_SNAPSHOT) != 0) { db_rollback(d); return -1; }
    s = d->stmt[STMT_RUN_SNAPSHOT_DONE];
    sqlite3_bind_int64(s, 1, run_id);
    if (db_step_done(d, STMT_RUN_SNAPSHOT_DONE) != 0) { db_rollback(d); return -1; }
    s = d->stmt[STMT_RUN_FINISH];
    sqlite3_bind_int64(s, 1, run_id);
    sqlite3_bind_text(s, 2, status, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, (sqlite3_int64)c->articles);
    sqlite3_bind_int64(s, 4, (sqlite3_int64)c->scored);
    sqlite3_bind_int64(s, 5, (sqlite3_int64)c->rule_calls);
    sqlite3_bind_int64(s, 6, (sqlite3_int64)c->skipped);
    sqlite3_bind_int64(s, 7, (sqlite3_int64)c->findings);
    sqlite3_bind_int64(s, 8, (sqlite3_int64)c->errors);
    if (db_step_done(d, STMT_RUN_FINISH) != 0) { db_rollback(d); return -1; }
    if (db_commit(d) != 0) { db_rollback(d); return -1; }
    return 0;
}

int db_scored_rules(db *d, int64_t article_pk, const int64_t *rule_pks,
                    size_t n_rules, bool *done)
{
    memset(done, 0, n_rules * sizeof *done);
    sqlite3_stmt *s = d->stmt[STMT_SCORED_FOR_ARTICLE];
    sqlite3_bind_int64(s, 1, article_pk);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t pk = sqlite3_column_int64(s, 0);
        for (size_t i = 0; i < n_rules; i++)
            if (rule_pks[i] == pk) done[i] = true;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : db_fail(d, STMT_SCORED_FOR_ARTICLE);
}

/* Deletes the article's findings, errors and scored marks for a rule id
 * (all versions of the rule). */
static int db_forget_rule(db *d, int64_t article_pk, const char *rule_id)
{
    const stmt_id ids[] = { STMT_FINDINGS_DELETE, STMT_ERRORS_DELETE, STMT_SCORED_DELETE };
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        sqlite3_stmt *s = d->stmt[ids[i]];
        sqlite3_bind_int64(s, 1, article_pk);
        sqlite3_bind_text(s, 2, rule_id, -1, SQLITE_STATIC);
        if (db_step_done(d, ids[i]) != 0) return -1;
    }
    return 0;
}

/* Records the article's score and its count of findings, in run run_id
 * (0: none). */
static int db_score_put(db *d, int64_t article_pk, double score, long long count, int64_t run_id)
{
    sqlite3_stmt *s = d->stmt[STMT_SCORE_UPSERT];
    sqlite3_bind_int64(s, 1, article_pk);
    sqlite3_bind_double(s, 2, score);
    sqlite3_bind_int64(s, 3, count);
    if (run_id > 0) sqlite3_bind_int64(s, 4, run_id);
    else sqlite3_bind_null(s, 4);
    return db_step_done(d, STMT_SCORE_UPSERT);
}

/* Recomputes the article's noisy-OR score over the current rules. */
static int db_update_score(db *d, int64_t article_pk, int64_t run_id)
{
    sqlite3_stmt *s = d->stmt[STMT_RULE_MAXIMA];
    sqlite3_bind_int64(s, 1, article_pk);
    double *maxima = NULL;
    size_t rules = 0, cap = 0;
    long long count = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (rules == cap) {
            cap = cap ? cap * 2 : 16;
            maxima = xrealloc(maxima, cap * sizeof *maxima);
        }
        maxima[rules++] = sqlite3_column_double(s, 0);
        count += sqlite3_column_int64(s, 1);
    }
    sqlite3_reset(s);
    double score = engine_noisy_or(maxima, rules);
    free(maxima);
    if (rc != SQLITE_DONE) return db_fail(d, STMT_RULE_MAXIMA);
    return db_score_put(d, article_pk, score, count, run_id);
}

int db_store_results(db *d, int64_t article_pk, int64_t run_id,
                     const ruleset *rs, const int64_t *rule_pks,
                     const bool *ran, const engine_result *res)
{
    for (size_t i = 0; i < rs->n_rules; i++) {
        if (!ran[i]) continue;
        if (db_forget_rule(d, article_pk, rs->rules[i].id) != 0) return -1;
        sqlite3_stmt *s = d->stmt[STMT_SCORED_INSERT];
        sqlite3_bind_int64(s, 1, article_pk);
        sqlite3_bind_int64(s, 2, rule_pks[i]);
        sqlite3_bind_int64(s, 3, run_id);
        if (db_step_done(d, STMT_SCORED_INSERT) != 0) return -1;
    }
    for (size_t i = 0; i < res->findings.n; i++) {
        const finding *f = &res->findings.items[i];
        long r = ruleset_find(rs, f->rule_id);
        sqlite3_stmt *s = d->stmt[STMT_FINDING_INSERT];
        sqlite3_bind_int64(s, 1, article_pk);
        sqlite3_bind_int64(s, 2, rule_pks[r]);
        sqlite3_bind_text(s, 3, f->rule_id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 4, run_id);
        sqlite3_bind_text(s, 5, f->severity, -1, SQLITE_STATIC);
        sqlite3_bind_double(s, 6, f->score);
        sqlite3_bind_int64(s, 7, (sqlite3_int64)f->start);
        sqlite3_bind_int64(s, 8, (sqlite3_int64)f->end);
        sqlite3_bind_int(s, 9, f->line);
        sqlite3_bind_int(s, 10, f->col);
        sqlite3_bind_text(s, 11, f->text, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 12, f->message, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 13, f->evidence_json, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 14, finding_part_name(f->part), -1, SQLITE_STATIC);
        if (db_step_done(d, STMT_FINDING_INSERT) != 0) return -1;
    }
    for (size_t i = 0; i < res->n_errors; i++) {
        const rule_error *e = &res->errors[i];
        sqlite3_stmt *s = d->stmt[STMT_ERROR_INSERT];
        sqlite3_bind_int64(s, 1, article_pk);
        sqlite3_bind_int64(s, 2, rule_pks[e->rule]);
        sqlite3_bind_text(s, 3, rs->rules[e->rule].id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 4, run_id);
        sqlite3_bind_text(s, 5, e->message, -1, SQLITE_STATIC);
        if (db_step_done(d, STMT_ERROR_INSERT) != 0) return -1;
    }
    return db_update_score(d, article_pk, run_id);
}

/* --- candidates from the full-text index ----------------------------------- */

/* Reads one row of integers from statement id (no parameters). */
static int db_row_ints(db *d, stmt_id id, long long *out, int n)
{
    sqlite3_stmt *s = d->stmt[id];
    int rc = sqlite3_step(s);
    for (int i = 0; i < n; i++) out[i] = rc == SQLITE_ROW ? sqlite3_column_int64(s, i) : 0;
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(d, id);
}

int db_rules_max_pk(db *d, int64_t *max_pk)
{
    long long v;
    if (db_row_ints(d, STMT_RULES_MAX_PK, &v, 1) != 0) return -1;
    *max_pk = v;
    return 0;
}

int db_scored_pairs(db *d, size_t *pairs)
{
    long long v;
    if (db_row_ints(d, STMT_SCORED_PAIRS, &v, 1) != 0) return -1;
    *pairs = (size_t)v;
    return 0;
}

/* Lists the index's terms again in fts_terms, for the archive's articles
 * as they are now (articles, the largest key max_pk). */
static int db_fts_terms_refresh(db *d, long long articles, long long max_pk)
{
    const stmt_id clear[] = { STMT_TERMS_CLEAR, STMT_TERMS_STATE_CLEAR, STMT_TERMS_FILL };
    for (size_t k = 0; k < sizeof clear / sizeof clear[0]; k++)
        if (db_step_done(d, clear[k]) != 0) return -1;
    sqlite3_stmt *s = d->stmt[STMT_TERMS_STATE_SET];
    sqlite3_bind_int64(s, 1, articles);
    sqlite3_bind_int64(s, 2, max_pk);
    return db_step_done(d, STMT_TERMS_STATE_SET);
}

int db_fts_terms(db *d, db_term_fn fn, void *ctx, size_t *articles, int64_t *max_pk)
{
    long long state[6];
    if (db_row_ints(d, STMT_FTS_STATE, state, 6) != 0) return -1;
    *articles = (size_t)state[0];
    *max_pk = state[1];
    /* the index must hold every article and nothing else, with the default
       tokenizer */
    if (state[2] != state[0] || state[3] != state[1] || state[4] != 1) return 0;
    /* Articles are only ever added (never changed), so the same count and
       largest key mean the same articles: the listed terms are the index's. */
    if (state[5] != 1 && db_fts_terms_refresh(d, state[0], state[1]) != 0) return -1;
    sqlite3_stmt *s = d->stmt[STMT_VOCAB_TERMS];
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *term = (const char *)sqlite3_column_text(s, 0);
        size_t len = (size_t)sqlite3_column_bytes(s, 0);
        if (term && fn(ctx, term, len, (size_t)sqlite3_column_int64(s, 1)) != 0) break;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(d, STMT_VOCAB_TERMS);
    return 1;
}

int db_fts_term_articles(db *d, const char *term, size_t len, int64_t max_pk,
                         unsigned char *seen, size_t *n_seen)
{
    sqlite3_stmt *s = d->stmt[STMT_VOCAB_DOCS];
    sqlite3_bind_text(s, 1, term, (int)len, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t doc = sqlite3_column_int64(s, 0);
        if (doc < 1 || doc > max_pk) continue;             /* not an article of then */
        if (!(seen[doc / 8] & (1u << (doc % 8)))) (*n_seen)++;
        seen[doc / 8] |= (unsigned char)(1u << (doc % 8));
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : db_fail(d, STMT_VOCAB_DOCS);
}

int db_articles_by_pk(db *d, const int64_t *pks, size_t n, db_article_batch *batch)
{
    db_article_batch_clear(batch);
    sqlite3_stmt *s = d->stmt[STMT_ARTICLE_BY_PK];
    for (size_t i = 0; i < n; i++) {
        sqlite3_bind_int64(s, 1, pks[i]);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) batch_push(batch, s);
        sqlite3_reset(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(d, STMT_ARTICLE_BY_PK);
    }
    return 0;
}

/* Binds the range (after_pk, before_pk) as ?1 and ?2 of statement id. */
static sqlite3_stmt *db_bind_range(db *d, stmt_id id, int64_t after_pk, int64_t before_pk)
{
    sqlite3_stmt *s = d->stmt[id];
    sqlite3_bind_int64(s, 1, after_pk);
    sqlite3_bind_int64(s, 2, before_pk);
    return s;
}

/* Recomputes the scores of the articles in (after_pk, before_pk) that have
 * findings of the current rules, as db_update_score does one by one: the
 * same maxima, in the same order, through the same noisy-OR. */
static int db_update_scores_between(db *d, int64_t after_pk, int64_t before_pk, int64_t run_id)
{
    sqlite3_stmt *s = db_bind_range(d, STMT_GAP_RULE_MAXIMA, after_pk, before_pk);
    double *maxima = NULL;
    size_t rules = 0, cap = 0;
    long long count = 0;
    int64_t article_pk = 0;
    int rc, status = 0;
    while (status == 0) {
        rc = sqlite3_step(s);
        int64_t pk = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
        if (rules && pk != article_pk) {               /* the article before is complete */
            status = db_score_put(d, article_pk, engine_noisy_or(maxima, rules), count, run_id);
            rules = 0;
            count = 0;
        }
        if (rc != SQLITE_ROW) break;
        article_pk = pk;
        if (rules == cap) {
            cap = cap ? cap * 2 : 16;
            maxima = xrealloc(maxima, cap * sizeof *maxima);
        }
        maxima[rules++] = sqlite3_column_double(s, 1);
        count += sqlite3_column_int64(s, 2);
    }
    sqlite3_reset(s);
    free(maxima);
    if (status != 0) return -1;
    return rc == SQLITE_DONE ? 0 : db_fail(d, STMT_GAP_RULE_MAXIMA);
}

int db_store_unread(db *d, int64_t after_pk, int64_t before_pk, int64_t run_id,
                    const ruleset *rs, const int64_t *rule_pks, const bool *ran,
                    size_t *n_articles)
{
    *n_articles = 0;
    if (before_pk <= after_pk || before_pk - after_pk < 2) return 0;
    for (size_t i = 0; i < rs->n_rules; i++) {
        if (!ran[i]) continue;
        const stmt_id forget[] = { STMT_GAP_FINDINGS_DELETE, STMT_GAP_ERRORS_DELETE,
                                   STMT_GAP_SCORED_DELETE };
        for (size_t k = 0; k < sizeof forget / sizeof forget[0]; k++) {
            sqlite3_stmt *s = db_bind_range(d, forget[k], after_pk, before_pk);
            sqlite3_bind_text(s, 3, rs->rules[i].id, -1, SQLITE_STATIC);
            if (db_step_done(d, forget[k]) != 0) return -1;
        }
        sqlite3_stmt *s = db_bind_range(d, STMT_GAP_SCORED_INSERT, after_pk, before_pk);
        sqlite3_bind_int64(s, 3, rule_pks[i]);
        sqlite3_bind_int64(s, 4, run_id);
        if (db_step_done(d, STMT_GAP_SCORED_INSERT) != 0) return -1;
    }
    sqlite3_stmt *s = db_bind_range(d, STMT_GAP_SCORES_ZERO, after_pk, before_pk);
    if (run_id > 0) sqlite3_bind_int64(s, 3, run_id);
    else sqlite3_bind_null(s, 3);
    if (db_step_done(d, STMT_GAP_SCORES_ZERO) != 0) return -1;
    *n_articles = (size_t)sqlite3_changes(d->conn);
    return db_update_scores_between(d, after_pk, before_pk, run_id);
}

/* --- queries --------------------------------------------------------------- */

int db_findings_each(db *d, const db_finding_filter *filter, db_finding_fn fn, void *ctx)
{
    int id = filter->article_id ? STMT_FINDINGS_OF_ARTICLE : STMT_FINDINGS_QUERY;
    sqlite3_stmt *s = d->stmt[id];
    sqlite3_bind_int64(s, 1, filter->run_id);
    bind_text_or_null(s, 2, filter->article_id);
    bind_text_or_null(s, 3, filter->rule_id);
    sqlite3_bind_double(s, 4, filter->min_score);
    sqlite3_bind_int64(s, 5, filter->limit ? (sqlite3_int64)filter->limit : -1);
    sqlite3_bind_int(s, 6, filter->by_position);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        finding f = {
            .rule_id = (char *)sqlite3_column_text(s, 1),
            .severity = (const char *)sqlite3_column_text(s, 2),
            .score = sqlite3_column_double(s, 3),
            .start = (size_t)sqlite3_column_int64(s, 4),
            .end = (size_t)sqlite3_column_int64(s, 5),
            .line = sqlite3_column_int(s, 6),
            .col = sqlite3_column_int(s, 7),
            .text = (char *)sqlite3_column_text(s, 8),
            .message = (char *)sqlite3_column_text(s, 9),
            .evidence_json = (char *)sqlite3_column_text(s, 10),
        };
        finding_part_parse((const char *)sqlite3_column_text(s, 11), &f.part);
        f.id = sqlite3_column_int64(s, 12);
        f.verdict = (char *)sqlite3_column_text(s, 13);
        f.verdict_note = (char *)sqlite3_column_text(s, 14);
        if (fn(ctx, (const char *)sqlite3_column_text(s, 0), &f)) break;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_fail(d, id);
}

int db_top_each(db *d, size_t limit, db_article_fn fn, void *ctx)
{
    sqlite3_stmt *s = d->stmt[STMT_TOP];
    sqlite3_bind_int64(s, 1, limit ? (sqlite3_int64)limit : -1);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        db_article_summary sum = {
            .article_id = (const char *)sqlite3_column_text(s, 0),
            .title = (const char *)sqlite3_column_text(s, 1),
            .score = sqlite3_column_double(s, 2),
            .findings = (size_t)sqlite3_column_int64(s, 3),
        };
        if (fn(ctx, &sum)) break;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_fail(d, STMT_TOP);
}

int db_article_pk(db *d, const char *id, int64_t *pk)
{
    sqlite3_stmt *s = d->stmt[STMT_ARTICLE_BY_ID];
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    int found = 0;
    if (rc == SQLITE_ROW) {
        *pk = sqlite3_column_int64(s, 1);
        found = 1;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(d, STMT_ARTICLE_BY_ID);
    return found;
}

int db_article_get(db *d, const char *id, article *out, double *score)
{
    sqlite3_stmt *s = d->stmt[STMT_ARTICLE_GET];
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    int found = 0;
    if (rc == SQLITE_ROW) {
        article_from_row(s, 1, out);
        if (score) *score = sqlite3_column_double(s, 13);
        found = 1;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(d, STMT_ARTICLE_GET);
    return found;
}

int db_search_each(db *d, const char *query, const char *mark_open, const char *mark_close,
                   size_t limit, db_search_fn fn, void *ctx)
{
    sqlite3_stmt *s = d->stmt[STMT_SEARCH];
    sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, mark_open, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, mark_close, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 4, limit ? (sqlite3_int64)limit : -1);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (fn(ctx, (const char *)sqlite3_column_text(s, 0),
               (const char *)sqlite3_column_text(s, 1),
               (const char *)sqlite3_column_text(s, 2), sqlite3_column_double(s, 3)))
            break;
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        if ((sqlite3_extended_errcode(d->conn) & 0xff) == SQLITE_ERROR)
            db_set_error(d, "search query '%s' is not valid FTS5 syntax: %s", query,
                         sqlite3_errmsg(d->conn));
        else
            db_fail(d, STMT_SEARCH);
        sqlite3_reset(s);
        return -1;
    }
    sqlite3_reset(s);
    return 0;
}

int db_count_articles(db *d, size_t *n)
{
    sqlite3_stmt *s = d->stmt[STMT_COUNT_ARTICLES];
    int rc = sqlite3_step(s);
    *n = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? 0 : db_fail(d, STMT_COUNT_ARTICLES);
}

int db_errors_each(db *d, const char *article_id, db_error_fn fn, void *ctx)
{
    sqlite3_stmt *s = d->stmt[STMT_ERRORS_QUERY];
    bind_text_or_null(s, 1, article_id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        if (fn(ctx, (const char *)sqlite3_column_text(s, 0),
               (const char *)sqlite3_column_text(s, 1), (const char *)sqlite3_column_text(s, 2)))
            break;
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_fail(d, STMT_ERRORS_QUERY);
}

/* --- verdicts --- */

bool db_verdict_valid(const char *verdict, bool on_article)
{
    if (on_article) return strcmp(verdict, "misleading") == 0 || strcmp(verdict, "accurate") == 0;
    return strcmp(verdict, "true") == 0 || strcmp(verdict, "useful") == 0 ||
           strcmp(verdict, "false") == 0;
}

/* Stores a verdict on (article_pk, rule_id, text) and recomputes the
 * article's score, keeping the run that last scored it. */
static int db_verdict_store(db *d, int64_t article_pk, const char *rule_id, const char *text,
                            const char *verdict, const char *note)
{
    sqlite3_stmt *s = d->stmt[STMT_VERDICT_UPSERT];
    sqlite3_bind_int64(s, 1, article_pk);
    sqlite3_bind_text(s, 2, rule_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, text, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, verdict, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, note ? note : "", -1, SQLITE_STATIC);
    if (db_step_done(d, STMT_VERDICT_UPSERT) != 0) return -1;
    if (!*rule_id) return 0;                     /* an article verdict: no score change */
    s = d->stmt[STMT_SCORE_RUN];
    sqlite3_bind_int64(s, 1, article_pk);
    int rc = sqlite3_step(s);
    int64_t run = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(d, STMT_SCORE_RUN);
    return db_update_score(d, article_pk, run);
}

int db_verdict_finding(db *d, int64_t finding_pk, const char *verdict, const char *note)
{
    sqlite3_stmt *s = d->stmt[STMT_FINDING_BY_PK];
    sqlite3_bind_int64(s, 1, finding_pk);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return rc == SQLITE_DONE ? 0 : db_fail(d, STMT_FINDING_BY_PK);
    }
    int64_t article_pk = sqlite3_column_int64(s, 0);
    char *rule_id = xstrdup((const char *)sqlite3_column_text(s, 1));
    char *text = xstrdup((const char *)sqlite3_column_text(s, 2));
    sqlite3_reset(s);
    int status = db_begin(d) != 0 ? -1 : db_verdict_store(d, article_pk, rule_id, text, verdict, note);
    if (status == 0 && db_commit(d) != 0) status = -1;
    if (status != 0) db_rollback(d);
    free(rule_id);
    free(text);
    return status == 0 ? 1 : -1;
}

int db_verdict_key(db *d, const char *article_id, const char *rule_id, const char *text,
                   const char *verdict, const char *note, bool *current)
{
    int64_t article_pk;
    int found = db_article_pk(d, article_id, &article_pk);
    if (found <= 0) return found;
    if (current) {
        sqlite3_stmt *s = d->stmt[STMT_FINDING_CURRENT];
        sqlite3_bind_int64(s, 1, article_pk);
        sqlite3_bind_text(s, 2, rule_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, text, -1, SQLITE_STATIC);
        int rc = sqlite3_step(s);
        *current = rc == SQLITE_ROW && sqlite3_column_int64(s, 0) > 0;
        sqlite3_reset(s);
        if (rc != SQLITE_ROW) return db_fail(d, STMT_FINDING_CURRENT);
    }
    return db_verdict_store(d, article_pk, rule_id, text, verdict, note) == 0 ? 1 : -1;
}

int db_verdicts_each(db *d, db_verdict_fn fn, void *ctx)
{
    sqlite3_stmt *s = d->stmt[STMT_VERDICTS_ALL];
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (fn(ctx, (const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1),
               (const char *)sqlite3_column_text(s, 2), (const char *)sqlite3_column_text(s, 3),
               (const char *)sqlite3_column_text(s, 4)))
            break;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_fail(d, STMT_VERDICTS_ALL);
}

int db_article_verdict(db *d, const char *article_id, char **verdict, char **note)
{
    *verdict = *note = NULL;
    sqlite3_stmt *s = d->stmt[STMT_ARTICLE_VERDICT];
    sqlite3_bind_text(s, 1, article_id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *verdict = xstrdup((const char *)sqlite3_column_text(s, 0));
        *note = xstrdup((const char *)sqlite3_column_text(s, 1));
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(d, STMT_ARTICLE_VERDICT);
    return rc == SQLITE_ROW;
}

int db_rule_title(db *d, const char *rule_id, char **title, char **severity)
{
    *title = *severity = NULL;
    sqlite3_stmt *s = d->stmt[STMT_RULE_LATEST];
    sqlite3_bind_text(s, 1, rule_id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *title = xstrdup((const char *)sqlite3_column_text(s, 0));
        *severity = xstrdup((const char *)sqlite3_column_text(s, 1));
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(d, STMT_RULE_LATEST);
    return rc == SQLITE_ROW;
}

int db_run_snapshot_state(db *d, int64_t run_id)
{
    sqlite3_stmt *s = d->stmt[STMT_RUN_STATE];
    sqlite3_bind_int64(s, 1, run_id);
    int rc = sqlite3_step(s);
    int state = rc == SQLITE_ROW ? (sqlite3_column_int(s, 0) ? 2 : 1) : 0;
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(d, STMT_RUN_STATE);
    return state;
}

/* Reads one run's side (columns from first) of a diff row into f. */
static bool diff_side(sqlite3_stmt *s, int first, db_run_finding *f)
{
    if (sqlite3_column_type(s, first) == SQLITE_NULL) return false;
    f->line = sqlite3_column_int(s, first);
    f->col = sqlite3_column_int(s, first + 1);
    f->text = (const char *)sqlite3_column_text(s, first + 2);
    f->score = sqlite3_column_double(s, first + 3);
    f->message = (const char *)sqlite3_column_text(s, first + 4);
    return true;
}

int db_run_diff(db *d, int64_t a, int64_t b, db_diff_fn fn, void *ctx)
{
    sqlite3_stmt *s = d->stmt[STMT_RUN_DIFF];
    sqlite3_bind_int64(s, 1, a);
    sqlite3_bind_int64(s, 2, b);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        db_run_finding old = {0}, now = {0};
        old.article_id = now.article_id = (const char *)sqlite3_column_text(s, 0);
        old.rule_id = now.rule_id = (const char *)sqlite3_column_text(s, 1);
        old.part = now.part = (const char *)sqlite3_column_text(s, 2);
        old.start = now.start = sqlite3_column_int64(s, 3);
        old.stop = now.stop = sqlite3_column_int64(s, 4);
        bool in_a = diff_side(s, 5, &old), in_b = diff_side(s, 10, &now);
        int stop = 0;
        if (in_a && !in_b) stop = fn(ctx, '-', &old, NULL);
        else if (!in_a && in_b) stop = fn(ctx, '+', &now, NULL);
        else if (in_a && in_b && (old.score != now.score || strcmp(old.message, now.message) != 0))
            stop = fn(ctx, '~', &now, &old);
        if (stop) break;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_fail(d, STMT_RUN_DIFF);
}

int db_eval_articles(db *d, db_eval_fn fn, void *ctx)
{
    sqlite3_stmt *s = d->stmt[STMT_EVAL_ARTICLES];
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        db_eval_article a = {
            .article_id = (const char *)sqlite3_column_text(s, 0),
            .score = sqlite3_column_double(s, 1),
            .length = sqlite3_column_int64(s, 2),
            .rules = sqlite3_column_type(s, 3) == SQLITE_NULL ? "" : (const char *)sqlite3_column_text(s, 3),
            .verdict = (const char *)sqlite3_column_text(s, 4),
        };
        if (fn(ctx, &a)) break;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_fail(d, STMT_EVAL_ARTICLES);
}

int db_rule_verdict_counts(db *d, db_rule_verdict_fn fn, void *ctx)
{
    sqlite3_stmt *s = d->stmt[STMT_RULE_VERDICT_COUNTS];
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (fn(ctx, (const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1),
               sqlite3_column_int64(s, 2)))
            break;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_fail(d, STMT_RULE_VERDICT_COUNTS);
}

int db_run_info_get(db *d, int64_t run_id, db_run_info *info)
{
    memset(info, 0, sizeof *info);
    sqlite3_stmt *s = d->stmt[STMT_RUN_INFO];
    sqlite3_bind_int64(s, 1, run_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        info->run_id = sqlite3_column_int64(s, 0);
        snprintf(info->started_at, sizeof info->started_at, "%s", sqlite3_column_text(s, 1));
        snprintf(info->finished_at, sizeof info->finished_at, "%s", sqlite3_column_text(s, 2));
        snprintf(info->status, sizeof info->status, "%s", sqlite3_column_text(s, 3));
        snprintf(info->ruleset_hash, sizeof info->ruleset_hash, "%s", sqlite3_column_text(s, 4));
        info->rules = sqlite3_column_int64(s, 5);
        info->articles = sqlite3_column_int64(s, 6);
        info->scored = sqlite3_column_int64(s, 7);
        info->rule_calls = sqlite3_column_int64(s, 8);
        info->findings = sqlite3_column_int64(s, 9);
        info->errors = sqlite3_column_int64(s, 10);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(d, STMT_RUN_INFO);
    return rc == SQLITE_ROW;
}

int db_run_findings_each(db *d, int64_t run_id, db_finding_fn fn, void *ctx)
{
    sqlite3_stmt *s = d->stmt[STMT_RUN_FINDINGS];
    sqlite3_bind_int64(s, 1, run_id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        finding f = {
            .rule_id = (char *)sqlite3_column_text(s, 1),
            .start = (size_t)sqlite3_column_int64(s, 3),
            .end = (size_t)sqlite3_column_int64(s, 4),
            .line = sqlite3_column_int(s, 5),
            .col = sqlite3_column_int(s, 6),
            .text = (char *)sqlite3_column_text(s, 7),
            .score = sqlite3_column_double(s, 8),
            .message = (char *)sqlite3_column_text(s, 9),
            .evidence_json = (char *)sqlite3_column_text(s, 10),
            .verdict = (char *)sqlite3_column_text(s, 11),
            .verdict_note = (char *)sqlite3_column_text(s, 12),
            .severity = "info",
        };
        finding_part_parse((const char *)sqlite3_column_text(s, 2), &f.part);
        if (fn(ctx, (const char *)sqlite3_column_text(s, 0), &f)) break;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_fail(d, STMT_RUN_FINDINGS);
}
