/*
 * test_sandbox.c — unit tests of the rule sandbox (runtime/sandbox.c): the
 * allow-list of globals, isolation between chunk environments, refusal of
 * bytecode, the instruction budget (pcall and coroutines cannot escape it,
 * the next call gets a fresh one), the memory budget, and the counters.
 *
 * Cases that could hang if the budget were escaped run in a child process
 * with an alarm, so a regression shows as a failed check, not a stuck test.
 */
#include "sandbox.h"

#include <lauxlib.h>
#include <lualib.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "util.h"

#define SMALL_BUDGET 100000u
#define MIB          (1024u * 1024u)

/* Loads code as chunk "=name" in a fresh environment and calls it with
 * nresults results. Returns the status; the results or the message are left
 * on the stack. */
static int run_chunk(sbx *s, const char *name, const char *code, int nresults)
{
    char chunkname[128];
    snprintf(chunkname, sizeof chunkname, "=%s", name);
    sbx_push_env(s);
    int status = sbx_load(s, code, strlen(code), chunkname);
    if (status != LUA_OK) return status;
    return sbx_call(s, 0, nresults);
}

/* Runs code returning one value and gives it as a boolean; false (with a
 * message on stderr) when the chunk fails. */
static int chunk_true(sbx *s, const char *code)
{
    lua_State *L = sbx_state(s);
    int status = run_chunk(s, "probe", code, 1);
    int result = status == LUA_OK && lua_toboolean(L, -1);
    if (status != LUA_OK)
        fprintf(stderr, "chunk failed: %s\n  %s\n", code, lua_tostring(L, -1));
    lua_settop(L, 0);
    return result;
}

/* Runs code returning one string into out ("" for a non-string); returns
 * the status (the message goes into out on failure). */
static int chunk_string(sbx *s, const char *name, const char *code,
                        char *out, size_t outlen)
{
    lua_State *L = sbx_state(s);
    int status = run_chunk(s, name, code, 1);
    const char *text = lua_tostring(L, -1);
    snprintf(out, outlen, "%s", text ? text : "");
    lua_settop(L, 0);
    return status;
}

