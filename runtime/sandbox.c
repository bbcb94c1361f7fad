/*
 * sandbox.c — a Lua state with a memory budget, an instruction budget and
 * an allow-list of globals.
 */
#include "sandbox.h"

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <lauxlib.h>
#include <lualib.h>
#include "lua_alloc.h"
#include "lua_pattern.h"
#include "util.h"

/* How often (in VM instructions) the count hook runs. */
#define SBX_HOOK_STEP 1000

/* One sampled place: a function's source and line. */
typedef struct sbx_sample {
    const char *source;   /* interned by Lua: compared by pointer */
    int         line;
    double      seconds;  /* time since the previous sample, summed */
} sbx_sample;

#define SBX_SAMPLE_SLOTS 4096

struct sbx {
    lua_State *L;
    lua_alloc_pool *memory;      /* where the state's blocks come from */
    size_t     memory_used;      /* bytes currently allocated by the state */
    size_t     memory_limit;     /* refuse growth past this */
    size_t     call_memory_limit; /* and, during a rule's call, past this */
    int        memory_exceeded;  /* set when an allocation was refused: 1 the
                                    state's budget, 2 the call's */
    uint64_t   rule_budget;      /* instructions allowed to one sbx_call */
    uint64_t   instruction_budget; /* of the call running now */
    uint64_t   instructions;     /* counted by the hook during that call */
    uint64_t   last_instructions; /* used by the last call that ended */
    double     rule_seconds;     /* wall-clock limit of one sbx_call */
    double     deadline;         /* of the call running now; 0 = none */
    int        armed;            /* the hook enforces the budget */
    int        expired;          /* the budget ran out in this call */
    bool       expired_late;     /* it was the time, not the instructions */
    volatile sig_atomic_t *interrupt; /* set (by a signal handler) to stop the
                                    running call; NULL when not interruptible */
    int        interrupted;      /* the call was stopped through interrupt */
    int        globals_ref;      /* registry ref of the safe globals table */
    char       expired_at[256];  /* "file:line" running when the budget ran out */
    sbx_sample *samples;         /* open-addressed table, NULL unless sampling */
    double      sampled_seconds; /* total of the samples */
    double      last_sample;     /* monotonic time of the previous sample */
};

static double sbx_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Charges the time since the previous sample to the place L is running
 * now: the last 1,000 instructions, and the C calls (regex matches) among
 * them, ran there or just before. */
static void sbx_sample_here(sbx *s, lua_State *L)
{
    double now = sbx_now(), spent = now - s->last_sample;
    s->last_sample = now;
    if (spent > 0.05) return;            /* a gap between calls, not work */
    lua_Debug ar;
    if (!lua_getstack(L, 0, &ar) || !lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0) return;
    size_t h = ((uintptr_t)ar.source * 31u + (size_t)ar.currentline) % SBX_SAMPLE_SLOTS;
    for (size_t probe = 0; probe < SBX_SAMPLE_SLOTS; probe++) {
        sbx_sample *slot = &s->samples[(h + probe) % SBX_SAMPLE_SLOTS];
        if (!slot->source) {
            slot->source = ar.source;
            slot->line = ar.currentline;
        }
        if (slot->source == ar.source && slot->line == ar.currentline) {
            slot->seconds += spent;
            s->sampled_seconds += spent;
            return;
        }
    }
}

void sbx_sampling_start(sbx *s)
{
    if (!s->samples) s->samples = xcalloc(SBX_SAMPLE_SLOTS, sizeof *s->samples);
    s->last_sample = sbx_now();
}

static int compare_samples(const void *a, const void *b)
{
    const sbx_sample *x = a, *y = b;
    return x->seconds < y->seconds ? 1 : x->seconds > y->seconds ? -1 : 0;
}

