/*
 * engine.c — the scorer: prefilter, doc, check(doc, report) per rule, and
 * turning report{} calls into findings.
 */
#include "engine.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <jansson.h>
#include <lauxlib.h>
#include "lua_doc.h"
#include "lua_view.h"
#include "lua_json.h"
#include "text.h"
#include "utf8.h"
#include "util.h"

/* What one rule has taken of what the rules share, over the engine's life. */
typedef struct rule_usage {
    size_t retained;       /* Lua memory kept between calls (measured when the state is large) */
    size_t patterns;       /* regexes compiled while it ran */
    size_t pattern_bytes;  /* and their size */
    bool   off;            /* took more than its share: not run again */
} rule_usage;

struct engine {
    ruleset       *rs;
    doc_context    doc;          /* what doc methods read */
    text_model     model;
    engine_result *out;          /* collecting while a rule runs */
    long           current_rule; /* index of the running rule, -1 outside */
    size_t         call_findings; /* reported by the running rule on this article */
    size_t         call_bytes;    /* their messages, evidence and texts */
    int            report_mt_ref; /* registry ref of the reports' metatable */
    int           *report_refs;  /* per rule: its own report object, or LUA_NOREF */
    size_t         n_reports;    /* entries of report_refs */
    rule_profile  *profile;      /* per rule, rs->n_rules entries */
    rule_usage    *usage;        /* per rule, rs->n_rules entries */
    bool          *needs_hit;    /* per rule: a needs word is in the article */
    bool           model_built;  /* model is the article in hand's */
    double         split_seconds;
    double         needs_seconds;
};

static double engine_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

const rule_profile *engine_profile(const engine *e)
{
    return e->profile;
}

double engine_split_seconds(const engine *e)
{
    return e->split_seconds;
}

double engine_needs_seconds(const engine *e)
{
    return e->needs_seconds;
}

static const char *span_error =
    "report: 'at' must be a sentence, a match, a claim, a table with "
    "start and stop, {start, stop}, or \"title\"";

/* Reads integer field `name` of the table at idx into *out. */
static bool span_field(lua_State *L, int idx, const char *name, lua_Integer *out)
{
    int isnum = 0;
    lua_getfield(L, idx, name);
    *out = lua_tointegerx(L, -1, &isnum);
    lua_pop(L, 1);
    return isnum;
}

/* Resolves report's `at` (table at idx) to a byte span; raises on a shape
 * it does not know. */
static void report_resolve_span(lua_State *L, int idx, lua_Integer *start,
                                lua_Integer *stop)
{
    if (!lua_istable(L, idx)) luaL_error(L, "%s", span_error);
    if (span_field(L, idx, "start", start) && span_field(L, idx, "stop", stop)) return;
    if (lua_getfield(L, idx, "span") == LUA_TTABLE) {
        int span = lua_gettop(L);
        bool ok = span_field(L, span, "start", start) && span_field(L, span, "stop", stop);
        if (!ok) {
            lua_rawgeti(L, span, 1);
            lua_rawgeti(L, span, 2);
            int a = 0, b = 0;
            *start = lua_tointegerx(L, -2, &a);
            *stop = lua_tointegerx(L, -1, &b);
            ok = a && b;
            lua_pop(L, 2);
        }
        lua_pop(L, 1);
        if (ok) return;
    } else {
        lua_pop(L, 1);
    }
    lua_rawgeti(L, idx, 1);
    lua_rawgeti(L, idx, 2);
    int a = 0, b = 0;
    *start = lua_tointegerx(L, -2, &a);
    *stop = lua_tointegerx(L, -1, &b);
    lua_pop(L, 2);
    if (a && b) return;
    if (lua_getfield(L, idx, "sentence") == LUA_TTABLE) {
        int sentence = lua_gettop(L);
        bool ok = span_field(L, sentence, "start", start) && span_field(L, sentence, "stop", stop);
        lua_pop(L, 1);
        if (ok) return;
    } else {
        lua_pop(L, 1);
    }
    luaL_error(L, "%s", span_error);
}

/* Resolves report's `at` (at idx) to a part and a byte span in it: the
 * string "title" is the whole title; a table is resolved by
 * report_resolve_span, and its optional `part` field ("body" or "title")
 * says which text its offsets are in. Raises on anything else. */
