/*
 * test_input.c — unit tests of the article reader (runtime/input.c): single
 * JSON records first, then whole files, directory walks and standard input
 * over the fixtures in tests/data/input/, checking the articles handed over,
 * the counters and the exact diagnostic lines. Run from the project root.
 */
#include "input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "article.h"
#include "check.h"

#define DATA "tests/data/input/"
#define MAX_COLLECTED 16
#define REPLACEMENT "\xEF\xBF\xBD"   /* U+FFFD in UTF-8 */

/* What a read handed over; the callback moves each article in here. */
typedef struct collected {
    article items[MAX_COLLECTED];
    size_t  count;
    size_t  stop_after;   /* return 7 once this many arrived; 0 = never */
} collected;

/* The callback under test: keeps the article, maybe asks to stop. */
static int collect(void *ctx, article *a)
{
    collected *c = ctx;
    if (c->count < MAX_COLLECTED) c->items[c->count++] = *a;
    else article_clear(a);
    return c->stop_after && c->count == c->stop_after ? 7 : 0;
}

/* One input_read_path call with its diagnostics captured as text. */
typedef struct read_result {
    collected   got;
    input_stats stats;
    char       *diag;       /* everything written to opt->diag */
    size_t      diag_size;
    int         rc;
} read_result;

/* Reads path with the given article limit (0 = default) into *r, stopping
 * after stop_after articles when non-zero. */
static void read_with(const char *path, size_t max_article_bytes,
                      size_t stop_after, read_result *r)
{
    memset(r, 0, sizeof *r);
    r->got.stop_after = stop_after;
    FILE *diag = open_memstream(&r->diag, &r->diag_size);
    input_options opt = { max_article_bytes, diag };
    r->rc = input_read_path(path, &opt, collect, &r->got, &r->stats);
    fclose(diag);
}

static void read_result_free(read_result *r)
{
    for (size_t i = 0; i < r->got.count; i++) article_clear(&r->got.items[i]);
    free(r->diag);
}

/* input_parse_json_line over a C string; err gets the reason. */
static int parse(const char *json, article *a, char *err, size_t errlen)
{
    return input_parse_json_line(json, strlen(json), "test:1", a, err, errlen);
}

/* Checks that json is refused with exactly the reason want. */
static void check_refused(const char *json, const char *want)
{
    article a;
    char err[256] = "";
    CHECK_INT(parse(json, &a, err, sizeof err), -1);
    CHECK_STR(err, want);
    CHECK(a.id == NULL && a.body == NULL);
}

static void test_parse_full_record(void)
{
    article a;
    char err[256] = "";
    int rc = parse("{\"id\":\"a1\",\"title\":\"Deal\",\"body\":\"Acme signed.\","
                   "\"url\":\"https://example.org/a1\",\"outlet\":\"Wire\","
                   "\"author\":\"R. Roe\",\"published\":\"2024-05-01T10:00:00Z\","
                   "\"lang\":\"en\"}", &a, err, sizeof err);
    CHECK_INT(rc, 0);
    CHECK_STR(a.id, "a1");
    CHECK_STR(a.title, "Deal");
    CHECK_STR(a.body, "Acme signed.");
    CHECK_INT(a.body_len, 12);
    CHECK_STR(a.url, "https://example.org/a1");
    CHECK_STR(a.outlet, "Wire");
    CHECK_STR(a.author, "R. Roe");
    CHECK_STR(a.published, "2024-05-01T10:00:00Z");
    CHECK_STR(a.lang, "en");
    CHECK(a.meta_json == NULL);
    CHECK_STR(a.origin, "test:1");
    article_clear(&a);
}

