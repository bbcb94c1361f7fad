/*
 * ruleset.c — loads rule files into the sandbox, validates each rule{} and
 * provides require() over the embedded stdlib and the rule directories.
 */
#include "ruleset.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <lauxlib.h>
#include "embedded.h"
#include "lua_rx.h"
#include "lua_view.h"
#include "utf8.h"
#include "version.h"

static const char *const severity_names[] = { "info", "low", "medium", "high" };

const char *severity_name(rule_severity s)
{
    return severity_names[s];
}

/* The fields a rule{} table may have; anything else is a typo to report. */
static const char *const rule_fields[] = {
    "id", "title", "severity", "weight", "tags", "needs", "description",
    "check", "examples", "enabled", NULL
};

static void ruleset_problem(ruleset *rs, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Adds one "file:line: message" entry to the problem list. */
static void ruleset_problem(ruleset *rs, const char *fmt, ...)
{
    buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    char tmp[1024];
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    buf_puts(&b, tmp);
    rs->problems = xrealloc(rs->problems, (rs->n_problems + 1) * sizeof *rs->problems);
    rs->problems[rs->n_problems++] = buf_detach(&b);
}

static void ruleset_warning(ruleset *rs, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Adds one "path: message" entry to the warning list. */
static void ruleset_warning(ruleset *rs, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    rs->warnings = xrealloc(rs->warnings, (rs->n_warnings + 1) * sizeof *rs->warnings);
    rs->warnings[rs->n_warnings++] = xstrdup(tmp);
}

/* Reads a whole file; NULL with errno set on failure. Caller frees. */
static char *read_whole_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_append(&b, chunk, n);
    int failed = ferror(f);
    fclose(f);
    if (failed) { buf_free(&b); errno = EIO; return NULL; }
    *len = b.len;
    return buf_detach(&b);
}

static ruleset *ruleset_from_upvalue(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* --- require ----------------------------------------------------------- */

/* True when name is a module name: letters, digits, '_' and single dots. */
static bool module_name_valid(const char *name)
{
    if (!*name || *name == '.') return false;
    for (const char *p = name; *p; p++) {
        if (*p == '.') { if (p[1] == '.' || p[1] == '\0') return false; continue; }
        if (!isalnum((unsigned char)*p) && *p != '_') return false;
    }
    return true;
}

/* The embedded stdlib module called name, or NULL. */
static const embedded_file *stdlib_find(const char *name)
{
    for (const embedded_file *e = embedded_stdlib; e->name; e++)
        if (strcmp(e->name, name) == 0) return e;
    return NULL;
}

/* [-0, +1, e] Finds module source: the embedded stdlib, then each rule
 * directory. Pushes the chunk name; returns the code (caller frees when
 * *owned) or NULL when not found. */
static const char *module_find(lua_State *L, ruleset *rs, const char *name,
                               size_t *len, bool *owned)
{
    const embedded_file *e = stdlib_find(name);
    if (e) {
        lua_pushfstring(L, "@%s", e->path);
        *len = e->len;
        *owned = false;
        return e->data;
    }
    for (size_t i = 0; i < rs->n_dirs; i++) {
        buf path = {0};
        buf_printf(&path, "%s/", rs->dirs[i]);
        for (const char *p = name; *p; p++) buf_putc(&path, *p == '.' ? '/' : *p);
        buf_puts(&path, ".lua");
        char *code = read_whole_file(path.data, len);
        if (code) {
            lua_pushfstring(L, "@%s", path.data);
            buf_free(&path);
            *owned = true;
            return code;
        }
        buf_free(&path);
    }
    return NULL;
}

static void push_require(lua_State *L, ruleset *rs, bool trusted);

/* [-0, +0, -] Sets the `sealed` field of spindle.lexicon, when it is
 * loaded (see lexicon.lua); returns what it was. */
static bool lexicon_set_sealed(lua_State *L, ruleset *rs, bool sealed)
{
    bool was = false;
    lua_rawgeti(L, LUA_REGISTRYINDEX, rs->loaded_ref);
    if (lua_getfield(L, -1, "spindle.lexicon") == LUA_TTABLE) {
        lua_getfield(L, -1, "sealed");
        was = lua_toboolean(L, -1);
        lua_pop(L, 1);
        lua_pushboolean(L, sealed);
        lua_setfield(L, -2, "sealed");
    }
    lua_pop(L, 2);
    return was;
}

/* [-1, +1, e] require(name): loads a stdlib or rule-directory module once
 * per ruleset, in its own environment, and returns its value. The stdlib's
 * own modules (upvalue 2 true) get the module itself; rule files and their
 * helper modules get a read-only view of it (lua_view.h), so that no rule
 * can change what the stdlib does for the others. */
static int l_rule_require(lua_State *L)
{
    ruleset *rs = ruleset_from_upvalue(L);
    bool trusted = lua_toboolean(L, lua_upvalueindex(2));
    const char *name = luaL_checkstring(L, 1);
    if (!module_name_valid(name))
        return luaL_error(L, "require: '%s' is not a module name (letters, digits, '_' "
                          "and single dots, as in \"spindle.claims\" or \"lib.helpers\")", name);
    lua_rawgeti(L, LUA_REGISTRYINDEX, rs->loaded_ref);
    int loaded = lua_gettop(L);
    if (lua_getfield(L, loaded, name) != LUA_TNIL) {
        if (lua_islightuserdata(L, -1))
            return luaL_error(L, "require: module '%s' requires itself (a cycle)", name);
        if (!trusted) view_wrap(L, !stdlib_find(name));
        return 1;
    }
    lua_pop(L, 1);
    size_t len;
    bool owned;
    const char *code = module_find(L, rs, name, &len, &owned);
    if (!code)
        return luaL_error(L, "module '%s' not found (the stdlib has spindle.*; "
                          "other modules are looked up in the rule directories)", name);
    int chunkname = lua_gettop(L);
    bool stdlib_module = !owned;
    char hash[33];
    hash_hex(code, len, hash);
    buf_printf(&rs->library_parts, "%s %s\n", name, hash);
    sbx_push_env(rs->sandbox);
    if (stdlib_module) {                          /* the stdlib sees itself */
        push_require(L, rs, true);
        lua_setfield(L, -2, "require");
        view_push_fresh_marker(L);
        lua_setfield(L, -2, "fresh_result");
    }
    int status = sbx_load(rs->sandbox, code, len, lua_tostring(L, chunkname));
    if (owned) free((void *)code);
    if (status != LUA_OK) return lua_error(L);
    lua_pushlightuserdata(L, rs);                 /* cycle marker */
    lua_setfield(L, loaded, name);
    lua_pushstring(L, name);
    /* a stdlib module builds its lexicons as it loads, even when it is
     * first required after the rule files have (by the REPL, explain) */
    bool was_sealed = stdlib_module && lexicon_set_sealed(L, rs, false);
    status = lua_pcall(L, 1, 1, 0);
    if (was_sealed) lexicon_set_sealed(L, rs, true);
    if (status != LUA_OK) {                       /* forget the marker, rethrow */
        lua_pushnil(L);
        lua_setfield(L, loaded, name);
        return lua_error(L);
    }
    if (lua_isnil(L, -1)) { lua_pop(L, 1); lua_pushboolean(L, 1); }
    lua_pushvalue(L, -1);
    lua_setfield(L, loaded, name);
    if (!trusted) view_wrap(L, !stdlib_module);
    return 1;
}

/* [-0, +1, m] Pushes the require function; trusted: the stdlib's own. */
static void push_require(lua_State *L, ruleset *rs, bool trusted)
{
    lua_pushlightuserdata(L, rs);
    lua_pushboolean(L, trusted);
    lua_pushcclosure(L, l_rule_require, 2);
}

void ruleset_push_trusted_env(ruleset *rs)
{
    lua_State *L = sbx_state(rs->sandbox);
    sbx_push_env(rs->sandbox);
    push_require(L, rs, true);
    lua_setfield(L, -2, "require");
}

/* --- rule{} validation -------------------------------------------------- */

/* A validation failure message, kept while a rule is checked. */
typedef struct rule_check {
    char message[1024];
    bool failed;
} rule_check;

static void rule_fail(rule_check *rc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Records a problem; several are joined with "; " so all are reported. */
static void rule_fail(rule_check *rc, const char *fmt, ...)
{
    size_t used = strlen(rc->message);
    if (used && used + 3 < sizeof rc->message) {
        strcpy(rc->message + used, "; ");
        used += 2;
    }
    va_list ap;
    va_start(ap, fmt);
    if (used < sizeof rc->message) vsnprintf(rc->message + used, sizeof rc->message - used, fmt, ap);
    va_end(ap);
    rc->failed = true;
}

static bool rule_id_valid(const char *id)
{
    if (!islower((unsigned char)*id) && !isdigit((unsigned char)*id)) return false;
    for (const char *p = id; *p; p++) {
        if (*p == '-') { if (p[1] == '-' || p[1] == '\0') return false; continue; }
        if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p)) return false;
    }
    return true;
}

/* Reads a string field of the rule table at index t; NULL when absent or
 * of the wrong type (then rc records why when required or mistyped). */
static char *rule_string_field(lua_State *L, int t, const char *field,
                               bool required, rule_check *rc)
{
    char *value = NULL;
    int type = lua_getfield(L, t, field);
    if (type == LUA_TSTRING) value = xstrdup(lua_tostring(L, -1));
    else if (type == LUA_TNIL) { if (required) rule_fail(rc, "missing field '%s'", field); }
    else rule_fail(rc, "field '%s' must be a string, not a %s", field, lua_typename(L, type));
    lua_pop(L, 1);
    return value;
}

/* Reads an array of non-empty strings; lowercases when asked. */
static char **rule_string_list(lua_State *L, int t, const char *field,
                               bool lower, size_t *n, rule_check *rc)
{
    *n = 0;
    int type = lua_getfield(L, t, field);
    if (type == LUA_TNIL) { lua_pop(L, 1); return NULL; }
    view_unwrap(L, -1);                   /* a list the stdlib made, e.g. needs */
    if (type != LUA_TTABLE) {
        rule_fail(rc, "field '%s' must be a list of strings", field);
        lua_pop(L, 1);
        return NULL;
    }
    size_t count = (size_t)lua_rawlen(L, -1);
    char **list = xcalloc(count + 1, sizeof *list);
    for (size_t i = 1; i <= count; i++) {
        if (lua_rawgeti(L, -1, (lua_Integer)i) != LUA_TSTRING || lua_rawlen(L, -1) == 0) {
            rule_fail(rc, "%s[%zu] must be a non-empty string", field, i);
            lua_pop(L, 1);
            continue;
        }
        char *s = xstrdup(lua_tostring(L, -1));
        if (lower) for (char *p = s; *p; p++) *p = (char)tolower((unsigned char)*p);
        list[(*n)++] = s;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return list;
}

/* Checks examples = { flag = {...}, pass = {...} }: each entry a string
 * or a table with a string body and an optional string title. */
/* The optional string fields of an example article table. */
static const char *const example_string_fields[] = {
    "title", "url", "outlet", "author", "published", "lang", NULL
};

static size_t rule_check_examples(lua_State *L, int examples, const char *kind,
                                  rule_check *rc)
{
    int type = lua_getfield(L, examples, kind);
    size_t count = 0;
    if (type == LUA_TTABLE) {
        count = (size_t)lua_rawlen(L, -1);
        for (size_t i = 1; i <= count; i++) {
            int et = lua_rawgeti(L, -1, (lua_Integer)i);
            bool ok = et == LUA_TSTRING;
            if (et == LUA_TTABLE) {
                ok = lua_getfield(L, -1, "body") == LUA_TSTRING;
                lua_pop(L, 1);
                for (const char *const *f = example_string_fields; *f; f++) {
                    int ft = lua_getfield(L, -1, *f);
                    ok = ok && (ft == LUA_TNIL || ft == LUA_TSTRING);
                    lua_pop(L, 1);
                }
                int mt = lua_getfield(L, -1, "meta");
                ok = ok && (mt == LUA_TNIL || mt == LUA_TTABLE);
                lua_pop(L, 1);
            }
            if (!ok)
                rule_fail(rc, "examples.%s[%zu] must be a string (the body) or a table "
                          "{body=, title=, url=, outlet=, author=, published=, lang=, meta={}}",
                          kind, i);
            lua_pop(L, 1);
        }
    } else if (type != LUA_TNIL) {
        rule_fail(rc, "examples.%s must be a list", kind);
    }
    lua_pop(L, 1);
    return count;
}

static void rule_free_fields(rule *r)
{
    free(r->id);
    free(r->title);
    free(r->description);
    for (size_t i = 0; i < r->n_tags; i++) free(r->tags[i]);
    free(r->tags);
    for (size_t i = 0; i < r->n_needs; i++) free(r->needs[i]);
    free(r->needs);
    free(r->file);
}

/* Validates the rule table at index t into r. Returns false (with the
 * reason in rc) when the rule cannot be used. */
static int compare_strings(const void *a, const void *b);

static bool rule_from_table(lua_State *L, int t, rule *r, rule_check *rc)
{
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        bool known = false;
        if (lua_type(L, -1) == LUA_TSTRING)
            for (const char *const *f = rule_fields; *f; f++)
                if (strcmp(*f, lua_tostring(L, -1)) == 0) known = true;
        if (!known) {
            const char *key = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
            const char *near = util_closest(key, rule_fields);
            if (near) rule_fail(rc, "unknown field '%s' (did you mean '%s'?)", key, near);
            else rule_fail(rc, "unknown field '%s' (fields: id, title, severity, weight, "
                           "tags, needs, description, check, examples, enabled)", key);
        }
    }
    r->id = rule_string_field(L, t, "id", true, rc);
    if (r->id && !rule_id_valid(r->id))
        rule_fail(rc, "id '%s' must be lowercase-kebab-case (a-z, 0-9, '-')", r->id);
    r->title = rule_string_field(L, t, "title", true, rc);
    r->description = rule_string_field(L, t, "description", false, rc);
    if (!r->description) r->description = xstrdup("");

    char *sev = rule_string_field(L, t, "severity", true, rc);
    if (sev) {
        bool found = false;
        for (int i = 0; i < 4; i++)
            if (strcmp(sev, severity_names[i]) == 0) { r->severity = (rule_severity)i; found = true; }
        if (!found) rule_fail(rc, "severity '%s' must be one of info, low, medium, high", sev);
        free(sev);
    }

    int type = lua_getfield(L, t, "weight");
    if (type != LUA_TNUMBER) {
        rule_fail(rc, type == LUA_TNIL ? "missing field 'weight'"
                                       : "field 'weight' must be a number");
    } else {
        r->weight = lua_tonumber(L, -1);
        if (!(r->weight > 0 && r->weight <= 1))
            rule_fail(rc, "weight %g must be in (0, 1]", r->weight);
    }
    lua_pop(L, 1);

    type = lua_getfield(L, t, "enabled");
    if (type != LUA_TNIL && type != LUA_TBOOLEAN)
        rule_fail(rc, "field 'enabled' must be true or false");
    r->enabled = type != LUA_TBOOLEAN || lua_toboolean(L, -1);
    r->on = r->enabled;
    lua_pop(L, 1);

    r->tags = rule_string_list(L, t, "tags", false, &r->n_tags, rc);
    r->needs = rule_string_list(L, t, "needs", true, &r->n_needs, rc);

    type = lua_getfield(L, t, "check");
    if (type != LUA_TFUNCTION)
        rule_fail(rc, type == LUA_TNIL ? "missing field 'check' (a function(doc, report))"
                                       : "field 'check' must be a function(doc, report)");
    r->check_ref = type == LUA_TFUNCTION ? luaL_ref(L, LUA_REGISTRYINDEX) : LUA_NOREF;
    if (type != LUA_TFUNCTION) lua_pop(L, 1);

    r->examples_ref = LUA_NOREF;
    type = lua_getfield(L, t, "examples");
    if (type == LUA_TTABLE) {
        int ex = lua_gettop(L);
        static const char *const kinds[] = { "flag", "pass", NULL };
        const char *unknown[8];
        size_t n_unknown = 0;
        lua_pushnil(L);
        while (lua_next(L, ex)) {
            lua_pop(L, 1);
            const char *key = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
            if (strcmp(key, "flag") != 0 && strcmp(key, "pass") != 0 && n_unknown < 8)
                unknown[n_unknown++] = key;             /* the table keeps it alive */
        }
        qsort(unknown, n_unknown, sizeof *unknown, compare_strings);   /* a stable message */
        for (size_t k = 0; k < n_unknown; k++) {
            const char *near = util_closest(unknown[k], kinds);
            if (near) rule_fail(rc, "examples: unknown field '%s' (did you mean '%s'?)", unknown[k], near);
            else rule_fail(rc, "examples: unknown field '%s' (fields: flag, pass)", unknown[k]);
        }
        r->n_flag_examples = rule_check_examples(L, ex, "flag", rc);
        r->n_pass_examples = rule_check_examples(L, ex, "pass", rc);
        r->examples_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    } else {
        if (type != LUA_TNIL) rule_fail(rc, "field 'examples' must be a table {flag=, pass=}");
        lua_pop(L, 1);
    }
    return !rc->failed;
}

/* [-1, +0, e] rule{...}: validates and records one rule. A bad rule is a
 * recorded problem at the caller's file:line, not an error, so the rest of
 * the file still loads. */
static int l_rule_define(lua_State *L)
{
    ruleset *rs = ruleset_from_upvalue(L);
    lua_Debug ar;
    int line = 0;
    const char *file = rs->current_file ? rs->current_file : "?";
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
        line = ar.currentline;
        if (ar.source[0] == '@') file = ar.source + 1;
    }
    if (!rs->current_file)
        return luaL_error(L, "rule{} can only be called while a rule file loads");
    luaL_checktype(L, 1, LUA_TTABLE);
    rule r = {0};
    rule_check rc = {0};
    if (!rule_from_table(L, 1, &r, &rc)) {
        ruleset_problem(rs, "%s:%d: rule '%s': %s", file, line, r.id ? r.id : "?", rc.message);
        if (r.check_ref != LUA_NOREF) luaL_unref(L, LUA_REGISTRYINDEX, r.check_ref);
        if (r.examples_ref != LUA_NOREF) luaL_unref(L, LUA_REGISTRYINDEX, r.examples_ref);
        rule_free_fields(&r);
        return 0;
    }
    long existing = ruleset_find(rs, r.id);
    if (existing >= 0 && rs->replacing_file && (size_t)existing < rs->replacing_before &&
        strcmp(rs->rules[existing].file, rs->replacing_file) == 0) {
        /* the version being reloaded: look for another rule with the id */
        existing = -1;
        for (size_t i = 0; i < rs->n_rules; i++)
            if (strcmp(rs->rules[i].id, r.id) == 0 &&
                !(i < rs->replacing_before && strcmp(rs->rules[i].file, rs->replacing_file) == 0))
                existing = (long)i;
    }
    if (existing >= 0) {
        ruleset_problem(rs, "%s:%d: rule '%s': duplicate id (first defined at %s:%d)",
                        file, line, r.id, rs->rules[existing].file,
                        rs->rules[existing].line);
        luaL_unref(L, LUA_REGISTRYINDEX, r.check_ref);
        if (r.examples_ref != LUA_NOREF) luaL_unref(L, LUA_REGISTRYINDEX, r.examples_ref);
        rule_free_fields(&r);
        return 0;
    }
    r.file = xstrdup(file);
    r.line = line;
    memcpy(r.file_hash, rs->current_hash, sizeof r.file_hash);
    rs->rules = xrealloc(rs->rules, (rs->n_rules + 1) * sizeof *rs->rules);
    rs->rules[rs->n_rules++] = r;
    return 0;
}

