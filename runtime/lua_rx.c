/*
 * lua_rx.c — the Lua face of the regex layer: spindle.re(pattern [, flags])
 * and the "spindle.Regex" userdata with test, find, match and gmatch.
 *
 * A Regex userdata holds only a pointer to a pattern owned by the engine's
 * rx_cache, so collecting it frees nothing. Positions given to and returned
 * from Lua are byte offsets, 0-based, end exclusive, in the subject's own
 * coordinates (a span table's `start` shifts them to body offsets).
 *
 * Subjects come from rule code and may be any byte string, while rx_match
 * trusts its subject to be valid UTF-8; so every subject is validated here
 * (once per call, once per gmatch loop) before PCRE2 sees it.
 */
#include "lua_rx.h"

#include <lauxlib.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define REGEX_METATABLE "spindle.Regex"

/* Patterns with up to this many groups match into a buffer on the C stack;
 * larger ones borrow a temporary Lua userdata. */
#define LOCAL_PAIRS 32

/* Patterns longer than this are shortened in error messages. */
#define PATTERN_DISPLAY_MAX 80

#define UNSET ((size_t)-1)

typedef struct regex_handle {
    rx_cache         *cache;    /* owner of pattern; outlives the state */
    const rx_pattern *pattern;  /* NULL before compiling and once closed */
} regex_handle;

/* A subject being matched: text plus the offset of text[0] in the caller's
 * coordinates (0 for a string, the span's start for a span table). */
typedef struct rx_subject {
    const char *text;   /* valid UTF-8, kept alive by a stack slot */
    size_t      len;
    lua_Integer base;
} rx_subject;

/* The Regex metatable is also kept in the registry under the address of
 * this byte, which finds it without making the key string on every call. */
static const char regex_metatable_key = 0;

/* The Regex at argument 1; raises as luaL_checkudata if it is not one. */
static regex_handle *check_regex(lua_State *L)
{
    regex_handle *h = lua_touserdata(L, 1);
    if (h && lua_getmetatable(L, 1)) {
        lua_rawgetp(L, LUA_REGISTRYINDEX, &regex_metatable_key);
        bool is_regex = lua_rawequal(L, -1, -2);
        lua_pop(L, 2);
        if (is_regex) return h;
    }
    return luaL_checkudata(L, 1, REGEX_METATABLE);
}

/* The Regex at argument 1; raises if it is not one or has been closed. */
static regex_handle *check_live_regex(lua_State *L)
{
    regex_handle *h = check_regex(L);
    if (!h->pattern) luaL_error(L, "spindle.re: attempt to use a closed regex");
    return h;
}

/* Writes into buf a printable form of the pattern source for messages:
 * the source itself, or its first bytes (cut at a character boundary)
 * followed by "..." when it is longer than buflen allows. */
static const char *pattern_display(const char *source, char *buf, size_t buflen)
{
    size_t len = strlen(source);
    if (len < buflen) return source;
    size_t keep = buflen - 4;
    while (keep > 0 && ((unsigned char)source[keep] & 0xC0) == 0x80) keep--;
    memcpy(buf, source, keep);
    memcpy(buf + keep, "...", 4);
    return buf;
}

/* Offset of the first byte of s[0, len) that does not begin a valid UTF-8
 * character (overlong forms, surrogates and code points above U+10FFFF are
 * invalid, as PCRE2 sees them), or len when the whole text is valid. */
static size_t utf8_invalid_offset(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        /* Most text is ASCII: skip it eight bytes at a time. */
        while (len - i >= 8) {
            uint64_t word;
            memcpy(&word, s + i, sizeof word);
            if (word & UINT64_C(0x8080808080808080)) break;
            i += 8;
        }
        if (i >= len) break;
        unsigned char lead = s[i];
        if (lead < 0x80) { i++; continue; }

        size_t tail;
        uint32_t code;
        if (lead >= 0xC2 && lead <= 0xDF)      { tail = 1; code = lead & 0x1F; }
        else if (lead >= 0xE0 && lead <= 0xEF) { tail = 2; code = lead & 0x0F; }
        else if (lead >= 0xF0 && lead <= 0xF4) { tail = 3; code = lead & 0x07; }
        else return i;
        if (len - i <= tail) return i;
        for (size_t k = 1; k <= tail; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            code = (code << 6) | (s[i + k] & 0x3F);
        }
        if ((tail == 2 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
            (tail == 3 && (code < 0x10000 || code > 0x10FFFF)))
            return i;
        i += tail + 1;
    }
    return len;
}