static void report_resolve_at(lua_State *L, int idx, const char *title,
                              finding_part *part, lua_Integer *start, lua_Integer *stop)
{
    *part = PART_BODY;
    if (lua_type(L, idx) == LUA_TSTRING) {
        if (strcmp(lua_tostring(L, idx), "title") != 0) luaL_error(L, "%s", span_error);
        *part = PART_TITLE;
        *start = 0;
        *stop = (lua_Integer)strlen(title);
        return;
    }
    if (!lua_istable(L, idx)) luaL_error(L, "%s", span_error);
    int type = lua_getfield(L, idx, "part");
    if (type != LUA_TNIL && !(type == LUA_TSTRING && finding_part_parse(lua_tostring(L, -1), part)))
        luaL_error(L, "report: 'part' of 'at' must be \"body\" or \"title\"");
    lua_pop(L, 1);
    report_resolve_span(L, idx, start, stop);
}

/* 1-based line and column (in characters) of byte off of a title. */
static void title_position(const char *title, size_t off, int *line, int *col)
{
    size_t line_start = 0;
    *line = 1;
    for (size_t i = 0; i < off; i++)
        if (title[i] == '\n') { (*line)++; line_start = i + 1; }
    *col = (int)utf8_count(title + line_start, off - line_start) + 1;
}

/* Moves a position within a part of a (line, col from title_position or
 * text_position) onto the lines of the text file a was read from, when it
 * was read from one (article.h); else leaves it. */
static void file_position(const article *a, finding_part part, int *line, int *col)
{
    if (!a) return;
    if (part == PART_BODY && a->body_line > 0) {
        *line += a->body_line - 1;
    } else if (part == PART_TITLE && a->title_line > 0) {
        if (*line == 1) *col += a->title_col - 1;
        *line += a->title_line - 1;
    }
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Raises on the keys of the report{} table at index 1 that report does not
 * know, all of them, in name order, each with a suggestion when it looks
 * like a typo: "mesage" would otherwise run with the title as message. */
static void engine_check_report_keys(lua_State *L)
{
    static const char *const known[] = { "at", "message", "score", "evidence", NULL };
    const char *unknown[8];
    size_t n = 0;
    bool other = false;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) { other = true; continue; }
        const char *key = lua_tostring(L, -1);     /* the table keeps it alive */
        bool ok = false;
        for (const char *const *k = known; *k; k++) ok = ok || strcmp(key, *k) == 0;
        if (!ok && n < 8) unknown[n++] = key;
    }
    if (n == 0 && !other) return;
    qsort(unknown, n, sizeof *unknown, compare_names);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "report: unknown field");
    if (n + other > 1) luaL_addchar(&b, 's');
    for (size_t i = 0; i < n; i++) {
        const char *near = util_closest(unknown[i], known);
        luaL_addstring(&b, i ? ", '" : " '");
        luaL_addstring(&b, unknown[i]);
        luaL_addchar(&b, '\'');
        if (near) {
            luaL_addstring(&b, " (did you mean '");
            luaL_addstring(&b, near);
            luaL_addstring(&b, "'?)");
        }
    }
    if (other) luaL_addstring(&b, n ? ", and a key that is not a string" : " that is not a string");
    luaL_addstring(&b, " (fields: at, message, score, evidence)");
    luaL_pushresult(&b);
    luaL_where(L, 1);                          /* the rule's file:line first */
    lua_insert(L, -2);
    lua_concat(L, 2);
    lua_error(L);
}