/* --- loading ------------------------------------------------------------ */

/* Runs one rule file's code. A syntax or run-time error drops the rules
 * the file defined before it failed, and is recorded as a problem. */
static void ruleset_load_code(ruleset *rs, const char *code, size_t len,
                              const char *path)
{
    lua_State *L = sbx_state(rs->sandbox);
    size_t before = rs->n_rules;
    char chunkname[1024];
    snprintf(chunkname, sizeof chunkname, "@%s", path);
    hash_hex(code, len, rs->current_hash);
    rs->current_file = xstrdup(path);
    sbx_push_env(rs->sandbox);
    int status = sbx_load(rs->sandbox, code, len, chunkname);
    if (status == LUA_OK) status = sbx_call(rs->sandbox, 0, 0);
    if (status != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        if (msg && strncmp(msg, path, strlen(path)) == 0)
            ruleset_problem(rs, "%s", msg);
        else
            ruleset_problem(rs, "%s: %s", path, msg ? msg : "error");
        lua_pop(L, 1);
        while (rs->n_rules > before) {
            rule *r = &rs->rules[--rs->n_rules];
            luaL_unref(L, LUA_REGISTRYINDEX, r->check_ref);
            if (r->examples_ref != LUA_NOREF) luaL_unref(L, LUA_REGISTRYINDEX, r->examples_ref);
            rule_free_fields(r);
        }
    }
    free(rs->current_file);
    rs->current_file = NULL;
}

