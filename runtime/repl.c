/*
 * repl.c — the read-eval-print loop (see repl.h). The Lua half (helpers,
 * pretty printer, dot commands, completion) is stdlib/spindle/repl.lua.
 */
#include "repl.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <editline/readline.h>
#include <lauxlib.h>
#include "util.h"
#include "version.h"

/* Set by SIGINT; the sandbox's count hook stops the running code. */
static volatile sig_atomic_t repl_interrupt;

static void repl_on_sigint(int sig)
{
    (void)sig;
    repl_interrupt = 1;
}

typedef struct repl {
    host      *h;
    sbx       *s;
    lua_State *L;
    int        env_ref;      /* the prompt's global table */
    int        globals_ref;  /* the safe globals it falls back to */
    int        host_ref;     /* the host functions */
    int        module_ref;   /* spindle.repl */
} repl;

/* libedit's completion callback has no context pointer. */
static repl *repl_for_completion;

typedef enum eval_status { EVAL_OK, EVAL_ERROR, EVAL_INCOMPLETE, EVAL_QUIT } eval_status;

/* Prints the error message on top of the stack and pops it. */
static void repl_print_error(lua_State *L)
{
    const char *msg = lua_tostring(L, -1);
    fflush(stdout);
    fprintf(stderr, "%s\n", msg ? msg : "(error object is not a string)");
    fflush(stderr);
    lua_pop(L, 1);
}

/* [-0, +0, -] Calls spindle.repl's function `name` with the prompt's env
 * and the nargs values on top (popped), keeping up to one result. Returns
 * the call's status; on error the message is printed. */
static int repl_call_module(repl *r, const char *name, int nargs, int nresults)
{
    lua_State *L = r->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->module_ref);
    lua_getfield(L, -1, name);
    lua_remove(L, -2);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->env_ref);
    lua_rotate(L, -(nargs + 2), 2);                  /* fn, env, args... */
    repl_interrupt = 0;
    int status = sbx_call_interactive(r->s, nargs + 1, nresults, &repl_interrupt);
    if (status != LUA_OK) repl_print_error(L);
    return status;
}

/* [-0, +1, -] Compiles code in the prompt's env: the function, or the
 * error message. */
static int repl_compile(repl *r, const char *code, size_t len, const char *name)
{
    lua_rawgeti(r->L, LUA_REGISTRYINDEX, r->env_ref);
    return sbx_load(r->s, code, len, name);
}

/* Is the syntax error on top of the stack the end of an unfinished
 * statement (the message ends "<eof>", as lua.c decides)? */
static bool repl_incomplete(lua_State *L)
{
    size_t len;
    const char *msg = lua_tolstring(L, -1, &len);
    return msg && len >= 5 && strcmp(msg + len - 5, "<eof>") == 0;
}

/* Evaluates one chunk: a dot command, an expression (its values printed)
 * or statements. may_continue: an unfinished statement asks for more
 * input instead of failing. */
static eval_status repl_eval(repl *r, const char *chunk, const char *name, bool may_continue,
                             unsigned long first_line)
{
    lua_State *L = r->L;
    int top = lua_gettop(L);
    if (chunk[0] == '.' && !strchr(chunk, '\n')) {
        lua_pushstring(L, chunk);
        if (repl_call_module(r, "dot", 1, 1) != LUA_OK) return EVAL_ERROR;
        bool quit = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "quit") == 0;
        bool handled = lua_toboolean(L, -1);
        lua_settop(L, top);
        if (quit) return EVAL_QUIT;
        if (handled) return EVAL_OK;
    }
    /* blank lines first, so that Lua's line numbers are the input's */
    buf code = {0};
    for (unsigned long i = 1; i < first_line; i++) buf_putc(&code, '\n');
    size_t pad = code.len;
    buf_printf(&code, "return %s;", chunk);
    int status = repl_compile(r, code.data, code.len, name);
    if (status != LUA_OK) {
        lua_pop(L, 1);
        code.len = pad;
        buf_puts(&code, chunk);
        status = repl_compile(r, code.data, code.len, name);
        if (status != LUA_OK) {
            if (may_continue && status == LUA_ERRSYNTAX && repl_incomplete(L)) {
                lua_settop(L, top);
                buf_free(&code);
                return EVAL_INCOMPLETE;
            }
            repl_print_error(L);
            lua_settop(L, top);
            buf_free(&code);
            return EVAL_ERROR;
        }
    }
    buf_free(&code);
    repl_interrupt = 0;
    status = sbx_call_interactive(r->s, 0, LUA_MULTRET, &repl_interrupt);
    if (status != LUA_OK) {
        repl_print_error(L);
        lua_settop(L, top);
        return EVAL_ERROR;
    }
    int n = lua_gettop(L) - top;
    if (n > 0) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, r->module_ref);
        lua_getfield(L, -1, "format");
        lua_remove(L, -2);
        lua_insert(L, top + 1);
        if (sbx_call_interactive(r->s, n, 1, &repl_interrupt) != LUA_OK) {
            repl_print_error(L);
            lua_settop(L, top);
            return EVAL_ERROR;
        }
        size_t len;
        const char *text = lua_tolstring(L, -1, &len);
        if (text && len) {
            fwrite(text, 1, len, stdout);
            fputc('\n', stdout);
        }
        fflush(stdout);
    }
    lua_settop(L, top);
    return EVAL_OK;
}

