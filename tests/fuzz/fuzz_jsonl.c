/*
 * fuzz_jsonl.c — the input reader on any bytes: each line through
 * input_parse_json_line, then the whole input as a file through
 * input_read_path (JSON Lines when it starts with '{', else a text file)
 * with a small --max-bytes. Every article handed over must have a
 * non-empty id, valid UTF-8 everywhere, body_len == strlen(body) and a body
 * and title within the limit.
 */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "fuzz.h"
#include "input.h"
#include "utf8.h"

#define FUZZ_MAX_BYTES 4096

static void check_article(const article *a, size_t limit)
{
    fuzz_check(a->id && a->id[0]);
    fuzz_check(a->body && a->title);
    fuzz_check(a->body_len == strlen(a->body));
    fuzz_check(a->body_len > 0);
    fuzz_check(utf8_valid(a->id, strlen(a->id)));
    fuzz_check(utf8_valid(a->title, strlen(a->title)));
    fuzz_check(utf8_valid(a->body, a->body_len));
    if (limit) {
        fuzz_check(a->body_len <= limit);
        fuzz_check(strlen(a->title) <= limit);
    }
    if (a->meta_json) fuzz_check(a->meta_json[0] == '{');
}

static int take_article(void *ctx, article *a)
{
    (void)ctx;
    check_article(a, FUZZ_MAX_BYTES);
    article_clear(a);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int fd = -1;
    static FILE *diag;
    static char path[64];
    if (fd < 0) {
        fd = memfd_create("fuzz-input", 0);
        fuzz_check(fd >= 0);
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        diag = fopen("/dev/null", "w");
        fuzz_check(diag != NULL);
    }

    const char *text = (const char *)data;
    for (size_t start = 0; start < size;) {
        const char *nl = memchr(text + start, '\n', size - start);
        size_t end = nl ? (size_t)(nl - text) : size;
        article a;
        char err[256];
        if (input_parse_json_line(text + start, end - start, "fuzz:1", &a, err, sizeof err) == 0) {
            check_article(&a, 0);
            article_clear(&a);
        }
        start = end + 1;
    }

    fuzz_check(ftruncate(fd, 0) == 0);
    fuzz_check(pwrite(fd, data, size, 0) == (ssize_t)size);
    input_options opt = { .max_article_bytes = FUZZ_MAX_BYTES, .diag = diag };
    input_stats stats = {0};
    fuzz_check(input_read_path(path, &opt, take_article, NULL, &stats) == 0);
    return 0;
}