static void ruleset_add_dir(ruleset *rs, const char *dir)
{
    for (size_t i = 0; i < rs->n_dirs; i++)
        if (strcmp(rs->dirs[i], dir) == 0) return;
    rs->dirs = xrealloc(rs->dirs, (rs->n_dirs + 1) * sizeof *rs->dirs);
    rs->dirs[rs->n_dirs++] = xstrdup(dir);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void ruleset_load_file(ruleset *rs, const char *path)
{
    size_t len = 0;
    char *code = read_whole_file(path, &len);
    if (!code) {
        ruleset_problem(rs, "%s: cannot read rule file: %s", path, strerror(errno));
        return;
    }
    size_t rules_before = rs->n_rules, problems_before = rs->n_problems;
    ruleset_load_code(rs, code, len, path);
    free(code);
    if (!rs->replacing_file && rs->n_rules == rules_before && rs->n_problems == problems_before)
        ruleset_warning(rs, "%s: defines no rule (a helper module for require() belongs in a "
                        "lib/ folder beside the rule files)", path);
}

/* Appends every *.lua file under dir (recursively; hidden entries and
 * folders named "lib", which hold helper modules, skipped) to *files.
 * Unreadable directories become problems. */
static void collect_rule_files(ruleset *rs, const char *dir, char ***files, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d) {
        ruleset_problem(rs, "%s: cannot read rules: %s", dir, strerror(errno));
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        buf path = {0};
        buf_printf(&path, "%s/%s", dir, e->d_name);
        struct stat st;
        size_t len = strlen(e->d_name);
        if (stat(path.data, &st) != 0) {
            buf_free(&path);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (strcmp(e->d_name, "lib") != 0) collect_rule_files(rs, path.data, files, n);
            buf_free(&path);
        } else if (S_ISREG(st.st_mode) && len > 4 && strcmp(e->d_name + len - 4, ".lua") == 0) {
            *files = xrealloc(*files, (*n + 1) * sizeof **files);
            (*files)[(*n)++] = buf_detach(&path);
        } else {
            buf_free(&path);
        }
    }
    closedir(d);
}

