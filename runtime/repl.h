/*
 * repl.h — the read-eval-print loop of `spindle repl`.
 *
 * Reads Lua a line at a time (libedit on a terminal: line editing, history,
 * completion; plain reads otherwise), continues a statement that is not
 * finished (as `lua` does), prints the values of an expression without
 * `return` (the pretty printer of stdlib/spindle/repl.lua), and runs dot
 * commands. Code runs in the rules' sandbox with no instruction budget;
 * Ctrl-C stops it through the count hook (the SIGINT handler only sets a
 * flag). An error prints its message and traceback and the prompt goes on.
 */
#ifndef SPINDLE_REPL_H
#define SPINDLE_REPL_H

#include <stdbool.h>
#include <stddef.h>
#include "lua_host.h"

typedef struct repl_options {
    bool         interactive;  /* prompts, line editing, history, completion */
    const char **code;         /* -e chunks, run in order instead of reading input */
    size_t       n_code;
    const char  *history;      /* history file (interactive only); NULL = none */
} repl_options;

/* Runs the loop until end of input, .quit, or (not interactive) the first
 * error. Returns the exit code: 0, or 1 when a non-interactive run or an
 * -e chunk failed. */
int repl_run(host *h, const repl_options *opt);

#endif