/* The completions found for the word being completed, handed out one by
 * one to libedit. */
static char **completion_list;
static size_t completion_count, completion_next;

static char *repl_completion_entry(const char *text, int state)
{
    (void)text;
    if (state == 0) completion_next = 0;
    if (completion_next >= completion_count) return NULL;
    return strdup(completion_list[completion_next++]);
}

/* [-1, +1, -] For completion: the __index table of a value's metatable,
 * read raw (a doc's methods are behind a protected metatable), or nil. */
static int repl_methods_of(lua_State *L)
{
    if (lua_getmetatable(L, 1) && lua_getfield(L, -1, "__index") == LUA_TTABLE) return 1;
    lua_pushnil(L);
    return 1;
}

static char **repl_complete(const char *text, int start, int end)
{
    (void)start;
    rl_attempted_completion_over = 1;
    repl *r = repl_for_completion;
    for (size_t i = 0; i < completion_count; i++) free(completion_list[i]);
    free(completion_list);
    completion_list = NULL;
    completion_count = 0;
    if (!r) return NULL;
    lua_State *L = r->L;
    int top = lua_gettop(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->module_ref);
    lua_getfield(L, -1, "complete");
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->env_ref);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->globals_ref);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->host_ref);
    lua_pushstring(L, text);
    lua_pushlstring(L, rl_line_buffer, (size_t)end);
    lua_pushcfunction(L, repl_methods_of);
    if (lua_pcall(L, 6, 1, 0) == LUA_OK && lua_istable(L, -1)) {
        size_t n = (size_t)lua_rawlen(L, -1);
        completion_list = xcalloc(n + 1, sizeof *completion_list);
        for (size_t i = 0; i < n; i++) {
            lua_rawgeti(L, -1, (lua_Integer)i + 1);
            const char *s = lua_tostring(L, -1);
            if (s) completion_list[completion_count++] = xstrdup(s);
            lua_pop(L, 1);
        }
    }
    lua_settop(L, top);
    if (completion_count == 0) return NULL;
    return rl_completion_matches(text, repl_completion_entry);
}

/* Builds the prompt's env with the helpers; false (message printed) when
 * the Lua side cannot be loaded. */
static bool repl_setup(repl *r, host *h)
{
    static const char setup[] =
        "local host = ...\n"
        "local repl = require('spindle.repl')\n"
        "repl.install(_ENV, host)\n"
        "return repl\n";
    r->h = h;
    r->s = h->rs->sandbox;
    r->L = sbx_state(r->s);
    lua_State *L = r->L;
    ruleset_push_trusted_env(h->rs);
    r->env_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    sbx_push_globals(r->s);
    r->globals_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_host_push(L, h);
    r->host_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    if (repl_compile(r, setup, sizeof setup - 1, "=repl") != LUA_OK) {
        repl_print_error(L);
        return false;
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->host_ref);
    if (sbx_call_interactive(r->s, 1, 1, &repl_interrupt) != LUA_OK) {
        repl_print_error(L);
        return false;
    }
    r->module_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return true;
}

