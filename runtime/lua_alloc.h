/*
 * lua_alloc.h — the memory of one Lua state: small blocks from free lists
 * by size class, larger ones from malloc.
 *
 * A Lua state makes and drops many small objects (tables, short strings,
 * closures, table parts) per article. Blocks of up to LUA_ALLOC_SMALL bytes
 * come from free lists kept per 16-byte size class, carved from chunks of
 * LUA_ALLOC_CHUNK bytes; a dropped block goes back on its class's list,
 * ready for the next request of that class, and the chunks are returned
 * to the system only by lua_alloc_free. Larger blocks are malloc's, and so
 * is every block in a build with AddressSanitizer.
 *
 * lua_alloc_realloc follows lua_Alloc's contract (Lua 5.4 manual, §4.4):
 * the caller passes the block's size as it was asked for (osize) with
 * every block, as Lua does. A pool belongs to one Lua state and one thread
 * at a time. Errors: NULL when memory runs out, the block left as it was.
 */
#ifndef SPINDLE_LUA_ALLOC_H
#define SPINDLE_LUA_ALLOC_H

#include <stddef.h>

#define LUA_ALLOC_SMALL 256           /* the largest block from a free list */
#define LUA_ALLOC_CHUNK (64 * 1024)   /* bytes carved into small blocks */

typedef struct lua_alloc_pool lua_alloc_pool;

/* A new, empty pool, or NULL when memory runs out. */
lua_alloc_pool *lua_alloc_new(void);

/* Frees every chunk of the pool and the pool (NULL ok). The large blocks
 * still held must have been freed by then (lua_close frees them all). */
void lua_alloc_free(lua_alloc_pool *pool);

/* As realloc for a block of osize bytes (ignored when ptr is NULL): nsize
 * 0 frees ptr and returns NULL; else returns a block of nsize bytes that
 * holds the first min(osize, nsize) bytes of ptr's, or NULL (ptr kept). */
void *lua_alloc_realloc(lua_alloc_pool *pool, void *ptr, size_t osize, size_t nsize);

#endif
