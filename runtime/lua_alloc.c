/*
 * lua_alloc.c — the memory of one Lua state (see lua_alloc.h).
 *
 * Class c (0-based) holds blocks of 16 * (c + 1) bytes. A free block holds
 * the next free block of its class in its first bytes. A chunk starts with
 * a header that links it to the previous chunk, padded so that the blocks
 * after it are aligned as malloc's are.
 */
#include "lua_alloc.h"

#include <stdlib.h>
#include <string.h>

#define CLASS_BYTES 16u
#define N_CLASSES   (LUA_ALLOC_SMALL / CLASS_BYTES)

typedef union chunk_header {
    union chunk_header *previous;     /* the chunk made before, or NULL */
    max_align_t         align;
} chunk_header;

typedef struct free_block {
    struct free_block *next;
} free_block;

struct lua_alloc_pool {
    free_block   *free[N_CLASSES];    /* dropped blocks by class */
    chunk_header *chunks;             /* the newest chunk; others linked */
    char         *carve, *carve_end;  /* the newest chunk's unused part */
};

static size_t class_of(size_t size)
{
    return (size + CLASS_BYTES - 1) / CLASS_BYTES - 1;
}

lua_alloc_pool *lua_alloc_new(void)
{
    return calloc(1, sizeof(lua_alloc_pool));
}

void lua_alloc_free(lua_alloc_pool *pool)
{
    if (!pool) return;
    chunk_header *c = pool->chunks;
    while (c) {
        chunk_header *previous = c->previous;
        free(c);
        c = previous;
    }
    free(pool);
}

/* A block for size bytes (not 0): from a free list when small. */
static void *take(lua_alloc_pool *pool, size_t size)
{
    if (size > LUA_ALLOC_SMALL) return malloc(size);
    size_t c = class_of(size);
    free_block *b = pool->free[c];
    if (b) {
        pool->free[c] = b->next;
        return b;
    }
    size_t bytes = CLASS_BYTES * (c + 1);
    if ((size_t)(pool->carve_end - pool->carve) < bytes) {
        chunk_header *chunk = malloc(LUA_ALLOC_CHUNK);
        if (!chunk) return NULL;
        chunk->previous = pool->chunks;
        pool->chunks = chunk;
        pool->carve = (char *)(chunk + 1);
        pool->carve_end = (char *)chunk + LUA_ALLOC_CHUNK;
    }
    void *p = pool->carve;
    pool->carve += bytes;
    return p;
}

/* Drops block p of size bytes (not 0). */
static void drop(lua_alloc_pool *pool, void *p, size_t size)
{
    if (size > LUA_ALLOC_SMALL) {
        free(p);
        return;
    }
    free_block *b = p;
    size_t c = class_of(size);
    b->next = pool->free[c];
    pool->free[c] = b;
}

/* Under AddressSanitizer every block is malloc's, so that the sanitizer
 * sees each one (a free list would hide a use after free). */
#if defined(__SANITIZE_ADDRESS__)
#define LUA_ALLOC_POOLING 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LUA_ALLOC_POOLING 0
#endif
#endif
#ifndef LUA_ALLOC_POOLING
#define LUA_ALLOC_POOLING 1
#endif

void *lua_alloc_realloc(lua_alloc_pool *pool, void *ptr, size_t osize, size_t nsize)
{
    if (!LUA_ALLOC_POOLING) {
        if (nsize == 0) { free(ptr); return NULL; }
        return realloc(ptr, nsize);
    }
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        if (ptr) drop(pool, ptr, old);
        return NULL;
    }
    if (!ptr) return take(pool, nsize);
    if (old > LUA_ALLOC_SMALL && nsize > LUA_ALLOC_SMALL) return realloc(ptr, nsize);
    if (old <= LUA_ALLOC_SMALL && nsize <= LUA_ALLOC_SMALL && class_of(old) == class_of(nsize))
        return ptr;
    void *p = take(pool, nsize);
    if (!p) return NULL;
    memcpy(p, ptr, old < nsize ? old : nsize);
    drop(pool, ptr, old);
    return p;
}