void sbx_sampling_report(const sbx *s, FILE *f, size_t n)
{
    if (!s->samples || s->sampled_seconds <= 0) return;
    sbx_sample *sorted = xcalloc(SBX_SAMPLE_SLOTS, sizeof *sorted);
    memcpy(sorted, s->samples, SBX_SAMPLE_SLOTS * sizeof *sorted);
    qsort(sorted, SBX_SAMPLE_SLOTS, sizeof *sorted, compare_samples);
    for (size_t i = 0; i < n && i < SBX_SAMPLE_SLOTS && sorted[i].source; i++)
        fprintf(f, "  %5.1f%%  %s:%d\n", 100.0 * sorted[i].seconds / s->sampled_seconds,
                sorted[i].source[0] == '@' ? sorted[i].source + 1 : sorted[i].source,
                sorted[i].line);
    free(sorted);
}

/*
 * The allow-list: every global a rule can see. "*" takes the whole library
 * table (copied, so a rule cannot change what another sees through it).
 * Left out on purpose: io, os (but three functions), debug, package, load,
 * loadstring, dofile, loadfile, require (the engine provides its own),
 * collectgarbage, string.dump.
 */
static const struct { const char *library; const char *name; } sbx_allowed[] = {
    { "_G", "assert" },   { "_G", "error" },     { "_G", "ipairs" },
    { "_G", "next" },     { "_G", "pairs" },     { "_G", "pcall" },
    { "_G", "xpcall" },   { "_G", "select" },    { "_G", "tonumber" },
    { "_G", "tostring" }, { "_G", "type" },      { "_G", "rawequal" },
    { "_G", "rawget" },   { "_G", "rawset" },    { "_G", "rawlen" },
    { "_G", "setmetatable" }, { "_G", "getmetatable" }, { "_G", "_VERSION" },
    { "string", "*" },    { "table", "*" },      { "math", "*" },
    { "utf8", "*" },      { "coroutine", "*" },
    { "os", "time" },     { "os", "date" },      { "os", "clock" },
};

/* The allocator: frees always succeed; growth past the budget is refused,
 * which Lua turns into a memory error. */
static void *sbx_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    sbx *s = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        lua_alloc_realloc(s->memory, ptr, old, 0);
        s->memory_used -= old;
        return NULL;
    }
    if (nsize > old) {
        size_t want = s->memory_used + (nsize - old);
        if (want > s->memory_limit) { s->memory_exceeded = 1; return NULL; }
        if (want > s->call_memory_limit) { s->memory_exceeded = 2; return NULL; }
    }
    void *p = lua_alloc_realloc(s->memory, ptr, old, nsize);
    if (!p) return NULL;
    s->memory_used = s->memory_used - old + nsize;
    return p;
}

static sbx *sbx_from_state(lua_State *L)
{
    return *(sbx **)lua_getextraspace(L);
}

static void sbx_count_hook(lua_State *L, lua_Debug *ar);

/* Ends the call running now: an interrupt when one was asked for, else,
 * the first time, marks the budget spent (late: the deadline passed)
 * and notes the nearest Lua line from stack level `level` up. From then on
 * the hook fires on every instruction and raises again, so that a pcall in
 * the rule that catches this error meets another at once. */
static void sbx_stop(sbx *s, lua_State *L, bool late, int level)
{
    lua_sethook(L, sbx_count_hook, LUA_MASKCOUNT, 1);
    if (s->interrupted) luaL_error(L, "interrupted");
    if (!s->expired) {
        s->expired = 1;
        s->expired_late = late;
        s->expired_at[0] = '\0';
        lua_Debug where;
        for (; lua_getstack(L, level, &where); level++) {
            if (lua_getinfo(L, "Sl", &where) && where.currentline > 0) {
                snprintf(s->expired_at, sizeof s->expired_at, " at %s:%d",
                         where.short_src, where.currentline);
                break;
            }
        }
    }
    if (s->expired_late)
        luaL_error(L, "time budget of %g s exceeded", s->rule_seconds);
    luaL_error(L, "instruction budget of %llu exceeded",
               (unsigned long long)s->instruction_budget);
}

/* True (and marks it) when an interactive call was asked to stop. */
static bool sbx_interrupt_asked(sbx *s)
{
    if (s->interrupt && (*s->interrupt || s->interrupted)) s->interrupted = 1;
    return s->interrupted;
}

void sbx_check_deadline(lua_State *L)
{
    sbx *s = sbx_from_state(L);
    if (!s->armed) return;
    if (sbx_interrupt_asked(s)) sbx_stop(s, L, false, 1);
    if (s->expired || (s->deadline > 0 && sbx_now() > s->deadline)) sbx_stop(s, L, true, 1);
}