static int starts_with(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* --- the allow-list ------------------------------------------------------ */

static void test_forbidden_globals(void)
{
    static const char *const forbidden[] = {
        "io", "os.execute", "os.getenv", "os.remove", "os.rename", "os.exit",
        "os.tmpname", "debug", "package", "load", "loadstring", "dofile",
        "loadfile", "require", "collectgarbage", "string.dump", "(\"\").dump",
        "_G.io", "_G.load", "_ENV.io",
        NULL
    };
    char err[256];
    sbx *s = sbx_new(0, 0, err, sizeof err);
    CHECK(s != NULL);
    if (!s) return;
    for (const char *const *name = forbidden; *name; name++) {
        char code[256];
        snprintf(code, sizeof code, "return %s == nil", *name);
        CHECK_MSG(chunk_true(s, code), "forbidden global reachable: %s", *name);
    }
    sbx_free(s);
}

static void test_allowed_globals(void)
{
    static const char *const allowed[] = {
        "os.time", "os.date", "os.clock", "string.format", "string.find",
        "string.gsub", "table.concat", "table.sort", "table.insert",
        "math.floor", "math.max", "utf8.char", "utf8.len", "coroutine.wrap",
        "coroutine.create", "pcall", "xpcall", "error", "assert", "pairs",
        "ipairs", "next", "select", "tonumber", "tostring", "type",
        "setmetatable", "getmetatable", "rawget", "rawset", "rawequal",
        "rawlen", "print", "(\"\").upper",
        NULL
    };
    char err[256];
    sbx *s = sbx_new(0, 0, err, sizeof err);
    if (!s) { CHECK(s != NULL); return; }
    for (const char *const *name = allowed; *name; name++) {
        char code[256];
        snprintf(code, sizeof code, "return type(%s) == 'function'", *name);
        CHECK_MSG(chunk_true(s, code), "allowed function missing: %s", *name);
    }
    CHECK(chunk_true(s, "return _VERSION == 'Lua 5.4'"));
    CHECK(chunk_true(s, "return math.pi > 3.14 and math.huge > 0"));
    CHECK(chunk_true(s, "return type(_G) == 'table'"));
    CHECK(chunk_true(s, "return string.format('%05.2f|%d|%s', 2.5, 7, 'x') == '02.50|7|x'"));
    CHECK(chunk_true(s, "return os.date('!%Y', 0) == '1970'"));
    /* The library functions work, not just exist. */
    CHECK(chunk_true(s, "local t = {3, 1, 2}; table.sort(t); return table.concat(t, ',') == '1,2,3'"));
    CHECK(chunk_true(s, "return utf8.char(233) == '\\u{E9}' and ('abc'):upper() == 'ABC'"));
    sbx_free(s);
}

/* Each chunk has its own environment: what one writes, another does not
 * see, whichever route the write takes. */
static void test_env_isolation(void)
{
    char err[256], out[256];
    sbx *s = sbx_new(0, 0, err, sizeof err);
    if (!s) { CHECK(s != NULL); return; }
    lua_State *L = sbx_state(s);

    CHECK_INT(run_chunk(s, "writer", "shared_name = 42; print = nil; string = nil", 0), LUA_OK);
    lua_settop(L, 0);
    CHECK(chunk_true(s, "return shared_name == nil"));
    CHECK(chunk_true(s, "return type(print) == 'function' and type(string) == 'table'"));

    /* A chunk's own globals persist within it (a rule file's locals and
     * globals stay with its functions). */
    CHECK_INT(run_chunk(s, "closure",
                        "counter = 0; return function() counter = counter + 1; return counter end", 1),
              LUA_OK);
    CHECK_INT(sbx_call(s, 0, 0), LUA_OK);   /* the returned function, once */
    CHECK(chunk_true(s, "return counter == nil"));
    lua_settop(L, 0);

    /* Writes through _G, through a library table, or through the string
     * metatable must not reach another chunk either. */
    CHECK_INT(run_chunk(s, "g-writer", "_G.leaked_through_g = 'leak'", 0), LUA_OK);
    lua_settop(L, 0);
    CHECK_MSG(chunk_true(s, "return leaked_through_g == nil"),
              "a write to _G in one chunk is a global in every other chunk");

    CHECK_INT(run_chunk(s, "lib-writer",
                        "string.upper = function() return 'pwned' end; math.floor = nil", 0),
              LUA_OK);
    lua_settop(L, 0);
    CHECK_INT(chunk_string(s, "lib-reader", "return string.upper('a')", out, sizeof out), LUA_OK);
    CHECK_MSG(strcmp(out, "A") == 0,
              "string.upper replaced by another chunk: got '%s'", out);
    CHECK_MSG(chunk_true(s, "return type(math.floor) == 'function'"),
              "math.floor removed by another chunk");

    /* (Whether getmetatable('') answers at all is the sandbox's choice;
     * what matters is that the write does not reach the next chunk.) */
    run_chunk(s, "meta-writer",
              "local mt = getmetatable('')\n"
              "if type(mt) == 'table' then mt.__index.lower = function() return 'pwned' end end", 0);
    lua_settop(L, 0);
    CHECK_INT(chunk_string(s, "meta-reader", "return ('ABC'):lower()", out, sizeof out), LUA_OK);
    CHECK_MSG(strcmp(out, "abc") == 0,
              "string methods replaced through getmetatable(''): got '%s'", out);
    sbx_free(s);
}

/* --- bytecode -------------------------------------------------------------- */

static int buffer_writer(lua_State *L, const void *p, size_t sz, void *ud)
{
    (void)L;
    buf *b = ud;
    buf_append(b, p, sz);
    return 0;
}

static void test_bytecode_refused(void)
{
    /* Dump a function with the plain Lua API, outside any sandbox. */
    lua_State *plain = luaL_newstate();
    buf code = {0};
    CHECK_INT(luaL_loadstring(plain, "return 'from bytecode'"), LUA_OK);
    CHECK_INT(lua_dump(plain, buffer_writer, &code, 0), 0);
    lua_close(plain);
    CHECK(code.len > 4 && code.data[0] == '\x1b');

    char err[256];
    sbx *s = sbx_new(0, 0, err, sizeof err);
    if (!s) { CHECK(s != NULL); buf_free(&code); return; }
    lua_State *L = sbx_state(s);
    int top = lua_gettop(L);
    sbx_push_env(s);
    int status = sbx_load(s, code.data, code.len, "=bytecode");
    CHECK(status != LUA_OK);
    CHECK(lua_gettop(L) == top + 1);                /* the env is gone, the message stays */
    const char *msg = lua_tostring(L, -1);
    CHECK_MSG(msg && strstr(msg, "binary"), "message: %s", msg ? msg : "(none)");
    lua_settop(L, top);

    /* A text chunk loads and runs in the same sandbox; its _ENV is the
     * table given to sbx_load. */
    sbx_push_env(s);
    lua_pushinteger(L, 7);
    lua_setfield(L, -2, "given");
    const char *text = "return given * 6";
    CHECK_INT(sbx_load(s, text, strlen(text), "=text"), LUA_OK);
    CHECK_INT(sbx_call(s, 0, 1), LUA_OK);
    CHECK_INT(lua_tointeger(L, -1), 42);
    lua_settop(L, top);

    /* A syntax error names the chunk and the line. */
    sbx_push_env(s);
    const char *broken = "local x =\n\n+";
    CHECK(sbx_load(s, broken, strlen(broken), "@rules/broken.lua") == LUA_ERRSYNTAX);
    CHECK(starts_with(lua_tostring(L, -1), "rules/broken.lua:3:"));
    lua_settop(L, top);
    sbx_free(s);
    buf_free(&code);
}

/* --- the instruction budget ----------------------------------------------- */

/* Runs code in a new sandbox (instruction budget `budget`) inside a child
 * process that has `seconds` to finish. Returns the status of the call, or
 * -1 when the child did not finish (killed by the alarm, or crashed); the
 * message (or "killed by signal N") goes into msg. */
static int run_in_child(const char *code, uint64_t budget, unsigned seconds,
                        char *msg, size_t msglen)
{
    int fds[2];
    msg[0] = '\0';
    if (pipe(fds) != 0) { snprintf(msg, msglen, "pipe failed"); return -1; }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) { snprintf(msg, msglen, "fork failed"); return -1; }
    if (pid == 0) {
        close(fds[0]);
        alarm(seconds);
        char err[256];
        sbx *s = sbx_new(0, budget, err, sizeof err);
        if (!s) _exit(100);
        int status = run_chunk(s, "child", code, 0);
        const char *text = status == LUA_OK ? "" : lua_tostring(sbx_state(s), -1);
        if (text && write(fds[1], text, strlen(text)) < 0) _exit(101);
        _exit(status);
    }
    close(fds[1]);
    size_t got = 0;
    ssize_t n;
    while (got + 1 < msglen && (n = read(fds[0], msg + got, msglen - 1 - got)) > 0)
        got += (size_t)n;
    msg[got] = '\0';
    close(fds[0]);
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    if (WIFSIGNALED(wstatus)) {
        snprintf(msg, msglen, "killed by signal %d (%s)", WTERMSIG(wstatus),
                 WTERMSIG(wstatus) == SIGALRM ? "the budget did not stop it" : "crash");
        return -1;
    }
    return WEXITSTATUS(wstatus);
}