static void test_parse_ids(void)
{
    article a;
    char err[256] = "";
    CHECK_INT(parse("{\"id\":42,\"body\":\"b\"}", &a, err, sizeof err), 0);
    CHECK_STR(a.id, "42");
    CHECK_STR(a.title, "");   /* absent title is "" */
    article_clear(&a);
    CHECK_INT(parse("{\"id\":-7,\"body\":\"b\"}", &a, err, sizeof err), 0);
    CHECK_STR(a.id, "-7");
    article_clear(&a);

    check_refused("{\"body\":\"b\"}", "missing \"id\"");
    check_refused("{\"id\":null,\"body\":\"b\"}", "missing \"id\"");
    check_refused("{\"id\":1.5,\"body\":\"b\"}",
                  "\"id\" must be a string or an integer, not a number");
    check_refused("{\"id\":[1],\"body\":\"b\"}",
                  "\"id\" must be a string or an integer, not an array");
    check_refused("{\"id\":\"\",\"body\":\"b\"}", "\"id\" is empty");
}

static void test_parse_refusals(void)
{
    check_refused("{\"id\":\"x\"}", "missing \"body\"");
    check_refused("{\"id\":\"x\",\"body\":null}", "missing \"body\"");
    check_refused("{\"id\":\"x\",\"body\":3}", "\"body\" must be a string");
    check_refused("{\"id\":\"x\",\"body\":\" \\n\\t \"}", "empty body");
    check_refused("{\"id\":\"x\",\"body\":\"b\",\"title\":5}",
                  "\"title\" must be a string");
    check_refused("{\"id\":\"x\",\"body\":\"b\",\"lang\":{}}",
                  "\"lang\" must be a string");
    check_refused("{\"id\": x}", "invalid JSON: invalid token near 'x' at column 8");
    check_refused("{\"id\":\"x\",\"body\":\"b\"} x",
                  "invalid JSON: end of file expected near 'x' at column 23");
    check_refused("{\"id\":\"x\",\"id\":\"y\",\"body\":\"b\"}",
                  "invalid JSON: duplicate object key near '\"id\"' at column 14");
    check_refused("[1,2]", "expected a JSON object, got an array");
}

static void test_parse_meta_and_nulls(void)
{
    article a;
    char err[256] = "";
    CHECK_INT(parse("{\"z\":1,\"id\":\"m\",\"body\":\"b\",\"lang\":\"en\","
                    "\"a\":{\"k\":[1, 2]},\"title\":null,\"url\":null,"
                    "\"gone\":null}", &a, err, sizeof err), 0);
    CHECK_STR(a.meta_json, "{\"a\":{\"k\":[1,2]},\"gone\":null,\"z\":1}");
    CHECK_STR(a.title, "");
    CHECK(a.url == NULL);
    CHECK_STR(a.lang, "en");
    article_clear(&a);
}

static void test_parse_unicode(void)
{
    article a;
    char err[256] = "";
    /* escapes decode to UTF-8; a byte order mark before the object is fine */
    CHECK_INT(parse("\xEF\xBB\xBF{\"id\":\"\\u00e9\",\"body\":"
                    "\"caf\\u00e9 \\ud83d\\ude00 \xe2\x82\xb9\"}",
                    &a, err, sizeof err), 0);
    CHECK_STR(a.id, "\xC3\xA9");
    CHECK_STR(a.body, "caf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x82\xB9");
    CHECK_INT(a.body_len, strlen("caf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x82\xB9"));
    article_clear(&a);

    /* raw invalid bytes and an escaped NUL are repaired, not refused */
    CHECK_INT(parse("{\"id\":\"r\",\"title\":\"\xff\",\"body\":\"caf\xe9 ok\"}",
                    &a, err, sizeof err), 0);
    CHECK_STR(a.title, REPLACEMENT);
    CHECK_STR(a.body, "caf" REPLACEMENT " ok");
    CHECK_INT(a.body_len, 9);
    article_clear(&a);
    CHECK_INT(parse("{\"id\":\"n\",\"body\":\"a\\u0000b\"}", &a, err, sizeof err), 0);
    CHECK_STR(a.body, "a" REPLACEMENT "b");
    CHECK_INT(a.body_len, 5);
    article_clear(&a);
}