size_t ruleset_load_path(ruleset *rs, const char *path)
{
    size_t before = rs->n_problems;
    struct stat st;
    if (stat(path, &st) != 0) {
        ruleset_problem(rs, "%s: cannot read rules: %s", path, strerror(errno));
        return rs->n_problems - before;
    }
    if (!S_ISDIR(st.st_mode)) {
        const char *slash = strrchr(path, '/');
        if (slash) {
            char *dir = xstrndup(path, (size_t)(slash - path));
            ruleset_add_dir(rs, *dir ? dir : "/");
            free(dir);
        } else {
            ruleset_add_dir(rs, ".");
        }
        ruleset_load_file(rs, path);
        return rs->n_problems - before;
    }
    size_t plen = strlen(path);
    while (plen > 1 && path[plen - 1] == '/') plen--;
    char *dir = xstrndup(path, plen);
    ruleset_add_dir(rs, dir);
    char **files = NULL;
    size_t n = 0;
    size_t problems_before = rs->n_problems;
    collect_rule_files(rs, dir, &files, &n);
    if (n == 0 && rs->n_problems == problems_before)
        ruleset_warning(rs, "%s: no rule files (*.lua) in this directory", dir);
    qsort(files, n, sizeof *files, compare_strings);
    for (size_t i = 0; i < n; i++) {
        ruleset_load_file(rs, files[i]);
        free(files[i]);
    }
    free(files);
    free(dir);
    return rs->n_problems - before;
}