static void test_instruction_budget(void)
{
    char err[256], msg[512];
    sbx *s = sbx_new(0, SMALL_BUDGET, err, sizeof err);
    if (!s) { CHECK(s != NULL); return; }
    lua_State *L = sbx_state(s);

    /* A plain loop: the message names the budget and where it ran out. */
    CHECK(chunk_string(s, "loop", "local n = 0\nwhile true do n = n + 1 end", msg, sizeof msg)
          == LUA_ERRRUN);
    CHECK_STR(msg, "instruction budget of 100000 exceeded at loop:2");
    CHECK(sbx_last_instructions(s) > SMALL_BUDGET);

    /* The next call runs normally, with a fresh budget: a loop of about
     * half the budget passes twice in a row. */
    const char *half = "local n = 0; for i = 1, 12000 do n = n + i end; return n";
    CHECK_INT(run_chunk(s, "half", half, 1), LUA_OK);
    CHECK_INT(lua_tointeger(L, -1), 72006000);
    lua_settop(L, 0);
    CHECK(sbx_last_instructions(s) > 0 && sbx_last_instructions(s) <= SMALL_BUDGET);
    CHECK_INT(run_chunk(s, "half", half, 1), LUA_OK);
    lua_settop(L, 0);

    /* pcall and xpcall inside the loop cannot swallow the error. */
    CHECK(chunk_string(s, "pcall",
                       "for i = 1, 1e9 do pcall(function() while true do end end) end\n"
                       "return 'escaped'", msg, sizeof msg) == LUA_ERRRUN);
    CHECK(starts_with(msg, "instruction budget of 100000 exceeded"));
    CHECK(chunk_string(s, "xpcall",
                       "while true do xpcall(function() while true do end end,\n"
                       "  function(m) return m end) end", msg, sizeof msg) == LUA_ERRRUN);
    CHECK(starts_with(msg, "instruction budget of 100000 exceeded"));
    CHECK(chunk_string(s, "pcall-error",
                       "local caught = 0\n"
                       "while true do\n"
                       "  local ok = pcall(function() for i = 1, 1e9 do end end)\n"
                       "  if not ok then caught = caught + 1 end\n"
                       "end", msg, sizeof msg) == LUA_ERRRUN);
    CHECK(starts_with(msg, "instruction budget of 100000 exceeded"));

    /* A coroutine that loops inside the call is stopped too. */
    CHECK(chunk_string(s, "wrap",
                       "local co = coroutine.wrap(function() while true do end end)\nco()",
                       msg, sizeof msg) == LUA_ERRRUN);
    CHECK(starts_with(msg, "instruction budget of 100000 exceeded"));
    CHECK(chunk_string(s, "resume",
                       "local f = function() while true do end end\n"
                       "while true do coroutine.resume(coroutine.create(f)) end",
                       msg, sizeof msg) == LUA_ERRRUN);
    CHECK(starts_with(msg, "instruction budget of 100000 exceeded"));

    /* Errors of the rule's own keep their message. */
    CHECK(chunk_string(s, "own", "error('my own failure', 0)", msg, sizeof msg) == LUA_ERRRUN);
    CHECK_STR(msg, "my own failure");
    CHECK(chunk_string(s, "table-error", "error({})", msg, sizeof msg) == LUA_ERRRUN);
    CHECK_STR(msg, "(error object is a table value)");
    CHECK(chunk_string(s, "tostring-error",
                       "error(setmetatable({}, {__tostring = function() return 'described' end}))",
                       msg, sizeof msg) == LUA_ERRRUN);
    CHECK_STR(msg, "described");

    /* And after all that, still a working state. */
    CHECK(chunk_true(s, "return 6 * 7 == 42"));
    CHECK_INT(lua_gettop(L), 0);
    sbx_free(s);

    /* The default budget is what the header says. */
    s = sbx_new(0, 0, err, sizeof err);
    if (s) {
        CHECK(chunk_string(s, "default", "while true do end", msg, sizeof msg) == LUA_ERRRUN);
        CHECK(starts_with(msg, "instruction budget of 50000000 exceeded at default:1"));
        sbx_free(s);
    }

    /* A loop around pcall(coroutine.resume) must stop as well. The shapes
     * below differ only in padding, which moves where the count hook lands
     * in each iteration; every one must end with the budget error. Each runs
     * in a child process with three seconds to do so; the first that does
     * not fails the check and ends the series. */
    int pad, status = LUA_ERRRUN;
    for (pad = 0; pad < 16; pad++) {
        char code[1024] = "local f = function() while true do end end\n"
                          "while true do pcall(function()";
        for (int i = 0; i < pad; i++) strcat(code, " local a = 1;");
        strcat(code, " coroutine.resume(coroutine.create(f)) end) end");
        status = run_in_child(code, SMALL_BUDGET, 3, msg, sizeof msg);
        if (status != LUA_ERRRUN || !starts_with(msg, "instruction budget of 100000 exceeded"))
            break;
    }
    CHECK_MSG(pad == 16, "pcall(coroutine.resume) loop escapes the budget, padding %d: "
              "status %d, %s", pad, status, msg);
}