/* [-1, +0, e] report{ at =, message =, score =, evidence = } */
static int l_engine_report(lua_State *L)
{
    engine *e = lua_touserdata(L, lua_upvalueindex(1));
    if (e->current_rule < 0 || !e->out)
        return luaL_error(L, "report: called outside a rule's check");
    luaL_checktype(L, 1, LUA_TTABLE);
    view_unwrap(L, 1);
    engine_check_report_keys(L);
    const rule *r = &e->rs->rules[e->current_rule];
    const text_model *m = &e->model;
    const char *title = e->doc.article && e->doc.article->title ? e->doc.article->title : "";

    lua_getfield(L, 1, "at");
    if (lua_isnil(L, -1)) return luaL_error(L, "report: missing 'at' (what the finding points at)");
    view_unwrap(L, -1);                      /* a sentence or match the stdlib gave */
    lua_Integer start, stop;
    finding_part part;
    report_resolve_at(L, lua_gettop(L), title, &part, &start, &stop);
    lua_pop(L, 1);
    const char *text = part == PART_TITLE ? title : m->body;
    size_t len = part == PART_TITLE ? strlen(title) : m->len;
    if (start < 0 || stop < start || (size_t)stop > len)
        return luaL_error(L, "report: span [%I, %I) is outside the %s (0 .. %I)",
                          start, stop, finding_part_name(part), (lua_Integer)len);
    /* widen a span that cuts a character to whole characters */
    while (start > 0 && ((unsigned char)text[start] & 0xC0) == 0x80) start--;
    while ((size_t)stop < len && stop > start &&
           ((unsigned char)text[stop] & 0xC0) == 0x80) stop++;

    double score = 1.0;
    int type = lua_getfield(L, 1, "score");
    if (type == LUA_TNUMBER) score = lua_tonumber(L, -1);
    else if (type != LUA_TNIL) return luaL_error(L, "report: 'score' must be a number in [0, 1]");
    lua_pop(L, 1);
    if (!(score >= 0 && score <= 1))
        return luaL_error(L, "report: score %f must be in [0, 1]", score);

    if (e->call_findings >= ENGINE_MAX_FINDINGS)
        return luaL_error(L, "report: more than %d findings on one article (the most one "
                          "rule may report on one article)", ENGINE_MAX_FINDINGS);
    type = lua_getfield(L, 1, "message");
    if (type != LUA_TSTRING && type != LUA_TNIL && type != LUA_TNUMBER)
        return luaL_error(L, "report: 'message' must be a string");
    size_t message_len = 0;
    const char *message = type == LUA_TNIL ? r->title : lua_tolstring(L, -1, &message_len);
    if (message_len > ENGINE_MAX_MESSAGE_BYTES)
        return luaL_error(L, "report: 'message' is %I bytes, more than %d (a message is "
                          "one line; put data in 'evidence')",
                          (lua_Integer)message_len, ENGINE_MAX_MESSAGE_BYTES);

    char err[256] = "";
    char *evidence = NULL;
    type = lua_getfield(L, 1, "evidence");
    if (type == LUA_TNIL) {
        evidence = xstrdup("{}");
    } else if (type != LUA_TTABLE) {
        return luaL_error(L, "report: 'evidence' must be a table");
    } else {
        json_t *json = lua_json_from_value(L, -1, err, sizeof err);
        if (!json) return luaL_error(L, "report: %s", err);
        if (!json_is_object(json)) {          /* an array: keep it under "items" */
            json_t *wrap = json_object();
            json_object_set_new(wrap, "items", json);
            json = wrap;
        }
        evidence = json_dumps(json, JSON_COMPACT | JSON_SORT_KEYS);
        json_decref(json);
        if (!evidence) return luaL_error(L, "report: 'evidence' cannot be written as JSON");
        size_t evidence_len = strlen(evidence);
        if (evidence_len > ENGINE_MAX_EVIDENCE_BYTES) {
            free(evidence);
            return luaL_error(L, "report: 'evidence' is %I bytes as JSON, more than %d",
                              (lua_Integer)evidence_len, (int)ENGINE_MAX_EVIDENCE_BYTES);
        }
    }
    size_t cost = strlen(message) + strlen(evidence) + (size_t)(stop - start);
    if (e->call_bytes + cost > ENGINE_MAX_REPORT_BYTES) {
        free(evidence);
        return luaL_error(L, "report: the findings of one article exceed %d MiB (messages, "
                          "evidence and texts)", (int)(ENGINE_MAX_REPORT_BYTES >> 20));
    }
    e->call_findings++;
    e->call_bytes += cost;

    finding *f = finding_list_push(&e->out->findings);
    f->rule_id = xstrdup(r->id);
    f->severity = severity_name(r->severity);
    f->score = r->weight * score;
    f->part = part;
    f->start = (size_t)start;
    f->end = (size_t)stop;
    if (part == PART_TITLE) title_position(title, f->start, &f->line, &f->col);
    else text_position(m, f->start, &f->line, &f->col);
    file_position(e->doc.article, part, &f->line, &f->col);
    f->text = xstrndup(text + f->start, f->end - f->start);
    f->message = utf8_valid(message, strlen(message))
                ? xstrdup(message) : utf8_repair(message, strlen(message), NULL, NULL);
    f->evidence_json = evidence;
    lua_pop(L, 2);
    return 0;
}