void ruleset_load_builtin(ruleset *rs)
{
    for (const embedded_file *e = embedded_rules; e->name; e++)
        ruleset_load_code(rs, e->data, e->len, e->path);
}

/* Releases rule i's Lua references and fields and closes the gap. */
static void ruleset_drop_rule(ruleset *rs, size_t i)
{
    lua_State *L = sbx_state(rs->sandbox);
    rule *r = &rs->rules[i];
    luaL_unref(L, LUA_REGISTRYINDEX, r->check_ref);
    if (r->examples_ref != LUA_NOREF) luaL_unref(L, LUA_REGISTRYINDEX, r->examples_ref);
    rule_free_fields(r);
    memmove(r, r + 1, (rs->n_rules - i - 1) * sizeof *r);
    rs->n_rules--;
}

/* Loads path again in place of the rules it defined: the new rules replace
 * the old ones when the file loads without a problem; otherwise the new
 * ones are dropped and the old ones stay. */
static void ruleset_reload_file(ruleset *rs, const char *path)
{
    size_t before = rs->n_rules, problems = rs->n_problems;
    rs->replacing_file = path;
    rs->replacing_before = before;
    ruleset_load_file(rs, path);
    rs->replacing_file = NULL;
    bool failed = rs->n_problems > problems;
    for (size_t i = rs->n_rules; i-- > 0;) {
        bool is_new = i >= before;
        if (is_new ? failed : (!failed && strcmp(rs->rules[i].file, path) == 0))
            ruleset_drop_rule(rs, i);
    }
}

