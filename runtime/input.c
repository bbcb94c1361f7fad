/*
 * input.c — the article reader. Turns JSON Lines files, plain text and
 * Markdown files, directory trees and standard input into articles handed one
 * at a time to a callback, and says on the diagnostic stream every line or
 * file it refused, every repair it made and every path it could not read.
 *
 * JSON Lines are read with getline, one record at a time, so memory stays
 * constant however many articles a stream holds (the streaming-mapper case).
 */
#include "input.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "utf8.h"
#include "util.h"

/* A JSON string escape can spend six bytes of a line on one byte of text
 * ("\u0001"), and Python's default json.dumps writes every non-ASCII letter
 * as such an escape. A line up to this many times the article limit may
 * still carry an acceptable body, so it is parsed; a longer one is refused
 * unparsed. */
#define JSON_LINE_LIMIT_FACTOR 6
/* A text file with more than 1 byte in BINARY_SHARE not UTF-8 is refused as
 * binary; fewer are repaired (a stray Latin-1 byte in a story). */
#define BINARY_SHARE 4

static const char utf8_bom[] = "\xEF\xBB\xBF";

/* What a file holds, decided from its extension. */
typedef enum input_kind {
    KIND_UNKNOWN,      /* no extension we read */
    KIND_JSON_LINES,   /* .jsonl .ndjson .json */
    KIND_TEXT,         /* .txt */
    KIND_MARKDOWN      /* .md */
} input_kind;

/* Everything one input_read_path call needs, passed down the walk. */
typedef struct reader {
    size_t           max_article_bytes;  /* larger bodies are refused */
    size_t           max_line_bytes;     /* larger JSON lines are refused unparsed */
    FILE            *diag;               /* warnings and rejections */
    input_article_fn fn;                 /* receives each article; NULL = count only */
    void            *ctx;                /* fn's context */
    input_stats     *stats;              /* counters, accumulated */
} reader;

/* ---- small text helpers ------------------------------------------------ */

/* True for the bytes that make a line blank: space, tab, CR, LF, FF, VT. */
static bool is_space_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
           c == '\v';
}

/* True when s[0, len) holds only white space (or nothing). */
static bool is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!is_space_byte(s[i])) return false;
    return true;
}

/* Length of s[0, len) without its trailing "\n", "\r\n" or "\r". */
static size_t without_line_end(const char *s, size_t len)
{
    if (len > 0 && s[len - 1] == '\n') len--;
    if (len > 0 && s[len - 1] == '\r') len--;
    return len;
}

/* Length of the UTF-8 byte order mark at the start of s[0, len), or 0. */
static size_t bom_length(const char *s, size_t len)
{
    return len >= 3 && memcmp(s, utf8_bom, 3) == 0 ? 3 : 0;
}

/* What a repair replaced: bytes (invalid UTF-8 and NUL bytes), and how
 * many of those were NUL bytes. */
typedef struct repair_count {
    size_t bytes;
    size_t nul;
} repair_count;

/* A NUL-terminated copy of s[0, len) that is valid UTF-8: invalid bytes and
 * NUL bytes become U+FFFD. Adds the number of bytes replaced to
 * replaced->bytes (and the NUL bytes among them to replaced->nul). *out_len gets the copy's length when out_len is not NULL.
 * Caller frees. */
static char *valid_utf8_copy(const char *s, size_t len, size_t *out_len,
                             repair_count *replaced)
{
    if (utf8_valid(s, len)) {
        if (out_len) *out_len = len;
        return xstrndup(s, len);
    }
    for (const char *p = s, *end = s + len; (p = memchr(p, '\0', (size_t)(end - p))); p++)
        replaced->nul++;
    size_t repaired_len = 0, replacements = 0;
    char *copy = utf8_repair(s, len, &repaired_len, &replacements);
    /* each replacement put 3 bytes (U+FFFD) where the invalid ones were */
    replaced->bytes += len + 3 * replacements - repaired_len;
    if (out_len) *out_len = repaired_len;
    return copy;
}

