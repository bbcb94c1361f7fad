/*
 * rx.c — the engine's PCRE2 layer: compiles patterns (UTF + UCP, JIT when
 * the platform allows), keeps them in a per-engine cache keyed by pattern
 * bytes and compile options, and matches them under match and depth limits
 * with one reusable match block, so that matching never allocates.
 *
 * Nothing here is global: every piece of mutable state (the hash table, the
 * match context, the JIT stack, the match data) hangs off an rx_cache, and a
 * cache is used by one thread at a time.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rx.h"

#include <pcre2.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>
#include "rx_starts.h"
#include "util.h"

/* Options every pattern is compiled with. \C is refused because in UTF mode
 * it can end a match inside a character, and callers resume matching at
 * match ends with PCRE2_NO_UTF_CHECK. */
#define RX_BASE_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C)

/* JIT stack: starts small, may grow to this size (pcre2jit suggests that
 * 512 KiB to 1 MiB is enough for any pattern). */
#define RX_JIT_STACK_START (32u * 1024u)
#define RX_JIT_STACK_MAX   (1024u * 1024u)

#define RX_INITIAL_BUCKETS 64u

/* The flag letters, in the order rx_pattern_flags lists them. */
static const struct {
    char     letter;
    uint32_t option;
} rx_flag_table[] = {
    { 'i', PCRE2_CASELESS  },
    { 'm', PCRE2_MULTILINE },
    { 's', PCRE2_DOTALL    },
    { 'x', PCRE2_EXTENDED  },
    { 'U', PCRE2_UNGREEDY  },
};
#define RX_FLAG_COUNT (sizeof rx_flag_table / sizeof rx_flag_table[0])

struct rx_pattern {
    rx_pattern *next;           /* next pattern in the same hash bucket */
    uint64_t    hash;           /* of source bytes and flag options */
    char       *source;         /* the pattern text, NUL-terminated copy */
    size_t      source_len;     /* its length in bytes (may hold NULs) */
    uint32_t    flag_options;   /* PCRE2 options chosen by the flags */
    char        flags[RX_FLAG_COUNT + 1]; /* canonical flag letters */
    pcre2_code *code;           /* compiled (and maybe JIT-compiled) */
    int         capture_count;  /* number of capture groups */
    char      **capture_names;  /* [capture_count + 1]; NULL = unnamed */
    rx_starts  *starts;         /* where a match can begin; NULL = anywhere */
    pcre2_code *anchored;       /* the pattern compiled anchored, with starts */
    bool        anchored_jit;   /* and JIT-compiled: matched by pcre2_jit_match */
    bool        starts_given;   /* rx_set_starts was called */
    char       *variant;        /* what else the cache key holds: the start
                                   words declared with the pattern ("" none) */
    size_t      variant_len;
};

struct rx_cache {
    rx_pattern         **buckets;       /* hash table of chains */
    size_t               bucket_count;  /* a power of two */
    size_t               pattern_count; /* patterns held */
    size_t               pattern_bytes; /* their compiled code, JIT code and sources */
    size_t               quota_patterns, quota_bytes; /* rx_cache_set_quota */
    size_t               added_patterns, added_bytes; /* compiled since */
    pcre2_match_context *match_context; /* match and depth limits, JIT stack */
    pcre2_jit_stack     *jit_stack;     /* NULL when none could be made */
    pcre2_match_data    *match_data;    /* shared by every match */
    uint32_t             match_pairs;   /* ovector pairs match_data holds */
    bool                 use_jit;       /* false when SPINDLE_RX_NO_JIT is set */
    bool                 use_starts;    /* false when SPINDLE_RX_NO_STARTS is set */
};

/* Prints one line and exits, the engine's policy when memory runs out
 * (see util.h). */
static void rx_out_of_memory(const char *what)
{
    fprintf(stderr, "spindle: out of memory (creating %s)\n", what);
    exit(1);
}

/* Creates match data with room for pairs ovector pairs; exits when out of
 * memory. */