/* True when file is path or lies under the directory path. */
static bool path_holds(const char *path, const char *file)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') n--;
    return strncmp(path, file, n) == 0 && (file[n] == '\0' || file[n] == '/');
}

static void ruleset_seal(ruleset *rs, bool sealed);

size_t ruleset_reload(ruleset *rs, const char *const *paths, size_t n_paths)
{
    char **files = NULL;
    size_t n = 0, changed = 0;
    ruleset_seal(rs, false);               /* files load again; finish seals */
    for (size_t p = 0; p < n_paths; p++) {
        struct stat st;
        if (stat(paths[p], &st) != 0) continue;      /* gone: its rules go below */
        if (S_ISDIR(st.st_mode)) {
            size_t first = n;
            collect_rule_files(rs, paths[p], &files, &n);
            qsort(files + first, n - first, sizeof *files, compare_strings);
        } else {
            files = xrealloc(files, (n + 1) * sizeof *files);
            files[n++] = xstrdup(paths[p]);
        }
    }
    for (size_t f = 0; f < n; f++) {
        size_t len = 0;
        char *code = read_whole_file(files[f], &len);
        char hash[33] = "";
        if (code) hash_hex(code, len, hash);
        free(code);
        bool same = false, known = false;
        for (size_t i = 0; i < rs->n_rules; i++)
            if (strcmp(rs->rules[i].file, files[f]) == 0) {
                known = true;
                same = same || strcmp(rs->rules[i].file_hash, hash) == 0;
            }
        if (known && same) continue;
        ruleset_reload_file(rs, files[f]);
        changed++;
    }
    /* rules of files that are no longer there */
    for (size_t i = rs->n_rules; i-- > 0;) {
        bool under = false, listed = false;
        for (size_t p = 0; p < n_paths; p++) under = under || path_holds(paths[p], rs->rules[i].file);
        for (size_t f = 0; f < n; f++) listed = listed || strcmp(files[f], rs->rules[i].file) == 0;
        if (under && !listed) {
            ruleset_drop_rule(rs, i);
            changed++;
        }
    }
    for (size_t f = 0; f < n; f++) free(files[f]);
    free(files);
    ruleset_finish(rs);
    return changed;
}