/* Length in bytes of the UTF-8 character that starts at text[pos] (pos <
 * len, text valid), never reaching past len. */
static size_t utf8_char_length(const char *text, size_t len, size_t pos)
{
    unsigned char lead = (unsigned char)text[pos];
    size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return n < len - pos ? n : len - pos;
}

/* Long subjects already checked are remembered, so a rule that calls
 * re:find(doc.body, init) in a loop pays for the UTF-8 check once, not once
 * per call. The set is a registry table keyed by the strings themselves
 * (Lua compares a long string with itself by pointer first); it is emptied
 * when it grows past SUBJECT_MEMORY_SIZE entries, so memory stays bounded. */
static const char subject_memory_key = 0;   /* the set's registry key is its address */
#define SUBJECT_MEMORY_MIN  256   /* shorter subjects are cheaper to recheck */
#define SUBJECT_MEMORY_SIZE 64

/* [-0, +0, m] True when the string on top of the stack is in the set. */
static bool subject_known_valid(lua_State *L)
{
    size_t len;
    lua_tolstring(L, -1, &len);
    if (len < SUBJECT_MEMORY_MIN) return false;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &subject_memory_key) != LUA_TTABLE) {
        lua_pop(L, 1);
        return false;
    }
    lua_pushvalue(L, -2);
    bool known = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 2);
    return known;
}

/* [-0, +0, m] Adds the (valid) string on top of the stack to the set. */
static void subject_remember_valid(lua_State *L)
{
    size_t len;
    lua_tolstring(L, -1, &len);
    if (len < SUBJECT_MEMORY_MIN) return;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &subject_memory_key) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_createtable(L, 0, SUBJECT_MEMORY_SIZE);
        lua_pushinteger(L, 0);
        lua_setfield(L, -2, "#");
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &subject_memory_key);
    }
    lua_getfield(L, -1, "#");
    lua_Integer count = lua_tointeger(L, -1) + 1;
    lua_pop(L, 1);
    if (count > SUBJECT_MEMORY_SIZE) {           /* start over: a fresh set */
        lua_pop(L, 1);
        lua_createtable(L, 0, SUBJECT_MEMORY_SIZE);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &subject_memory_key);
        count = 1;
    }
    lua_pushinteger(L, count);
    lua_setfield(L, -2, "#");
    lua_pushvalue(L, -2);
    lua_pushboolean(L, 1);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

/* [-1, +1, m] A slice of valid text that cut a character at either end
 * (text:sub(a, b) on byte positions) is matched without the cut pieces: up
 * to three continuation bytes at the start and an unfinished character at
 * the end are dropped, base moves past the dropped start so positions stay
 * in the subject's coordinates, and the trimmed string replaces the text on
 * top of the stack. Returns false (changing nothing) when the text is
 * invalid anywhere else. */
static bool subject_trim_cut_characters(lua_State *L, rx_subject *s)
{
    const unsigned char *t = (const unsigned char *)s->text;
    size_t start = 0, end = s->len;
    while (start < end && start < 3 && (t[start] & 0xC0) == 0x80) start++;
    for (size_t back = 1; back <= 3 && back <= end - start; back++) {
        unsigned char c = t[end - back];
        if ((c & 0xC0) == 0x80) continue;           /* keep looking for the lead */
        size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (want > back) end -= back;                /* the lead's character is cut */
        break;
    }
    if (utf8_invalid_offset(s->text + start, end - start) < end - start) return false;
    lua_pushlstring(L, s->text + start, end - start);
    lua_replace(L, -2);
    s->text = lua_tolstring(L, -1, &s->len);
    s->base += (lua_Integer)start;
    return true;
}

/* [-0, +1, v] Reads argument arg as a subject: a string, or a span (a table,
 * or a userdata with __index) with a string field `text` and an optional
 * non-negative integer field `start` (default 0). Pushes the subject's text
 * string, which keeps s->text alive while it stays on the stack. Raises an
 * argument error for anything else, and for text that is not valid UTF-8. */
