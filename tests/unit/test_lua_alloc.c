/*
 * test_lua_alloc.c — unit tests for lua_alloc.c, the memory of a Lua state:
 * random sequences of allocations, resizes and frees across the small and
 * large sizes, each live block filled with its own byte, checked against
 * what malloc'd copies hold; and a whole Lua state living on a pool.
 */
#include "lua_alloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include <lualib.h>
#include "check.h"
#include "random_text.h"

#define SLOTS 512

/* A size around the small/large border or well inside either side. */
static size_t random_size(void)
{
    switch (test_rng(4)) {
    case 0:  return 1 + test_rng(32);
    case 1:  return 1 + test_rng(LUA_ALLOC_SMALL);
    case 2:  return LUA_ALLOC_SMALL - 8 + test_rng(16);
    default: return 1 + test_rng(4 * LUA_ALLOC_SMALL);
    }
}

/* True when the n bytes at p all hold byte. */
static bool filled(const unsigned char *p, size_t n, unsigned char byte)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != byte) return false;
    return true;
}

/* Blocks keep their contents through resizes, and no two live blocks
 * share a byte (each is filled with its own value and checked at the end
 * of every round). */
static void test_random_blocks(void)
{
    lua_alloc_pool *pool = lua_alloc_new();
    CHECK(pool != NULL);
    unsigned char *block[SLOTS] = {0};
    size_t size[SLOTS] = {0};
    unsigned char fill[SLOTS] = {0};
    int bad = 0;
    for (int round = 0; round < 200000; round++) {
        unsigned i = test_rng(SLOTS);
        if (!block[i]) {
            size[i] = random_size();
            block[i] = lua_alloc_realloc(pool, NULL, (size_t)test_rng(9), size[i]);
            fill[i] = (unsigned char)(1 + test_rng(255));
            memset(block[i], fill[i], size[i]);
        } else if (test_rng(3) == 0) {
            bad += !filled(block[i], size[i], fill[i]);
            CHECK(lua_alloc_realloc(pool, block[i], size[i], 0) == NULL);
            block[i] = NULL;
        } else {
            size_t n = random_size();
            unsigned char *p = lua_alloc_realloc(pool, block[i], size[i], n);
            bad += !filled(p, size[i] < n ? size[i] : n, fill[i]);
            block[i] = p;
            size[i] = n;
            memset(p, fill[i], n);
        }
    }
    for (unsigned i = 0; i < SLOTS; i++) {
        if (!block[i]) continue;
        bad += !filled(block[i], size[i], fill[i]);
        lua_alloc_realloc(pool, block[i], size[i], 0);
    }
    CHECK_INT(bad, 0);
    lua_alloc_free(pool);
    lua_alloc_free(NULL);
}

static void *pool_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    return lua_alloc_realloc(ud, ptr, osize, nsize);
}

/* A Lua state on a pool runs code that makes and drops many objects. */
static void test_lua_state(void)
{
    lua_alloc_pool *pool = lua_alloc_new();
    lua_State *L = lua_newstate(pool_alloc, pool);
    CHECK(L != NULL);
    luaL_openlibs(L);
    static const char code[] =
        "local t, s = {}, 0\n"
        "for i = 1, 20000 do t[i] = { i, tostring(i) .. ('x'):rep(i % 300) } end\n"
        "for i = 1, 20000, 3 do t[i] = nil end\n"
        "collectgarbage()\n"
        "for _, v in pairs(t) do s = s + v[1] + #v[2] end\n"
        "return s\n";
    CHECK(luaL_loadstring(L, code) == LUA_OK);
    CHECK(lua_pcall(L, 0, 1, 0) == LUA_OK);
    long long want = 0;
    for (long long i = 1; i <= 20000; i++)
        if ((i - 1) % 3 != 0) want += i + (long long)snprintf(NULL, 0, "%lld", i) + i % 300;
    CHECK_INT(lua_tointeger(L, -1), want);
    lua_close(L);
    lua_alloc_free(pool);
}

int main(void)
{
    test_random_blocks();
    test_lua_state();
    return check_report("test_lua_alloc");
}