/* The count hook: counts instructions, samples, and stops the call when a
 * budget is spent or it was interrupted (sbx_stop). */
static void sbx_count_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    sbx *s = sbx_from_state(L);
    if (!s->armed) return;
    if (sbx_interrupt_asked(s)) sbx_stop(s, L, false, 0);
    if (s->samples && !s->expired) sbx_sample_here(s, L);
    if (!s->expired) {
        s->instructions += SBX_HOOK_STEP;
        bool late = s->deadline > 0 && sbx_now() > s->deadline;
        if (s->instructions <= s->instruction_budget && !late) return;
        sbx_stop(s, L, late, 0);
    }
    sbx_stop(s, L, s->expired_late, 0);
}

/* print for rules: to stderr, tab-separated, so stdout stays data. */
static int l_sbx_print(lua_State *L)
{
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *text = luaL_tolstring(L, i, &len);
        if (i > 1) fputc('\t', stderr);
        fwrite(text, 1, len, stderr);
        lua_pop(L, 1);
    }
    fputc('\n', stderr);
    return 0;
}

/* [-2, +1, e] setmetatable(t, mt) for rules: Lua's, except that a
 * metatable with a __gc field is refused. A finalizer would run when the
 * garbage collector or the closing state decides: outside the rule's
 * budgets, possibly after its engine is gone. (Lua marks an object for
 * finalization only when its metatable has __gc as it is set, so a __gc
 * added later never runs.) */
static int l_sbx_setmetatable(lua_State *L)
{
    int type = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, type == LUA_TNIL || type == LUA_TTABLE, 2, "nil or table");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    if (type == LUA_TTABLE && lua_getfield(L, 2, "__gc") != LUA_TNIL)
        return luaL_error(L, "setmetatable: __gc finalizers are not allowed in rules (they "
                          "would run outside the rule's budgets)");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* [-0, +0, m] Builds the safe globals table from the allow-list and keeps
 * it in the registry. */