static void subject_check(lua_State *L, int arg, rx_subject *s)
{
    int type = lua_type(L, arg);
    if (type == LUA_TSTRING) {
        lua_pushvalue(L, arg);
        s->base = 0;
    } else {
        luaL_argexpected(L, type == LUA_TTABLE || type == LUA_TUSERDATA, arg,
                         "string or span table");
        s->base = 0;
        if (lua_getfield(L, arg, "start") != LUA_TNIL) {
            int is_integer;
            s->base = lua_tointegerx(L, -1, &is_integer);
            luaL_argcheck(L, is_integer && s->base >= 0, arg,
                          "span field 'start' must be a non-negative integer");
        }
        lua_pop(L, 1);
        luaL_argcheck(L, lua_getfield(L, arg, "text") == LUA_TSTRING, arg,
                      "span field 'text' must be a string");
    }
    s->text = lua_tolstring(L, -1, &s->len);
    luaL_argcheck(L, (lua_Unsigned)s->base <= (lua_Unsigned)LUA_MAXINTEGER - s->len,
                  arg, "span field 'start' is too large");

    if (subject_known_valid(L)) return;
    size_t bad = utf8_invalid_offset(s->text, s->len);
    if (bad < s->len && !subject_trim_cut_characters(L, s))
        luaL_argerror(L, arg, lua_pushfstring(L,
                      "subject is not valid UTF-8: bad byte at offset %I",
                      (lua_Integer)(s->base + (lua_Integer)bad)));
    subject_remember_valid(L);
}

/* [-0, +0, v] Reads optional argument arg, the position to start matching,
 * in the subject's coordinates (default: the subject's start). Negative is
 * an error; a position before the subject starts at its start, one past its
 * end at its end, and one inside a character at the next character.
 * Returns the offset into s->text. */
static size_t subject_init(lua_State *L, int arg, const rx_subject *s)
{
    lua_Integer init = luaL_optinteger(L, arg, s->base);
    luaL_argcheck(L, init >= 0, arg, "init must not be negative");
    lua_Integer offset = init - s->base;  /* both >= 0: cannot overflow */
    size_t pos = offset <= 0 ? 0
               : (lua_Unsigned)offset > s->len ? s->len : (size_t)offset;
    while (pos < s->len && ((unsigned char)s->text[pos] & 0xC0) == 0x80) pos++;
    return pos;
}

/* [-0, +(0|1), m] Returns a buffer of 2 * (captures + 1) offsets for
 * matching p: local_pairs (LOCAL_PAIRS pairs) when big enough, otherwise a
 * new userdata pushed on the stack (collected with it). */
static size_t *ovector_for(lua_State *L, const rx_pattern *p, size_t *local_pairs)
{
    size_t pairs = (size_t)rx_capture_count(p) + 1;
    if (pairs <= LOCAL_PAIRS) return local_pairs;
    return lua_newuserdatauv(L, 2 * pairs * sizeof(size_t), 0);
}

/* [-0, +0, v] Matches h's pattern against s from offset pos into ovector.
 * Returns the number of pairs (captures + 1) on a match, 0 on none; a
 * matching error (match or depth limit exceeded, ...) raises
 * "spindle.re: <reason> in '<pattern>'". */
static int regex_exec(lua_State *L, const regex_handle *h, const rx_subject *s,
                      size_t pos, size_t *ovector)
{
    int rc = rx_match(h->cache, h->pattern, s->text, s->len, pos, ovector);
    if (rc < 0) {
        char reason[128], shown[PATTERN_DISPLAY_MAX];
        luaL_error(L, "spindle.re: %s in '%s'",
                   rx_error_message(rc, reason, sizeof reason),
                   pattern_display(rx_pattern_source(h->pattern), shown,
                                   sizeof shown));
    }
    return rc;
}

/* [-0, +1, m] Pushes the text of group n of a match, or false when the
 * group did not take part. */
static void push_capture(lua_State *L, const rx_subject *s, const size_t *ovector,
                         int n)
{
    size_t start = ovector[2 * n], stop = ovector[2 * n + 1];
    if (start == UNSET) {
        lua_pushboolean(L, 0);
        return;
    }
    /* \K inside a lookahead can leave stop before start. */
    lua_pushlstring(L, s->text + start, stop > start ? stop - start : 0);
}

/* [-0, +1, m] Pushes the span table {start =, stop =} of group n in the
 * subject's coordinates, or false when the group did not take part. */
