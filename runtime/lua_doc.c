/*
 * lua_doc.c — the doc, Sentence and Paragraph objects rules read.
 */
#include "lua_doc.h"

#include <string.h>
#include <jansson.h>
#include <lauxlib.h>
#include "lua_json.h"

#define DOC_METATABLE      "spindle.Doc"
#define SENTENCE_METATABLE "spindle.Sentence"
#define DOC_GENERATION     "_generation"
#define DOC_SENTENCES      "_sentences"
#define DOC_PARAGRAPHS     "_paragraphs"
#define DOC_QUOTES         "_quotes"

static doc_context *doc_context_from_upvalue(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* Returns ctx when the doc at index 1 belongs to the article being scored;
 * raises otherwise. */
static doc_context *doc_check_current(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    doc_context *ctx = doc_context_from_upvalue(L);
    lua_getfield(L, 1, DOC_GENERATION);
    lua_Integer gen = lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (ctx->model && (unsigned long)gen == ctx->generation) return ctx;
    if (ctx->revive && lua_getfield(L, 1, DOC_ARTICLE_FIELD) == LUA_TUSERDATA) {
        const article *a = lua_touserdata(L, -1);
        lua_pop(L, 1);
        ctx->revive(ctx->revive_data, a);
        lua_doc_adopt(L, 1, ctx);
        return ctx;
    }
    luaL_error(L, "document is no longer being scored");
    return ctx;
}

void lua_doc_adopt(lua_State *L, int index, const doc_context *ctx)
{
    lua_pushinteger(L, (lua_Integer)ctx->generation);
    lua_setfield(L, index, DOC_GENERATION);
}

/* [-0, +0, m] Builds doc._sentences and doc._paragraphs (doc at index 1)
 * when they are not there yet. */
static void doc_build_structure(lua_State *L, doc_context *ctx)
{
    if (lua_getfield(L, 1, DOC_SENTENCES) == LUA_TTABLE) { lua_pop(L, 1); return; }
    lua_pop(L, 1);
    const text_model *m = ctx->model;
    luaL_checkstack(L, 8, "doc structure");
    lua_createtable(L, (int)m->n_sentences, 0);           /* sentences */
    int sentences = lua_gettop(L);
    lua_createtable(L, (int)m->n_paragraphs, 0);          /* paragraphs */
    int paragraphs = lua_gettop(L);
    for (size_t p = 0; p < m->n_paragraphs; p++) {
        const text_paragraph *para = &m->paragraphs[p];
        lua_createtable(L, 0, 5);
        lua_pushlstring(L, m->body + para->start, para->end - para->start);
        lua_setfield(L, -2, "text");
        lua_pushinteger(L, (lua_Integer)para->start);
        lua_setfield(L, -2, "start");
        lua_pushinteger(L, (lua_Integer)para->end);
        lua_setfield(L, -2, "stop");
        lua_pushinteger(L, (lua_Integer)p + 1);
        lua_setfield(L, -2, "index");
        lua_createtable(L, (int)para->n_sentences, 0);
        lua_setfield(L, -2, "sentences");
        lua_rawseti(L, paragraphs, (lua_Integer)p + 1);
    }
    for (size_t i = 0; i < m->n_sentences; i++) {
        const text_sentence *s = &m->sentences[i];
        lua_createtable(L, 0, 8);
        lua_pushlstring(L, m->body + s->start, s->end - s->start);
        lua_setfield(L, -2, "text");
        lua_pushinteger(L, (lua_Integer)s->start);
        lua_setfield(L, -2, "start");
        lua_pushinteger(L, (lua_Integer)s->end);
        lua_setfield(L, -2, "stop");
        lua_pushinteger(L, (lua_Integer)i + 1);
        lua_setfield(L, -2, "index");
        lua_pushinteger(L, (lua_Integer)s->paragraph + 1);
        lua_setfield(L, -2, "paragraph");
        lua_pushboolean(L, s->quoted);
        lua_setfield(L, -2, "quoted");
        lua_pushboolean(L, s->has_quote);
        lua_setfield(L, -2, "has_quote");
        lua_pushvalue(L, 1);
        lua_setfield(L, -2, "doc");
        luaL_setmetatable(L, SENTENCE_METATABLE);
        /* paragraphs[p].sentences[k] = sentence */
        lua_rawgeti(L, paragraphs, (lua_Integer)s->paragraph + 1);
        lua_getfield(L, -1, "sentences");
        lua_pushvalue(L, -3);
        lua_rawseti(L, -2, (lua_Integer)(i - m->paragraphs[s->paragraph].first_sentence) + 1);
        lua_pop(L, 2);
        lua_rawseti(L, sentences, (lua_Integer)i + 1);
    }
    lua_setfield(L, 1, DOC_PARAGRAPHS);
    lua_setfield(L, 1, DOC_SENTENCES);
}

/* [-1, +1, e] doc:sentences() */
static int l_doc_sentences(lua_State *L)
{
    doc_build_structure(L, doc_check_current(L));
    lua_getfield(L, 1, DOC_SENTENCES);
    return 1;
}

/* [-1, +1, e] doc:paragraphs() */
static int l_doc_paragraphs(lua_State *L)
{
    doc_build_structure(L, doc_check_current(L));
    lua_getfield(L, 1, DOC_PARAGRAPHS);
    return 1;
}

/* [-2, +1, e] doc:sentence_at(offset) */
static int l_doc_sentence_at(lua_State *L)
{
    doc_context *ctx = doc_check_current(L);
    lua_Integer off = luaL_checkinteger(L, 2);
    if (off < 0 || (size_t)off >= ctx->model->len) { lua_pushnil(L); return 1; }
    size_t i = text_sentence_at(ctx->model, (size_t)off);
    if (i == (size_t)-1 || ctx->model->sentences[i].start > (size_t)off) {
        lua_pushnil(L);
        return 1;
    }
    doc_build_structure(L, ctx);
    lua_getfield(L, 1, DOC_SENTENCES);
    lua_rawgeti(L, -1, (lua_Integer)i + 1);
    return 1;
}

/* [-2, +1, e] doc:in_quote(offset) */
static int l_doc_in_quote(lua_State *L)
{
    doc_context *ctx = doc_check_current(L);
    lua_Integer off = luaL_checkinteger(L, 2);
    lua_pushboolean(L, off >= 0 && text_in_quote(ctx->model, (size_t)off));
    return 1;
}

/* [-1, +1, e] doc:quotes(): the quotation spans of the text model, in
 * order, each {start =, stop =} including the quotation marks (an unclosed
 * quotation runs to the end of its paragraph). */
static int l_doc_quotes(lua_State *L)
{
    doc_context *ctx = doc_check_current(L);
    if (lua_getfield(L, 1, DOC_QUOTES) == LUA_TTABLE) return 1;
    lua_pop(L, 1);
    const text_model *m = ctx->model;
    lua_createtable(L, (int)m->n_quotes, 0);
    for (size_t i = 0; i < m->n_quotes; i++) {
        lua_createtable(L, 0, 2);
        lua_pushinteger(L, (lua_Integer)m->quotes[i].start);
        lua_setfield(L, -2, "start");
        lua_pushinteger(L, (lua_Integer)m->quotes[i].end);
        lua_setfield(L, -2, "stop");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, 1, DOC_QUOTES);
    return 1;
}

/* [-2, +1, e] doc:find(re): re:gmatch(doc.body) */
static int l_doc_find(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, luaL_getmetafield(L, 2, "__index") != LUA_TNIL, 2,
                     "spindle.re pattern");
    lua_getfield(L, -1, "gmatch");
    luaL_argexpected(L, lua_isfunction(L, -1), 2, "spindle.re pattern");
    lua_pushvalue(L, 2);
    lua_getfield(L, 1, "body");
    lua_call(L, 2, 1);
    return 1;
}

