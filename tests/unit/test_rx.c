/*
 * test_rx.c — unit tests for the regex layer: rx.c (compiling, caching,
 * flags, captures, UTF-8 behaviour, limits) and lua_rx.c (spindle.re as a
 * rule author uses it, run in a bare Lua state).
 */
#include "rx.h"
#include "lua_rx.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

#define UNSET ((size_t)-1)

/* Compiles a NUL-terminated pattern; err gets the message on failure. */
static rx_pattern *compile(rx_cache *c, const char *pattern, const char *flags,
                           char *err, size_t errlen)
{
    return rx_compile(c, pattern, strlen(pattern), flags, err, errlen);
}

/* Matches pattern (compiled with flags) against subject from offset 0 and
 * returns rx_match's result; ov receives the offsets (room for 16 pairs). */
static int match(rx_cache *c, const char *pattern, const char *flags,
                 const char *subject, size_t *ov)
{
    char err[256];
    rx_pattern *p = compile(c, pattern, flags, err, sizeof err);
    if (!p) {
        fprintf(stderr, "unexpected compile error for '%s': %s\n", pattern, err);
        return -1000;
    }
    return rx_match(c, p, subject, strlen(subject), 0, ov);
}

static void test_cache(void)
{
    rx_cache *c = rx_cache_new(RX_DEFAULT_MATCH_LIMIT, RX_DEFAULT_DEPTH_LIMIT);
    char err[256] = "";
    rx_pattern *p1 = compile(c, "ab+c", NULL, err, sizeof err);
    rx_pattern *p2 = compile(c, "ab+c", "", err, sizeof err);
    rx_pattern *p3 = compile(c, "ab+c", "i", err, sizeof err);
    rx_pattern *p4 = compile(c, "ab+c", "mi", err, sizeof err);
    rx_pattern *p5 = compile(c, "ab+c", "im", err, sizeof err);
    CHECK(p1 != NULL);
    CHECK(p1 == p2);                  /* NULL flags and "" are the same */
    CHECK(p3 != NULL && p3 != p1);    /* other flags, other pattern */
    CHECK(p4 != NULL && p4 == p5);    /* flag order does not matter */
    CHECK_STR(rx_pattern_source(p1), "ab+c");
    CHECK_STR(rx_pattern_flags(p1), "");
    CHECK_STR(rx_pattern_flags(p4), "im");
    CHECK_STR(rx_pattern_flags(compile(c, "x", "UxsmiU", err, sizeof err)),
              "imsxU");

    /* Enough patterns to rehash the table several times; each is still
     * found at the same address afterwards. */
    rx_pattern *many[300];
    char text[32];
    for (int i = 0; i < 300; i++) {
        snprintf(text, sizeof text, "w%d\\b", i);
        many[i] = compile(c, text, NULL, err, sizeof err);
    }
    int same = 0;
    for (int i = 0; i < 300; i++) {
        snprintf(text, sizeof text, "w%d\\b", i);
        same += compile(c, text, NULL, err, sizeof err) == many[i];
    }
    CHECK_INT(same, 300);
    CHECK(p1 == compile(c, "ab+c", NULL, err, sizeof err));

    /* Patterns are compared by bytes, embedded NULs included. */
    rx_pattern *with_nul = rx_compile(c, "a\0b", 3, NULL, err, sizeof err);
    rx_pattern *without = rx_compile(c, "a\0c", 3, NULL, err, sizeof err);
    CHECK(with_nul != NULL && without != NULL && with_nul != without);
    size_t ov[4];
    CHECK_INT(rx_match(c, with_nul, "xa\0b", 4, 0, ov), 1);
    CHECK_INT(ov[0], 1);
    rx_cache_free(c);
    rx_cache_free(NULL);
}