/* The registry field that holds the function receiving report.trace
 * calls (set by explain; absent, a trace costs one lookup). */
#define ENGINE_TRACE_SINK "spindle.trace_sink"

/* [-(1|2), +0, e] report.trace(reason [, at]): why a candidate did or did
 * not become a finding, for `spindle explain`. Does nothing unless a sink
 * is set; then calls sink(rule_id, reason, at). */
static int l_engine_trace(lua_State *L)
{
    engine *e = lua_touserdata(L, lua_upvalueindex(1));
    if (lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_TRACE_SINK) != LUA_TFUNCTION) return 0;
    if (e->current_rule < 0) return luaL_error(L, "report.trace: called outside a rule's check");
    luaL_checkstack(L, 4, "report.trace");
    lua_pushstring(L, e->rs->rules[e->current_rule].id);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_call(L, 3, 0);
    return 0;
}

/* [-2, +0, e] report(spec), through the report object's __call. Each rule
 * has its own report object (its index in the userdata): one rule cannot
 * report under another's id by calling its report while the other runs. */
static int l_engine_report_call(lua_State *L)
{
    engine *e = lua_touserdata(L, lua_upvalueindex(1));
    const long *owner = lua_touserdata(L, 1);
    if (owner && e->current_rule >= 0 && *owner != e->current_rule &&
        *owner >= 0 && (size_t)*owner < e->rs->n_rules)
        return luaL_error(L, "report: this report belongs to rule '%s', not to the rule running "
                          "now ('%s'); each rule reports with the report its check was given",
                          e->rs->rules[*owner].id, e->rs->rules[e->current_rule].id);
    lua_remove(L, 1);
    return l_engine_report(L);
}

/* [-0, +1, m] Pushes rule i's report object, made on first use. */
static void engine_push_report(engine *e, lua_State *L, size_t i)
{
    if (e->report_refs[i] != LUA_NOREF) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, e->report_refs[i]);
        return;
    }
    long *owner = lua_newuserdatauv(L, sizeof *owner, 0);
    *owner = (long)i;
    lua_rawgeti(L, LUA_REGISTRYINDEX, e->report_mt_ref);
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    e->report_refs[i] = luaL_ref(L, LUA_REGISTRYINDEX);
}

/* Forgets the report objects (the rules changed). */
static void engine_drop_reports(engine *e, lua_State *L)
{
    for (size_t i = 0; e->report_refs && i < e->n_reports; i++)
        luaL_unref(L, LUA_REGISTRYINDEX, e->report_refs[i]);
    free(e->report_refs);
    e->n_reports = e->rs->n_rules;
    e->report_refs = xcalloc(e->n_reports + 1, sizeof *e->report_refs);
    for (size_t i = 0; i <= e->n_reports; i++) e->report_refs[i] = LUA_NOREF;
}

void engine_set_trace_sink(lua_State *L, int index)
{
    lua_pushvalue(L, index);
    lua_setfield(L, LUA_REGISTRYINDEX, ENGINE_TRACE_SINK);
}

engine *engine_new(ruleset *rs)
{
    engine *e = xcalloc(1, sizeof *e);
    e->rs = rs;
    e->current_rule = -1;
    lua_State *L = sbx_state(rs->sandbox);
    lua_doc_register(L, &e->doc);
    /* report is a userdata (no rule can write into it), one per rule:
     * report{...} finds, report.trace(...) explains */
    lua_createtable(L, 0, 3);
    lua_pushlightuserdata(L, e);
    lua_pushcclosure(L, l_engine_report_call, 1);
    lua_setfield(L, -2, "__call");
    lua_createtable(L, 0, 1);
    lua_pushlightuserdata(L, e);
    lua_pushcclosure(L, l_engine_trace, 1);
    lua_setfield(L, -2, "trace");
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    e->report_mt_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    engine_drop_reports(e, L);
    e->profile = xcalloc(rs->n_rules + 1, sizeof *e->profile);
    e->usage = xcalloc(rs->n_rules + 1, sizeof *e->usage);
    e->needs_hit = xcalloc(rs->n_rules + 1, sizeof *e->needs_hit);
    return e;
}