/* Which kind of input a file name announces (case-insensitive). */
static input_kind kind_of_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    const char *slash = strrchr(name, '/');
    if (!dot || (slash && dot < slash)) return KIND_UNKNOWN;
    if (strcasecmp(dot, ".jsonl") == 0 || strcasecmp(dot, ".ndjson") == 0 ||
        strcasecmp(dot, ".json") == 0)
        return KIND_JSON_LINES;
    if (strcasecmp(dot, ".txt") == 0) return KIND_TEXT;
    if (strcasecmp(dot, ".md") == 0) return KIND_MARKDOWN;
    return KIND_UNKNOWN;
}

/* dir + "/" + name, without doubling a slash the directory already ends
 * with ("samples/" and "samples" both give "samples/deal.txt"). Caller
 * frees. */
static char *join_path(const char *dir, const char *name)
{
    size_t dir_len = strlen(dir);
    while (dir_len > 1 && dir[dir_len - 1] == '/') dir_len--;
    buf path = {0};
    buf_append(&path, dir, dir_len);
    if (dir[dir_len - 1] != '/') buf_putc(&path, '/');
    buf_puts(&path, name);
    return buf_detach(&path);
}

/* ---- diagnostics ------------------------------------------------------- */

/* Writes s to f with control characters escaped, so that a name or reason
 * holding a newline still gives one diagnostic line. */
static void put_printable(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\n') fputs("\\n", f);
        else if (*p == '\r') fputs("\\r", f);
        else if (*p == '\t') fputs("\\t", f);
        else if (*p < 0x20 || *p == 0x7F) fprintf(f, "\\x%02x", *p);
        else putc(*p, f);
    }
}

/* "ORIGIN: REASON" — a line or file refused; counted. */
static void reject(reader *r, const char *origin, const char *reason)
{
    put_printable(r->diag, origin);
    fputs(": ", r->diag);
    put_printable(r->diag, reason);
    putc('\n', r->diag);
    r->stats->rejected++;
}

/* "ORIGIN: article ID is N bytes, over the limit of M bytes", or with
 * part "title", "... has a title of N bytes, over ..." (--max-bytes bounds
 * bodies and titles) — counted. */
static void reject_oversize(reader *r, const char *origin, const char *id,
                            const char *part, size_t bytes)
{
    put_printable(r->diag, origin);
    fputs(": article ", r->diag);
    put_printable(r->diag, id);
    fprintf(r->diag, " %s %zu bytes, over the limit of %zu bytes\n",
            strcmp(part, "title") == 0 ? "has a title of" : "is", bytes, r->max_article_bytes);
    r->stats->rejected++;
}

/* Reads one line of f into *line (growing *cap), but never more than
 * limit + 1 bytes of it: a longer line (an endless stream with no line
 * break, such as /dev/zero) is cut there and *too_long set. Returns the
 * bytes read, or -1 at the end or on a read error. */
static ssize_t read_line_bounded(FILE *f, char **line, size_t *cap, size_t limit, bool *too_long)
{
    size_t len = 0;
    int c = EOF;
    *too_long = false;
    /* f is this reader's alone: the unlocked getc saves a lock per byte */
    while ((c = getc_unlocked(f)) != EOF) {
        if (len + 2 > *cap) {
            *cap = *cap ? 2 * *cap : 256;
            *line = xrealloc(*line, *cap);
        }
        (*line)[len++] = (char)c;
        if (c == '\n') break;
        if (len > limit) { *too_long = true; break; }
    }
    if (len == 0 && c == EOF) return -1;
    (*line)[len] = '\0';
    return (ssize_t)len;
}

/* "PATH: strerror(error_number)" — an unreadable path; counted. */
static void report_io_error(reader *r, const char *path, int error_number)
{
    put_printable(r->diag, path);
    fprintf(r->diag, ": %s\n", strerror(error_number));
    r->stats->io_errors++;
}

/* Hands a complete article to the callback, first warning when its UTF-8
 * was repaired. The callback owns *a afterwards. Returns the callback's
 * value (non-zero stops the read). */
