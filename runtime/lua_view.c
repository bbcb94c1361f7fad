/*
 * lua_view.c — read-only views of the tables rules share (see lua_view.h).
 *
 * A view holds its target in a raw field whose key is the address of
 * view_target_key, a light userdata no Lua code can make; `next` and
 * `pairs` are replaced for rules (view_open) so that no raw field of a view
 * can be listed. The rest of the state is seven tables, kept in the
 * registry and given to every closure made here as its first upvalues:
 *   views     target -> view       (weak keys; one view per target)
 *   outward   function -> wrapper  (weak keys; stdlib functions as rules see them)
 *   inward    function -> wrapper  (weak keys; rule functions as the stdlib sees them)
 *   ro_mt     the metatable of views
 *   ext_mt    the metatable of views under a `lexicon` field, writable
 *             while the rule files load
 *   fresh     stdlib functions whose results are new tables the caller
 *             owns (weak keys; fresh_result), given to rules as they are
 *   helper_mt the metatable of views of a helper module's tables: its
 *             functions are rule code and are given as they are
 * A wrapper has the wrapped function as upvalue 8; an outward one also
 * has the field's name it was read from, or nil, as upvalue 9 (for error
 * messages, which cannot name a function called from C) and, as upvalue
 * 10, whether the function's results are fresh (decided when the wrapper
 * is made: the stdlib marks its functions as its modules load).
 */
#include "lua_view.h"

#include <ctype.h>
#include <string.h>
#include <lauxlib.h>

#define VIEW_REGISTRY_KEY "spindle.views"
#define VIEW_SEALED_KEY   "spindle.views.sealed"
#define VIEW_SHARED       7     /* upvalues every view closure starts with */
#define VIEW_WRAPPED      (VIEW_SHARED + 1)
#define VIEW_NAME         (VIEW_SHARED + 2)
#define VIEW_FRESH        (VIEW_SHARED + 3)

/* Where the seven tables are: upvalues inside closures, stack slots outside. */
typedef struct view_slots {
    int views, outward, inward, ro_mt, ext_mt, fresh, helper_mt;
} view_slots;

/* What a view is of, which decides what reading through it gives. */
typedef enum view_kind {
    VIEW_STDLIB,      /* read-only; functions wrapped */
    VIEW_LEXICON,     /* as VIEW_STDLIB, writable until sealed */
    VIEW_HELPER,      /* read-only; functions as they are */
} view_kind;

static const view_slots upvalue_slots = {
    lua_upvalueindex(1), lua_upvalueindex(2), lua_upvalueindex(3),
    lua_upvalueindex(4), lua_upvalueindex(5), lua_upvalueindex(6),
    lua_upvalueindex(7),
};

/* The key of a view's raw field that holds its target. */
static const char view_target_key = 0;

static int view_call_out(lua_State *L);
static int view_call_in(lua_State *L);

/* [-0, +1, m] Pushes closure fn with the seven shared upvalues and `extra`
 * more values taken from the top of the stack (which are popped). */
static void push_closure(lua_State *L, const view_slots *v, lua_CFunction fn, int extra)
{
    int first_extra = lua_gettop(L) - extra + 1;
    luaL_checkstack(L, VIEW_SHARED + extra, "view");
    lua_pushvalue(L, v->views);
    lua_pushvalue(L, v->outward);
    lua_pushvalue(L, v->inward);
    lua_pushvalue(L, v->ro_mt);
    lua_pushvalue(L, v->ext_mt);
    lua_pushvalue(L, v->fresh);
    lua_pushvalue(L, v->helper_mt);
    for (int i = 0; i < extra; i++) lua_pushvalue(L, first_extra + i);
    lua_pushcclosure(L, fn, VIEW_SHARED + extra);
    for (int i = 0; i < extra; i++) lua_remove(L, first_extra);
}

/* [-0, +0|1, -] True when the value at idx is a view; its target is then
 * pushed. */
static bool push_target(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TTABLE) return false;
    if (lua_rawgetp(L, idx, &view_target_key) != LUA_TNIL) return true;
    lua_pop(L, 1);
    return false;
}

/* [-0, +0, m] Replaces the function at idx with its wrapper fn from the
 * cache table at slot `cache`, making (and caching) the wrapper when there
 * is none yet: fn's upvalues are the shared ones, the function, and for an
 * outward wrapper the field name (or nil) and whether the function's
 * results are fresh (fresh_result). */