void engine_free(engine *e)
{
    if (!e) return;
    lua_State *L = sbx_state(e->rs->sandbox);
    for (size_t i = 0; i < e->n_reports; i++) luaL_unref(L, LUA_REGISTRYINDEX, e->report_refs[i]);
    free(e->report_refs);
    luaL_unref(L, LUA_REGISTRYINDEX, e->report_mt_ref);
    text_model_free(&e->model);
    free(e->profile);
    free(e->usage);
    free(e->needs_hit);
    free(e);
}

static void engine_add_error(engine_result *out, size_t rule_index, const char *message)
{
    if (out->n_errors == out->cap_errors) {
        out->cap_errors = out->cap_errors ? out->cap_errors * 2 : 4;
        out->errors = xrealloc(out->errors, out->cap_errors * sizeof *out->errors);
    }
    out->errors[out->n_errors].rule = rule_index;
    out->errors[out->n_errors].message = xstrdup(message);
    out->n_errors++;
}

/* Marks in e->needs_hit the rules that have a needs word in the title or
 * the body: one pass of the shared index over each. */
static void engine_find_needs(engine *e, const article *a)
{
    double t0 = engine_now();
    memset(e->needs_hit, 0, e->rs->n_rules * sizeof *e->needs_hit);
    if (e->rs->needs) {
        needs_index_scan(e->rs->needs, a->body, a->body_len, e->needs_hit);
        if (a->title) needs_index_scan(e->rs->needs, a->title, strlen(a->title), e->needs_hit);
    }
    e->needs_seconds += engine_now() - t0;
}

/* True when rule i has no `needs` or one of its words occurs, in any case,
 * in the title or the body (engine_find_needs has run). A word the index
 * cannot hold is looked for with the rule's own pattern; a matching error
 * (a limit) runs the rule: the prefilter may only skip work, never
 * findings. */
static bool engine_rule_needed(const engine *e, size_t i, const article *a)
{
    const rule *r = &e->rs->rules[i];
    if (!r->needs_filter || e->needs_hit[i]) return true;
    if (!r->needs_rx) return false;
    size_t ovector[2];
    if (rx_match(e->rs->rx, r->needs_rx, a->body, a->body_len, 0, ovector) != 0) return true;
    return a->title && rx_match(e->rs->rx, r->needs_rx, a->title, strlen(a->title), 0, ovector) != 0;
}

/* Makes a the article in hand, with a new doc generation (so docs of
 * earlier articles stop answering). Its text model is built by
 * engine_build_model when the first rule runs: an article that every rule
 * skips (the needs prefilter, or rules already scored) is never split. */
static void engine_select(engine *e, const article *a)
{
    text_model_free(&e->model);
    e->model_built = false;
    e->doc.article = a;
    e->doc.model = NULL;
    e->doc.generation++;
}

static void engine_build_model(engine *e)
{
    if (e->model_built) return;
    double t0 = engine_now();
    text_model_build(&e->model, e->doc.article->body, e->doc.article->body_len);
    e->split_seconds += engine_now() - t0;
    e->doc.model = &e->model;
    e->model_built = true;
}

static void engine_prepare(engine *e, const article *a)
{
    engine_select(e, a);
    engine_build_model(e);
}

void engine_rules_changed(engine *e)
{
    engine_drop_reports(e, sbx_state(e->rs->sandbox));
    size_t n = e->rs->n_rules + 1;
    free(e->profile);
    free(e->usage);
    free(e->needs_hit);
    e->usage = xcalloc(n, sizeof *e->usage);
    e->profile = xcalloc(n, sizeof *e->profile);
    e->needs_hit = xcalloc(n, sizeof *e->needs_hit);
}

void engine_load_article(engine *e, const article *a)
{
    engine_prepare(e, a);
}

doc_context *engine_doc_context(engine *e)
{
    return &e->doc;
}

void engine_push_doc(engine *e, const article *a)
{
    engine_prepare(e, a);
    lua_doc_push(sbx_state(e->rs->sandbox), &e->doc);
}