static int hand_over(reader *r, article *a, repair_count replaced)
{
    if (replaced.bytes > 0) {
        size_t invalid = replaced.bytes - replaced.nul;
        fputs("warning: ", r->diag);
        put_printable(r->diag, a->origin);
        fputs(": article ", r->diag);
        put_printable(r->diag, a->id);
        if (replaced.nul == 0)
            fprintf(r->diag, ": invalid UTF-8 repaired (%zu byte%s replaced)\n",
                    invalid, invalid == 1 ? "" : "s");
        else if (invalid == 0)
            fprintf(r->diag, ": %zu NUL byte%s replaced with U+FFFD\n", replaced.nul,
                    replaced.nul == 1 ? "" : "s");
        else
            fprintf(r->diag, ": invalid UTF-8 and NUL bytes repaired (%zu byte%s replaced, "
                    "%zu of them NUL)\n", replaced.bytes, replaced.bytes == 1 ? "" : "s",
                    replaced.nul);
        r->stats->repaired++;
    }
    r->stats->articles++;
    if (!r->fn) {
        article_clear(a);
        return 0;
    }
    return r->fn(r->ctx, a);
}

/* ---- JSON records ------------------------------------------------------ */

/* Formats a rejection reason into err[errlen] (either may be 0/NULL). */
static void set_reason(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_reason(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || errlen == 0) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* The JSON type name used in messages ("an array", "a number"...). */
static const char *json_type_phrase(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:  return "an object";
    case JSON_ARRAY:   return "an array";
    case JSON_STRING:  return "a string";
    case JSON_INTEGER:
    case JSON_REAL:    return "a number";
    case JSON_TRUE:
    case JSON_FALSE:   return "a boolean";
    case JSON_NULL:    return "null";
    }
    return "a value";
}

/* Copies the JSON string v into *out (NUL bytes from "\u0000" become
 * U+FFFD, counted in *replaced); *out_len gets its length when
 * out_len is not NULL. */
static void take_string(const json_t *v, char **out, size_t *out_len,
                        repair_count *replaced)
{
    *out = valid_utf8_copy(json_string_value(v), json_string_length(v),
                           out_len, replaced);
}

/* Fills *a from the JSON object root: id, body and the optional string
 * fields, then removes them from root and keeps whatever remains as
 * meta_json. Returns 0, or -1 with a reason in err (a is then partly filled;
 * the caller clears it). */
static int article_from_object(json_t *root, article *a, char *err,
                               size_t errlen, repair_count *replaced)
{
    json_t *id = json_object_get(root, "id");
    if (!id || json_is_null(id)) {
        set_reason(err, errlen, "missing \"id\"");
        return -1;
    }
    if (json_is_string(id)) {
        take_string(id, &a->id, NULL, replaced);
    } else if (json_is_integer(id)) {
        char digits[32];
        snprintf(digits, sizeof digits, "%" JSON_INTEGER_FORMAT,
                 json_integer_value(id));
        a->id = xstrdup(digits);
    } else {
        set_reason(err, errlen, "\"id\" must be a string or an integer, not %s",
                   json_type_phrase(id));
        return -1;
    }
    if (a->id[0] == '\0') {
        set_reason(err, errlen, "\"id\" is empty");
        return -1;
    }

    json_t *body = json_object_get(root, "body");
    if (!body || json_is_null(body)) {
        set_reason(err, errlen, "missing \"body\"");
        return -1;
    }
    if (!json_is_string(body)) {
        set_reason(err, errlen, "\"body\" must be a string");
        return -1;
    }
    take_string(body, &a->body, &a->body_len, replaced);
    if (is_blank(a->body, a->body_len)) {
        set_reason(err, errlen, "empty body");
        return -1;
    }

    struct { const char *key; char **slot; } optional[] = {
        { "title", &a->title },   { "url", &a->url },
        { "outlet", &a->outlet }, { "author", &a->author },
        { "published", &a->published }, { "lang", &a->lang },
    };
    for (size_t i = 0; i < sizeof optional / sizeof optional[0]; i++) {
        json_t *v = json_object_get(root, optional[i].key);
        if (!v || json_is_null(v)) continue;
        if (!json_is_string(v)) {
            set_reason(err, errlen, "\"%s\" must be a string", optional[i].key);
            return -1;
        }
        take_string(v, optional[i].slot, NULL, replaced);
    }
    if (!a->title) a->title = xstrdup("");

    json_object_del(root, "id");
    json_object_del(root, "body");
    for (size_t i = 0; i < sizeof optional / sizeof optional[0]; i++)
        json_object_del(root, optional[i].key);
    if (json_object_size(root) > 0) {
        char *meta = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);
        if (!meta) {
            set_reason(err, errlen, "cannot serialise the other fields as meta");
            return -1;
        }
        a->meta_json = xstrdup(meta);
        free(meta);
    }
    return 0;
}