/* Bytes in the UTF-8 character whose lead byte is c (1 for stray bytes). */
static size_t needs_char_length(unsigned char c)
{
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Appends the character at p as a pattern literal: a space matches any run
 * of whitespace, ASCII punctuation is escaped. */
static void needs_emit_char(buf *pattern, const char *p, size_t len)
{
    if (*p == ' ') { buf_puts(pattern, "\\s+"); return; }
    if ((unsigned char)*p < 0x80 && !isalnum((unsigned char)*p)) buf_putc(pattern, '\\');
    buf_append(pattern, p, len);
}

/* Appends words[lo, hi) — sorted, sharing their first depth bytes, none a
 * prefix of another — as a trie: each character is tested once however
 * many words share it, which makes long lists much cheaper to scan. */
static void needs_emit_trie(buf *pattern, char **words, size_t lo, size_t hi, size_t depth)
{
    if (hi - lo == 1) {
        for (const char *p = words[lo] + depth; *p;) {
            size_t n = needs_char_length((unsigned char)*p);
            needs_emit_char(pattern, p, n);
            p += n;
        }
        return;
    }
    buf_puts(pattern, "(?:");
    for (size_t i = lo; i < hi;) {
        const char *c = words[i] + depth;
        size_t n = needs_char_length((unsigned char)*c), j = i + 1;
        while (j < hi && strncmp(words[j] + depth, c, n) == 0) j++;
        if (i > lo) buf_putc(pattern, '|');
        needs_emit_char(pattern, c, n);
        needs_emit_trie(pattern, words, i, j, depth + n);
        i = j;
    }
    buf_putc(pattern, ')');
}

/* Sorts the rule's needs words into the shared index (needs.h) and, for
 * words the index cannot hold (a letter outside ASCII, which has another
 * case), one caseless pattern of its own. Runs of spaces in a word become
 * one; a blank word is ignored; a word that is not valid UTF-8 can never
 * occur in an article (their text is UTF-8) and is reported. In the
 * pattern, a word that begins with another word is dropped (matching is by
 * substring, so the shorter one finds every article the longer one would);
 * the rest become a trie. */
static void rule_compile_needs(ruleset *rs, size_t rule_index)
{
    rule *r = &rs->rules[rule_index];
    if (r->n_needs == 0) return;
    char **words = xcalloc(r->n_needs, sizeof *words);
    size_t n_words = 0;
    for (size_t i = 0; i < r->n_needs; i++) {
        if (!utf8_valid(r->needs[i], strlen(r->needs[i]))) {
            ruleset_problem(rs, "%s:%d: rule '%s': needs: word %zu is not valid UTF-8",
                            r->file, r->line, r->id, i + 1);
            continue;
        }
        buf w = {0};
        for (const char *p = r->needs[i]; *p; p++)
            if (*p != ' ' || (w.len && w.data[w.len - 1] != ' ')) buf_putc(&w, *p);
        while (w.len && w.data[w.len - 1] == ' ') w.data[--w.len] = '\0';
        if (w.len == 0) { buf_free(&w); continue; }
        r->needs_filter = true;
        if (needs_word_indexable(rs->rx, w.data)) {
            needs_index_add(rs->needs, w.data, rule_index);
            buf_free(&w);
        } else {
            words[n_words++] = buf_detach(&w);
        }
    }
    qsort(words, n_words, sizeof *words, compare_strings);
    size_t kept = 0;
    for (size_t i = 0; i < n_words; i++) {
        if (kept && strncmp(words[i], words[kept - 1], strlen(words[kept - 1])) == 0) {
            free(words[i]);
            continue;
        }
        words[kept++] = words[i];
    }
    buf pattern = {0};
    if (kept) needs_emit_trie(&pattern, words, 0, kept, 0);
    for (size_t i = 0; i < kept; i++) free(words[i]);
    free(words);
    if (kept) {
        char err[256];
        r->needs_rx = rx_compile(rs->rx, pattern.data, pattern.len, "i", err, sizeof err);
        if (!r->needs_rx)
            ruleset_problem(rs, "%s:%d: rule '%s': needs: %s", r->file, r->line, r->id, err);
    }
    buf_free(&pattern);
}

/* [-0, +0, -] Appends "lexicons HASH" to parts: the hash of
 * lexicon.digest over the loaded modules, when spindle.lexicon is loaded.
 * A rule file that extends a lexicon changes what every rule reading it
 * finds, so this goes into every rule's hash. */
static void ruleset_digest_lexicons(ruleset *rs, buf *parts)
{
    lua_State *L = sbx_state(rs->sandbox);
    int top = lua_gettop(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, rs->loaded_ref);
    if (lua_getfield(L, -1, "spindle.lexicon") == LUA_TTABLE &&
        lua_getfield(L, -1, "digest") == LUA_TFUNCTION) {
        lua_pushvalue(L, -3);
        if (sbx_call(rs->sandbox, 1, 1) == LUA_OK && lua_type(L, -1) == LUA_TSTRING) {
            size_t len;
            const char *text = lua_tolstring(L, -1, &len);
            char hash[33];
            hash_hex(text, len, hash);
            buf_printf(parts, "lexicons %s\n", hash);
        } else {
            ruleset_problem(rs, "spindle.lexicon: cannot digest the lexicons: %s",
                            lua_tostring(L, -1) ? lua_tostring(L, -1) : "error");
        }
    }
    lua_settop(L, top);
}

/* [-0, +0, -] Seals (or reopens) the lexicons and the writable views:
 * rules run with the stdlib's tables as they were when loading ended. */
static void ruleset_seal(ruleset *rs, bool sealed)
{
    lua_State *L = sbx_state(rs->sandbox);
    view_seal(L, sealed);
    lexicon_set_sealed(L, rs, sealed);
}

void ruleset_finish(ruleset *rs)
{
    needs_index_free(rs->needs);
    rs->needs = needs_index_new(rs->n_rules);
    for (size_t i = 0; i < rs->n_rules; i++) {
        rs->rules[i].needs_filter = false;
        rs->rules[i].needs_rx = NULL;
        rule_compile_needs(rs, i);
    }
    needs_index_compile(rs->needs);
    buf parts = {0};
    buf_printf(&parts, "spindle %s\n", SPINDLE_VERSION);
    if (rs->library_parts.data) buf_puts(&parts, rs->library_parts.data);
    ruleset_digest_lexicons(rs, &parts);
    ruleset_seal(rs, true);
    hash_hex(parts.data, parts.len, rs->library_hash);
    buf_free(&parts);
    for (size_t i = 0; i < rs->n_rules; i++) {
        rule *r = &rs->rules[i];
        const char *pieces[3] = { r->file_hash, rs->library_hash, r->id };
        size_t lens[3] = { strlen(r->file_hash), strlen(rs->library_hash), strlen(r->id) };
        hash_hex_parts(pieces, lens, 3, r->source_hash);
    }
}

long ruleset_find(const ruleset *rs, const char *id)
{
    for (size_t i = 0; i < rs->n_rules; i++)
        if (strcmp(rs->rules[i].id, id) == 0) return (long)i;
    return -1;
}

/* [-3, +0, e] spindle.x = v: refused. */
static int l_spindle_read_only(lua_State *L)
{
    return luaL_error(L, "spindle is read-only: a rule cannot change spindle.%s for the others",
                      lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?");
}

ruleset *ruleset_new(const ruleset_options *opt, char *err, size_t errlen)
{
    ruleset_options defaults = {0};
    if (!opt) opt = &defaults;
    ruleset *rs = xcalloc(1, sizeof *rs);
    rs->sandbox = sbx_new(opt->memory_bytes, opt->instruction_budget, err, errlen);
    if (!rs->sandbox) { free(rs); return NULL; }
    rs->rx = rx_cache_new(opt->match_limit ? opt->match_limit : RX_DEFAULT_MATCH_LIMIT,
                          opt->depth_limit ? opt->depth_limit : RX_DEFAULT_DEPTH_LIMIT);
    lua_State *L = sbx_state(rs->sandbox);
    lua_newtable(L);
    rs->loaded_ref = luaL_ref(L, LUA_REGISTRYINDEX);

    sbx_push_globals(rs->sandbox);
    /* spindle: read-only for every rule, so that none can replace
     * spindle.re for the others (a userdata: rawset cannot reach it) */
    lua_newuserdatauv(L, 0, 0);                       /* spindle */
    lua_createtable(L, 0, 4);                         /* its metatable */
    lua_createtable(L, 0, 2);                         /* the functions */
    lua_rx_push_constructor(L, rs->rx);
    lua_setfield(L, -2, "re");
    lua_pushstring(L, SPINDLE_VERSION);
    lua_setfield(L, -2, "version");
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_spindle_read_only);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, "spindle");
    view_open(L, -1);
    push_require(L, rs, false);
    lua_setfield(L, -2, "require");
    lua_pushlightuserdata(L, rs);
    lua_pushcclosure(L, l_rule_define, 1);
    lua_setfield(L, -2, "rule");
    lua_pop(L, 1);
    return rs;
}