static void push_capture_span(lua_State *L, const rx_subject *s,
                              const size_t *ovector, int n)
{
    if (ovector[2 * n] == UNSET) {
        lua_pushboolean(L, 0);
        return;
    }
    lua_createtable(L, 0, 2);
    lua_pushinteger(L, s->base + (lua_Integer)ovector[2 * n]);
    lua_setfield(L, -2, "start");
    lua_pushinteger(L, s->base + (lua_Integer)ovector[2 * n + 1]);
    lua_setfield(L, -2, "stop");
}

/* Field names of a Match that a named group cannot take over. */
static bool match_field_reserved(const char *name)
{
    return strcmp(name, "start") == 0 || strcmp(name, "stop") == 0 ||
           strcmp(name, "text") == 0 || strcmp(name, "spans") == 0;
}

/* [-0, +1, m] Pushes the Match table for a successful match of p (see
 * lua_rx.h). With duplicate group names ((?J)), [name] is the text of the
 * group of that name that took part, or false when none did. */
static void push_match(lua_State *L, const rx_pattern *p, const rx_subject *s,
                       const size_t *ovector)
{
    int captures = rx_capture_count(p);
    luaL_checkstack(L, 4, "spindle.re: no stack space for a match");
    lua_createtable(L, captures, 4);
    lua_pushinteger(L, s->base + (lua_Integer)ovector[0]);
    lua_setfield(L, -2, "start");
    lua_pushinteger(L, s->base + (lua_Integer)ovector[1]);
    lua_setfield(L, -2, "stop");
    push_capture(L, s, ovector, 0);
    lua_setfield(L, -2, "text");

    for (int n = 1; n <= captures; n++) {
        push_capture(L, s, ovector, n);
        lua_rawseti(L, -2, n);
    }

    lua_createtable(L, captures, 0);
    for (int n = 1; n <= captures; n++) {
        push_capture_span(L, s, ovector, n);
        lua_rawseti(L, -2, n);
    }
    lua_setfield(L, -2, "spans");

    for (int n = 1; n <= captures; n++) {
        const char *name = rx_capture_name(p, n);
        if (!name || match_field_reserved(name)) continue;
        bool took_part = ovector[2 * n] != UNSET;
        int current = lua_getfield(L, -1, name);
        lua_pop(L, 1);
        if (took_part ? current != LUA_TSTRING : current == LUA_TNIL) {
            push_capture(L, s, ovector, n);
            lua_setfield(L, -2, name);
        }
    }
}

/* Start words read at once on the C stack; more go through the heap. */
#define LOCAL_STARTS 64

/* [-0, +0, e] Compiles (or finds) pattern with flags and the start words
 * in the array of strings at argument arg, with its field `boundary` (true:
 * no letter or digit comes right before a match); see rx_compile_starts.
 * Raises an argument error for an entry that is not a string; returns
 * NULL with reason set for a bad pattern. */
static rx_pattern *compile_with_starts(lua_State *L, int arg, rx_cache *cache,
                                       const char *pattern, size_t len, const char *flags,
                                       char *reason, size_t reason_len)
{
    int top = lua_gettop(L);
    lua_Integer n = luaL_len(L, arg);
    const char *local_words[LOCAL_STARTS];
    size_t local_lens[LOCAL_STARTS];
    const char **words = local_words;
    size_t *lens = local_lens;
    if (n > LOCAL_STARTS) {
        words = lua_newuserdatauv(L, (size_t)n * sizeof *words, 0);
        lens = lua_newuserdatauv(L, (size_t)n * sizeof *lens, 0);
    }
    luaL_checkstack(L, (int)(n > 0 ? n : 0), "spindle.re: too many start words");
    for (lua_Integer i = 1; i <= n; i++) {
        luaL_argcheck(L, lua_geti(L, arg, i) == LUA_TSTRING, arg,
                      "start words must be strings");
        words[i - 1] = lua_tolstring(L, -1, &lens[i - 1]);
    }
    lua_getfield(L, arg, "boundary");
    bool boundary = lua_toboolean(L, -1);
    rx_pattern *p = rx_compile_starts(cache, pattern, len, flags, words, lens,
                                      (size_t)(n > 0 ? n : 0), boundary, reason, reason_len);
    lua_settop(L, top);
    return p;
}