static void test_read_good_jsonl(void)
{
    read_result r;
    read_with(DATA "good.jsonl", 0, 0, &r);
    CHECK_INT(r.rc, 0);
    CHECK_INT(r.got.count, 3);
    CHECK_INT(r.stats.articles, 3);
    CHECK_INT(r.stats.rejected, 0);
    CHECK_STR(r.diag, "");
    if (r.got.count == 3) {
        article *a = r.got.items;
        CHECK_STR(a[0].id, "g1");
        CHECK_STR(a[0].body, "Body one.");   /* no CR left from CRLF */
        CHECK_STR(a[0].outlet, "Wire");
        CHECK_STR(a[0].meta_json, "{\"extra\":1}");
        CHECK_STR(a[0].origin, DATA "good.jsonl:1");
        CHECK_STR(a[1].id, "2");
        CHECK_STR(a[1].title, "");
        CHECK(a[1].meta_json == NULL);
        CHECK_STR(a[1].origin, DATA "good.jsonl:3");
        CHECK_STR(a[2].url, "https://example.org/3");
        CHECK_STR(a[2].meta_json, "{\"tags\":[\"a\",\"b\"]}");
        CHECK_STR(a[2].origin, DATA "good.jsonl:5");
    }
    read_result_free(&r);
}

static void test_read_malformed_jsonl(void)
{
    read_result r;
    read_with(DATA "malformed.jsonl", 0, 0, &r);
    CHECK_INT(r.rc, 0);
    CHECK_INT(r.stats.articles, 3);
    CHECK_INT(r.stats.rejected, 2);
    CHECK_STR(r.diag,
        DATA "malformed.jsonl:2: invalid JSON: '}' expected at the end of the line (the record is cut short)\n"
        DATA "malformed.jsonl:4: invalid JSON: invalid token near 'not' at column 3\n");
    if (r.got.count == 3) {
        CHECK_STR(r.got.items[0].id, "m1");
        CHECK_STR(r.got.items[1].id, "m3");
        CHECK_STR(r.got.items[2].id, "m5");
    }
    read_result_free(&r);
}

static void test_read_text_files(void)
{
    read_result r;
    read_with(DATA "deal.txt", 0, 0, &r);
    CHECK_INT(r.got.count, 1);
    CHECK_STR(r.diag, "");
    if (r.got.count == 1) {
        article *a = &r.got.items[0];
        CHECK_STR(a->id, DATA "deal.txt");
        CHECK_STR(a->origin, DATA "deal.txt");
        CHECK_STR(a->title, "Acme signs deal");
        CHECK_STR(a->body, "Reports said Acme signed a $2.6 billion contract.\n"
                           "Second line.\n");
        CHECK_INT(a->body_len, strlen(a->body));
        CHECK(a->meta_json == NULL && a->url == NULL);
        /* where they stood in the file: two blank lines, the title, two more */
        CHECK_INT(a->title_line, 3);
        CHECK_INT(a->title_col, 1);
        CHECK_INT(a->body_line, 6);
    }
    read_result_free(&r);

    read_with(DATA "note.md", 0, 0, &r);
    CHECK_INT(r.got.count, 1);
    if (r.got.count == 1) {
        CHECK_STR(r.got.items[0].title, "Heading title");
        CHECK_STR(r.got.items[0].body, "Body of the *note*.\n");
        CHECK_INT(r.got.items[0].title_line, 1);
        CHECK_INT(r.got.items[0].title_col, 3);       /* after "# " */
        CHECK_INT(r.got.items[0].body_line, 3);
    }
    read_result_free(&r);

    read_with(DATA "empty.txt", 0, 0, &r);
    CHECK_INT(r.got.count, 0);
    CHECK_INT(r.stats.rejected, 1);
    CHECK_STR(r.diag, DATA "empty.txt: empty body\n");
    read_result_free(&r);
}