static void repl_teardown(repl *r)
{
    if (!r->L) return;
    luaL_unref(r->L, LUA_REGISTRYINDEX, r->env_ref);
    luaL_unref(r->L, LUA_REGISTRYINDEX, r->globals_ref);
    luaL_unref(r->L, LUA_REGISTRYINDEX, r->host_ref);
    luaL_unref(r->L, LUA_REGISTRYINDEX, r->module_ref);
}

/* The interactive loop: libedit, prompts, history, completion. */
static void repl_interactive(repl *r, const char *history)
{
    static char word_breaks[] = " \t\n\"'`@$><=;|&{(,)+*/%^~[]#";
    rl_readline_name = "spindle";
    rl_catch_signals = 0;
    rl_completer_word_break_characters = word_breaks;
    rl_attempted_completion_function = repl_complete;
    rl_completion_append_character = '\0';
    repl_for_completion = r;
    using_history();
    stifle_history(1000);
    if (history) read_history(history);
    printf("Spindle %s REPL: the rules and the stdlib are loaded. help() or .help for the helpers.\n",
           SPINDLE_VERSION);
    fflush(stdout);
    buf chunk = {0};
    for (;;) {
        repl_interrupt = 0;
        char *line = readline(chunk.len ? ">> " : "spindle> ");
        if (!line) {
            if (repl_interrupt) {                 /* Ctrl-C at the prompt: start over */
                fputs("\n", stdout);
                chunk.len = 0;
                continue;
            }
            fputs("\n", stdout);
            break;                                /* Ctrl-D */
        }
        if (chunk.len) buf_putc(&chunk, '\n');
        buf_puts(&chunk, line);
        free(line);
        if (chunk.len == 0 || strspn(chunk.data, " \t") == chunk.len) {
            chunk.len = 0;
            continue;
        }
        eval_status st = repl_eval(r, chunk.data, "=stdin", true, 1);
        if (st == EVAL_INCOMPLETE) continue;
        add_history(chunk.data);
        if (history) write_history(history);
        chunk.len = 0;
        chunk.data[0] = '\0';
        if (st == EVAL_QUIT) break;
    }
    buf_free(&chunk);
    repl_for_completion = NULL;
}

/* Standard input without a terminal: the same chunks, no prompts; stops at
 * the first error. Returns the exit code. */
static int repl_script(repl *r)
{
    buf chunk = {0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int code = 0;
    unsigned long lineno = 0, first = 1;
    while ((len = getline(&line, &cap, stdin)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (chunk.len == 0) {
            if (strspn(line, " \t") == (size_t)len) continue;
            first = lineno;
        }
        if (chunk.len) buf_putc(&chunk, '\n');
        buf_puts(&chunk, line);
        eval_status st = repl_eval(r, chunk.data, "=stdin", true, first);
        if (st == EVAL_INCOMPLETE) continue;
        chunk.len = 0;
        chunk.data[0] = '\0';
        if (st == EVAL_QUIT) break;
        if (st == EVAL_ERROR) { code = 1; break; }
    }
    if (code == 0 && chunk.len) {                    /* input ended inside a statement */
        if (repl_eval(r, chunk.data, "=stdin", false, first) == EVAL_ERROR) code = 1;
    }
    free(line);
    buf_free(&chunk);
    return code;
}

int repl_run(host *h, const repl_options *opt)
{
    struct sigaction on_int, old_int;
    memset(&on_int, 0, sizeof on_int);
    on_int.sa_handler = repl_on_sigint;       /* no SA_RESTART: Ctrl-C ends a read */
    sigemptyset(&on_int.sa_mask);
    sigaction(SIGINT, &on_int, &old_int);
    repl r = { .env_ref = LUA_NOREF, .globals_ref = LUA_NOREF, .host_ref = LUA_NOREF,
               .module_ref = LUA_NOREF };
    int code = 0;
    if (!repl_setup(&r, h)) {
        code = 1;
    } else if (opt->n_code) {
        for (size_t i = 0; i < opt->n_code && code == 0; i++) {
            eval_status st = repl_eval(&r, opt->code[i], "=(command line)", false, 1);
            if (st == EVAL_ERROR) code = 1;
            if (st == EVAL_QUIT) break;
        }
    } else if (opt->interactive) {
        repl_interactive(&r, opt->history);
    } else {
        code = repl_script(&r);
    }
    repl_teardown(&r);
    sigaction(SIGINT, &old_int, NULL);
    return code;
}