/* [-0, +1, e] spindle.re(pattern [, flags [, starts]]) -> Regex. Compiles
 * (or fetches from the engine's cache) pattern with flags; a bad pattern or
 * flag raises "spindle.re: <reason> in pattern '<pattern>'". starts, an
 * array of strings with an optional field boundary, declares the words
 * every match begins with (see rx_compile_starts). Upvalue 1: the rx_cache. */
static int l_rx_new(lua_State *L)
{
    size_t len;
    const char *pattern = luaL_checklstring(L, 1, &len);
    const char *flags = luaL_optstring(L, 2, "");
    lua_settop(L, 3);  /* an absent starts reads as nil */
    if (!lua_isnil(L, 3)) luaL_checktype(L, 3, LUA_TTABLE);

    /* The userdata exists, empty, before the pattern is acquired. */
    regex_handle *h = lua_newuserdatauv(L, sizeof *h, 0);
    h->cache = NULL;
    h->pattern = NULL;
    luaL_setmetatable(L, REGEX_METATABLE);

    rx_cache *cache = lua_touserdata(L, lua_upvalueindex(1));
    char reason[256];
    rx_pattern *p = lua_istable(L, 3)
        ? compile_with_starts(L, 3, cache, pattern, len, flags, reason, sizeof reason)
        : rx_compile(cache, pattern, len, flags, reason, sizeof reason);
    if (!p) {
        char shown[PATTERN_DISPLAY_MAX];
        return luaL_error(L, "spindle.re: %s in pattern '%s'", reason,
                          pattern_display(pattern, shown, sizeof shown));
    }
    h->cache = cache;
    h->pattern = p;
    return 1;
}

/* [-0, +1, e] re:test(subject [, init]) -> boolean: whether the pattern
 * matches the subject at or after init. */
static int l_rx_test(lua_State *L)
{
    lua_settop(L, 3);  /* an absent init reads as nil */
    const regex_handle *h = check_live_regex(L);
    rx_subject s;
    subject_check(L, 2, &s);
    size_t pos = subject_init(L, 3, &s);
    size_t local[2 * LOCAL_PAIRS];
    size_t *ovector = ovector_for(L, h->pattern, local);
    lua_pushboolean(L, regex_exec(L, h, &s, pos, ovector) > 0);
    return 1;
}

/* [-0, +(1|2+n), e] re:find(subject [, init]) -> start, stop, cap1, ...,
 * capn | nil. Positions in the subject's coordinates; a group that did not
 * take part gives false. */
static int l_rx_find(lua_State *L)
{
    lua_settop(L, 3);  /* an absent init reads as nil */
    const regex_handle *h = check_live_regex(L);
    rx_subject s;
    subject_check(L, 2, &s);
    size_t pos = subject_init(L, 3, &s);
    size_t local[2 * LOCAL_PAIRS];
    size_t *ovector = ovector_for(L, h->pattern, local);
    if (regex_exec(L, h, &s, pos, ovector) == 0) {
        lua_pushnil(L);
        return 1;
    }
    int captures = rx_capture_count(h->pattern);
    luaL_checkstack(L, captures + 2, "spindle.re: too many captures");
    lua_pushinteger(L, s.base + (lua_Integer)ovector[0]);
    lua_pushinteger(L, s.base + (lua_Integer)ovector[1]);
    for (int n = 1; n <= captures; n++)
        push_capture(L, &s, ovector, n);
    return captures + 2;
}

/* [-0, +1, e] re:match(subject [, init]) -> Match | nil. */
static int l_rx_match(lua_State *L)
{
    lua_settop(L, 3);  /* an absent init reads as nil */
    const regex_handle *h = check_live_regex(L);
    rx_subject s;
    subject_check(L, 2, &s);
    size_t pos = subject_init(L, 3, &s);
    size_t local[2 * LOCAL_PAIRS];
    size_t *ovector = ovector_for(L, h->pattern, local);
    if (regex_exec(L, h, &s, pos, ovector) == 0)
        lua_pushnil(L);
    else
        push_match(L, h->pattern, &s, ovector);
    return 1;
}

/* Upvalues of a gmatch iterator. */
enum {
    GMATCH_REGEX = 1,  /* the Regex userdata (keeps the handle alive) */
    GMATCH_TEXT,       /* the subject text string */
    GMATCH_BASE,       /* the subject's base offset */
    GMATCH_POS         /* next offset to search from; > #text when done */
};