/* The check of a rule turned off (engine_charge_memory): never called by
 * this engine, which skips such rules, but a valid function. */
static int engine_turned_off(lua_State *L)
{
    return luaL_error(L, "this rule was turned off: it kept too much memory");
}

/* Memory one rule may keep in the Lua state between its calls: a quarter
 * of the budget, so that one rule holding memory leaves the others room. */
static size_t engine_rule_memory(const engine *e)
{
    return sbx_memory_limit(e->rs->sandbox) / 4;
}

/* Before a rule's call: when the state holds more than a quarter of its
 * budget, collects the garbage and returns what is left (the rule's call
 * is then measured); otherwise returns 0 and nothing is measured. Below
 * that mark no rule can hold enough to starve the others. */
static size_t engine_watch_memory(engine *e, lua_State *L)
{
    sbx *s = e->rs->sandbox;
    if (sbx_memory_used(s) <= sbx_memory_limit(s) / 4) return 0;
    lua_gc(L, LUA_GCCOLLECT);
    size_t held = sbx_memory_used(s);
    return held > sbx_memory_limit(s) / 4 ? held : 0;
}

/* After rule i's call, measured from held_before: charges what the state
 * still holds after a collection to the rule. True when the rule has now
 * kept more than its share: it is turned off, and its check function is
 * dropped so that what only it held can be collected. */
static bool engine_charge_memory(engine *e, lua_State *L, size_t i, size_t held_before)
{
    rule_usage *use = &e->usage[i];
    lua_gc(L, LUA_GCCOLLECT);
    size_t held = sbx_memory_used(e->rs->sandbox);
    if (held > held_before) use->retained += held - held_before;
    else use->retained -= held_before - held < use->retained ? held_before - held : use->retained;
    if (use->retained <= engine_rule_memory(e)) return false;
    use->off = true;
    rule *r = &e->rs->rules[i];
    luaL_unref(L, LUA_REGISTRYINDEX, r->check_ref);
    lua_pushcfunction(L, engine_turned_off);
    r->check_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_gc(L, LUA_GCCOLLECT);
    return true;
}

/* What the protected part of engine_run works on. */
typedef struct engine_call {
    engine        *e;
    const article *a;
    const bool    *run_mask;
    size_t         next_rule;   /* the first rule not yet considered */
} engine_call;

/* [-1, +0, e] Runs the rules in protected mode, so that an allocation
 * failure outside a rule (the doc, the stack) becomes an error here rather
 * than a panic. Each rule runs in its own budgeted sbx_call. */
static int engine_run_protected(lua_State *L)
{
    engine_call *call = lua_touserdata(L, 1);
    engine *e = call->e;
    ruleset *rs = e->rs;
    engine_result *out = e->out;
    int doc_index = 0;
    for (; call->next_rule < rs->n_rules; call->next_rule++) {
        size_t i = call->next_rule;
        if (call->run_mask ? !call->run_mask[i] : !rs->rules[i].on) continue;
        const rule *r = &rs->rules[i];
        rule_profile *prof = &e->profile[i];
        double t_needs = engine_now();
        bool needed = engine_rule_needed(e, i, call->a);
        prof->prefilter_seconds += engine_now() - t_needs;
        if (!needed) {
            out->rules_skipped++;
            prof->skipped++;
            continue;
        }
        if (!doc_index) {
            engine_build_model(e);
            lua_doc_push(L, &e->doc);
            view_wrap(L, false);             /* rules read it; none writes it */
            doc_index = lua_gettop(L);
        }
        rule_usage *use = &e->usage[i];
        if (use->off) {
            engine_add_error(out, i, "turned off for the rest of the run: it took more than "
                             "its share of the memory or the pattern cache (see its first error)");
            prof->errors++;
            continue;
        }
        size_t findings_before = out->findings.n;
        size_t held_before = engine_watch_memory(e, L);
        e->current_rule = (long)i;
        e->call_findings = e->call_bytes = 0;
        rx_cache_set_quota(rs->rx, ENGINE_RULE_PATTERNS - use->patterns,
                           ENGINE_RULE_PATTERN_BYTES - use->pattern_bytes);
        luaL_checkstack(L, 4, "rule call");
        lua_rawgeti(L, LUA_REGISTRYINDEX, r->check_ref);
        lua_pushvalue(L, doc_index);
        engine_push_report(e, L, i);
        double t0 = engine_now();
        int status = sbx_call(rs->sandbox, 2, 0);
        size_t added, added_bytes;
        rx_cache_added(rs->rx, &added, &added_bytes);
        rx_cache_set_quota(rs->rx, SIZE_MAX, SIZE_MAX);
        use->patterns += added;
        use->pattern_bytes += added_bytes;
        if (held_before && status == LUA_OK && engine_charge_memory(e, L, i, held_before)) {
            status = LUA_ERRRUN;
            lua_pushfstring(L, "keeps more than %d MiB of memory between articles (its share "
                            "of the %d MiB budget); turned off for the rest of the run",
                            (int)(engine_rule_memory(e) >> 20),
                            (int)(sbx_memory_limit(rs->sandbox) >> 20));
        }
        prof->seconds += engine_now() - t0;
        prof->instructions += sbx_last_instructions(rs->sandbox);
        prof->calls++;
        e->current_rule = -1;
        out->rules_run++;
        if (status != LUA_OK) {
            const char *msg = lua_tostring(L, -1);
            engine_add_error(out, i, msg ? msg : "error");
            lua_pop(L, 1);
            /* a failed rule's partial findings are dropped: all or nothing */
            while (out->findings.n > findings_before)
                finding_clear(&out->findings.items[--out->findings.n]);
            prof->errors++;
        }
        prof->findings += out->findings.n - findings_before;
    }
    return 0;
}