static void test_errors(void)
{
    rx_cache *c = rx_cache_new(RX_DEFAULT_MATCH_LIMIT, RX_DEFAULT_DEPTH_LIMIT);
    char err[256] = "";
    CHECK(compile(c, "a(b", NULL, err, sizeof err) == NULL);
    CHECK_STR(err, "missing closing parenthesis at offset 3");
    CHECK(compile(c, "x{2,1}", NULL, err, sizeof err) == NULL);
    CHECK_STR(err, "numbers out of order in {} quantifier at offset 5");
    CHECK(compile(c, "abc", "iq", err, sizeof err) == NULL);
    CHECK(strncmp(err, "unknown flag 'q'", 16) == 0);
    CHECK(compile(c, "abc", "I", err, sizeof err) == NULL);
    CHECK(strncmp(err, "unknown flag 'I'", 16) == 0);
    /* \C could end a match inside a character: refused. */
    CHECK(compile(c, "a\\Cb", NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "at offset 3") != NULL);
    /* A short error buffer is truncated, not overrun; none at all is fine. */
    char tiny[8];
    CHECK(compile(c, "(", NULL, tiny, sizeof tiny) == NULL);
    CHECK_INT(strlen(tiny), 7);
    CHECK(compile(c, "(", NULL, NULL, 0) == NULL);
    /* A failed compile leaves nothing in the cache to find. */
    CHECK(compile(c, "a(b", NULL, err, sizeof err) == NULL);

    char msg[64];
    CHECK_STR(rx_error_message(-47 /* PCRE2_ERROR_MATCHLIMIT */, msg, sizeof msg),
              "match limit exceeded");
    CHECK_STR(rx_error_message(12345, msg, sizeof msg), "PCRE2 error 12345");
    rx_cache_free(c);
}

static void test_flags(void)
{
    rx_cache *c = rx_cache_new(RX_DEFAULT_MATCH_LIMIT, RX_DEFAULT_DEPTH_LIMIT);
    size_t ov[32];
    CHECK_INT(match(c, "abc", "", "xABC", ov), 0);
    CHECK_INT(match(c, "abc", "i", "xABC", ov), 1);
    CHECK_INT(ov[0], 1);
    CHECK_INT(match(c, "^b", "", "a\nb", ov), 0);
    CHECK_INT(match(c, "^b", "m", "a\nb", ov), 1);
    CHECK_INT(ov[0], 2);
    CHECK_INT(match(c, "a.b", "", "a\nb", ov), 0);
    CHECK_INT(match(c, "a.b", "s", "a\nb", ov), 1);
    CHECK_INT(match(c, "a b  c # letters", "", "abc", ov), 0);
    CHECK_INT(match(c, "a b  c # letters", "x", "abc", ov), 1);
    CHECK_INT(match(c, "a+", "", "aaa", ov), 1);
    CHECK_INT(ov[1], 3);
    CHECK_INT(match(c, "a+", "U", "aaa", ov), 1);
    CHECK_INT(ov[1], 1);
    rx_cache_free(c);
}

static void test_captures(void)
{
    rx_cache *c = rx_cache_new(RX_DEFAULT_MATCH_LIMIT, RX_DEFAULT_DEPTH_LIMIT);
    char err[256];
    size_t ov[32];

    CHECK_INT(match(c, "(a)|(b)", "", "xb", ov), 3);
    CHECK(ov[2] == UNSET && ov[3] == UNSET);
    CHECK_INT(ov[4], 1);
    CHECK_INT(ov[5], 2);
    /* A trailing group that did not take part is unset too. */
    CHECK_INT(match(c, "(a)(x)?", "", "a", ov), 3);
    CHECK(ov[4] == UNSET && ov[5] == UNSET);
    CHECK_INT(match(c, "abc", "", "xyz", ov), 0);

    rx_pattern *date = compile(c, "(?<year>\\d{4})-(\\d\\d)-(?<day>\\d\\d)",
                               NULL, err, sizeof err);
    CHECK_INT(rx_capture_count(date), 3);
    CHECK_STR(rx_capture_name(date, 1), "year");
    CHECK(rx_capture_name(date, 2) == NULL);
    CHECK_STR(rx_capture_name(date, 3), "day");
    CHECK(rx_capture_name(date, 0) == NULL && rx_capture_name(date, 4) == NULL);
    const char *subject = "on 2024-03-15.";
    CHECK_INT(rx_match(c, date, subject, strlen(subject), 0, ov), 4);
    CHECK_INT(ov[2], 3);
    CHECK_INT(ov[7], 13);

    /* Start offsets: the match is found at or after start. */
    rx_pattern *word = compile(c, "\\bfox\\b", NULL, err, sizeof err);
    const char *foxes = "fox and fox";
    CHECK_INT(rx_match(c, word, foxes, strlen(foxes), 1, ov), 1);
    CHECK_INT(ov[0], 8);
    CHECK_INT(rx_match(c, word, foxes, strlen(foxes), 9, ov), 0);

    /* A pattern with more groups than the shared match block held: the
     * block grows at compile time, and earlier patterns still work. */
    char many[256] = "";
    for (int i = 0; i < 40; i++) strcat(many, "(.)");
    rx_pattern *wide = compile(c, many, NULL, err, sizeof err);
    CHECK_INT(rx_capture_count(wide), 40);
    size_t wide_ov[2 * 41];
    const char *letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";
    CHECK_INT(rx_match(c, wide, letters, strlen(letters), 0, wide_ov), 41);
    CHECK_INT(wide_ov[80], 39);
    CHECK_INT(rx_match(c, date, subject, strlen(subject), 0, ov), 4);
    CHECK_INT(ov[4], 8);  /* group 2 starts at "03": no stale offsets */
    rx_cache_free(c);
}

