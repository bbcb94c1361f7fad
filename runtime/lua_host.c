/*
 * lua_host.c — the REPL's and explain's window on articles, rules and the
 * archive (see lua_host.h).
 */
#include "lua_host.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <lauxlib.h>
#include "input.h"
#include "lua_doc.h"
#include "lua_json.h"
#include "show.h"
#include "utf8.h"
#include "util.h"

#define HOST_ARTICLE "spindle.HostArticle"

static host *host_from_upvalue(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* The engine's callback for a doc used again after another article. */
static void host_revive(void *data, const article *a)
{
    host *h = data;
    engine_load_article(h->e, a);
}

void host_init(host *h, const cli *c, ruleset *rs, engine *e, bool color)
{
    memset(h, 0, sizeof *h);
    h->c = c;
    h->rs = rs;
    h->e = e;
    h->color = color;
    doc_context *ctx = engine_doc_context(e);
    ctx->revive = host_revive;
    ctx->revive_data = h;
}

void host_close(host *h)
{
    db_close(h->archive);
    h->archive = NULL;
}

/* The archive, opened read-only on first use; NULL (with the reason in
 * h->archive_error) when it cannot be. */
static db *host_archive(host *h)
{
    if (!h->archive_tried) {
        h->archive_tried = true;
        h->archive = db_open(h->c->db_path, true, h->archive_error, sizeof h->archive_error);
    }
    return h->archive;
}

static int host_article_gc(lua_State *L)
{
    article *a = luaL_checkudata(L, 1, HOST_ARTICLE);
    article_clear(a);
    return 0;
}

void lua_host_push_doc(lua_State *L, host *h, article *a)
{
    luaL_checkstack(L, 4, "doc");
    article *kept = lua_newuserdatauv(L, sizeof *kept, 0);
    memset(kept, 0, sizeof *kept);
    if (luaL_newmetatable(L, HOST_ARTICLE)) {
        lua_pushcfunction(L, host_article_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
    *kept = *a;
    memset(a, 0, sizeof *a);
    engine_push_doc(h->e, kept);                         /* ud, doc */
    lua_pushliteral(L, DOC_ARTICLE_FIELD);
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
    lua_remove(L, -2);                                   /* doc */
}

/* The article of the host doc at idx; raises when it is not one. */
static const article *host_doc_article(lua_State *L, int idx, const char *fn)
{
    if (lua_type(L, idx) == LUA_TTABLE && lua_getfield(L, idx, DOC_ARTICLE_FIELD) == LUA_TUSERDATA) {
        const article *a = luaL_testudata(L, -1, HOST_ARTICLE);
        lua_pop(L, 1);
        if (a) return a;
    } else if (lua_type(L, idx) == LUA_TTABLE) {
        lua_pop(L, 1);
    }
    luaL_error(L, "%s: argument %d must be an article (from article())", fn, idx);
    return NULL;
}

/* [-0, +1|2, m] get(id) */
static int l_host_get(lua_State *L)
{
    host *h = host_from_upvalue(L);
    const char *id = luaL_checkstring(L, 1);
    db *archive = host_archive(h);
    if (!archive) {
        lua_pushnil(L);
        lua_pushfstring(L, "no archive: %s (give --db FILE)", h->archive_error);
        return 2;
    }
    article a = {0};
    double score = 0;
    int found = db_article_get(archive, id, &a, &score);
    if (found <= 0) {
        lua_pushnil(L);
        if (found < 0) lua_pushstring(L, db_error(archive));
        else lua_pushfstring(L, "no article '%s' in %s", id, h->c->db_path);
        return 2;
    }
    lua_host_push_doc(L, h, &a);
    return 1;
}

/* Keeps the first article read; stops the read. */
static int host_first_article(void *ctx, article *a)
{
    article *first = ctx;
    *first = *a;
    return 1;
}

/* [-0, +1|2, m] file(path) */
static int l_host_file(lua_State *L)
{
    host *h = host_from_upvalue(L);
    const char *path = luaL_checkstring(L, 1);
    article a = {0};
    input_stats stats = {0};
    input_read_path(path, NULL, host_first_article, &a, &stats);
    if (!a.body) {
        lua_pushnil(L);
        lua_pushfstring(L, "%s: no article could be read%s", path,
                        stats.io_errors ? " (see the message above)" : "");
        return 2;
    }
    lua_host_push_doc(L, h, &a);
    return 1;
}

/* A copy of the optional string field name of the table at idx, valid
 * UTF-8 (repaired), or NULL when absent; raises when not a string. */
static char *host_string_field(lua_State *L, int idx, const char *name)
{
    int type = lua_getfield(L, idx, name);
    char *out = NULL;
    if (type == LUA_TSTRING || type == LUA_TNUMBER) {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        out = utf8_valid(s, len) ? xstrndup(s, len) : utf8_repair(s, len, NULL, NULL);
    } else if (type != LUA_TNIL) {
        luaL_error(L, "article{}: field '%s' must be a string", name);
    }
    lua_pop(L, 1);
    return out;
}

/* [-0, +1, m] make{...} */
static int l_host_make(lua_State *L)
{
    static unsigned long counter;
    host *h = host_from_upvalue(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    char *body = host_string_field(L, 1, "body");
    if (!body || !*body) {
        free(body);
        return luaL_error(L, "article{}: 'body' must be a non-empty string");
    }
    article a = {0};
    a.body = body;
    a.body_len = strlen(body);
    a.id = host_string_field(L, 1, "id");
    if (!a.id) {
        char id[32];
        snprintf(id, sizeof id, "repl-%lu", ++counter);
        a.id = xstrdup(id);
    }
    a.title = host_string_field(L, 1, "title");
    if (!a.title) a.title = xstrdup("");
    a.url = host_string_field(L, 1, "url");
    a.outlet = host_string_field(L, 1, "outlet");
    a.author = host_string_field(L, 1, "author");
    a.published = host_string_field(L, 1, "published");
    a.lang = host_string_field(L, 1, "lang");
    a.origin = xstrdup(a.id);
    lua_host_push_doc(L, h, &a);
    return 1;
}

typedef struct host_search {
    lua_State *L;
    int        list;
    lua_Integer n;
} host_search;

static int host_search_row(void *ctx, const char *id, const char *title,
                           const char *snippet, double score)
{
    host_search *s = ctx;
    lua_State *L = s->L;
    lua_createtable(L, 0, 4);
    lua_pushstring(L, id);
    lua_setfield(L, -2, "id");
    lua_pushstring(L, title);
    lua_setfield(L, -2, "title");
    lua_pushstring(L, snippet);
    lua_setfield(L, -2, "snippet");
    lua_pushnumber(L, score);
    lua_setfield(L, -2, "score");
    lua_rawseti(L, s->list, ++s->n);
    return 0;
}

/* [-0, +1|2, m] search(query, limit) */
static int l_host_search(lua_State *L)
{
    host *h = host_from_upvalue(L);
    const char *query = luaL_checkstring(L, 1);
    lua_Integer limit = luaL_optinteger(L, 2, 10);
    luaL_argcheck(L, limit > 0, 2, "the limit must be at least 1");
    db *archive = host_archive(h);
    if (!archive) {
        lua_pushnil(L);
        lua_pushfstring(L, "no archive: %s (give --db FILE)", h->archive_error);
        return 2;
    }
    lua_newtable(L);
    host_search s = { L, lua_gettop(L), 0 };
    if (db_search_each(archive, query, h->color ? "\033[1m" : "[", h->color ? "\033[0m" : "]",
                       (size_t)limit, host_search_row, &s) != 0) {
        lua_pushnil(L);
        lua_pushstring(L, db_error(archive));
        return 2;
    }
    return 1;
}

/* [-0, +1, m] Pushes an array of the strings list[0, n). */
static void host_push_strings(lua_State *L, char *const *list, size_t n)
{
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushstring(L, list[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* [-0, +1, m] rules() */
static int l_host_rules(lua_State *L)
{
    host *h = host_from_upvalue(L);
    lua_createtable(L, (int)h->rs->n_rules, 0);
    for (size_t i = 0; i < h->rs->n_rules; i++) {
        const rule *r = &h->rs->rules[i];
        lua_createtable(L, 0, 11);
        lua_pushstring(L, r->id);
        lua_setfield(L, -2, "id");
        lua_pushstring(L, r->title);
        lua_setfield(L, -2, "title");
        lua_pushstring(L, severity_name(r->severity));
        lua_setfield(L, -2, "severity");
        lua_pushnumber(L, r->weight);
        lua_setfield(L, -2, "weight");
        lua_pushboolean(L, r->on);
        lua_setfield(L, -2, "on");
        lua_pushboolean(L, r->enabled);
        lua_setfield(L, -2, "enabled");
        host_push_strings(L, r->needs, r->n_needs);
        lua_setfield(L, -2, "needs");
        host_push_strings(L, r->tags, r->n_tags);
        lua_setfield(L, -2, "tags");
        lua_pushstring(L, r->description);
        lua_setfield(L, -2, "description");
        lua_pushstring(L, r->file);
        lua_setfield(L, -2, "file");
        lua_pushinteger(L, r->line);
        lua_setfield(L, -2, "line");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* [-0, +1, m] Pushes finding f as a table. */
static void host_push_finding(lua_State *L, const finding *f)
{
    lua_createtable(L, 0, 11);
    lua_pushstring(L, f->rule_id);
    lua_setfield(L, -2, "rule");
    lua_pushstring(L, f->severity);
    lua_setfield(L, -2, "severity");
    lua_pushnumber(L, f->score);
    lua_setfield(L, -2, "score");
    lua_pushstring(L, finding_part_name(f->part));
    lua_setfield(L, -2, "part");
    lua_pushinteger(L, (lua_Integer)f->start);
    lua_setfield(L, -2, "start");
    lua_pushinteger(L, (lua_Integer)f->end);
    lua_setfield(L, -2, "stop");
    lua_pushinteger(L, f->line);
    lua_setfield(L, -2, "line");
    lua_pushinteger(L, f->col);
    lua_setfield(L, -2, "col");
    lua_pushstring(L, f->text);
    lua_setfield(L, -2, "text");
    lua_pushstring(L, f->message);
    lua_setfield(L, -2, "message");
    json_t *evidence = json_loads(f->evidence_json ? f->evidence_json : "{}", 0, NULL);
    if (evidence) {
        lua_json_push(L, evidence);
        json_decref(evidence);
    } else {
        lua_newtable(L);
    }
    lua_setfield(L, -2, "evidence");
}

/* [-0, +3, m] Runs the rules of mask (NULL: those that are on) on a and
 * pushes the findings, the rule errors and the article score. */
static void host_run(lua_State *L, host *h, const article *a, const bool *mask)
{
    engine_result result = {0};
    engine_run(h->e, a, mask, &result);
    lua_createtable(L, (int)result.findings.n, 0);
    for (size_t i = 0; i < result.findings.n; i++) {
        host_push_finding(L, &result.findings.items[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_createtable(L, (int)result.n_errors, 0);
    for (size_t i = 0; i < result.n_errors; i++) {
        lua_pushfstring(L, "%s: %s", h->rs->rules[result.errors[i].rule].id,
                        result.errors[i].message);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_pushnumber(L, result.score);
    engine_result_free(&result);
}

/* [-0, +2, m] run(rule_id, doc) */
static int l_host_run(lua_State *L)
{
    host *h = host_from_upvalue(L);
    const char *id = luaL_checkstring(L, 1);
    const article *a = host_doc_article(L, 2, "run");
    long i = ruleset_find(h->rs, id);
    if (i < 0) return luaL_error(L, "run: no rule '%s' is loaded (see rules())", id);
    bool *mask = lua_newuserdatauv(L, h->rs->n_rules + 1, 0);   /* freed by the GC */
    memset(mask, 0, h->rs->n_rules + 1);
    mask[i] = true;
    host_run(L, h, a, mask);
    lua_pop(L, 1);                                               /* the score */
    return 2;
}

/* [-0, +3, m] run_all(doc) */
static int l_host_run_all(lua_State *L)
{
    host *h = host_from_upvalue(L);
    const article *a = host_doc_article(L, 1, "run_all");
    host_run(L, h, a, NULL);
    return 3;
}

/* Reads the finding table at idx into f (strings copied). */
static void host_read_finding(lua_State *L, int idx, finding *f)
{
    memset(f, 0, sizeof *f);
    lua_getfield(L, idx, "rule");
    f->rule_id = xstrdup(luaL_optstring(L, -1, "?"));
    lua_getfield(L, idx, "severity");
    const char *sev = luaL_optstring(L, -1, "info");
    f->severity = strcmp(sev, "high") == 0 ? "high" : strcmp(sev, "medium") == 0 ? "medium"
                : strcmp(sev, "low") == 0 ? "low" : "info";
    lua_getfield(L, idx, "score");
    f->score = luaL_optnumber(L, -1, 0);
    lua_getfield(L, idx, "part");
    f->part = strcmp(luaL_optstring(L, -1, "body"), "title") == 0 ? PART_TITLE : PART_BODY;
    lua_getfield(L, idx, "start");
    f->start = (size_t)luaL_optinteger(L, -1, 0);
    lua_getfield(L, idx, "stop");
    f->end = (size_t)luaL_optinteger(L, -1, (lua_Integer)f->start);
    lua_getfield(L, idx, "line");
    f->line = (int)luaL_optinteger(L, -1, 0);
    lua_getfield(L, idx, "col");
    f->col = (int)luaL_optinteger(L, -1, 0);
    lua_getfield(L, idx, "text");
    f->text = xstrdup(luaL_optstring(L, -1, ""));
    lua_getfield(L, idx, "message");
    f->message = xstrdup(luaL_optstring(L, -1, ""));
    lua_pop(L, 10);
    f->evidence_json = NULL;
    if (lua_getfield(L, idx, "evidence") == LUA_TTABLE) {
        char err[128];
        json_t *json = lua_json_from_value(L, -1, err, sizeof err);
        if (json) {
            f->evidence_json = json_dumps(json, JSON_COMPACT | JSON_SORT_KEYS);
            json_decref(json);
        }
    }
    lua_pop(L, 1);
    if (!f->evidence_json) f->evidence_json = xstrdup("{}");
}

/* [-0, +0, m] show(doc, findings) */
static int l_host_show(lua_State *L)
{
    host *h = host_from_upvalue(L);
    const article *a = host_doc_article(L, 1, "show");
    luaL_checktype(L, 2, LUA_TTABLE);
    size_t n = (size_t)luaL_len(L, 2);
    size_t body_len = a->body_len, title_len = strlen(a->title ? a->title : "");
    finding *items = lua_newuserdatauv(L, (n ? n : 1) * sizeof *items, 0);
    memset(items, 0, (n ? n : 1) * sizeof *items);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (lua_geti(L, 2, (lua_Integer)i + 1) == LUA_TTABLE) {
            host_read_finding(L, lua_gettop(L), &items[kept]);
            size_t limit = items[kept].part == PART_TITLE ? title_len : body_len;
            if (items[kept].start <= items[kept].end && items[kept].end <= limit) kept++;
            else finding_clear(&items[kept]);
        }
        lua_pop(L, 1);
    }
    /* in text order, title first, as `spindle show` lists them */
    for (size_t i = 1; i < kept; i++)
        for (size_t j = i; j > 0; j--) {
            finding *x = &items[j - 1], *y = &items[j];
            bool later = x->part == PART_BODY && y->part == PART_TITLE;
            if (!later && x->part == y->part && y->start < x->start) later = true;
            if (!later) break;
            finding t = *x; *x = *y; *y = t;
        }
    double score = engine_article_score(items, kept);
    fflush(stdout);
    show_article(stdout, a, score, items, kept, h->color);
    fflush(stdout);
    for (size_t i = 0; i < kept; i++) finding_clear(&items[i]);
    return 0;
}

/* [-0, +2, m] reload() */
static int l_host_reload(lua_State *L)
{
    host *h = host_from_upvalue(L);
    size_t before = h->rs->n_problems;
    size_t changed = cli_reload_rules(h->c, h->rs);
    engine_rules_changed(h->e);
    lua_pushinteger(L, (lua_Integer)changed);
    host_push_strings(L, h->rs->problems + before, h->rs->n_problems - before);
    return 2;
}

/* [-0, +0, -] trace(fn | nil) */
static int l_host_trace(lua_State *L)
{
    if (!lua_isnoneornil(L, 1)) luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 1);
    engine_set_trace_sink(L, 1);
    return 0;
}

/* [-0, +0, -] write(...) */
static int l_host_write(lua_State *L)
{
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_checklstring(L, i, &len);
        fwrite(s, 1, len, stdout);
    }
    fflush(stdout);
    return 0;
}

void lua_host_push(lua_State *L, host *h)
{
    static const luaL_Reg functions[] = {
        { "get", l_host_get },         { "file", l_host_file },
        { "make", l_host_make },       { "search", l_host_search },
        { "rules", l_host_rules },     { "run", l_host_run },
        { "run_all", l_host_run_all }, { "show", l_host_show },
        { "reload", l_host_reload },   { "trace", l_host_trace },
        { "write", l_host_write },     { NULL, NULL }
    };
    luaL_checkstack(L, 4, "host");
    lua_createtable(L, 0, 12);
    lua_pushlightuserdata(L, h);
    luaL_setfuncs(L, functions, 1);
    lua_pushboolean(L, h->color);
    lua_setfield(L, -2, "color");
}
