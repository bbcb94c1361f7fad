/*
 * lua_pattern.c — Lua 5.4's pattern matching, with a time limit (see
 * lua_pattern.h for why).
 *
 * The matcher is a backtracking recursive descent over the pattern, as the
 * Lua manual's pattern semantics require: single-character classes with
 * the quantifiers * + - ?, captures (and position captures), %b, %f and
 * back references. Every step (a call of match_at or of one_char) is
 * counted; every PATTERN_CHECK_STEPS steps the sandbox's deadline is
 * checked, which raises when the running call is out of time.
 */
#include "lua_pattern.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <lauxlib.h>
#include "sandbox.h"

#define PATTERN_ESCAPE        '%'
#define PATTERN_SPECIALS      "^$*+?.([%-"
#define PATTERN_MAX_CAPTURES  32      /* LUA_MAXCAPTURES */
#define PATTERN_MAX_DEPTH     200     /* nesting of match_at, as Lua's MAXCCALLS */
#define PATTERN_CHECK_STEPS   4096u
#define CAPTURE_UNFINISHED    (-1)
#define CAPTURE_POSITION      (-2)

typedef struct pattern_state {
    const char *subject, *subject_end;   /* the whole subject */
    const char *pattern_end;
    lua_State  *L;
    int         depth_left;
    unsigned    steps;
    int         level;                   /* captures open or closed so far */
    struct {
        const char *start;
        ptrdiff_t   len;                 /* or CAPTURE_UNFINISHED, CAPTURE_POSITION */
    } capture[PATTERN_MAX_CAPTURES];
} pattern_state;

static const char *match_at(pattern_state *ps, const char *s, const char *p);

/* Counts a step; checks the deadline now and then. */
static inline void step(pattern_state *ps)
{
    if (++ps->steps >= PATTERN_CHECK_STEPS) {
        ps->steps = 0;
        sbx_check_deadline(ps->L);
    }
}

