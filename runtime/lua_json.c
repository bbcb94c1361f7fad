/*
 * lua_json.c — Lua <-> JSON conversion for evidence and meta.
 */
#include "lua_json.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <lauxlib.h>
#include "lua_view.h"
#include "utf8.h"

#define LUA_JSON_MAX_DEPTH 16

static json_t *lua_json_convert(lua_State *L, int idx, int depth,
                                char *err, size_t errlen);

/* True when the table at idx is a sequence 1..n with n > 0 and no other
 * keys. */
static bool table_is_array(lua_State *L, int idx, size_t *n)
{
    size_t len = (size_t)lua_rawlen(L, idx), count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        count++;
    }
    *n = len;
    return len > 0 && count == len;
}

static json_t *lua_json_table(lua_State *L, int idx, int depth,
                              char *err, size_t errlen)
{
    if (depth > LUA_JSON_MAX_DEPTH) {
        snprintf(err, errlen, "evidence nested deeper than %d levels (a cycle?)",
                 LUA_JSON_MAX_DEPTH);
        return NULL;
    }
    if (!lua_checkstack(L, 4)) {
        snprintf(err, errlen, "evidence too deep for the Lua stack");
        return NULL;
    }
    size_t n;
    if (table_is_array(L, idx, &n)) {
        json_t *array = json_array();
        for (size_t i = 1; i <= n; i++) {
            lua_rawgeti(L, idx, (lua_Integer)i);
            json_t *item = lua_json_convert(L, lua_gettop(L), depth + 1, err, errlen);
            lua_pop(L, 1);
            if (!item) { json_decref(array); return NULL; }
            json_array_append_new(array, item);
        }
        return array;
    }
    json_t *object = json_object();
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        int kt = lua_type(L, -2);
        if (kt != LUA_TSTRING && kt != LUA_TNUMBER) {
            snprintf(err, errlen, "evidence keys must be strings, not %s",
                     lua_typename(L, kt));
            lua_pop(L, 2);
            json_decref(object);
            return NULL;
        }
        lua_pushvalue(L, -2);
        const char *key = lua_tostring(L, -1);   /* converts the copy only */
        json_t *value = lua_json_convert(L, lua_gettop(L) - 1, depth + 1, err, errlen);
        if (!value) { lua_pop(L, 3); json_decref(object); return NULL; }
        json_object_set_new(object, key, value);
        lua_pop(L, 2);
    }
    return object;
}

static json_t *lua_json_convert(lua_State *L, int idx, int depth,
                                char *err, size_t errlen)
{
    switch (lua_type(L, idx)) {
    case LUA_TNIL:     return json_null();
    case LUA_TBOOLEAN: return json_boolean(lua_toboolean(L, idx));
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) return json_integer((json_int_t)lua_tointeger(L, idx));
        {
            double d = lua_tonumber(L, idx);
            return isfinite(d) ? json_real(d) : json_null();
        }
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        if (utf8_valid(s, len)) return json_stringn(s, len);
        /* a slice that cut a character: keep it, repaired */
        size_t fixed_len;
        char *fixed = utf8_repair(s, len, &fixed_len, NULL);
        json_t *str = json_stringn(fixed, fixed_len);
        free(fixed);
        if (!str) snprintf(err, errlen, "evidence string cannot be stored");
        return str;
    }
    case LUA_TTABLE: {
        lua_pushvalue(L, idx);
        view_unwrap(L, -1);                  /* a table the stdlib gave a rule */
        json_t *json = lua_json_table(L, lua_gettop(L), depth, err, errlen);
        lua_pop(L, 1);
        return json;
    }
    default:
        snprintf(err, errlen, "evidence cannot hold a %s", luaL_typename(L, idx));
        return NULL;
    }
}

json_t *lua_json_from_value(lua_State *L, int idx, char *err, size_t errlen)
{
    return lua_json_convert(L, lua_absindex(L, idx), 0, err, errlen);
}

void lua_json_push(lua_State *L, const json_t *value)
{
    luaL_checkstack(L, 3, "JSON too deep");
    switch (json_typeof(value)) {
    case JSON_OBJECT: {
        const char *key;
        json_t *item;
        lua_createtable(L, 0, (int)json_object_size(value));
        json_object_foreach((json_t *)value, key, item) {
            lua_json_push(L, item);
            lua_setfield(L, -2, key);
        }
        break;
    }
    case JSON_ARRAY: {
        size_t i;
        json_t *item;
        lua_createtable(L, (int)json_array_size(value), 0);
        json_array_foreach(value, i, item) {
            lua_json_push(L, item);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        break;
    }
    case JSON_STRING:
        lua_pushlstring(L, json_string_value(value), json_string_length(value));
        break;
    case JSON_INTEGER: lua_pushinteger(L, (lua_Integer)json_integer_value(value)); break;
    case JSON_REAL:    lua_pushnumber(L, json_real_value(value)); break;
    case JSON_TRUE:    lua_pushboolean(L, 1); break;
    case JSON_FALSE:   lua_pushboolean(L, 0); break;
    default:           lua_pushnil(L); break;
    }
}