static void sbx_build_globals(sbx *s)
{
    lua_State *L = s->L;
    lua_newtable(L);                                   /* safe */
    for (size_t i = 0; i < sizeof sbx_allowed / sizeof sbx_allowed[0]; i++) {
        const char *lib = sbx_allowed[i].library, *name = sbx_allowed[i].name;
        if (strcmp(lib, "_G") == 0) {
            lua_getglobal(L, name);
            lua_setfield(L, -2, name);
            continue;
        }
        if (lua_getfield(L, -1, lib) != LUA_TTABLE) {  /* safe[lib] */
            lua_pop(L, 1);
            lua_newtable(L);
            lua_pushvalue(L, -1);
            lua_setfield(L, -3, lib);
        }
        lua_getglobal(L, lib);                         /* safe, t, real */
        if (strcmp(name, "*") == 0) {
            lua_pushnil(L);
            while (lua_next(L, -2)) {
                lua_pushvalue(L, -2);
                lua_insert(L, -2);
                lua_settable(L, -5);
            }
        } else {
            lua_getfield(L, -1, name);
            lua_setfield(L, -3, name);
        }
        lua_pop(L, 2);
    }
    lua_pushcfunction(L, l_sbx_print);
    lua_setfield(L, -2, "print");
    lua_pushcfunction(L, l_sbx_setmetatable);
    lua_setfield(L, -2, "setmetatable");
    s->globals_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

sbx *sbx_new(size_t memory_bytes, uint64_t instruction_budget,
             char *err, size_t errlen)
{
    sbx *s = xcalloc(1, sizeof *s);
    s->memory_limit = memory_bytes ? memory_bytes : SBX_DEFAULT_MEMORY_BYTES;
    s->call_memory_limit = SIZE_MAX;
    s->rule_budget = instruction_budget ? instruction_budget : SBX_DEFAULT_INSTRUCTIONS;
    s->rule_seconds = SBX_DEFAULT_SECONDS;
    const char *env = getenv("SPINDLE_RULE_SECONDS");
    if (env && atof(env) > 0) s->rule_seconds = atof(env);
    s->instruction_budget = s->rule_budget;
    s->memory = lua_alloc_new();
    s->L = s->memory ? lua_newstate(sbx_alloc, s) : NULL;
    if (!s->L) {
        snprintf(err, errlen, "cannot create a Lua state");
        lua_alloc_free(s->memory);
        free(s);
        return NULL;
    }
    *(sbx **)lua_getextraspace(s->L) = s;
    luaL_openlibs(s->L);
    /* Rules make many short-lived tables and strings per article (matches,
     * spans, terms) while the stdlib's tables live for the whole run: the
     * generational collector suits that, with less collecting work than
     * the incremental one and no more memory. */
    lua_gc(s->L, LUA_GCGEN, 0, 0);
    /* Strings share one metatable whose __index is the real string table:
     * take dump out of that table itself. */
    lua_getglobal(s->L, "string");
    lua_pushnil(s->L);
    lua_setfield(s->L, -2, "dump");
    /* and give it pattern functions that keep to the call's time budget */
    lua_pattern_install(s->L, -1);
    lua_pop(s->L, 1);
    /* and hide that metatable, so no rule can change string methods */
    lua_pushliteral(s->L, "");
    if (lua_getmetatable(s->L, -1)) {
        lua_pushboolean(s->L, 0);
        lua_setfield(s->L, -2, "__metatable");
        lua_pop(s->L, 1);
    }
    lua_pop(s->L, 1);
    sbx_build_globals(s);
    lua_sethook(s->L, sbx_count_hook, LUA_MASKCOUNT, SBX_HOOK_STEP);
    return s;
}

void sbx_free(sbx *s)
{
    if (!s) return;
    if (s->L) lua_close(s->L);
    lua_alloc_free(s->memory);
    free(s->samples);
    free(s);
}

lua_State *sbx_state(sbx *s)
{
    return s->L;
}

void sbx_push_globals(sbx *s)
{
    lua_rawgeti(s->L, LUA_REGISTRYINDEX, s->globals_ref);
}

/* Library tables each chunk gets its own shallow copy of, so one rule file
 * cannot change string.find or math.floor for another. */
static const char *const sbx_copied_libraries[] = {
    "string", "table", "math", "utf8", "coroutine", "os", NULL
};

void sbx_push_env(sbx *s)
{
    lua_State *L = s->L;
    lua_newtable(L);                    /* env */
    sbx_push_globals(s);                /* env, safe */
    for (const char *const *lib = sbx_copied_libraries; *lib; lib++) {
        lua_newtable(L);                /* env, safe, copy */
        lua_getfield(L, -2, *lib);      /* env, safe, copy, original */
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, -5);
        }
        lua_pop(L, 1);
        lua_setfield(L, -3, *lib);
    }
    lua_pushvalue(L, -2);
    lua_setfield(L, -3, "_G");          /* _G is the chunk's own env */
    lua_newtable(L);                    /* env, safe, mt */
    lua_insert(L, -2);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);              /* getmetatable(_ENV) reveals nothing */
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

int sbx_load(sbx *s, const char *code, size_t len, const char *chunkname)
{
    lua_State *L = s->L;
    int status = luaL_loadbufferx(L, code, len, chunkname, "t");
    if (status != LUA_OK) {
        lua_remove(L, -2);              /* drop the env, keep the message */
        return status;
    }
    lua_insert(L, -2);                  /* fn, env */
    if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
    return LUA_OK;
}

/* Message handler: keeps string messages, describes others. */
static int sbx_message_handler(lua_State *L)
{
    if (lua_type(L, 1) == LUA_TSTRING) return 1;
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
        return 1;
    lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    return 1;
}

/* Message handler for interactive calls: the message and a traceback. */
static int sbx_traceback_handler(lua_State *L)
{
    sbx_message_handler(L);
    luaL_traceback(L, L, lua_tostring(L, -1), 1);
    return 1;
}

/* The budget state of a call, saved around a nested one (a rule run from
 * the REPL's prompt) and restored after it. */
typedef struct sbx_frame {
    uint64_t budget, instructions;
    size_t   call_memory_limit;
    double   deadline;
    int      armed, expired, interrupted;
    bool     expired_late;
    volatile sig_atomic_t *interrupt;
} sbx_frame;