static void test_utf8(void)
{
    rx_cache *c = rx_cache_new(RX_DEFAULT_MATCH_LIMIT, RX_DEFAULT_DEPTH_LIMIT);
    size_t ov[32];
    /* UCP: \w knows letters beyond ASCII; offsets are in bytes. */
    CHECK_INT(match(c, "\\w+", "", "café au lait", ov), 1);
    CHECK_INT(ov[0], 0);
    CHECK_INT(ov[1], 5);
    CHECK_INT(match(c, "^\\w$", "", "é", ov), 1);
    CHECK_INT(match(c, "ß", "", "Grüße", ov), 1);
    CHECK_INT(ov[0], 4);
    CHECK_INT(ov[1], 6);
    /* UTF: "." is one character, not one byte. */
    CHECK_INT(match(c, "^.$", "", "€", ov), 1);
    CHECK_INT(match(c, "É", "i", "café", ov), 1);
    CHECK_INT(ov[0], 3);
    CHECK_INT(match(c, "\\bRs\\b", "", "₹ Rs 3,000", ov), 1);
    CHECK_INT(ov[0], 4);
    rx_cache_free(c);
}

static void test_limits(void)
{
    const char *aaa = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";
    char err[256], msg[128];
    size_t ov[8];

    rx_cache *c = rx_cache_new(10000, RX_DEFAULT_DEPTH_LIMIT);
    rx_pattern *bomb = compile(c, "(a+)+$", NULL, err, sizeof err);
    int rc = rx_match(c, bomb, aaa, strlen(aaa), 0, ov);
    CHECK(rc < 0);
    CHECK_STR(rx_error_message(rc, msg, sizeof msg), "match limit exceeded");
    /* The cache stays usable after a failed match. */
    rx_pattern *plain = compile(c, "a!", NULL, err, sizeof err);
    CHECK_INT(rx_match(c, plain, aaa, strlen(aaa), 0, ov), 1);
    CHECK_INT(ov[0], 35);
    /* The same limit holds without the JIT. */
    rx_pattern *slow = compile(c, "(*NO_JIT)(a+)+$", NULL, err, sizeof err);
    rc = rx_match(c, slow, aaa, strlen(aaa), 0, ov);
    CHECK_STR(rx_error_message(rc, msg, sizeof msg), "match limit exceeded");
    rx_cache_free(c);

    /* The depth limit applies to the interpreter (the JIT ignores it). */
    c = rx_cache_new(RX_DEFAULT_MATCH_LIMIT, 10);
    rx_pattern *deep = compile(c, "(*NO_JIT)(a|b)+c", NULL, err, sizeof err);
    const char *abab = "ababababababababababababababababc";
    rc = rx_match(c, deep, abab, strlen(abab), 0, ov);
    CHECK(rc < 0);
    CHECK_STR(rx_error_message(rc, msg, sizeof msg),
              "matching depth limit exceeded");
    rx_cache_free(c);
}

/* ---- Lua ---------------------------------------------------------------- */

static char lua_result[1024];

/* Runs chunk (named "=rule.lua", so errors read "rule.lua:LINE: ...") and
 * returns its first result converted with tostring, or "error: <message>"
 * when it raises. The text lives in a static buffer until the next call. */
