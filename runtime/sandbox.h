/*
 * sandbox.h — the Lua state that rules run in, with its limits.
 *
 * A sandbox owns one lua_State whose allocator enforces a memory budget and
 * whose count hook enforces an instruction budget for every protected call
 * made through sbx_call. Rules see only the allow-listed globals (see the
 * table in sandbox.c): chunks are loaded as text with their own _ENV whose
 * __index is the shared table of safe globals.
 *
 * One sandbox per engine instance (per thread); nothing here is global.
 */
#ifndef SPINDLE_SANDBOX_H
#define SPINDLE_SANDBOX_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <lua.h>

#define SBX_DEFAULT_MEMORY_BYTES  (512u * 1024u * 1024u)
#define SBX_DEFAULT_INSTRUCTIONS  50000000u
/* Wall-clock seconds one call may take (checked by the count hook, so it
 * also ends loops of calls into C, such as pcall around a regex that hits
 * its match limit); the environment variable SPINDLE_RULE_SECONDS
 * overrides it. */
#define SBX_DEFAULT_SECONDS       10.0

typedef struct sbx sbx;

/* Creates a sandbox with the given budgets (0 = the default). Returns NULL
 * and writes a reason into err when the state cannot be created. */
sbx *sbx_new(size_t memory_bytes, uint64_t instruction_budget,
             char *err, size_t errlen);

/* Closes the state and frees the sandbox; NULL is fine. */
void sbx_free(sbx *s);

lua_State *sbx_state(sbx *s);

/* [-0, +1, m] Pushes a fresh environment table for a chunk: reads fall
 * through to the safe globals, writes stay in the table. */
void sbx_push_env(sbx *s);

/* [-0, +1, m] Pushes the shared table of safe globals (for adding engine
 * functions such as `spindle` and `require` at start-up). */
void sbx_push_globals(sbx *s);

/* Loads a text chunk (never bytecode) named chunkname ("@path" for files)
 * and sets its first upvalue (_ENV) to the table on top of the stack, which
 * is popped. On success pushes the function and returns LUA_OK; on error
 * pushes the message and returns the Lua error code. [-1, +1, -] */
int sbx_load(sbx *s, const char *code, size_t len, const char *chunkname);

/* Like lua_pcall with a traceback-free message handler, but with the
 * instruction budget and the time budget armed for the call: when either
 * runs out the call fails with "instruction budget of N exceeded" or "time
 * budget of S s exceeded", and a pcall inside the rule
 * cannot swallow that (the hook re-raises at once). Running out of memory
 * gives "memory budget of N MiB exceeded". Returns the Lua status; on error
 * the message string is on the stack. [-(nargs+1), +(nresults|1), -] */
int sbx_call(sbx *s, int nargs, int nresults);

/* For the REPL: like sbx_call but with no instruction budget, and an error
 * message that ends with a traceback. The call stops with the error
 * "interrupted" once *interrupt becomes non-zero (a SIGINT handler sets
 * it; the count hook checks it, so nothing touches the Lua state from the
 * handler); a pcall inside cannot swallow that. The caller clears
 * *interrupt. Calls may nest (a rule run from the prompt): an inner
 * sbx_call has its own budget, and the outer call's is restored after it. */
int sbx_call_interactive(sbx *s, int nargs, int nresults, volatile sig_atomic_t *interrupt);

/* Starts sampling where Lua code spends its time: from now on the count
 * hook charges the time of every 1,000 instructions (and the C calls among
 * them) to the file:line running when it fires. */
void sbx_sampling_start(sbx *s);

/* Writes the n costliest file:line places to f, with their share of the
 * sampled time, one per line ("  12.3%  stdlib/spindle/sources.lua:412"). */
void sbx_sampling_report(const sbx *s, FILE *f, size_t n);

/* For C functions that can run long inside one Lua instruction (the Lua
 * pattern matcher): raises the call's "time budget of S s exceeded" (which
 * a pcall cannot swallow, as from the hook) when its deadline has passed,
 * and "interrupted" when an interactive call was interrupted. Cheap enough
 * to call every few thousand steps; does nothing outside sbx_call. */
void sbx_check_deadline(lua_State *L);

/* Bytes the state holds now. */
size_t sbx_memory_used(const sbx *s);

/* The state's memory budget (sbx_new's memory_bytes or the default). One
 * sbx_call may grow the state by at most half of it ("memory budget of N
 * MiB for one call exceeded"), so one call cannot take it all. */
size_t sbx_memory_limit(const sbx *s);

/* Instructions (to within the hook step) used by the last sbx_call. */
uint64_t sbx_last_instructions(const sbx *s);

#endif