/* Runs the function below nargs arguments with handler as message handler,
 * under budget (0 = none) and interrupt (NULL = none); restores the budget
 * state of an enclosing call afterwards. */
static int sbx_run(sbx *s, int nargs, int nresults, lua_CFunction handler,
                   uint64_t budget, double seconds, size_t call_memory,
                   volatile sig_atomic_t *interrupt)
{
    lua_State *L = s->L;
    sbx_frame outer = { s->instruction_budget, s->instructions, s->call_memory_limit, s->deadline,
                        s->armed, s->expired, s->interrupted, s->expired_late, s->interrupt };
    if (call_memory && s->memory_used + call_memory < s->call_memory_limit)
        s->call_memory_limit = s->memory_used + call_memory;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, handler);
    lua_insert(L, base);
    s->instruction_budget = budget ? budget : UINT64_MAX;
    s->deadline = seconds > 0 ? sbx_now() + seconds : 0;
    s->instructions = 0;
    s->expired = 0;
    s->expired_late = false;
    s->memory_exceeded = 0;
    s->interrupt = interrupt ? interrupt : outer.interrupt;
    s->interrupted = 0;
    s->armed = 1;
    lua_sethook(L, sbx_count_hook, LUA_MASKCOUNT, SBX_HOOK_STEP);
    int status = lua_pcall(L, nargs, nresults, base);
    s->armed = 0;
    lua_sethook(L, sbx_count_hook, LUA_MASKCOUNT, SBX_HOOK_STEP);
    lua_remove(L, base);
    if (status != LUA_OK) {
        if (s->interrupted) {
            lua_pop(L, 1);
            lua_pushliteral(L, "interrupted");
        } else if (s->expired && s->expired_late) {
            lua_pop(L, 1);
            char seconds_text[32];
            snprintf(seconds_text, sizeof seconds_text, "%g", s->rule_seconds);
            lua_pushfstring(L, "time budget of %s s exceeded%s", seconds_text, s->expired_at);
        } else if (s->expired) {
            lua_pop(L, 1);
            lua_pushfstring(L, "instruction budget of %I exceeded%s",
                            (lua_Integer)s->instruction_budget, s->expired_at);
        } else if (status == LUA_ERRMEM) {
            lua_pop(L, 1);
            lua_gc(L, LUA_GCCOLLECT);
            if (s->memory_exceeded == 2)
                lua_pushfstring(L, "memory budget of %d MiB for one call exceeded",
                                (int)(call_memory / (1024 * 1024)));
            else
                lua_pushfstring(L, "memory budget of %d MiB exceeded",
                                (int)(s->memory_limit / (1024 * 1024)));
        }
    }
    s->last_instructions = s->instructions;
    bool stop_outer = s->interrupted;        /* an interrupt ends the caller too */
    s->instruction_budget = outer.budget;
    s->call_memory_limit = outer.call_memory_limit;
    s->deadline = outer.deadline;
    s->expired_late = outer.expired_late;
    s->instructions = outer.instructions + s->instructions;
    s->armed = outer.armed;
    s->expired = outer.expired;
    s->interrupt = outer.interrupt;
    s->interrupted = outer.interrupted || (stop_outer && outer.armed);
    if (s->armed && (s->expired || s->interrupted))
        lua_sethook(L, sbx_count_hook, LUA_MASKCOUNT, 1);
    return status;
}

int sbx_call(sbx *s, int nargs, int nresults)
{
    return sbx_run(s, nargs, nresults, sbx_message_handler, s->rule_budget, s->rule_seconds,
                   s->memory_limit / 2, NULL);
}

int sbx_call_interactive(sbx *s, int nargs, int nresults, volatile sig_atomic_t *interrupt)
{
    return sbx_run(s, nargs, nresults, sbx_traceback_handler, 0, 0, 0, interrupt);
}

size_t sbx_memory_limit(const sbx *s)
{
    return s->memory_limit;
}

size_t sbx_memory_used(const sbx *s)
{
    return s->memory_used;
}

uint64_t sbx_last_instructions(const sbx *s)
{
    return s->last_instructions;
}
