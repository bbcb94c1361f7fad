/*
 * lua_rx.h — the Lua face of rx.h: spindle.re(pattern [, flags [, starts]]).
 *
 * starts, an array of strings, declares the words every match begins with,
 * and starts.boundary = true that no letter or digit comes right before a
 * match: matching then tries only where one of them begins
 * (rx_compile_starts; the words are part of the cache key, so a wrong list
 * loses matches only for the code that gave it).
 *
 * spindle.re returns a Regex userdata (metatable "spindle.Regex", hidden
 * from getmetatable so that one rule cannot change it under another; the
 * pattern itself is owned by the engine's rx_cache). Positions are byte
 * offsets, 0-based, end exclusive, in the coordinates of the text they refer
 * to. A subject is either
 *   - a string: positions are offsets into that string, or
 *   - a span table with fields `text` (string) and `start` (non-negative
 *     integer, 0 when absent), such as a sentence or a Match (a userdata
 *     whose __index gives those fields works too): positions, including
 *     `init`, are body offsets (start .. start + #text).
 * A subject must be valid UTF-8 (checked on every call, once per gmatch).
 * `init` defaults to the subject's start; negative is an error, a position
 * before the subject clamps to its start, one past its end to its end, and
 * one inside a character moves to the next character.
 * Methods:
 *   re:test(subject [, init])  -> boolean
 *   re:find(subject [, init])  -> start, stop, cap1, cap2, ...  | nil
 *   re:match(subject [, init]) -> Match | nil
 *   re:gmatch(subject [, init])-> iterator over Match tables (an empty match
 *                                 advances by one character)
 * find's captures are strings, or false for a group that did not take part.
 * A Match is a plain table: { start =, stop =, text =, [1..n] = capture text
 * (false when the group did not take part), [name] = named capture text
 * (false likewise; with (?J) duplicate names, the group that took part),
 * spans = { [i] = {start =, stop =} or false } } with capture spans in the
 * same coordinates. A group named start, stop, text or spans is reachable
 * only by number. A Match can be passed to report{ at = ... }.
 * tostring(re) gives "spindle.re(/pattern/flags)" (flags in the order
 * "imsxU"). __close and __gc forget the pattern; a closed Regex raises
 * "spindle.re: attempt to use a closed regex".
 * Errors are raised with luaL_error, so they start with the calling rule's
 * "file:line:". A bad pattern or flag raises "spindle.re: <reason> at offset
 * N in pattern '<pattern>'" (or "spindle.re: unknown flag 'q' (flags are i,
 * m, s, x, U) in pattern '<pattern>'"); a match that exceeds the match or
 * depth limit raises "spindle.re: match limit exceeded in '<pattern>'".
 * Patterns over 80 bytes are shortened with "..." in messages. Bad
 * arguments raise Lua's usual "bad argument #N to 'find' (...)".
 */
#ifndef SPINDLE_LUA_RX_H
#define SPINDLE_LUA_RX_H

#include <lua.h>
#include "rx.h"

/* [-0, +1, m] Creates the "spindle.Regex" metatable if needed and pushes the
 * spindle.re function, bound to cache (which must outlive the state). */
void lua_rx_push_constructor(lua_State *L, rx_cache *cache);

#endif
