/*
 * input.h — reads articles from the places an analyst points at: JSON Lines
 * files (.jsonl, .ndjson, .json: one object per line), plain text and
 * Markdown files (.txt, .md: the first non-empty line is the title, the rest
 * the body, the id is the path as given), directories (walked recursively in
 * sorted order for those files), and "-" (standard input: JSON Lines when
 * its first byte that is not white space is '{', else one text article
 * with the id "-").
 *
 * JSON is parsed with jansson. Fields: "id" (string or integer, required),
 * "body" (string, required), "title", "url", "outlet", "author",
 * "published", "lang" (strings, optional; null counts as absent); every
 * other field is kept as meta_json (a compact JSON object, keys sorted).
 * Blank lines are skipped; CRLF line ends and a UTF-8 byte order mark are
 * accepted. A record with a duplicate key, an empty or white-space-only
 * body, or an empty id is refused. JSON Lines are read line by line in
 * constant memory; a line longer than 6 times max_article_bytes (room for JSON
 * escapes) is refused unparsed.
 *
 * The limit (max_article_bytes) bounds bodies and titles. Text files are
 * read a bounded line at a time: a line longer than the limit (an endless
 * stream such as /dev/zero) is cut and the article refused; a stream that
 * is not a regular file stops being read once its body passes the limit.
 *
 * Text files: the article keeps the file line and column of its title and
 * the file line where its body starts (article.h; on standard input, the
 * stream's lines). The title is trimmed of white space (and, in .md, of leading
 * "#" heading marks; a setext "====" underline is dropped); blank lines
 * before the body are dropped; CRLF becomes LF in the body; the rest is kept
 * byte for byte. A text file of which more than a quarter of the title and
 * body bytes are not UTF-8 is refused as binary ("not UTF-8 text: N of M
 * bytes are invalid (a binary file?)"); fewer bad bytes are repaired.
 *
 * Walks: entries whose name starts with '.' are skipped, as are files of
 * other extensions (matched case-insensitively), non-regular files and links
 * to directories (so a walk cannot loop); ids join the directory as given
 * and the name with one '/'. A file named explicitly with no known extension
 * is read as JSON Lines when its first byte is '{', else as text.
 *
 * Bad input never stops the read. One line each on the diag stream:
 *   ORIGIN: REASON                          a refused record or file
 *   ORIGIN: article ID is N bytes, over the limit of M bytes
 *   ORIGIN: article ID has a title of N bytes, over the limit of M bytes
 *   warning: ORIGIN: article ID: invalid UTF-8 repaired (N bytes replaced)
 *   warning: ORIGIN: article ID: N NUL bytes replaced with U+FFFD
 *   warning: ORIGIN: article ID: invalid UTF-8 and NUL bytes repaired
 *            (N bytes replaced, M of them NUL)
 *   PATH: strerror text                     an unreadable path (io_errors)
 * ORIGIN is "file:line" ("-:line" for stdin) or the text file's path;
 * control characters in names are written escaped (\n, \xNN). Invalid UTF-8
 * and NUL bytes (raw, or "\u0000" in JSON) become U+FFFD; the warning counts
 * the bytes replaced ("1 byte replaced" in the singular) and is given only
 * for articles handed over.
 */
#ifndef SPINDLE_INPUT_H
#define SPINDLE_INPUT_H

#include <stddef.h>
#include <stdio.h>
#include "article.h"

#define INPUT_DEFAULT_MAX_ARTICLE_BYTES (8u * 1024u * 1024u)

typedef struct input_options {
    size_t max_article_bytes;  /* a larger body is rejected; 0 = default */
    FILE  *diag;               /* where warnings and rejections go; NULL = stderr */
} input_options;

typedef struct input_stats {
    size_t articles;   /* handed to the callback */
    size_t rejected;   /* lines or files rejected */
    size_t repaired;   /* articles whose UTF-8 was repaired */
    size_t io_errors;  /* unreadable files or directories */
    size_t other_records; /* JSON records whose "type" is not "article" */
} input_stats;

/* Called once per article read, with every field set as article.h says
 * (origin "file:line" or the path, body_len, title "" when absent). The
 * callback takes ownership of *a (it must call article_clear when done).
 * Return 0 to go on, non-zero to stop the read (input_read_path then returns
 * that value). */
typedef int (*input_article_fn)(void *ctx, article *a);

/* Reads every article at path ("-" = stdin) and hands each to
 * fn. Returns 0 when the read finished (even with rejections or an
 * unreadable path; see stats), or the callback's non-zero value when it
 * stopped the read. Stats accumulate across calls. opt may be NULL
 * (defaults), stats NULL (not kept), fn NULL (articles counted and freed).
 * Standard input is read but not closed. */
int input_read_path(const char *path, const input_options *opt,
                    input_article_fn fn, void *ctx, input_stats *stats);

/* Turns one JSON Lines record line[0, len) (no line end needed) into an
 * article (used by the reader and by tests); out is overwritten and
 * out->origin gets a copy of origin. Invalid UTF-8 is repaired silently (the
 * reader is what warns); the size limit is not checked here. Returns 0 on
 * success, or -1 with *out zeroed and a reason in err (when errlen > 0),
 * e.g. "invalid JSON: invalid token near 'x' at column 7" (column in
 * characters), "missing \"body\"", "\"title\" must be a string",
 * "\"id\" must be a string or an integer, not a number", "empty body".
 * Returns 1 (nothing else set) for a record whose "type" field is a string
 * other than "article": Spindle's own finding records, sample expectations
 * and the like are not articles and are skipped without complaint; a
 * "type": "article" field is dropped from meta. */
int input_parse_json_line(const char *line, size_t len, const char *origin,
                          article *out, char *err, size_t errlen);

#endif