static const char *lua_run(lua_State *L, const char *chunk)
{
    int top = lua_gettop(L);
    int rc = luaL_loadbuffer(L, chunk, strlen(chunk), "=rule.lua");
    if (rc == LUA_OK) rc = lua_pcall(L, 0, 1, 0);
    if (rc == LUA_OK) {
        const char *text = luaL_tolstring(L, -1, NULL);
        snprintf(lua_result, sizeof lua_result, "%s", text);
    } else {
        snprintf(lua_result, sizeof lua_result, "error: %s", lua_tostring(L, -1));
    }
    lua_settop(L, top);
    return lua_result;
}

/* A bare state with spindle.re (and a global re) bound to cache. */
static lua_State *lua_with_re(rx_cache *cache)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    lua_rx_push_constructor(L, cache);
    lua_pushvalue(L, -1);
    lua_setglobal(L, "re");
    lua_createtable(L, 0, 1);
    lua_insert(L, -2);
    lua_setfield(L, -2, "re");
    lua_setglobal(L, "spindle");
    return L;
}

static void test_lua_find(lua_State *L)
{
    CHECK_STR(lua_run(L, "return select('#', re('a'))"), "1");
    CHECK_STR(lua_run(L, "local s, e = re('b+'):find('abbbc') return s .. ' ' .. e"),
              "1 4");
    CHECK_STR(lua_run(L, "return re('zz'):find('abc')"), "nil");
    CHECK_STR(lua_run(L,
        "local s, e, a, b = re('(\\\\d+)-(\\\\d+)'):find('call 555-1234')\n"
        "return table.concat({s, e, a, b}, ' ')"), "5 13 555 1234");
    CHECK_STR(lua_run(L,
        "local s, e, a, b = re('(a)|(b)'):find('b') return tostring(a) .. ' ' .. b"),
        "false b");
    /* Span subjects: positions are body offsets, init included. */
    CHECK_STR(lua_run(L,
        "local span = {text = 'hello world', start = 100}\n"
        "local s, e = re('world'):find(span) return s .. ' ' .. e"), "106 111");
    CHECK_STR(lua_run(L,
        "local span = {text = 'hello world', start = 100}\n"
        "return (re('o'):find(span, 105))"), "107");
    CHECK_STR(lua_run(L,
        "return (re('o'):find({text = 'hello world', start = 100}, 3))"), "104");
    CHECK_STR(lua_run(L, "return (re('o'):find('hello world', 5))"), "7");
    /* init past the end clamps to the end; inside a character, to the next. */
    CHECK_STR(lua_run(L, "local s, e = re('$'):find('abc', 99) return s .. ' ' .. e"),
              "3 3");
    CHECK_STR(lua_run(L, "return (re('.'):find('éa', 1))"), "2");
    CHECK_STR(lua_run(L, "local s, e = re('\\\\w+'):find('café au lait') return s .. ' ' .. e"),
              "0 5");
    CHECK_STR(lua_run(L, "return spindle.re('abc', 'i'):test('xABC')"), "true");
    CHECK_STR(lua_run(L, "return re('abc'):test('xABC')"), "false");
    CHECK_STR(lua_run(L, "return re('c$'):test({text = 'abc', start = 7}, 9)"), "true");
}

static void test_lua_match(lua_State *L)
{
    CHECK_STR(lua_run(L,
        "local m = re('(?<year>\\\\d{4})-(\\\\d\\\\d)(x)?'):match({text = 'on 2024-03', start = 50})\n"
        "return table.concat({m.start, m.stop, m.text, m[1], m[2], tostring(m[3]),"
        " m.year, m.spans[1].start, m.spans[2].stop, tostring(m.spans[3])}, ',')"),
        "53,60,2024-03,2024,03,false,2024,53,60,false");
    CHECK_STR(lua_run(L, "return re('q'):match('abc')"), "nil");
    /* A group named like a Match field does not replace the field. */
    CHECK_STR(lua_run(L,
        "local m = re('(?<text>b)(?<who>c)'):match('abc')\n"
        "return m.text .. m[1] .. m.who"), "bcbc");
    /* (?J) duplicate names: the group that took part wins. */
    CHECK_STR(lua_run(L,
        "local m = re('(?J)(?<n>a)|(?<n>b)'):match('b') return m.n"), "b");
    /* More groups than the C-stack buffer holds. */
    CHECK_STR(lua_run(L,
        "local m = re(string.rep('(.)', 40)):match(string.rep('x', 39) .. 'y')\n"
        "return #m .. m[40]"), "40y");
}