/* input_parse_json_line, also telling how many bytes of invalid UTF-8 (in
 * the line or as "\u0000" in a field) were replaced by U+FFFD. origin is not
 * used; out->origin is left NULL. */
static int parse_json_record(const char *line, size_t len, article *out,
                             char *err, size_t errlen, repair_count *replaced)
{
    *replaced = (repair_count){0, 0};
    size_t bom = bom_length(line, len);
    line += bom;
    len -= bom;

    /* jansson refuses invalid UTF-8 outright, so repair the line first */
    char *repaired_line = NULL;
    if (!utf8_valid(line, len)) {
        repaired_line = valid_utf8_copy(line, len, &len, replaced);
        line = repaired_line;
    }
    json_error_t json_error;
    json_t *root = json_loadb(line, len,
                              JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL | JSON_DECODE_ANY,
                              &json_error);
    free(repaired_line);
    const char *cut = root ? NULL : strstr(json_error.text, " near end of file");
    if (cut) {  /* the end of the line, not of the file: the record is cut short */
        set_reason(err, errlen, "invalid JSON: %.*s at the end of the line (the record is "
                   "cut short)", (int)(cut - json_error.text), json_error.text);
        return -1;
    }
    if (!root) {
        if (json_error.column > 0)
            set_reason(err, errlen, "invalid JSON: %s at column %d",
                       json_error.text, json_error.column);
        else
            set_reason(err, errlen, "invalid JSON: %s", json_error.text);
        return -1;
    }
    if (!json_is_object(root)) {
        set_reason(err, errlen, "expected a JSON object, got %s",
                   json_type_phrase(root));
        json_decref(root);
        return -1;
    }
    json_t *type = json_object_get(root, "type");
    if (json_is_string(type) && strcmp(json_string_value(type), "article") != 0) {
        json_decref(root);          /* a record of another kind: not an article */
        return 1;
    }
    if (type) json_object_del(root, "type");
    article a = {0};
    int rc = article_from_object(root, &a, err, errlen, replaced);
    json_decref(root);
    if (rc != 0) {
        article_clear(&a);
        return -1;
    }
    *out = a;
    return 0;
}

int input_parse_json_line(const char *line, size_t len, const char *origin,
                          article *out, char *err, size_t errlen)
{
    repair_count replaced;
    memset(out, 0, sizeof *out);
    int rc = parse_json_record(line, len, out, err, errlen, &replaced);
    if (rc != 0) return rc;
    out->origin = xstrdup(origin);
    return 0;
}

/* ---- JSON Lines -------------------------------------------------------- */

/* One non-blank JSON line at origin ("file:line"): parsed, checked against
 * the size limit and handed over, or rejected. Returns the callback's value,
 * 0 after a rejection. */
static int read_json_record(reader *r, const char *line, size_t len,
                            const char *origin)
{
    article a = {0};
    char reason[320];
    repair_count replaced;
    int rc = parse_json_record(line, len, &a, reason, sizeof reason, &replaced);
    if (rc == 1) {
        r->stats->other_records++;
        return 0;
    }
    if (rc != 0) {
        reject(r, origin, reason);
        return 0;
    }
    if (a.body_len > r->max_article_bytes) {
        reject_oversize(r, origin, a.id, "body", a.body_len);
        article_clear(&a);
        return 0;
    }
    if (strlen(a.title) > r->max_article_bytes) {
        reject_oversize(r, origin, a.id, "title", strlen(a.title));
        article_clear(&a);
        return 0;
    }
    a.origin = xstrdup(origin);
    return hand_over(r, &a, replaced);
}