/* [-0, +1, e] The iterator re:gmatch returns: the next Match, or nil when
 * there are no more. After an empty match the search resumes one character
 * further on, so every call makes progress. */
static int l_rx_gmatch_next(lua_State *L)
{
    const regex_handle *h = lua_touserdata(L, lua_upvalueindex(GMATCH_REGEX));
    if (!h->pattern) return luaL_error(L, "spindle.re: attempt to use a closed regex");
    rx_subject s;
    s.text = lua_tolstring(L, lua_upvalueindex(GMATCH_TEXT), &s.len);
    s.base = lua_tointeger(L, lua_upvalueindex(GMATCH_BASE));
    lua_Integer pos = lua_tointeger(L, lua_upvalueindex(GMATCH_POS));
    if (pos < 0 || (lua_Unsigned)pos > s.len) {
        lua_pushnil(L);
        return 1;
    }

    size_t local[2 * LOCAL_PAIRS];
    size_t *ovector = ovector_for(L, h->pattern, local);
    size_t next;
    bool found = regex_exec(L, h, &s, (size_t)pos, ovector) > 0;
    if (!found)
        next = s.len + 1;
    else if (ovector[1] > ovector[0])
        next = ovector[1];
    else  /* empty: step over one character */
        next = ovector[0] < s.len
             ? ovector[0] + utf8_char_length(s.text, s.len, ovector[0])
             : s.len + 1;
    lua_pushinteger(L, (lua_Integer)next);
    lua_replace(L, lua_upvalueindex(GMATCH_POS));

    if (!found) {
        lua_pushnil(L);
        return 1;
    }
    push_match(L, h->pattern, &s, ovector);
    return 1;
}

/* [-0, +1, e] re:gmatch(subject [, init]) -> iterator over the Match tables
 * of successive non-overlapping matches, for use in a generic for. */
static int l_rx_gmatch(lua_State *L)
{
    lua_settop(L, 3);  /* an absent init reads as nil */
    check_live_regex(L);
    rx_subject s;
    subject_check(L, 2, &s);             /* pushes the text string */
    size_t pos = subject_init(L, 3, &s);
    int text_index = lua_gettop(L);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, text_index);
    lua_pushinteger(L, s.base);
    lua_pushinteger(L, (lua_Integer)pos);
    lua_pushcclosure(L, l_rx_gmatch_next, 4);
    return 1;
}

/* [-0, +1, m] tostring(re) -> "spindle.re(/pattern/flags)". */
static int l_rx_tostring(lua_State *L)
{
    const regex_handle *h = check_regex(L);
    if (h->pattern)
        lua_pushfstring(L, "spindle.re(/%s/%s)", rx_pattern_source(h->pattern),
                        rx_pattern_flags(h->pattern));
    else
        lua_pushliteral(L, "spindle.re(closed)");
    return 1;
}

/* [-0, +0, -] __gc and __close: forgets the pattern (the cache owns it).
 * Safe to run more than once; later method calls raise an error. */
static int l_rx_close(lua_State *L)
{
    regex_handle *h = check_regex(L);
    h->pattern = NULL;
    h->cache = NULL;
    return 0;
}

static const luaL_Reg regex_methods[] = {
    { "test",   l_rx_test   },
    { "find",   l_rx_find   },
    { "match",  l_rx_match  },
    { "gmatch", l_rx_gmatch },
    { NULL, NULL }
};

static const luaL_Reg regex_metamethods[] = {
    { "__index",    NULL },   /* set to the method table below */
    { "__gc",       l_rx_close },
    { "__close",    l_rx_close },
    { "__tostring", l_rx_tostring },
    { NULL, NULL }
};

void lua_rx_push_constructor(lua_State *L, rx_cache *cache)
{
    luaL_checkstack(L, 3, "spindle.re: no stack space");
    if (luaL_newmetatable(L, REGEX_METATABLE)) {
        luaL_setfuncs(L, regex_metamethods, 0);
        luaL_newlib(L, regex_methods);
        lua_setfield(L, -2, "__index");
        /* Rules share this metatable: getmetatable(re) must not hand it
         * to one rule to change under another. */
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &regex_metatable_key);
    }
    lua_pop(L, 1);
    lua_pushlightuserdata(L, cache);
    lua_pushcclosure(L, l_rx_new, 1);
}
