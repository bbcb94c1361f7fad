/*
 * explain.c — runs the stdlib's spindle.explain on one rule and one doc and
 * prints what it gives (see explain.h).
 */
#include "explain.h"

#include <string.h>
#include <jansson.h>
#include <lauxlib.h>
#include "lua_json.h"

/* The Lua side: run, then the account as text or as a table for JSON. */
static const char EXPLAIN_CHUNK[] =
    "local host, doc, rule, json = ...\n"
    "local explain = require('spindle.explain')\n"
    "local trace = explain.run(host, doc, rule)\n"
    "if json then return explain.json(trace) end\n"
    "return explain.text(trace, host.color)\n";

int explain_doc(host *h, const char *rule_id, bool json, FILE *out)
{
    sbx *s = h->rs->sandbox;
    lua_State *L = sbx_state(s);
    int doc = lua_gettop(L);
    ruleset_push_trusted_env(h->rs);
    if (sbx_load(s, EXPLAIN_CHUNK, sizeof EXPLAIN_CHUNK - 1, "=explain") != LUA_OK) {
        fprintf(stderr, "spindle: explain: %s\n", lua_tostring(L, -1));
        lua_settop(L, doc - 1);
        return -1;
    }
    lua_host_push(L, h);
    lua_pushvalue(L, doc);
    lua_pushstring(L, rule_id);
    lua_pushboolean(L, json);
    static volatile sig_atomic_t never;
    if (sbx_call_interactive(s, 4, 1, &never) != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        /* the first line: the traceback is for the REPL */
        const char *nl = msg ? strchr(msg, '\n') : NULL;
        fprintf(stderr, "spindle: %.*s\n", nl ? (int)(nl - msg) : (int)strlen(msg ? msg : "error"),
                msg ? msg : "error");
        lua_settop(L, doc - 1);
        return -1;
    }
    int status = 0;
    if (lua_type(L, -1) == LUA_TSTRING) {
        size_t len;
        const char *text = lua_tolstring(L, -1, &len);
        fwrite(text, 1, len, out);
    } else {
        char err[256];
        json_t *value = lua_json_from_value(L, -1, err, sizeof err);
        if (!value) {
            fprintf(stderr, "spindle: explain: %s\n", err);
            status = -1;
        } else {
            json_dumpf(value, out, JSON_COMPACT | JSON_SORT_KEYS);
            fputc('\n', out);
            json_decref(value);
        }
    }
    lua_settop(L, doc - 1);
    return status;
}