/* Reads f as JSON Lines to its end (or until the callback stops it); name
 * is the file name in messages ("-" for standard input), lines_before the
 * lines already taken off f. Returns the callback's stopping value or 0. */
static int read_json_lines(reader *r, FILE *f, const char *name, size_t lines_before)
{
    char *line = NULL;
    size_t line_cap = 0, line_number = lines_before;
    ssize_t got;
    buf origin = {0};
    int stop = 0;

    for (;;) {
        errno = 0;                /* tells a read error from the end */
        if ((got = getline(&line, &line_cap, f)) == -1) break;
        line_number++;
        size_t len = without_line_end(line, (size_t)got);
        size_t bom = bom_length(line, len);
        if (is_blank(line + bom, len - bom)) continue;
        buf_clear(&origin);
        buf_printf(&origin, "%s:%zu", name, line_number);
        if (len > r->max_line_bytes) {
            char reason[160];
            snprintf(reason, sizeof reason,
                     "line is %zu bytes, over the line limit of %zu bytes (%d times "
                     "the article limit); not parsed", len, r->max_line_bytes,
                     JSON_LINE_LIMIT_FACTOR);
            reject(r, origin.data, reason);
            free(line);           /* give the huge buffer back at once */
            line = NULL;
            line_cap = 0;
            continue;
        }
        stop = read_json_record(r, line, len, origin.data);
        if (stop) break;
    }
    if (!stop && ferror(f)) report_io_error(r, name, errno ? errno : EIO);
    free(line);
    buf_free(&origin);
    return stop;
}

/* ---- text and Markdown files ------------------------------------------- */

/* Keeps s[0, len) trimmed of surrounding white space as the title; in
 * Markdown also without its ATX heading marks ("## Title" gives "Title").
 * Returns the offset in s where the title starts. */
static size_t set_title(buf *title, const char *s, size_t len, bool markdown)
{
    size_t start = 0;
    while (start < len && is_space_byte(s[start])) start++;
    if (markdown) {
        size_t hashes = 0;
        while (start + hashes < len && s[start + hashes] == '#') hashes++;
        if (hashes >= 1 && hashes <= 6 &&
            (start + hashes == len || s[start + hashes] == ' ' ||
             s[start + hashes] == '\t')) {
            start += hashes;
            while (start < len && is_space_byte(s[start])) start++;
        }
    }
    while (len > start && is_space_byte(s[len - 1])) len--;
    buf_clear(title);
    buf_append(title, s + start, len - start);
    return start;
}

/* True when s[0, len) is a Markdown setext underline ("=====" or "-----"). */
static bool is_setext_underline(const char *s, size_t len)
{
    len = without_line_end(s, len);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
    if (len == 0 || (s[0] != '=' && s[0] != '-')) return false;
    for (size_t i = 1; i < len; i++)
        if (s[i] != s[0]) return false;
    return true;
}

/* Where reading a file starts when something (sniff_stream) has already
 * taken bytes off its front: whole lines, and characters of the line it
 * stopped in. Keeps the file's own line numbers right. */
typedef struct read_start {
    size_t lines;      /* lines already read */
    size_t columns;    /* characters already read of the next line */
} read_start;

/* Reads the text file f at path as one article: the first non-blank line is
 * the title, the rest (after any blank lines) the body, with CRLF line ends
 * turned into LF. The id and origin are the path. The article keeps the
 * file positions of its title and body (article.h). A body over the limit
 * is counted to its end but not kept. Returns the callback's value, 0 after
 * a rejection or a read error. */