static void test_read_repairs(void)
{
    read_result r;
    read_with(DATA "broken.txt", 0, 0, &r);
    CHECK_INT(r.got.count, 1);
    CHECK_INT(r.stats.repaired, 1);
    CHECK_STR(r.diag, "warning: " DATA "broken.txt: article " DATA "broken.txt: "
                      "invalid UTF-8 repaired (4 bytes replaced)\n");
    if (r.got.count == 1) {
        CHECK_STR(r.got.items[0].title, "Caf" REPLACEMENT " title");
        CHECK_STR(r.got.items[0].body,
                  "Price " REPLACEMENT "15m and " REPLACEMENT " end\n");
    }
    read_result_free(&r);

    read_with(DATA "nul.txt", 0, 0, &r);
    CHECK_INT(r.stats.repaired, 1);
    CHECK_STR(r.diag, "warning: " DATA "nul.txt: article " DATA "nul.txt: "
                      "1 NUL byte replaced with U+FFFD\n");
    if (r.got.count == 1)
        CHECK_STR(r.got.items[0].body, "Body" REPLACEMENT "with a NUL\n");
    read_result_free(&r);

    /* a raw bad byte, then an escaped NUL under an id with a newline */
    read_with(DATA "bad_utf8.jsonl", 0, 0, &r);
    CHECK_INT(r.stats.articles, 2);
    CHECK_INT(r.stats.repaired, 2);
    CHECK_STR(r.diag, "warning: " DATA "bad_utf8.jsonl:1: article u1: "
                      "invalid UTF-8 repaired (1 byte replaced)\n"
                      "warning: " DATA "bad_utf8.jsonl:2: article two\\nlines: "
                      "1 NUL byte replaced with U+FFFD\n");
    if (r.got.count == 2) {
        CHECK_STR(r.got.items[0].body, "caf" REPLACEMENT " au lait");
        CHECK_STR(r.got.items[1].id, "two\nlines");
        CHECK_STR(r.got.items[1].body, "a" REPLACEMENT "b");
    }
    read_result_free(&r);
}

static void test_read_directory(void)
{
    /* with and without the trailing slash: same ids, no double slash */
    const char *given[2] = { DATA "tree", DATA "tree/" };
    for (int i = 0; i < 2; i++) {
        read_result r;
        read_with(given[i], 0, 0, &r);
        CHECK_INT(r.rc, 0);
        CHECK_INT(r.got.count, 3);
        CHECK_INT(r.stats.rejected + r.stats.io_errors, 0);
        CHECK_STR(r.diag, "");
        if (r.got.count == 3) {
            CHECK_STR(r.got.items[0].id, "t1");
            CHECK_STR(r.got.items[0].origin, DATA "tree/a.jsonl:1");
            CHECK_STR(r.got.items[1].id, DATA "tree/b/c.txt");
            CHECK_STR(r.got.items[1].body, "Tree body.\n");
            CHECK_STR(r.got.items[2].id, DATA "tree/z.md");
            CHECK_STR(r.got.items[2].title, "Setext title");
            CHECK_STR(r.got.items[2].body, "Zed body.\n");
            CHECK_INT(r.got.items[2].body_line, 3);   /* below the underline */
            CHECK_INT(r.got.items[0].body_line, 0);   /* JSON Lines: no file lines */
        }
        read_result_free(&r);
    }
}

static void test_read_limits(void)
{
    read_result r;
    read_with(DATA "limits.jsonl", 50, 0, &r);
    CHECK_INT(r.stats.articles, 1);
    CHECK_INT(r.stats.rejected, 2);
    CHECK_STR(r.diag,
        DATA "limits.jsonl:1: article big is 100 bytes, over the limit of 50 bytes\n"
        DATA "limits.jsonl:3: line is 439 bytes, over the line limit of 300 bytes (6 times the article limit); not parsed\n");
    if (r.got.count == 1) CHECK_STR(r.got.items[0].id, "small");
    read_result_free(&r);

    read_with(DATA "big.txt", 50, 0, &r);
    CHECK_INT(r.got.count, 0);
    CHECK_INT(r.stats.rejected, 1);
    CHECK_STR(r.diag, DATA "big.txt: article " DATA "big.txt is 61 bytes, "
                      "over the limit of 50 bytes\n");
    read_result_free(&r);
}