static void replace_by_wrapper(lua_State *L, const view_slots *v, int idx, int cache,
                               lua_CFunction fn, const char *name)
{
    lua_pushvalue(L, idx);
    if (lua_rawget(L, cache) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_pushvalue(L, idx);
        int extra = 1;
        if (fn == view_call_out) {
            if (name) lua_pushstring(L, name); else lua_pushnil(L);
            lua_pushvalue(L, idx);
            lua_pushboolean(L, lua_rawget(L, v->fresh) != LUA_TNIL);
            lua_remove(L, -2);
            extra = 3;
        }
        push_closure(L, v, fn, extra);
        lua_pushvalue(L, idx);
        lua_pushvalue(L, -2);
        lua_rawset(L, cache);
    }
    lua_replace(L, idx);
}

/* [-0, +0, m] Replaces the value at idx with what a rule may see of it.
 * name (may be NULL) is the field the value was read from. */
static void wrap_at(lua_State *L, const view_slots *v, int idx, view_kind kind, const char *name)
{
    idx = lua_absindex(L, idx);
    int type = lua_type(L, idx);
    if (type == LUA_TTABLE) {
        if (push_target(L, idx)) { lua_pop(L, 1); return; }   /* a view already */
        lua_pushvalue(L, idx);
        if (lua_rawget(L, v->views) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_createtable(L, 0, 1);            /* room for the target's field */
            lua_pushvalue(L, kind == VIEW_LEXICON ? v->ext_mt
                             : kind == VIEW_HELPER ? v->helper_mt : v->ro_mt);
            lua_setmetatable(L, -2);
            lua_pushvalue(L, idx);
            lua_rawsetp(L, -2, &view_target_key);
            lua_pushvalue(L, idx);
            lua_pushvalue(L, -2);
            lua_rawset(L, v->views);
        }
        lua_replace(L, idx);
    } else if (type == LUA_TFUNCTION && kind != VIEW_HELPER) {
        lua_CFunction c = lua_tocfunction(L, idx);
        if (c == view_call_out) return;
        if (c == view_call_in) {                 /* the rule's own function back */
            lua_getupvalue(L, idx, VIEW_WRAPPED);
            lua_replace(L, idx);
            return;
        }
        replace_by_wrapper(L, v, idx, v->outward, view_call_out, name);
    }
}

/* [-0, +0, m] Replaces the value at idx with what the stdlib may see of it:
 * a view by its target, a rule's function by a wrapper that shows it views
 * (when functions is set). */
static void unwrap_at(lua_State *L, const view_slots *v, int idx, bool functions)
{
    idx = lua_absindex(L, idx);
    int type = lua_type(L, idx);
    if (type == LUA_TTABLE) {
        if (push_target(L, idx)) lua_replace(L, idx);
    } else if (type == LUA_TFUNCTION && functions) {
        lua_CFunction c = lua_tocfunction(L, idx);
        if (c == view_call_in) return;
        if (c == view_call_out) {
            lua_getupvalue(L, idx, VIEW_WRAPPED);
            lua_replace(L, idx);
            return;
        }
        replace_by_wrapper(L, v, idx, v->inward, view_call_in, NULL);
    }
}

/* True when msg starts with a "chunk:line:" position. */
static bool has_position(const char *msg)
{
    const char *colon = strchr(msg, ':');
    if (!colon || colon == msg || memchr(msg, '\n', (size_t)(colon - msg))) return false;
    const char *p = colon + 1;
    if (!isdigit((unsigned char)*p)) return false;
    while (isdigit((unsigned char)*p)) p++;
    return *p == ':';
}

/* [-1, +0, e] Raises the error on top again. A message without a position
 * (raised at level 2 by a stdlib function, which now points at this C
 * wrapper) gets the rule's position; "to '?'" gets the function's name. */
static int rethrow(lua_State *L, int err)
{
    if (lua_type(L, err) == LUA_TSTRING) {
        const char *msg = lua_tostring(L, err);
        const char *unknown = strstr(msg, " to '?'");
        if (unknown && lua_type(L, lua_upvalueindex(VIEW_NAME)) == LUA_TSTRING) {
            lua_pushlstring(L, msg, (size_t)(unknown - msg));
            lua_pushfstring(L, " to '%s'", lua_tostring(L, lua_upvalueindex(VIEW_NAME)));
            lua_pushstring(L, unknown + 7);
            lua_concat(L, 3);
            lua_replace(L, err);
            msg = lua_tostring(L, err);
        }
        if (!has_position(msg)) {
            luaL_where(L, 1);
            lua_pushvalue(L, err);
            lua_concat(L, 2);
            lua_replace(L, err);
        }
    }
    lua_settop(L, err);
    return lua_error(L);
}