static int read_text_file(reader *r, FILE *f, const char *path, bool markdown,
                          read_start from)
{
    enum { SEEKING_TITLE, SEEKING_BODY, IN_BODY } state = SEEKING_TITLE;
    char *line = NULL;
    size_t line_cap = 0, body_bytes = 0;
    ssize_t got;
    buf title = {0}, body = {0};
    bool first_line = true, after_title = false, too_long = false, title_too_long = false;
    /* a regular file is counted to its end (its size is in the message); a
       stream (a device, a pipe) stops at the limit: it may never end */
    struct stat st;
    bool regular = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
    size_t line_number = from.lines;      /* of the line in hand, 1-based */
    int title_line = 0, title_col = 0, body_line = 0;

    for (;;) {
        errno = 0;                /* tells a read error from the end */
        if ((got = read_line_bounded(f, &line, &line_cap, r->max_article_bytes, &too_long)) == -1)
            break;
        char *text = line;
        size_t len = (size_t)got;
        size_t columns_before = 0;        /* characters of the line not in text */
        line_number++;
        if (first_line) {
            size_t bom = bom_length(text, len);
            text += bom;
            len -= bom;
            first_line = false;
            columns_before = from.columns;
        }
        if (len >= 2 && text[len - 2] == '\r' && text[len - 1] == '\n') {
            text[len - 2] = '\n';
            len--;
        }
        if (state == SEEKING_TITLE) {
            if (is_blank(text, len) && !too_long) continue;
            if (too_long) { title_too_long = true; break; }
            size_t at = set_title(&title, text, len, markdown);
            title_line = (int)line_number;
            title_col = (int)(columns_before + utf8_count(text, at)) + 1;
            state = SEEKING_BODY;
            after_title = true;
            continue;
        }
        if (state == SEEKING_BODY) {
            bool underline = markdown && after_title &&
                             is_setext_underline(text, len);
            after_title = false;
            if (underline || is_blank(text, len)) continue;
            state = IN_BODY;
            body_line = (int)line_number;
        }
        body_bytes += len;
        if (body_bytes <= r->max_article_bytes) buf_append(&body, text, len);
        else if (!regular) break;
    }
    int read_errno = errno;
    int stop = 0;

    if (ferror(f)) {
        report_io_error(r, path, read_errno ? read_errno : EIO);
    } else if (title_too_long) {
        reject_oversize(r, path, path, "title", r->max_article_bytes + 1);
    } else if (state != IN_BODY) {
        reject(r, path, "empty body");
    } else if (body_bytes > r->max_article_bytes) {
        reject_oversize(r, path, path, "body", body_bytes);
    } else {
        article a = {0};
        repair_count replaced = {0, 0};
        a.title = valid_utf8_copy(title.data ? title.data : "", title.len,
                                  NULL, &replaced);
        a.body = valid_utf8_copy(body.data, body.len, &a.body_len, &replaced);
        size_t text_replaced = replaced.bytes;
        a.id = valid_utf8_copy(path, strlen(path), NULL, &replaced);
        a.origin = xstrdup(path);
        if (text_replaced * BINARY_SHARE > title.len + body.len) {
            char reason[160];
            snprintf(reason, sizeof reason, "not UTF-8 text: %zu of %zu bytes are invalid "
                     "(a binary file?)", text_replaced, title.len + body.len);
            reject(r, path, reason);
            article_clear(&a);
        } else if (a.body_len > r->max_article_bytes) {   /* each bad byte became 3 */
            reject_oversize(r, path, path, "body", a.body_len);
            article_clear(&a);
        } else if (strlen(a.title) > r->max_article_bytes) {
            reject_oversize(r, path, path, "title", strlen(a.title));
            article_clear(&a);
        } else {
            a.title_line = title_line;
            a.title_col = title_col;
            a.body_line = body_line;
            stop = hand_over(r, &a, replaced);
        }
    }
    free(line);
    buf_free(&title);
    buf_free(&body);
    return stop;
}

/* ---- files and directories --------------------------------------------- */

/* The kind of a file whose name says nothing: JSON Lines when its first
 * byte opens an object, text otherwise. Leaves f where it was. */
static input_kind sniff_kind(FILE *f)
{
    int c = getc(f);
    if (c != EOF) ungetc(c, f);
    return c == '{' ? KIND_JSON_LINES : KIND_TEXT;
}

/* The kind of a stream that cannot be rewound (standard input): JSON Lines
 * when its first byte that is not white space (after a byte order mark)
 * opens an object, or when it holds nothing else; text otherwise. The
 * white space read on the way is gone; *from says how much of it there was,
 * so that line numbers stay the stream's own. */
