/*
 * fuzz_needs.c — the needs index against its contract (needs.h): for
 * words it accepts, a scan tells the same as the caseless PCRE2 pattern of
 * the words. Input: the words, one per line, up to the first NUL byte (or
 * the first line when there is none), then the text. Words are tidied as
 * the rule loader does (runs of spaces become one, trimmed, blank and
 * invalid UTF-8 dropped) and go to 4 owners in turn; the text is repaired
 * to valid UTF-8. For each owner, the index's answer must equal whether
 * its pattern (each space as \s+, ASCII punctuation escaped) matches.
 */
#include <string.h>
#include "fuzz.h"
#include "needs.h"
#include "rx.h"
#include "utf8.h"
#include "util.h"

#define FUZZ_OWNERS 4
#define FUZZ_MAX_WORDS 64

/* Appends word to owner's pattern as the rule loader writes a literal. */
static void pattern_add(buf *pattern, const char *word)
{
    if (pattern->len) buf_putc(pattern, '|');
    for (const char *p = word; *p; p++) {
        if (*p == ' ') buf_puts(pattern, "\\s+");
        else if ((unsigned char)*p < 0x80 && !((*p >= '0' && *p <= '9') ||
                 (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
            buf_putc(pattern, '\\');
            buf_putc(pattern, *p);
        } else {
            buf_putc(pattern, *p);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static rx_cache *rx;
    if (!rx) rx = rx_cache_new(0, 0);
    const char *in = (const char *)data;
    const char *split = memchr(in, '\0', size);
    if (!split) split = memchr(in, '\n', size);
    size_t words_len = split ? (size_t)(split - in) : size;
    size_t text_at = split ? words_len + 1 : size;

    needs_index *x = needs_index_new(FUZZ_OWNERS);
    buf patterns[FUZZ_OWNERS] = {{0}};
    size_t n_words = 0;
    for (size_t start = 0; start < words_len && n_words < FUZZ_MAX_WORDS;) {
        const char *nl = memchr(in + start, '\n', words_len - start);
        size_t end = nl ? (size_t)(nl - in) : words_len;
        buf w = {0};
        for (size_t i = start; i < end; i++)
            if (in[i] != ' ' || (w.len && w.data[w.len - 1] != ' ')) buf_putc(&w, in[i]);
        while (w.len && w.data[w.len - 1] == ' ') w.data[--w.len] = '\0';
        start = end + 1;
        if (w.len == 0 || memchr(w.data, '\0', w.len) || !utf8_valid(w.data, w.len) ||
            !needs_word_indexable(rx, w.data)) {
            buf_free(&w);
            continue;
        }
        size_t owner = n_words++ % FUZZ_OWNERS;
        needs_index_add(x, w.data, owner);
        pattern_add(&patterns[owner], w.data);
        buf_free(&w);
    }
    needs_index_compile(x);
    fuzz_check(needs_index_empty(x) == (n_words == 0));

    size_t text_len = 0, repaired = 0;
    char *text = utf8_repair(in + text_at, size - text_at, &text_len, &repaired);
    bool hit[FUZZ_OWNERS] = {false};
    needs_index_scan(x, text, text_len, hit);
    for (size_t o = 0; o < FUZZ_OWNERS; o++) {
        if (patterns[o].len == 0) { fuzz_check(!hit[o]); continue; }
        char err[256];
        const rx_pattern *p = rx_compile(rx, patterns[o].data, patterns[o].len, "i", err, sizeof err);
        fuzz_check(p != NULL);
        size_t ovector[2 * 1];
        int rc = rx_match(rx, p, text, text_len, 0, ovector);
        if (rc < 0) continue;   /* a match limit: no answer to compare */
        if ((rc > 0) != hit[o]) {
            fprintf(stderr, "owner %zu: pattern /%s/i %s the text, the index says %s\n", o,
                    patterns[o].data, rc > 0 ? "matches" : "does not match",
                    hit[o] ? "hit" : "no hit");
            fuzz_check((rc > 0) == hit[o]);
        }
    }
    free(text);
    for (size_t o = 0; o < FUZZ_OWNERS; o++) buf_free(&patterns[o]);
    needs_index_free(x);
    return 0;
}
