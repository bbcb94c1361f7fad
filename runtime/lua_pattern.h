/*
 * lua_pattern.h — string.find, string.match, string.gmatch and string.gsub
 * with a time limit.
 *
 * Lua's own pattern matcher backtracks without bound inside one VM
 * instruction: string.rep("a", 60):find(string.rep("a*", 12) .. "b") runs
 * for hours, and no instruction or time hook can stop it. These functions
 * match exactly as Lua 5.4's (the same patterns, captures, position
 * captures, %b, %f, back references, anchors, init positions, gsub
 * replacements and the same error messages) with the same backtracking
 * algorithm, but count their steps and, every few thousand, check the
 * running call's deadline (sbx_check_deadline): a runaway pattern ends with
 * "time budget of S s exceeded", like any other rule that runs too long.
 *
 * lua_pattern_install replaces the four functions in the string library
 * table at index idx (the one strings' methods come from, before the
 * sandbox copies it), so stdlib and rules alike use them.
 */
#ifndef SPINDLE_LUA_PATTERN_H
#define SPINDLE_LUA_PATTERN_H

#include <lua.h>

/* [-0, +0, m] Sets find, match, gmatch and gsub in the table at idx. */
void lua_pattern_install(lua_State *L, int idx);

#endif