/* --- the memory budget ---------------------------------------------------- */

static void test_memory_budget(void)
{
    char err[256], msg[512];
    sbx *s = sbx_new(8 * MIB, 0, err, sizeof err);
    if (!s) { CHECK(s != NULL); return; }
    lua_State *L = sbx_state(s);
    size_t at_start = sbx_memory_used(s);
    CHECK(at_start > 0 && at_start < 8 * MIB);

    /* Growing without end fails with the budget's message: one call may
     * take half of the state's budget. */
    CHECK(chunk_string(s, "grow",
                       "local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end",
                       msg, sizeof msg) != LUA_OK);
    CHECK_STR(msg, "memory budget of 4 MiB for one call exceeded");
    CHECK(sbx_memory_used(s) <= 8 * MIB);

    /* One allocation larger than the whole budget says so. */
    CHECK(chunk_string(s, "big", "return string.rep('x', 64 * 1024 * 1024)", msg, sizeof msg)
          != LUA_OK);
    CHECK_STR(msg, "memory budget of 8 MiB exceeded");

    /* The state is usable afterwards, and the garbage went away. */
    CHECK(chunk_true(s, "local t = {} for i = 1, 1000 do t[i] = i end return #t == 1000"));
    lua_gc(L, LUA_GCCOLLECT);
    CHECK_MSG(sbx_memory_used(s) < at_start + 256 * 1024,
              "memory after collect %zu, at start %zu", sbx_memory_used(s), at_start);

    /* The counter follows what the state holds. */
    size_t before = sbx_memory_used(s);
    CHECK_INT(run_chunk(s, "hold", "return string.rep('y', 2 * 1024 * 1024)", 1), LUA_OK);
    size_t holding = sbx_memory_used(s);
    CHECK_MSG(holding >= before + 2 * MIB, "holding %zu, before %zu", holding, before);
    lua_settop(L, 0);
    lua_gc(L, LUA_GCCOLLECT);
    CHECK_MSG(sbx_memory_used(s) < holding - MIB, "after release %zu, holding %zu",
              sbx_memory_used(s), holding);

    /* A memory error a rule catches with pcall is the rule's business; an
     * unrelated error raised afterwards keeps its own message. */
    CHECK(chunk_string(s, "caught",
                       "local ok = pcall(string.rep, 'x', 64 * 1024 * 1024)\n"
                       "return ok and 'no error' or 'caught'", msg, sizeof msg) == LUA_OK);
    CHECK_STR(msg, "caught");
    CHECK(chunk_string(s, "later",
                       "pcall(string.rep, 'x', 64 * 1024 * 1024)\nerror('unrelated', 0)",
                       msg, sizeof msg) == LUA_ERRRUN);
    CHECK_MSG(strcmp(msg, "unrelated") == 0,
              "a caught memory error relabels a later error: got '%s'", msg);
    CHECK(chunk_true(s, "return true"));
    sbx_free(s);
}