static pcre2_match_data *rx_match_data_new(uint32_t pairs)
{
    pcre2_match_data *md = pcre2_match_data_create(pairs, NULL);
    if (!md) rx_out_of_memory("PCRE2 match data");
    return md;
}

rx_cache *rx_cache_new(uint32_t match_limit, uint32_t depth_limit)
{
    rx_cache *c = xcalloc(1, sizeof *c);
    c->quota_patterns = c->quota_bytes = SIZE_MAX;
    c->bucket_count = RX_INITIAL_BUCKETS;
    c->buckets = xcalloc(c->bucket_count, sizeof *c->buckets);

    c->match_context = pcre2_match_context_create(NULL);
    if (!c->match_context) rx_out_of_memory("PCRE2 match context");
    pcre2_set_match_limit(c->match_context, match_limit);
    pcre2_set_depth_limit(c->match_context, depth_limit);

    /* Without its own stack the JIT uses 32 KiB of the machine stack,
     * which is still correct, only more often too small. */
    c->jit_stack = pcre2_jit_stack_create(RX_JIT_STACK_START,
                                          RX_JIT_STACK_MAX, NULL);
    if (c->jit_stack)
        pcre2_jit_stack_assign(c->match_context, NULL, c->jit_stack);

    c->match_pairs = 10;
    c->match_data = rx_match_data_new(c->match_pairs);

    /* valgrind reports false positives inside JIT code (its SIMD scans
     * read whole aligned blocks past a subject), so the JIT is off under
     * valgrind (whose preloaded library is in LD_PRELOAD) and when
     * SPINDLE_RX_NO_JIT is set. */
    const char *no_jit = getenv("SPINDLE_RX_NO_JIT");
    const char *preload = getenv("LD_PRELOAD");
    c->use_jit = !(no_jit && *no_jit && strcmp(no_jit, "0") != 0) &&
                 !(preload && strstr(preload, "vgpreload"));
    /* Another, to compare the start-word prefilter with plain matching. */
    const char *no_starts = getenv("SPINDLE_RX_NO_STARTS");
    c->use_starts = !(no_starts && *no_starts && strcmp(no_starts, "0") != 0);
    return c;
}

/* Frees one pattern and everything it owns. */
static void rx_pattern_free(rx_pattern *p)
{
    if (p->capture_names) {
        for (int i = 0; i <= p->capture_count; i++)
            free(p->capture_names[i]);
        free(p->capture_names);
    }
    pcre2_code_free(p->code);
    pcre2_code_free(p->anchored);
    rx_starts_free(p->starts);
    free(p->source);
    free(p->variant);
    free(p);
}

void rx_cache_set_quota(rx_cache *c, size_t patterns, size_t bytes)
{
    c->quota_patterns = patterns;
    c->quota_bytes = bytes;
    c->added_patterns = c->added_bytes = 0;
}

void rx_cache_added(const rx_cache *c, size_t *patterns, size_t *bytes)
{
    *patterns = c->added_patterns;
    *bytes = c->added_bytes;
}

void rx_cache_free(rx_cache *c)
{
    if (!c) return;
    for (size_t b = 0; b < c->bucket_count; b++) {
        rx_pattern *p = c->buckets[b];
        while (p) {
            rx_pattern *next = p->next;
            rx_pattern_free(p);
            p = next;
        }
    }
    free(c->buckets);
    pcre2_match_data_free(c->match_data);
    pcre2_jit_stack_free(c->jit_stack);
    pcre2_match_context_free(c->match_context);
    free(c);
}

/* Writes a formatted message into err[0, errlen) when there is room for
 * one; err may be NULL. */
