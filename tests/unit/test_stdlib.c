/*
 * test_stdlib.c — runs the stdlib's table-driven tests: every Lua file in
 * tests/stdlib/, loaded in the rule sandbox with three helpers:
 *   doc_of(body [, title])    a doc for that text, as rules receive it
 *   check(cond, label)        counts a check; a failure prints file:line
 *   check_eq(got, want, label) the same for equal values (tostring shown)
 * A file that raises counts as one failure and the other files still run.
 */
#include <dirent.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "engine.h"
#include "ruleset.h"
#include "util.h"

#define STDLIB_TEST_DIR "tests/stdlib"

typedef struct harness {
    engine  *engine;
    article *articles;   /* every article doc_of made, freed at the end */
    size_t   n, cap;
} harness;

static harness *harness_from_upvalue(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* [-2, +1, e] doc_of(body [, title]) */
static int l_doc_of(lua_State *L)
{
    harness *h = harness_from_upvalue(L);
    size_t len;
    const char *body = luaL_checklstring(L, 1, &len);
    const char *title = luaL_optstring(L, 2, "");
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 64;
        h->articles = xrealloc(h->articles, h->cap * sizeof *h->articles);
    }
    article *a = &h->articles[h->n++];
    memset(a, 0, sizeof *a);
    a->id = xstrdup("test");
    a->title = xstrdup(title);
    a->body = xstrndup(body, len);
    a->body_len = len;
    engine_push_doc(h->engine, a);
    return 1;
}

/* Reports one check with the caller's position. */
static void harness_count(lua_State *L, bool passed, const char *detail)
{
    if (passed) { check_passed++; return; }
    check_failed++;
    luaL_where(L, 1);
    fprintf(stderr, "%sFAIL: %s\n", lua_tostring(L, -1), detail);
    lua_pop(L, 1);
}

/* [-2, +0, -] check(cond, label) */
static int l_check(lua_State *L)
{
    harness_count(L, lua_toboolean(L, 1), luaL_optstring(L, 2, "check"));
    return 0;
}

/* [-3, +0, -] check_eq(got, want, label) */
static int l_check_eq(lua_State *L)
{
    bool same = lua_rawequal(L, 1, 2);
    if (!same && lua_type(L, 1) == LUA_TNUMBER && lua_type(L, 2) == LUA_TNUMBER)
        same = lua_tonumber(L, 1) == lua_tonumber(L, 2);
    const char *label = luaL_optstring(L, 3, "check_eq");
    const char *got = luaL_tolstring(L, 1, NULL);
    const char *want = luaL_tolstring(L, 2, NULL);
    char detail[1024];
    snprintf(detail, sizeof detail, "%s\n  got:  %s\n  want: %s", label, got, want);
    lua_pop(L, 2);
    harness_count(L, same, detail);
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_file(ruleset *rs, const char *path)
{
    lua_State *L = sbx_state(rs->sandbox);
    FILE *f = fopen(path, "rb");
    if (!f) { check_failed++; perror(path); return; }
    buf code = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_append(&code, chunk, n);
    fclose(f);
    char chunkname[512];
    snprintf(chunkname, sizeof chunkname, "@%s", path);
    ruleset_push_trusted_env(rs);
    int status = sbx_load(rs->sandbox, code.data ? code.data : "", code.len, chunkname);
    if (status == LUA_OK) status = sbx_call(rs->sandbox, 0, 0);
    if (status != LUA_OK) {
        check_failed++;
        fprintf(stderr, "%s: FAIL: %s\n", path, lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    buf_free(&code);
}

int main(void)
{
    char err[256];
    ruleset *rs = ruleset_new(NULL, err, sizeof err);
    CHECK(rs != NULL);
    if (!rs) return check_report("test_stdlib");
    harness h = {0};
    h.engine = engine_new(rs);
    lua_State *L = sbx_state(rs->sandbox);
    sbx_push_globals(rs->sandbox);
    const luaL_Reg helpers[] = {
        { "doc_of", l_doc_of }, { "check", l_check }, { "check_eq", l_check_eq }, { NULL, NULL }
    };
    lua_pushlightuserdata(L, &h);
    luaL_setfuncs(L, helpers, 1);
    lua_pop(L, 1);

    DIR *d = opendir(STDLIB_TEST_DIR);
    CHECK_MSG(d != NULL, "cannot open %s (run from the repository root)", STDLIB_TEST_DIR);
    char **names = NULL;
    size_t count = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".lua") == 0) {
            names = xrealloc(names, (count + 1) * sizeof *names);
            names[count++] = xstrdup(e->d_name);
        }
    }
    if (d) closedir(d);
    qsort(names, count, sizeof *names, compare_names);
    for (size_t i = 0; i < count; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", STDLIB_TEST_DIR, names[i]);
        int before_pass = check_passed, before_fail = check_failed;
        run_file(rs, path);
        printf("%s: %d checks, %d failed\n", path, check_passed - before_pass + check_failed - before_fail,
               check_failed - before_fail);
        free(names[i]);
    }
    free(names);
    engine_free(h.engine);
    ruleset_free(rs);
    for (size_t i = 0; i < h.n; i++) article_clear(&h.articles[i]);
    free(h.articles);
    return check_report("test_stdlib");
}