static void test_read_errors_and_stop(void)
{
    read_result r;
    read_with(DATA "missing.jsonl", 0, 0, &r);
    CHECK_INT(r.rc, 0);
    CHECK_INT(r.stats.io_errors, 1);
    CHECK_STR(r.diag, DATA "missing.jsonl: No such file or directory\n");
    read_result_free(&r);

    /* the callback stops the walk after two articles; its value comes back */
    read_with(DATA "tree", 0, 2, &r);
    CHECK_INT(r.rc, 7);
    CHECK_INT(r.got.count, 2);
    CHECK_INT(r.stats.articles, 2);
    read_result_free(&r);

    /* stats accumulate across calls */
    input_stats stats = {0};
    collected got = {0};
    char *diag_text = NULL;
    size_t diag_size = 0;
    FILE *diag = open_memstream(&diag_text, &diag_size);
    input_options opt = { 0, diag };
    input_read_path(DATA "good.jsonl", &opt, collect, &got, &stats);
    input_read_path(DATA "malformed.jsonl", &opt, collect, &got, &stats);
    fclose(diag);
    CHECK_INT(stats.articles, 6);
    CHECK_INT(stats.rejected, 2);
    for (size_t i = 0; i < got.count; i++) article_clear(&got.items[i]);
    free(diag_text);
}

static void test_read_stdin(void)
{
    if (!freopen(DATA "malformed.jsonl", "r", stdin)) {
        CHECK_MSG(0, "cannot reopen stdin");
        return;
    }
    read_result r;
    read_with("-", 0, 0, &r);
    CHECK_INT(r.stats.articles, 3);
    CHECK_INT(r.stats.rejected, 2);
    CHECK_STR(r.diag,
        "-:2: invalid JSON: '}' expected at the end of the line (the record is cut short)\n"
        "-:4: invalid JSON: invalid token near 'not' at column 3\n");
    if (r.got.count == 3) CHECK_STR(r.got.items[1].origin, "-:3");
    read_result_free(&r);
}

/* A real BBC article with one Latin-1 pound sign in it. */
static void test_read_bbc_latin1(void)
{
    const char *path = "../shared/corpora/bbc/sport/199.txt";
    if (access(path, R_OK) != 0) {
        printf("test_input: %s absent, skipped\n", path);
        return;
    }
    read_result r;
    read_with(path, 0, 0, &r);
    CHECK_INT(r.got.count, 1);
    CHECK_INT(r.stats.repaired, 1);
    CHECK_STR(r.diag, "warning: ../shared/corpora/bbc/sport/199.txt: article "
                      "../shared/corpora/bbc/sport/199.txt: invalid UTF-8 "
                      "repaired (1 byte replaced)\n");
    if (r.got.count == 1) {
        CHECK_STR(r.got.items[0].title, "Chelsea sack Mutu");
        CHECK(strstr(r.got.items[0].body, "a " REPLACEMENT "15.8m signing") != NULL);
    }
    read_result_free(&r);
}

int main(void)
{
    test_parse_full_record();
    test_parse_ids();
    test_parse_refusals();
    test_parse_meta_and_nulls();
    test_parse_unicode();
    test_read_good_jsonl();
    test_read_malformed_jsonl();
    test_read_text_files();
    test_read_repairs();
    test_read_directory();
    test_read_limits();
    test_read_errors_and_stop();
    test_read_stdin();
    test_read_bbc_latin1();
    return check_report("test_input");
}