static void rx_set_error(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void rx_set_error(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || errlen == 0) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* Turns flag letters into PCRE2 options. Returns false, with a message in
 * err, on a letter that is not a flag. */
static bool rx_parse_flags(const char *flags, uint32_t *options,
                           char *err, size_t errlen)
{
    *options = 0;
    for (const char *f = flags; f && *f; f++) {
        size_t i = 0;
        while (i < RX_FLAG_COUNT && rx_flag_table[i].letter != *f) i++;
        if (i == RX_FLAG_COUNT) {
            if ((unsigned char)*f >= 0x20 && (unsigned char)*f < 0x7f)
                rx_set_error(err, errlen,
                             "unknown flag '%c' (flags are i, m, s, x, U)", *f);
            else
                rx_set_error(err, errlen,
                             "unknown flag byte 0x%02x (flags are i, m, s, x, U)",
                             (unsigned char)*f);
            return false;
        }
        *options |= rx_flag_table[i].option;
    }
    return true;
}

/* Writes the canonical letters for options into out (RX_FLAG_COUNT + 1
 * bytes), so that "mi" and "im" name one cached pattern. */
static void rx_flags_string(uint32_t options, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < RX_FLAG_COUNT; i++)
        if (options & rx_flag_table[i].option) out[n++] = rx_flag_table[i].letter;
    out[n] = '\0';
}

static uint64_t rx_key_hash(const char *pattern, size_t len, uint32_t options,
                            const char *variant, size_t variant_len)
{
    return XXH3_64bits_withSeed(variant, variant_len,
                                XXH3_64bits_withSeed(pattern, len, options));
}

/* The cached pattern for (pattern, options, variant), or NULL. */
static rx_pattern *rx_cache_lookup(const rx_cache *c, const char *pattern,
                                   size_t len, uint32_t options, const char *variant,
                                   size_t variant_len, uint64_t hash)
{
    for (rx_pattern *p = c->buckets[hash & (c->bucket_count - 1)]; p; p = p->next)
        if (p->hash == hash && p->flag_options == options &&
            p->source_len == len && memcmp(p->source, pattern, len) == 0 &&
            p->variant_len == variant_len && memcmp(p->variant, variant, variant_len) == 0)
            return p;
    return NULL;
}

/* Doubles the bucket array and rehashes every chain into it. */
static void rx_cache_grow(rx_cache *c)
{
    size_t count = c->bucket_count * 2;
    rx_pattern **buckets = xcalloc(count, sizeof *buckets);
    for (size_t b = 0; b < c->bucket_count; b++) {
        rx_pattern *p = c->buckets[b];
        while (p) {
            rx_pattern *next = p->next;
            size_t slot = p->hash & (count - 1);
            p->next = buckets[slot];
            buckets[slot] = p;
            p = next;
        }
    }
    free(c->buckets);
    c->buckets = buckets;
    c->bucket_count = count;
}

/* Adds p to the table, growing it to keep chains short. */
static void rx_cache_insert(rx_cache *c, rx_pattern *p)
{
    if (c->pattern_count >= c->bucket_count) rx_cache_grow(c);
    size_t slot = p->hash & (c->bucket_count - 1);
    p->next = c->buckets[slot];
    c->buckets[slot] = p;
    c->pattern_count++;
}

/* Reads the group count and the name table of a compiled pattern into p.
 * Name table entries are a 2-byte big-endian group number followed by the
 * NUL-terminated name. */