static input_kind sniff_stream(FILE *f, read_start *from)
{
    int c = getc(f);
    for (size_t i = 0; c != EOF && i < 3 && (char)c == utf8_bom[i]; i++) c = getc(f);
    while (c != EOF && is_space_byte((char)c)) {
        if (c == '\n') { from->lines++; from->columns = 0; }
        else if (c != '\r') from->columns++;
        c = getc(f);
    }
    if (c == EOF) return KIND_JSON_LINES;
    ungetc(c, f);
    return c == '{' ? KIND_JSON_LINES : KIND_TEXT;
}

/* Opens and reads the file at path as kind (sniffed when unknown). Returns
 * the callback's stopping value or 0. */
static int read_file(reader *r, const char *path, input_kind kind)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        report_io_error(r, path, errno);
        return 0;
    }
    if (kind == KIND_UNKNOWN) kind = sniff_kind(f);
    int stop = kind == KIND_JSON_LINES
             ? read_json_lines(r, f, path, 0)
             : read_text_file(r, f, path, kind == KIND_MARKDOWN, (read_start){0, 0});
    fclose(f);
    return stop;
}

/* qsort comparison of two entry names, byte order. */
static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_directory(reader *r, const char *dir_path);

/* One entry met in a directory walk: a directory is walked, a regular file
 * (or a link to one) with an extension we read is read, anything else is
 * skipped. Links to directories are not followed, so a walk cannot loop. */
static int read_directory_entry(reader *r, const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        report_io_error(r, path, errno);
        return 0;
    }
    if (S_ISDIR(st.st_mode)) return read_directory(r, path);
    input_kind kind = kind_of_name(path);
    if (kind == KIND_UNKNOWN) return 0;
    if (S_ISLNK(st.st_mode) && stat(path, &st) != 0) {
        report_io_error(r, path, errno);
        return 0;
    }
    if (!S_ISREG(st.st_mode)) return 0;
    return read_file(r, path, kind);
}

/* Walks dir_path: its visible entries (names not starting with '.') in
 * strcmp order, recursively. Returns the callback's stopping value or 0. */
static int read_directory(reader *r, const char *dir_path)
{
    DIR *dir = opendir(dir_path);
    if (!dir) {
        report_io_error(r, dir_path, errno);
        return 0;
    }
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *entry;
    for (;;) {
        errno = 0;
        entry = readdir(dir);
        if (!entry) break;
        if (entry->d_name[0] == '.') continue;
        if (count == cap) {
            cap = cap ? 2 * cap : 16;
            names = xrealloc(names, cap * sizeof *names);
        }
        names[count++] = xstrdup(entry->d_name);
    }
    if (errno != 0) report_io_error(r, dir_path, errno);
    closedir(dir);

    if (count > 1) qsort(names, count, sizeof *names, compare_names);
    int stop = 0;
    for (size_t i = 0; i < count; i++) {
        if (!stop) {
            char *child = join_path(dir_path, names[i]);
            stop = read_directory_entry(r, child);
            free(child);
        }
        free(names[i]);
    }
    free(names);
    return stop;
}

int input_read_path(const char *path, const input_options *opt,
                    input_article_fn fn, void *ctx, input_stats *stats)
{
    input_stats scratch_stats = {0};
    reader r = {
        .max_article_bytes = opt && opt->max_article_bytes
                           ? opt->max_article_bytes
                           : INPUT_DEFAULT_MAX_ARTICLE_BYTES,
        .diag  = opt && opt->diag ? opt->diag : stderr,
        .fn    = fn,
        .ctx   = ctx,
        .stats = stats ? stats : &scratch_stats,
    };
    r.max_line_bytes = r.max_article_bytes <= SIZE_MAX / JSON_LINE_LIMIT_FACTOR
                     ? r.max_article_bytes * JSON_LINE_LIMIT_FACTOR
                     : SIZE_MAX;

    if (strcmp(path, "-") == 0) {
        read_start from = {0, 0};
        if (sniff_stream(stdin, &from) == KIND_JSON_LINES)
            return read_json_lines(&r, stdin, "-", from.lines);
        return read_text_file(&r, stdin, "-", false, from);
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        report_io_error(&r, path, errno);
        return 0;
    }
    if (S_ISDIR(st.st_mode)) return read_directory(&r, path);
    return read_file(&r, path, kind_of_name(path));
}