/* --- set-up ------------------------------------------------------------------ */

static void test_globals_table(void)
{
    char err[256];
    sbx *s = sbx_new(0, 0, err, sizeof err);
    if (!s) { CHECK(s != NULL); return; }
    lua_State *L = sbx_state(s);

    /* What the engine adds to the shared globals every chunk sees. */
    sbx_push_globals(s);
    lua_pushinteger(L, 99);
    lua_setfield(L, -2, "engine_value");
    lua_pop(L, 1);
    CHECK(chunk_true(s, "return engine_value == 99"));

    /* A fresh env table: reads fall through to the safe globals, writes
     * stay in it. */
    sbx_push_env(s);
    CHECK(lua_istable(L, -1));
    CHECK(lua_getfield(L, -1, "pairs") == LUA_TFUNCTION);
    CHECK(lua_getfield(L, -2, "engine_value") == LUA_TNUMBER);
    lua_pop(L, 2);
    lua_pushinteger(L, 5);
    lua_setfield(L, -2, "written_in_env");
    sbx_push_globals(s);
    CHECK(lua_getfield(L, -1, "written_in_env") == LUA_TNIL);
    lua_settop(L, 0);

    /* sbx_free(NULL) is fine. */
    sbx_free(NULL);
    CHECK(1);
    sbx_free(s);
}

int main(void)
{
    alarm(300);  /* a hang anywhere ends the run instead of stalling `make test` */
    test_forbidden_globals();
    test_allowed_globals();
    test_env_isolation();
    test_bytecode_refused();
    test_instruction_budget();
    test_memory_budget();
    test_globals_table();
    return check_report("test_sandbox");
}