static void rx_read_captures(rx_pattern *p)
{
    uint32_t captures = 0, name_count = 0, entry_size = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(p->code, PCRE2_INFO_CAPTURECOUNT, &captures);
    pcre2_pattern_info(p->code, PCRE2_INFO_NAMECOUNT, &name_count);
    p->capture_count = (int)captures;
    if (name_count == 0) return;

    pcre2_pattern_info(p->code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(p->code, PCRE2_INFO_NAMETABLE, &table);
    p->capture_names = xcalloc(captures + 1, sizeof *p->capture_names);
    for (uint32_t i = 0; i < name_count; i++) {
        PCRE2_SPTR entry = table + (size_t)i * entry_size;
        uint32_t group = ((uint32_t)entry[0] << 8) | entry[1];
        if (group <= captures && !p->capture_names[group])
            p->capture_names[group] = xstrdup((const char *)entry + 2);
    }
}

/* rx_compile for the cache entry keyed also by variant. */
static rx_pattern *rx_compile_variant(rx_cache *c, const char *pattern, size_t len,
                                      const char *flags, const char *variant,
                                      size_t variant_len, char *err, size_t errlen)
{
    uint32_t options;
    if (!rx_parse_flags(flags, &options, err, errlen)) return NULL;

    uint64_t hash = rx_key_hash(pattern, len, options, variant, variant_len);
    rx_pattern *p = rx_cache_lookup(c, pattern, len, options, variant, variant_len, hash);
    if (p) return p;

    int error_code;
    PCRE2_SIZE error_offset;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, len,
                                     RX_BASE_OPTIONS | options,
                                     &error_code, &error_offset, NULL);
    if (!code) {
        char message[256];
        rx_error_message(error_code, message, sizeof message);
        rx_set_error(err, errlen, "%s at offset %zu", message,
                     (size_t)error_offset);
        return NULL;
    }
    /* A pattern the JIT cannot handle still runs in the interpreter. */
    if (c->use_jit) (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    uint32_t groups = 0;
    size_t code_size = 0, jit_size = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
    pcre2_pattern_info(code, PCRE2_INFO_SIZE, &code_size);
    pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &jit_size);
    size_t bytes = code_size + jit_size + len;
    bool over_quota = c->added_patterns >= c->quota_patterns ||
                      c->added_bytes + bytes > c->quota_bytes;
    if (groups > RX_MAX_GROUPS || over_quota || c->pattern_count >= RX_MAX_PATTERNS ||
        c->pattern_bytes + bytes > RX_MAX_BYTES) {
        pcre2_code_free(code);
        if (groups > RX_MAX_GROUPS)
            rx_set_error(err, errlen, "%u capture groups, more than %u", groups, RX_MAX_GROUPS);
        else if (over_quota)
            rx_set_error(err, errlen, "this rule has used up its share of the pattern cache: "
                         "compile patterns once, at the top of the rule file, not for each "
                         "article");
        else
            rx_set_error(err, errlen, "the pattern cache is full (%zu patterns, %zu MiB; at most "
                         "%u and %u MiB): compile patterns once, at the top of the rule file, "
                         "not for each article", c->pattern_count, c->pattern_bytes >> 20,
                         RX_MAX_PATTERNS, (unsigned)(RX_MAX_BYTES >> 20));
        return NULL;
    }
    c->pattern_bytes += bytes;
    c->added_patterns++;
    c->added_bytes += bytes;

    p = xcalloc(1, sizeof *p);
    p->hash = hash;
    p->source = xstrndup(pattern, len);
    p->source_len = len;
    p->variant = xmalloc(variant_len + 1);
    memcpy(p->variant, variant, variant_len);
    p->variant[variant_len] = '\0';
    p->variant_len = variant_len;
    p->flag_options = options;
    rx_flags_string(options, p->flags);
    p->code = code;
    rx_read_captures(p);

    /* Keep one match block big enough for every pattern in the cache, so
     * that matching never allocates. */
    uint32_t pairs = (uint32_t)p->capture_count + 1;
    if (pairs > c->match_pairs) {
        pcre2_match_data_free(c->match_data);
        c->match_data = rx_match_data_new(pairs);
        c->match_pairs = pairs;
    }
    rx_cache_insert(c, p);
    return p;
}

rx_pattern *rx_compile(rx_cache *c, const char *pattern, size_t len,
                       const char *flags, char *err, size_t errlen)
{
    return rx_compile_variant(c, pattern, len, flags, "", 0, err, errlen);
}

/* Declares the start words of a pattern just compiled for them. */
static bool rx_set_starts(rx_cache *c, rx_pattern *p, const char *const *words,
                          const size_t *lens, size_t n, bool boundary)
{
    if (p->starts_given) return p->starts != NULL;
    p->starts_given = true;
    if (!c->use_starts || n == 0) return false;
    rx_starts *starts = rx_starts_new();
    for (size_t i = 0; i < n; i++) {
        if (!rx_starts_add(starts, words[i], lens[i])) {
            rx_starts_free(starts);
            return false;
        }
    }
    if (boundary) rx_starts_boundary(starts);
    /* Anchoring at match time would leave the JIT for the interpreter, so
     * the anchored form is a pattern of its own. */
    int error_code;
    PCRE2_SIZE error_offset;
    pcre2_code *anchored = pcre2_compile((PCRE2_SPTR)p->source, p->source_len,
                                         RX_BASE_OPTIONS | p->flag_options | PCRE2_ANCHORED,
                                         &error_code, &error_offset, NULL);
    if (!anchored) {
        rx_starts_free(starts);
        return false;
    }
    if (c->use_jit) p->anchored_jit = pcre2_jit_compile(anchored, PCRE2_JIT_COMPLETE) == 0;
    p->starts = starts;
    p->anchored = anchored;
    return true;
}