/* A stdlib function called by a rule: targets in, views out. */
static int view_call_out(lua_State *L)
{
    const view_slots *v = &upvalue_slots;
    int n = lua_gettop(L);
    luaL_checkstack(L, 8, "view call");
    for (int i = 1; i <= n; i++) unwrap_at(L, v, i, true);
    lua_pushvalue(L, lua_upvalueindex(VIEW_WRAPPED));
    lua_insert(L, 1);
    if (lua_pcall(L, n, LUA_MULTRET, 0) != LUA_OK) return rethrow(L, lua_gettop(L));
    int results = lua_gettop(L);
    if (lua_toboolean(L, lua_upvalueindex(VIEW_FRESH))) return results;
    for (int i = 1; i <= results; i++) wrap_at(L, v, i, VIEW_STDLIB, NULL);
    return results;
}

/* A rule's function called by the stdlib: views in, targets out. */
static int view_call_in(lua_State *L)
{
    const view_slots *v = &upvalue_slots;
    int n = lua_gettop(L);
    luaL_checkstack(L, 8, "view call");
    for (int i = 1; i <= n; i++) wrap_at(L, v, i, VIEW_STDLIB, NULL);
    lua_pushvalue(L, lua_upvalueindex(VIEW_WRAPPED));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    int results = lua_gettop(L);
    for (int i = 1; i <= results; i++) unwrap_at(L, v, i, true);
    return results;
}

/* [-0, +1, e] Pushes the target of the view at index 1, or raises. */
static void check_view(lua_State *L)
{
    if (!push_target(L, 1)) luaL_error(L, "not a view");
}

/* The kind of the view at index 1. */
static view_kind kind_of(lua_State *L)
{
    view_kind kind = VIEW_STDLIB;
    if (lua_getmetatable(L, 1)) {
        if (lua_rawequal(L, -1, upvalue_slots.ext_mt)) kind = VIEW_LEXICON;
        else if (lua_rawequal(L, -1, upvalue_slots.helper_mt)) kind = VIEW_HELPER;
        lua_pop(L, 1);
    }
    return kind;
}

static bool is_writable(lua_State *L)
{
    if (kind_of(L) != VIEW_LEXICON) return false;
    bool sealed = lua_getfield(L, LUA_REGISTRYINDEX, VIEW_SEALED_KEY) != LUA_TNIL &&
                  lua_toboolean(L, -1);
    lua_pop(L, 1);
    return !sealed;
}

static int view_index(lua_State *L)
{
    check_view(L);
    lua_pushvalue(L, 2);
    int type = lua_gettable(L, -2);
    if (type != LUA_TTABLE && type != LUA_TFUNCTION) return 1;   /* most reads: as they are */
    const char *name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
    view_kind kind = kind_of(L);
    if (kind == VIEW_STDLIB && name && strcmp(name, "lexicon") == 0) kind = VIEW_LEXICON;
    wrap_at(L, &upvalue_slots, -1, kind, name);
    return 1;
}

static int view_newindex(lua_State *L)
{
    if (!is_writable(L)) {
        const char *name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
        return luaL_error(L, "read-only: rules share this table and cannot change it%s%s%s "
                          "(a lexicon is extended with lexicon:add while the rule file loads)",
                          name ? " (field '" : "", name ? name : "", name ? "')" : "");
    }
    check_view(L);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 3);
    unwrap_at(L, &upvalue_slots, -1, true);
    lua_settable(L, -3);
    return 0;
}

static int view_len(lua_State *L)
{
    check_view(L);
    lua_len(L, -1);
    return 1;
}

/* next(t, k) that walks a view's target (and is plain next otherwise). */
static int view_next(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    if (push_target(L, 1)) {
        lua_replace(L, 1);
        view_kind kind = kind_of(L);
        unwrap_at(L, &upvalue_slots, 2, false);
        if (!lua_next(L, 1)) { lua_pushnil(L); return 1; }
        wrap_at(L, &upvalue_slots, -2, kind, NULL);
        wrap_at(L, &upvalue_slots, -1, kind, NULL);
        return 2;
    }
    if (lua_next(L, 1)) return 2;
    lua_pushnil(L);
    return 1;
}