void engine_run(engine *e, const article *a, const bool *run_mask,
                engine_result *out)
{
    ruleset *rs = e->rs;
    lua_State *L = sbx_state(rs->sandbox);
    engine_select(e, a);
    engine_find_needs(e, a);
    e->out = out;
    size_t first_finding = out->findings.n;
    engine_call call = { .e = e, .a = a, .run_mask = run_mask };
    int top = lua_gettop(L);
    while (call.next_rule < rs->n_rules) {
        lua_pushcfunction(L, engine_run_protected);
        lua_pushlightuserdata(L, &call);
        if (lua_pcall(L, 1, 0, 0) == LUA_OK) break;
        /* out of memory outside a rule: that rule fails, the rest go on */
        const char *msg = lua_tostring(L, -1);
        engine_add_error(out, call.next_rule, msg ? msg : "out of memory preparing the article");
        lua_settop(L, top);
        lua_gc(L, LUA_GCCOLLECT);
        e->current_rule = -1;
        call.next_rule++;
    }
    lua_settop(L, top);
    e->current_rule = -1;
    e->out = NULL;
    e->doc.model = NULL;
    out->score = engine_article_score(out->findings.items + first_finding,
                                      out->findings.n - first_finding);
}

double engine_noisy_or(const double *maxima, size_t n)
{
    double keep = 1.0;
    for (size_t i = 0; i < n; i++) keep *= 1.0 - maxima[i];
    return 1.0 - keep;
}

double engine_article_score(const finding *findings, size_t n)
{
    double *maxima = xcalloc(n + 1, sizeof *maxima);
    size_t rules = 0;
    for (size_t i = 0; i < n; i++) {
        bool first = true;
        double top = findings[i].score;
        for (size_t j = 0; j < n; j++) {
            if (strcmp(findings[i].rule_id, findings[j].rule_id) != 0) continue;
            if (j < i) { first = false; break; }
            if (findings[j].score > top) top = findings[j].score;
        }
        if (first) maxima[rules++] = top;
    }
    double score = engine_noisy_or(maxima, rules);
    free(maxima);
    return score;
}

const char *engine_score_band(double score)
{
    return score < 0.3 ? "low" : score < 0.6 ? "medium" : "high";
}

void engine_result_clear(engine_result *r)
{
    finding_list_clear(&r->findings);
    for (size_t i = 0; i < r->n_errors; i++) free(r->errors[i].message);
    r->n_errors = 0;
    r->rules_run = r->rules_skipped = 0;
    r->score = 0;
}

void engine_result_free(engine_result *r)
{
    engine_result_clear(r);
    finding_list_free(&r->findings);
    free(r->errors);
    r->errors = NULL;
    r->cap_errors = 0;
}