rx_pattern *rx_compile_starts(rx_cache *c, const char *pattern, size_t len, const char *flags,
                              const char *const *words, const size_t *lens, size_t n,
                              bool boundary, char *err, size_t errlen)
{
    /* the key: the boundary flag, then each word with its length */
    buf key = {0};
    buf_putc(&key, boundary ? 'b' : '-');
    for (size_t i = 0; i < n; i++) {
        buf_printf(&key, "%zu:", lens[i]);
        buf_append(&key, words[i], lens[i]);
    }
    rx_pattern *p = rx_compile_variant(c, pattern, len, flags, key.data, key.len, err, errlen);
    buf_free(&key);
    if (p && !p->starts_given) rx_set_starts(c, p, words, lens, n, boundary);
    return p;
}

bool rx_has_starts(const rx_pattern *p)
{
    return p->starts != NULL;
}

int rx_capture_count(const rx_pattern *p)
{
    return p->capture_count;
}

const char *rx_capture_name(const rx_pattern *p, int n)
{
    if (!p->capture_names || n < 0 || n > p->capture_count) return NULL;
    return p->capture_names[n];
}

int rx_match(rx_cache *c, const rx_pattern *p, const char *subject,
             size_t len, size_t start, size_t *ovector)
{
    int rc;
    if (p->starts && start <= len) {
        /* The first place a match can begin where one does begin: the
         * match an unanchored search from start finds. */
        size_t at = start;
        do {
            at = rx_starts_next(p->starts, subject, len, at);
            if (at == RX_STARTS_NONE) return 0;
            /* the JIT's own entry skips the checks pcre2_match makes
             * every time, which cost more than a failed try here */
            rc = p->anchored_jit
               ? pcre2_jit_match(p->anchored, (PCRE2_SPTR)subject, len, at,
                                 PCRE2_NO_UTF_CHECK, c->match_data, c->match_context)
               : pcre2_match(p->anchored, (PCRE2_SPTR)subject, len, at,
                             PCRE2_NO_UTF_CHECK, c->match_data, c->match_context);
            at++;
        } while (rc == PCRE2_ERROR_NOMATCH);
    } else {
        rc = pcre2_match(p->code, (PCRE2_SPTR)subject, len, start,
                         PCRE2_NO_UTF_CHECK, c->match_data, c->match_context);
    }
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    if (rc < 0) return rc;

    /* rc is one more than the highest group that was set; groups above it
     * did not take part, and the match data may hold stale offsets for
     * them from a pattern with more groups. */
    int pairs = p->capture_count + 1;
    const PCRE2_SIZE *found = pcre2_get_ovector_pointer(c->match_data);
    for (int i = 0; i < pairs; i++) {
        bool set = i < rc && found[2 * i] != PCRE2_UNSET;
        ovector[2 * i]     = set ? found[2 * i]     : (size_t)-1;
        ovector[2 * i + 1] = set ? found[2 * i + 1] : (size_t)-1;
    }
    return pairs;
}

const char *rx_error_message(int code, char *out, size_t outlen)
{
    if (!out || outlen == 0) return "";
    /* A too-small buffer gets a truncated message; an unknown code none. */
    if (pcre2_get_error_message(code, (PCRE2_UCHAR *)out, outlen)
        == PCRE2_ERROR_BADDATA)
        snprintf(out, outlen, "PCRE2 error %d", code);
    return out;
}

const char *rx_pattern_source(const rx_pattern *p)
{
    return p->source;
}

const char *rx_pattern_flags(const rx_pattern *p)
{
    return p->flags;
}