void ruleset_free(ruleset *rs)
{
    if (!rs) return;
    for (size_t i = 0; i < rs->n_rules; i++) rule_free_fields(&rs->rules[i]);
    free(rs->rules);
    for (size_t i = 0; i < rs->n_problems; i++) free(rs->problems[i]);
    free(rs->problems);
    for (size_t i = 0; i < rs->n_warnings; i++) free(rs->warnings[i]);
    free(rs->warnings);
    for (size_t i = 0; i < rs->n_dirs; i++) free(rs->dirs[i]);
    free(rs->dirs);
    buf_free(&rs->library_parts);
    free(rs->current_file);
    sbx_free(rs->sandbox);
    needs_index_free(rs->needs);
    rx_cache_free(rs->rx);
    free(rs);
}

void ruleset_set_weight(ruleset *rs, size_t i, double weight)
{
    rule *r = &rs->rules[i];
    r->weight = weight;
    char text[64];
    snprintf(text, sizeof text, "weight=%.17g", weight);
    const char *pieces[2] = { r->source_hash, text };
    size_t lens[2] = { strlen(r->source_hash), strlen(text) };
    hash_hex_parts(pieces, lens, 2, r->source_hash);
}

size_t ruleset_count_on(const ruleset *rs)
{
    size_t n = 0;
    for (size_t i = 0; i < rs->n_rules; i++) n += rs->rules[i].on;
    return n;
}
