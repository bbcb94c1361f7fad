/*
 * test_pattern.c — lua_pattern.c against Lua's own string library: the same
 * random subjects and patterns (well-formed and not) through find, plain
 * find, match, gmatch and gsub (with a string, a function and a table) give
 * the same results and the same error messages in a plain Lua state and in
 * a sandbox, whose string functions are ours. Then the case Lua's matcher
 * cannot stop: an exponential pattern ends with the time budget.
 */
#include "lua_pattern.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include <lualib.h>
#include "check.h"
#include "random_text.h"
#include "sandbox.h"
#include "util.h"

/* Runs find, match, gmatch and gsub on (s, p, repl, init); one line each. */
static const char DRIVER[] =
    "local function show(ok, ...)\n"
    "  local out = { tostring(ok) }\n"
    "  for i = 1, select('#', ...) do\n"
    "    local v = select(i, ...)\n"
    "    out[#out + 1] = type(v) .. ':' .. tostring(v)\n"
    "  end\n"
    "  return table.concat(out, '|')\n"
    "end\n"
    "return function(s, p, r, init)\n"
    "  local res = {}\n"
    "  res[#res + 1] = show(pcall(string.find, s, p, init))\n"
    "  res[#res + 1] = show(pcall(string.find, s, p, init, true))\n"
    "  res[#res + 1] = show(pcall(string.match, s, p, init))\n"
    "  res[#res + 1] = show(pcall(function()\n"
    "    local t = {}\n"
    "    for a, b in string.gmatch(s, p, init) do\n"
    "      t[#t + 1] = tostring(a) .. ',' .. tostring(b)\n"
    "      if #t > 100 then break end\n"
    "    end\n"
    "    return table.concat(t, ';')\n"
    "  end))\n"
    "  res[#res + 1] = show(pcall(string.gsub, s, p, r))\n"
    "  res[#res + 1] = show(pcall(string.gsub, s, p, function(a, b)\n"
    "    if a == 'b' then return false end\n"
    "    return tostring(a) .. '!' .. tostring(b)\n"
    "  end, 3))\n"
    "  res[#res + 1] = show(pcall(string.gsub, s, p, { a = 'A', b = true, c = {} }))\n"
    "  res[#res + 1] = show(pcall(function() return (s):find(p) end))\n"
    "  return table.concat(res, '\\n')\n"
    "end\n";

static const char *const SUBJECT_PIECES[] = {
    "a", "a", "b", "c", "A", "1", "9", " ", "(", ")", "[", "]", "%", "-", ".", "^", "$",
    "_", "\n", "x", "\xc3\xa9", "\0",
};

static const char *const PATTERN_PIECES[] = {
    "a", "b", "c", ".", "%a", "%d", "%s", "%w", "%A", "%l", "%u", "%p", "%x", "%%", "%.",
    "[a-c]", "[^a]", "[%a_]", "[]]", "[^]a]", "[a-]", "[%d%s]", "*", "+", "-", "?", "(",
    ")", "()", "%b()", "%bab", "%f[%a]", "%f[%A]", "%1", "%2", "%0", "^", "$", "[", "%",
    "%f", "%b", "%z", "x*", "a-", ".-", "(a*)", "(.)%1", "%g", "%c",
};

/* [-0, +1] Pushes the driver function in a plain Lua state. */
static void plain_driver(lua_State *L)
{
    if (luaL_loadbuffer(L, DRIVER, sizeof DRIVER - 1, "=driver") != LUA_OK ||
        lua_pcall(L, 0, 1, 0) != LUA_OK) {
        fprintf(stderr, "driver: %s\n", lua_tostring(L, -1));
        exit(1);
    }
}

/* [-0, +1] Pushes the driver function in a sandbox. */
static void sandbox_driver(sbx *s)
{
    lua_State *L = sbx_state(s);
    sbx_push_env(s);
    if (sbx_load(s, DRIVER, sizeof DRIVER - 1, "=driver") != LUA_OK ||
        sbx_call(s, 0, 1) != LUA_OK) {
        fprintf(stderr, "driver: %s\n", lua_tostring(L, -1));
        exit(1);
    }
}

/* Calls the driver at the top of L with the case; returns its text (copy). */
static char *run_case(lua_State *L, sbx *s, const buf *subject, const buf *pattern,
                      const buf *repl, lua_Integer init)
{
    lua_pushvalue(L, -1);
    lua_pushlstring(L, subject->data ? subject->data : "", subject->len);
    lua_pushlstring(L, pattern->data ? pattern->data : "", pattern->len);
    lua_pushlstring(L, repl->data ? repl->data : "", repl->len);
    lua_pushinteger(L, init);
    int status = s ? sbx_call(s, 4, 1) : lua_pcall(L, 4, 1, 0);
    char *text = xstrdup(status == LUA_OK ? lua_tostring(L, -1) : "driver failed");
    lua_pop(L, 1);
    return text;
}

static void test_against_lua(void)
{
    test_rng_seed(1234567890123ull);
    lua_State *plain = luaL_newstate();
    luaL_openlibs(plain);
    plain_driver(plain);
    char err[256];
    sbx *s = sbx_new(0, 0, err, sizeof err);
    sandbox_driver(s);
    static const char *const REPL_PIECES[] = { "x", "%1", "%0", "%%", "%2", "-", "%", "%a" };
    buf subject = {0}, pattern = {0}, repl = {0};
    int differences = 0;
    for (int round = 0; round < 20000; round++) {
        test_random_text(&subject, SUBJECT_PIECES, N_ELEMS(SUBJECT_PIECES), 0, 16);
        test_random_text(&pattern, PATTERN_PIECES, N_ELEMS(PATTERN_PIECES), 0, 9);
        test_random_text(&repl, REPL_PIECES, N_ELEMS(REPL_PIECES), 0, 3);
        lua_Integer init = (lua_Integer)test_rng(15) - 7;
        char *want = run_case(plain, NULL, &subject, &pattern, &repl, init);
        char *got = run_case(sbx_state(s), s, &subject, &pattern, &repl, init);
        bool same = strcmp(want, got) == 0;
        CHECK(same);
        if (!same && differences++ < 5)
            fprintf(stderr, "pattern '%s' on '%s' (init %lld):\n  lua:  %s\n  ours: %s\n",
                    pattern.data, subject.data, (long long)init, want, got);
        free(want);
        free(got);
    }
    buf_free(&subject);
    buf_free(&pattern);
    buf_free(&repl);
    sbx_free(s);
    lua_close(plain);
}

/* What Lua's matcher cannot stop ends with the call's time budget, and a
 * pcall inside the call does not swallow it. */
static void test_time_budget(void)
{
    setenv("SPINDLE_RULE_SECONDS", "0.5", 1);
    char err[256];
    sbx *s = sbx_new(0, 0, err, sizeof err);
    unsetenv("SPINDLE_RULE_SECONDS");
    lua_State *L = sbx_state(s);
    static const char code[] =
        "local ok = pcall(string.find, string.rep('a', 60), string.rep('a*', 12) .. 'b')\n"
        "return 'pcall returned'\n";
    sbx_push_env(s);
    CHECK(sbx_load(s, code, sizeof code - 1, "=exponential") == LUA_OK);
    int status = sbx_call(s, 0, 1);
    CHECK(status != LUA_OK);
    const char *msg = lua_tostring(L, -1);
    CHECK_MSG(msg && strstr(msg, "time budget of 0.5 s exceeded"), "message: %s", msg ? msg : "(none)");
    lua_pop(L, 1);
    sbx_free(s);
}

int main(void)
{
    test_against_lua();
    test_time_budget();
    return check_report("test_pattern");
}