/* The end of the single-character class that starts at p. */
static const char *class_end(pattern_state *ps, const char *p)
{
    char c = *p++;
    if (c == PATTERN_ESCAPE) {
        if (p == ps->pattern_end) luaL_error(ps->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c == '[') {
        if (*p == '^') p++;
        do {                                 /* the first character is always in the set */
            if (p == ps->pattern_end) luaL_error(ps->L, "malformed pattern (missing ']')");
            if (*(p++) == PATTERN_ESCAPE && p < ps->pattern_end) p++;
        } while (*p != ']');
        return p + 1;
    }
    return p;
}

/* Does character c belong to class letter cl (%a, %d, ... or a literal)?
 * Spindle keeps the C locale: only ASCII letters have cases. */
static bool in_class(int c, int cl)
{
    bool yes;
    switch (cl | 0x20) {                     /* an ASCII letter in lower case */
    case 'a': yes = isalpha(c); break;
    case 'c': yes = iscntrl(c); break;
    case 'd': yes = isdigit(c); break;
    case 'g': yes = isgraph(c); break;
    case 'l': yes = islower(c); break;
    case 'p': yes = ispunct(c); break;
    case 's': yes = isspace(c); break;
    case 'u': yes = isupper(c); break;
    case 'w': yes = isalnum(c); break;
    case 'x': yes = isxdigit(c); break;
    case 'z': yes = c == 0; break;         /* deprecated in Lua, still there */
    default:  return cl == c;
    }
    return cl >= 'A' && cl <= 'Z' ? !yes : yes;
}

/* Does c belong to the set [p .. set_end], p at '[' and set_end at ']'? */
static bool in_set(int c, const char *p, const char *set_end)
{
    bool yes = true;
    if (*(p + 1) == '^') { yes = false; p++; }
    while (++p < set_end) {
        if (*p == PATTERN_ESCAPE) {
            p++;
            if (in_class(c, (unsigned char)*p)) return yes;
        } else if (*(p + 1) == '-' && p + 2 < set_end) {
            p += 2;
            if ((unsigned char)*(p - 2) <= c && c <= (unsigned char)*p) return yes;
        } else if ((unsigned char)*p == c) {
            return yes;
        }
    }
    return !yes;
}

/* Does the character at s match the class item [p, ep)? */
static bool one_char(pattern_state *ps, const char *s, const char *p, const char *ep)
{
    step(ps);
    if (s >= ps->subject_end) return false;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.': return true;
    case PATTERN_ESCAPE: return in_class(c, (unsigned char)*(p + 1));
    case '[': return in_set(c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

/* %bxy at s: a balanced run from x to its y. */
static const char *match_balance(pattern_state *ps, const char *s, const char *p)
{
    if (p >= ps->pattern_end - 1)
        luaL_error(ps->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= ps->subject_end || *s != *p) return NULL;
    char open = *p, close = *(p + 1);
    int depth = 1;
    while (++s < ps->subject_end) {
        step(ps);
        if (*s == close) {
            if (--depth == 0) return s + 1;
        } else if (*s == open) {
            depth++;
        }
    }
    return NULL;
}

/* Greedy: as many as match, then give back one at a time. */
static const char *max_expand(pattern_state *ps, const char *s, const char *p, const char *ep)
{
    ptrdiff_t n = 0;
    while (one_char(ps, s + n, p, ep)) n++;
    for (; n >= 0; n--) {
        const char *res = match_at(ps, s + n, ep + 1);
        if (res) return res;
    }
    return NULL;
}

/* Lazy: as few as let the rest match. */
static const char *min_expand(pattern_state *ps, const char *s, const char *p, const char *ep)
{
    for (;;) {
        const char *res = match_at(ps, s, ep + 1);
        if (res) return res;
        if (!one_char(ps, s, p, ep)) return NULL;
        s++;
    }
}

static const char *start_capture(pattern_state *ps, const char *s, const char *p, ptrdiff_t what)
{
    if (ps->level >= PATTERN_MAX_CAPTURES) luaL_error(ps->L, "too many captures");
    ps->capture[ps->level].start = s;
    ps->capture[ps->level].len = what;
    ps->level++;
    const char *res = match_at(ps, s, p);
    if (!res) ps->level--;
    return res;
}

static const char *end_capture(pattern_state *ps, const char *s, const char *p)
{
    int l = -1;
    for (int i = ps->level - 1; i >= 0; i--)
        if (ps->capture[i].len == CAPTURE_UNFINISHED) { l = i; break; }
    if (l < 0) luaL_error(ps->L, "invalid pattern capture");
    ps->capture[l].len = s - ps->capture[l].start;
    const char *res = match_at(ps, s, p);
    if (!res) ps->capture[l].len = CAPTURE_UNFINISHED;
    return res;
}

/* %1 .. %9: the text of a closed capture again. */
static const char *match_back_reference(pattern_state *ps, const char *s, int digit)
{
    int l = digit - '1';
    if (l < 0 || l >= ps->level || ps->capture[l].len == CAPTURE_UNFINISHED)
        luaL_error(ps->L, "invalid capture index %%%d", l + 1);
    size_t len = (size_t)ps->capture[l].len;
    if ((size_t)(ps->subject_end - s) >= len && memcmp(ps->capture[l].start, s, len) == 0)
        return s + len;
    return NULL;
}

/* Matches pattern p at subject position s: the end of the match, or NULL. */
static const char *match_at(pattern_state *ps, const char *s, const char *p)
{
    if (ps->depth_left-- == 0) luaL_error(ps->L, "pattern too complex");
    step(ps);
    for (;;) {
        if (p == ps->pattern_end) break;
        if (*p == '(') {
            s = *(p + 1) == ')' ? start_capture(ps, s, p + 2, CAPTURE_POSITION)
                                : start_capture(ps, s, p + 1, CAPTURE_UNFINISHED);
            break;
        }
        if (*p == ')') { s = end_capture(ps, s, p + 1); break; }
        if (*p == '$' && p + 1 == ps->pattern_end) {
            if (s != ps->subject_end) s = NULL;
            break;
        }
        if (*p == PATTERN_ESCAPE && *(p + 1) == 'b') {
            s = match_balance(ps, s, p + 2);
            if (!s) break;
            p += 4;
            continue;
        }
        if (*p == PATTERN_ESCAPE && *(p + 1) == 'f') {
            p += 2;
            if (*p != '[') luaL_error(ps->L, "missing '[' after '%%f' in pattern");
            const char *ep = class_end(ps, p);
            int before = s == ps->subject ? '\0' : (unsigned char)*(s - 1);
            int here = s < ps->subject_end ? (unsigned char)*s : '\0';
            if (!in_set(before, p, ep - 1) && in_set(here, p, ep - 1)) { p = ep; continue; }
            s = NULL;
            break;
        }
        if (*p == PATTERN_ESCAPE && isdigit((unsigned char)*(p + 1))) {
            s = match_back_reference(ps, s, (unsigned char)*(p + 1));
            if (!s) break;
            p += 2;
            continue;
        }
        /* a single-character class, perhaps with a quantifier */
        const char *ep = class_end(ps, p);
        if (!one_char(ps, s, p, ep)) {
            if (*ep == '*' || *ep == '?' || *ep == '-') { p = ep + 1; continue; }
            s = NULL;
            break;
        }
        if (*ep == '?') {
            const char *res = match_at(ps, s + 1, ep + 1);
            if (res) { s = res; break; }
            p = ep + 1;
            continue;
        }
        if (*ep == '+') { s = max_expand(ps, s + 1, p, ep); break; }
        if (*ep == '*') { s = max_expand(ps, s, p, ep); break; }
        if (*ep == '-') { s = min_expand(ps, s, p, ep); break; }
        s++;
        p = ep;
    }
    ps->depth_left++;
    return s;
}

/* The single-character item every match of p (anchor removed) must begin
 * with, past any opening captures, or NULL when a match may begin with
 * anything or with nothing (a quantifier that allows none, %b, %f, a back
 * reference, a malformed item). Sets *item_end past the item. Raises
 * nothing: an error of the pattern is the matcher's to raise. */
static const char *first_item(const char *p, const char *pattern_end, const char **item_end)
{
    while (p < pattern_end && *p == '(') p += p + 1 < pattern_end && *(p + 1) == ')' ? 2 : 1;
    if (p >= pattern_end || *p == ')' || (*p == '$' && p + 1 == pattern_end)) return NULL;
    const char *ep = p + 1;
    if (*p == PATTERN_ESCAPE) {
        if (ep == pattern_end || *ep == 'b' || *ep == 'f' || isdigit((unsigned char)*ep))
            return NULL;
        ep++;
    } else if (*p == '[') {
        if (*ep == '^') ep++;
        do {                                 /* as class_end, without raising */
            if (ep >= pattern_end) return NULL;
            if (*(ep++) == PATTERN_ESCAPE && ep < pattern_end) ep++;
        } while (*ep != ']');
        ep++;
    }
    if (*ep == '*' || *ep == '?' || *ep == '-') return NULL;
    *item_end = ep;
    return p;
}

/* The first place in [s, end) where the item [p, ep) of first_item
 * matches, or end: at the places skipped no match can begin. */
static const char *skip_to_item(const char *s, const char *end, const char *p, const char *ep)
{
    switch (*p) {
    case '.':
        return s;
    case PATTERN_ESCAPE:
        while (s < end && !in_class((unsigned char)*s, (unsigned char)*(p + 1))) s++;
        return s;
    case '[':
        while (s < end && !in_set((unsigned char)*s, p, ep - 1)) s++;
        return s;
    default: {
        const char *at = memchr(s, *p, (size_t)(end - s));
        return at ? at : end;
    }
    }
}

/* [-0, +1, e] Pushes capture i (or the whole match [s, e) when there are
 * no captures and i is 0). */
static void push_capture(pattern_state *ps, int i, const char *s, const char *e)
{
    if (i >= ps->level) {
        if (i != 0) luaL_error(ps->L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(ps->L, s, (size_t)(e - s));
        return;
    }
    ptrdiff_t len = ps->capture[i].len;
    if (len == CAPTURE_UNFINISHED) luaL_error(ps->L, "unfinished capture");
    if (len == CAPTURE_POSITION)
        lua_pushinteger(ps->L, (ps->capture[i].start - ps->subject) + 1);
    else
        lua_pushlstring(ps->L, ps->capture[i].start, (size_t)len);
}

/* [-0, +n, e] Pushes every capture (or the whole match when s is given and
 * there are none); returns how many. */
static int push_captures(pattern_state *ps, const char *s, const char *e)
{
    int n = (ps->level == 0 && s) ? 1 : ps->level;
    luaL_checkstack(ps->L, n, "too many captures");
    for (int i = 0; i < n; i++) push_capture(ps, i, s, e);
    return n;
}

static void state_init(pattern_state *ps, lua_State *L, const char *s, size_t ls,
                       const char *p, size_t lp)
{
    ps->L = L;
    ps->subject = s;
    ps->subject_end = s + ls;
    ps->pattern_end = p + lp;
    ps->steps = 0;
}

/* Before each attempt at a new position. */
static void state_reset(pattern_state *ps)
{
    ps->level = 0;
    ps->depth_left = PATTERN_MAX_DEPTH;
}

/* A 1-based position, negative from the end, as a 1-based start in [1, ..]. */
static size_t start_position(lua_Integer pos, size_t len)
{
    if (pos > 0) return (size_t)pos;
    if (pos == 0) return 1;
    if (pos < -(lua_Integer)len) return 1;
    return len + (size_t)pos + 1;
}

/* True when p (with embedded zeros) has no special character. */
static bool no_specials(const char *p, size_t lp)
{
    size_t upto = 0;
    do {
        if (strpbrk(p + upto, PATTERN_SPECIALS)) return false;
        upto += strlen(p + upto) + 1;
    } while (upto <= lp);
    return true;
}

/* Plain search of needle in haystack (both may hold zeros). */
static const char *find_plain(const char *hay, size_t lh, const char *needle, size_t ln)
{
    if (ln == 0) return hay;
    if (ln > lh) return NULL;
    const char *last = hay + (lh - ln);
    for (const char *at = hay; at <= last; at++) {
        at = memchr(at, *needle, (size_t)(last - at) + 1);
        if (!at) return NULL;
        if (memcmp(at + 1, needle + 1, ln - 1) == 0) return at;
    }
    return NULL;
}

/* string.find (find = true) and string.match. */
static int find_or_match(lua_State *L, bool find)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_position(luaL_optinteger(L, 3, 1), ls) - 1;
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    if (find && (lua_toboolean(L, 4) || no_specials(p, lp))) {
        const char *at = find_plain(s + init, ls - init, p, lp);
        if (at) {
            lua_pushinteger(L, (at - s) + 1);
            lua_pushinteger(L, (lua_Integer)((at - s) + (ptrdiff_t)lp));
            return 2;
        }
        luaL_pushfail(L);
        return 1;
    }
    pattern_state ps;
    bool anchor = *p == '^';
    if (anchor) { p++; lp--; }
    state_init(&ps, L, s, ls, p, lp);
    const char *from = s + init, *item_end = NULL;
    const char *item = anchor ? NULL : first_item(p, ps.pattern_end, &item_end);
    do {
        if (item) from = skip_to_item(from, ps.subject_end, item, item_end);
        state_reset(&ps);
        const char *e = match_at(&ps, from, p);
        if (e) {
            if (find) {
                lua_pushinteger(L, (from - s) + 1);
                lua_pushinteger(L, e - s);
                return push_captures(&ps, NULL, NULL) + 2;
            }
            return push_captures(&ps, from, e);
        }
    } while (from++ < ps.subject_end && !anchor);
    luaL_pushfail(L);
    return 1;
}

static int l_find(lua_State *L)
{
    return find_or_match(L, true);
}

static int l_match(lua_State *L)
{
    return find_or_match(L, false);
}

/* The state of one gmatch loop, in a userdata kept as the iterator's
 * upvalue (with the subject and the pattern, which keep the strings). */
typedef struct gmatch_state {
    size_t      next;        /* offset to try next */
    ptrdiff_t   last_end;    /* end offset of the last match, or -1 */
} gmatch_state;

static int gmatch_step(lua_State *L)
{
    size_t ls, lp;
    const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
    const char *p = lua_tolstring(L, lua_upvalueindex(2), &lp);
    gmatch_state *gs = lua_touserdata(L, lua_upvalueindex(3));
    pattern_state ps;
    state_init(&ps, L, s, ls, p, lp);
    const char *item_end = NULL, *item = first_item(p, ps.pattern_end, &item_end);
    for (const char *from = s + gs->next; from <= ps.subject_end; from++) {
        if (item) from = skip_to_item(from, ps.subject_end, item, item_end);
        state_reset(&ps);
        const char *e = match_at(&ps, from, p);
        if (e && e - s != gs->last_end) {
            gs->next = (size_t)(e - s);
            gs->last_end = e - s;
            return push_captures(&ps, from, e);
        }
    }
    return 0;
}

static int l_gmatch(lua_State *L)
{
    size_t ls;
    luaL_checklstring(L, 1, &ls);
    luaL_checkstring(L, 2);
    size_t init = start_position(luaL_optinteger(L, 3, 1), ls) - 1;
    if (init > ls) init = ls + 1;
    lua_settop(L, 2);
    gmatch_state *gs = lua_newuserdatauv(L, sizeof *gs, 0);
    gs->next = init;
    gs->last_end = -1;
    lua_pushcclosure(L, gmatch_step, 3);
    return 1;
}

/* Appends the replacement string (argument 3) for the match [s, e), with
 * %0 .. %9 and %% expanded. */
static void add_replacement_string(pattern_state *ps, luaL_Buffer *b, const char *s,
                                   const char *e)
{
    lua_State *L = ps->L;
    size_t len;
    const char *r = lua_tolstring(L, 3, &len);
    const char *end = r + len;
    while (r < end) {
        const char *esc = memchr(r, PATTERN_ESCAPE, (size_t)(end - r));
        if (!esc) { luaL_addlstring(b, r, (size_t)(end - r)); break; }
        luaL_addlstring(b, r, (size_t)(esc - r));
        r = esc + 1;                         /* a Lua string ends with '\0' */
        if (*r == PATTERN_ESCAPE) {
            luaL_addchar(b, PATTERN_ESCAPE);
        } else if (isdigit((unsigned char)*r)) {
            if (*r == '0') {
                luaL_addlstring(b, s, (size_t)(e - s));
            } else {
                push_capture(ps, *r - '1', s, e);
                luaL_tolstring(L, -1, NULL);
                lua_remove(L, -2);
                luaL_addvalue(b);
            }
        } else {
            luaL_error(L, "invalid use of '%c' in replacement string", PATTERN_ESCAPE);
        }
        r++;
    }
}

/* Appends what replaces the match [s, e); false when the match is kept
 * as it was (a function or table gave false or nil). */
static bool add_replacement(pattern_state *ps, luaL_Buffer *b, const char *s, const char *e,
                            int type)
{
    lua_State *L = ps->L;
    if (type == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int n = push_captures(ps, s, e);
        lua_call(L, n, 1);
    } else if (type == LUA_TTABLE) {
        push_capture(ps, 0, s, e);
        lua_gettable(L, 3);
    } else {
        add_replacement_string(ps, b, s, e);
        return true;
    }
    if (!lua_toboolean(L, -1)) {
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
        return false;
    }
    if (!lua_isstring(L, -1))
        return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);
    return true;
}

static int l_gsub(lua_State *L)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    int type = lua_type(L, 3);
    lua_Integer max_n = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    luaL_argexpected(L, type == LUA_TNUMBER || type == LUA_TSTRING || type == LUA_TFUNCTION ||
                     type == LUA_TTABLE, 3, "string/function/table");
    bool anchor = *p == '^';
    if (anchor) { p++; lp--; }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    pattern_state ps;
    state_init(&ps, L, s, ls, p, lp);
    const char *from = s, *last_end = NULL, *item_end = NULL;
    const char *item = anchor ? NULL : first_item(p, ps.pattern_end, &item_end);
    lua_Integer n = 0;
    bool changed = false;
    while (n < max_n) {
        if (item) {                          /* the places no match begins, as they are */
            const char *to = skip_to_item(from, ps.subject_end, item, item_end);
            luaL_addlstring(&b, from, (size_t)(to - from));
            from = to;
        }
        state_reset(&ps);
        const char *e = match_at(&ps, from, p);
        if (e && e != last_end) {
            n++;
            changed = add_replacement(&ps, &b, from, e, type) || changed;
            from = last_end = e;
        } else if (from < ps.subject_end) {
            luaL_addchar(&b, *from++);
        } else {
            break;
        }
        if (anchor) break;
    }
    if (!changed) {
        lua_pushvalue(L, 1);
    } else {
        luaL_addlstring(&b, from, (size_t)(ps.subject_end - from));
        luaL_pushresult(&b);
    }
    lua_pushinteger(L, n);
    return 2;
}

void lua_pattern_install(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    static const luaL_Reg functions[] = {
        { "find", l_find }, { "match", l_match }, { "gmatch", l_gmatch }, { "gsub", l_gsub },
        { NULL, NULL },
    };
    for (const luaL_Reg *f = functions; f->name; f++) {
        lua_pushcfunction(L, f->func);
        lua_setfield(L, idx, f->name);
    }
}
