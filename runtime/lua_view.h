/*
 * lua_view.h — read-only views of the tables rules share.
 *
 * Rules are untrusted and share one Lua state: the stdlib's module tables,
 * its lexicons, the doc of the article being scored and the analyses the
 * stdlib memoises on it are the same objects for every rule. A rule sees
 * them only through views, so that it cannot change what another rule
 * sees:
 *
 *   - a view of a table is an empty table whose metatable reads through to
 *     the target: reading a field gives a view of the field's value,
 *     `#`, `pairs`, `ipairs` and `next` work, and writing raises
 *     "read-only"; one target has one view, so identity is kept;
 *   - a view of a function calls the function with the views among its
 *     arguments replaced by their targets (and the rule's own functions
 *     among them wrapped so that what the stdlib passes them is seen
 *     through views again), and gives views of what it returns. So the
 *     stdlib itself always works on its real tables;
 *   - strings, numbers, booleans and userdata are given as they are.
 *
 * A helper module in a rule directory, shared by the rule files that
 * require it, is given as a read-only view whose functions are not wrapped
 * (they are rule code, and get views like the rule that calls them).
 *
 * Writes through a view are allowed in one case: into the tables under a
 * module's `lexicon` field while the rule files load (before view_seal),
 * which is how the docs let a rule file customise a lexicon's maps.
 *
 * The state (caches, metatables) lives in the registry; view_open creates
 * it once per Lua state. Errors: the functions raise Lua errors (memory)
 * like any Lua API call.
 */
#ifndef SPINDLE_LUA_VIEW_H
#define SPINDLE_LUA_VIEW_H

#include <stdbool.h>
#include <lua.h>

/* [-0, +0, m] Creates the view state of L and replaces `rawset` and `next`
 * in the table of safe globals at index globals with view-aware versions
 * (rawset refuses a view; next walks a view's target). */
void view_open(lua_State *L, int globals);

/* [-1, +1, m] Replaces the value on top of the stack with its view (see
 * above); values that need none are left as they are. With helper, the
 * value is a helper module (rule code other rule files share): its tables
 * are read-only views too, but its functions are given as they are, and
 * they see the views the rule gives them, not the targets. */
void view_wrap(lua_State *L, bool helper);

/* [-0, +0, m] Replaces the value at idx with its target when it is a view
 * of a table; anything else is left as it is. */
void view_unwrap(lua_State *L, int idx);

/* [-0, +1, m] Pushes fresh_result(f), for the stdlib's own environment
 * only: marks f as a function whose results are new tables that belong to
 * the caller (lexicon.needs, Lexicon:list), which rules then get as they
 * are, to change at will. Returns f. */
void view_push_fresh_marker(lua_State *L);

/* [-0, +0, -] Ends (sealed = true) or reopens the load phase, when tables
 * under a `lexicon` field may be written through views. */
void view_seal(lua_State *L, bool sealed);

#endif