/* Sentence methods: neighbours through doc._sentences. */
static int sentence_neighbour(lua_State *L, int delta)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "index");
    lua_Integer index = lua_tointeger(L, -1) + delta;
    lua_getfield(L, 1, "doc");
    if (!lua_istable(L, -1) || lua_getfield(L, -1, DOC_SENTENCES) != LUA_TTABLE) {
        lua_pushnil(L);
        return 1;
    }
    if (index < 1) { lua_pushnil(L); return 1; }
    lua_rawgeti(L, -1, index);
    return 1;
}

/* [-1, +1, -] s:prev() */
static int l_sentence_prev(lua_State *L) { return sentence_neighbour(L, -1); }

/* [-1, +1, -] s:next() */
static int l_sentence_next(lua_State *L) { return sentence_neighbour(L, 1); }

/* [-1, +1, -] s:paragraph_sentences() */
static int l_sentence_paragraph_sentences(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "paragraph");
    lua_Integer p = lua_tointeger(L, -1);
    lua_getfield(L, 1, "doc");
    if (!lua_istable(L, -1) || lua_getfield(L, -1, DOC_PARAGRAPHS) != LUA_TTABLE ||
        lua_rawgeti(L, -1, p) != LUA_TTABLE) {
        lua_newtable(L);
        return 1;
    }
    lua_getfield(L, -1, "sentences");
    return 1;
}