/* __pairs of views; upvalue VIEW_SHARED + 1 is a view_next closure. */
static int view_pairs(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(VIEW_SHARED + 1));
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* pairs(t) for rules: a table's own __pairs when it has one (views do),
 * else this file's next, so that the primitive next, which would list a
 * view's raw field, is never handed out. */
static int view_pairs_any(lua_State *L)
{
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    lua_pushvalue(L, lua_upvalueindex(VIEW_SHARED + 1));
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

static int view_tostring(lua_State *L)
{
    check_view(L);
    luaL_tolstring(L, -1, NULL);
    return 1;
}

/* rawset(t, k, v) for rules: refuses a view, which would otherwise hide
 * the target's field for every rule that reads it. */
static int view_rawset(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    if (push_target(L, 1))
        return luaL_error(L, "rawset: read-only: rules share this table and cannot change it");
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

/* [-0, +7, m] Pushes the seven shared tables and fills v with their slots. */
static void push_state(lua_State *L, view_slots *v)
{
    luaL_checkstack(L, 8, "view");
    lua_getfield(L, LUA_REGISTRYINDEX, VIEW_REGISTRY_KEY);
    int state = lua_gettop(L);
    for (int i = 1; i <= VIEW_SHARED; i++) lua_rawgeti(L, state, i);
    lua_remove(L, state);
    int base = lua_gettop(L) - VIEW_SHARED + 1;
    *v = (view_slots){ base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6 };
}

/* [-0, +1, m] A new table with weak keys. */
static void push_weak_table(lua_State *L)
{
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
}

void view_open(lua_State *L, int globals)
{
    globals = lua_absindex(L, globals);
    for (int i = 0; i < 3; i++) push_weak_table(L);
    lua_newtable(L);                                   /* ro_mt */
    lua_newtable(L);                                   /* ext_mt */
    push_weak_table(L);                                /* fresh */
    lua_newtable(L);                                   /* helper_mt */
    int base = lua_gettop(L) - VIEW_SHARED + 1;
    view_slots v = { base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6 };
    static const struct { const char *name; lua_CFunction fn; } methods[] = {
        { "__index", view_index }, { "__newindex", view_newindex }, { "__len", view_len },
        { "__pairs", view_pairs }, { "__tostring", view_tostring },
    };
    push_closure(L, &v, view_next, 0);
    int next = lua_gettop(L);
    for (int m = 0; m < 3; m++) {
        int mt = m == 0 ? v.ro_mt : m == 1 ? v.ext_mt : v.helper_mt;
        for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
            lua_pushvalue(L, next);             /* upvalue VIEW_SHARED + 1 of __pairs */
            push_closure(L, &v, methods[i].fn, 1);
            lua_setfield(L, mt, methods[i].name);
        }
        lua_pushliteral(L, "read-only");
        lua_setfield(L, mt, "__metatable");
    }
    push_closure(L, &v, view_rawset, 0);
    lua_setfield(L, globals, "rawset");
    lua_pushvalue(L, next);
    lua_setfield(L, globals, "next");
    lua_pushvalue(L, next);
    push_closure(L, &v, view_pairs_any, 1);
    lua_setfield(L, globals, "pairs");
    lua_createtable(L, VIEW_SHARED, 0);
    for (int i = 1; i <= VIEW_SHARED; i++) {
        lua_pushvalue(L, base + i - 1);
        lua_rawseti(L, -2, i);
    }
    lua_setfield(L, LUA_REGISTRYINDEX, VIEW_REGISTRY_KEY);
    lua_settop(L, base - 1);
}

void view_wrap(lua_State *L, bool helper)
{
    view_slots v;
    push_state(L, &v);
    wrap_at(L, &v, v.views - 1, helper ? VIEW_HELPER : VIEW_STDLIB, NULL);
    lua_settop(L, v.views - 1);
}

void view_unwrap(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (push_target(L, idx)) lua_replace(L, idx);
}

/* fresh_result(f): marks f (see lua_view.h); returns f. */
static int view_fresh_result(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 1);
    lua_pushvalue(L, 1);
    lua_pushboolean(L, 1);
    lua_rawset(L, upvalue_slots.fresh);
    return 1;
}

void view_push_fresh_marker(lua_State *L)
{
    view_slots v;
    push_state(L, &v);
    push_closure(L, &v, view_fresh_result, 0);
    lua_replace(L, v.views);
    lua_settop(L, v.views);
}

void view_seal(lua_State *L, bool sealed)
{
    lua_pushboolean(L, sealed);
    lua_setfield(L, LUA_REGISTRYINDEX, VIEW_SEALED_KEY);
}