static void test_lua_gmatch(lua_State *L)
{
    CHECK_STR(lua_run(L,
        "local n = 0 for m in re('\\\\w+'):gmatch('the quick brown fox') do n = n + 1 end\n"
        "return n"), "4");
    /* Empty matches step one character (é is two bytes). */
    CHECK_STR(lua_run(L,
        "local t = {} for m in re('x*'):gmatch('aé') do t[#t + 1] = m.start end\n"
        "return table.concat(t, ',')"), "0,1,3");
    CHECK_STR(lua_run(L,
        "local t = {} for m in re('a*'):gmatch('baaac') do t[#t + 1] = '[' .. m.text .. ']' end\n"
        "return table.concat(t)"), "[][aaa][][]");
    CHECK_STR(lua_run(L,
        "local t = {} for m in re('\\\\d+'):gmatch({text = 'a1 b22 c333', start = 10}, 13) do\n"
        "  t[#t + 1] = m.start .. '-' .. m.stop end\n"
        "return table.concat(t, ',')"), "14-16,18-21");
    CHECK_STR(lua_run(L,
        "local it = re('z'):gmatch('abc') return tostring(it()) .. tostring(it())"),
        "nilnil");
}

static void test_lua_errors(lua_State *L, rx_cache *limited)
{
    CHECK_STR(lua_run(L, "return re('a(b')"),
        "error: rule.lua:1: spindle.re: missing closing parenthesis at offset 3 in pattern 'a(b'");
    CHECK_STR(lua_run(L, "\n\nlocal r = spindle.re('[a')"),
        "error: rule.lua:3: spindle.re: missing terminating ] for character class"
        " at offset 2 in pattern '[a'");
    CHECK(strstr(lua_run(L, "return re('a', 'q')"), "unknown flag 'q'") != NULL);
    CHECK(strstr(lua_run(L, "return re('a'):find(42)"), "string or span table") != NULL);
    CHECK(strstr(lua_run(L, "return re('a'):find({start = 1})"),
                 "span field 'text' must be a string") != NULL);
    CHECK(strstr(lua_run(L, "return re('a'):find('abc', -1)"),
                 "init must not be negative") != NULL);
    CHECK(strstr(lua_run(L, "return re('a'):find('ab\\xffc')"),
                 "not valid UTF-8: bad byte at offset 2") != NULL);
    CHECK(strstr(lua_run(L,
        "return re('a'):find({text = 'a', start = math.maxinteger})"),
        "'start' is too large") != NULL);
    CHECK(strstr(lua_run(L, "return re()"), "bad argument #1") != NULL);
    CHECK(strstr(lua_run(L, "return re('a').find('a')"), "spindle.Regex expected") != NULL);
    /* Long patterns are shortened in messages. */
    CHECK(strstr(lua_run(L, "return re(string.rep('a', 200) .. '(')"), "aaa...'") != NULL);
    CHECK_STR(lua_run(L, "return tostring(re('a+', 'xi'))"), "spindle.re(/a+/ix)");
    CHECK_STR(lua_run(L, "return getmetatable(re('a'))"), "false");
    CHECK(strstr(lua_run(L,
        "local r = re('a') do local c <close> = r end return r:test('a')"),
        "closed regex") != NULL);

    lua_State *low = lua_with_re(limited);
    CHECK_STR(lua_run(low,
        "return re('(a+)+$'):test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')"),
        "error: rule.lua:1: spindle.re: match limit exceeded in '(a+)+$'");
    CHECK_STR(lua_run(low,
        "return pcall(function() for m in re('(a+)+$'):gmatch(string.rep('a', 40) .. '!') do end end)"),
        "false");
    lua_close(low);
}

int main(void)
{
    test_cache();
    test_errors();
    test_flags();
    test_captures();
    test_utf8();
    test_limits();

    rx_cache *cache = rx_cache_new(RX_DEFAULT_MATCH_LIMIT, RX_DEFAULT_DEPTH_LIMIT);
    rx_cache *limited = rx_cache_new(10000, RX_DEFAULT_DEPTH_LIMIT);
    lua_State *L = lua_with_re(cache);
    test_lua_find(L);
    test_lua_match(L);
    test_lua_gmatch(L);
    test_lua_errors(L, limited);
    lua_close(L);
    rx_cache_free(limited);
    rx_cache_free(cache);
    return check_report("test_rx");
}