/* [-1, +1, -] tostring(sentence) */
static int l_sentence_tostring(lua_State *L)
{
    lua_getfield(L, 1, "text");
    return 1;
}

void lua_doc_register(lua_State *L, doc_context *ctx)
{
    static const luaL_Reg doc_methods[] = {
        { "sentences", l_doc_sentences },
        { "paragraphs", l_doc_paragraphs },
        { "sentence_at", l_doc_sentence_at },
        { "in_quote", l_doc_in_quote },
        { "quotes", l_doc_quotes },
        { "find", l_doc_find },
        { NULL, NULL }
    };
    static const luaL_Reg sentence_methods[] = {
        { "prev", l_sentence_prev },
        { "next", l_sentence_next },
        { "paragraph_sentences", l_sentence_paragraph_sentences },
        { NULL, NULL }
    };
    luaL_newmetatable(L, DOC_METATABLE);
    lua_newtable(L);
    lua_pushlightuserdata(L, ctx);
    luaL_setfuncs(L, doc_methods, 1);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);              /* rules cannot reach or change it */
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);

    luaL_newmetatable(L, SENTENCE_METATABLE);
    lua_newtable(L);
    luaL_setfuncs(L, sentence_methods, 0);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_sentence_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

/* Sets doc[field] = value when value is not NULL. */
static void doc_set_string(lua_State *L, const char *field, const char *value)
{
    if (!value) return;
    lua_pushstring(L, value);
    lua_setfield(L, -2, field);
}

void lua_doc_push(lua_State *L, doc_context *ctx)
{
    const article *a = ctx->article;
    lua_createtable(L, 0, 14);
    doc_set_string(L, "id", a->id);
    doc_set_string(L, "title", a->title ? a->title : "");
    lua_pushlstring(L, a->body, a->body_len);
    lua_setfield(L, -2, "body");
    doc_set_string(L, "url", a->url);
    doc_set_string(L, "outlet", a->outlet);
    doc_set_string(L, "author", a->author);
    doc_set_string(L, "published", a->published);
    doc_set_string(L, "lang", a->lang);
    json_t *meta = a->meta_json ? json_loads(a->meta_json, 0, NULL) : NULL;
    if (meta) { lua_json_push(L, meta); json_decref(meta); }
    else lua_newtable(L);
    lua_setfield(L, -2, "meta");
    if (a->body_line > 0) {
        lua_pushinteger(L, a->body_line);
        lua_setfield(L, -2, "body_line");
    }
    lua_newtable(L);
    lua_setfield(L, -2, "cache");
    lua_pushinteger(L, (lua_Integer)ctx->generation);
    lua_setfield(L, -2, DOC_GENERATION);
    luaL_setmetatable(L, DOC_METATABLE);
}
