/*
 * lua_json.h — conversion between Lua values and JSON (jansson), in one
 * place: rule evidence goes Lua -> JSON, article meta goes JSON -> Lua.
 */
#ifndef SPINDLE_LUA_JSON_H
#define SPINDLE_LUA_JSON_H

#include <stddef.h>
#include <jansson.h>
#include <lua.h>

/* Converts the value at idx to a new JSON value (caller owns, json_decref).
 * Tables with keys 1..n become arrays, other tables objects (keys must be
 * strings or numbers); strings, numbers, booleans map as expected (a
 * string that is not valid UTF-8, such as a slice that cut a character, is
 * repaired to U+FFFD); nil is null. Nesting deeper than 16 levels, functions, userdata and cycles are
 * errors: returns NULL with a reason in err. Never raises. */
json_t *lua_json_from_value(lua_State *L, int idx, char *err, size_t errlen);

/* [-0, +1, m] Pushes the JSON value as a Lua value (objects and arrays as
 * tables, null as nil). */
void lua_json_push(lua_State *L, const json_t *value);

#endif
