/*
 * lua_host.h — what the REPL and `spindle explain` give Lua beyond what
 * rules see: articles (from the archive, a file or a table) as docs that
 * stay usable while held, full-text search, the loaded rules, running one
 * rule or all of them on a doc, rendering an article with findings, and
 * reloading rule files.
 *
 * A host borrows the command line options, the ruleset and the engine (all
 * must outlive it) and owns the archive connection, which it opens
 * read-only on first use. The functions live in one Lua table (see
 * lua_host_push), each a C closure over the host:
 *   get(id)               doc of an archive article, or nil, message
 *   file(path)            doc of the first article in a file, or nil, message
 *   make{id=, title=, body=, url=, ...}  doc of an ad-hoc article
 *   search(query, limit)  array of {id, title, snippet, score} (FTS5, ranked)
 *   rules()               array of {id, title, severity, weight, on, enabled,
 *                         needs, tags, description, file, line}
 *   run(rule_id, doc)     findings (array of {rule, severity, score, part,
 *                         start, stop, line, col, text, message, evidence}),
 *                         then rule errors (array of strings)
 *   run_all(doc)          findings of the rules that are on, errors, score
 *   show(doc, findings)   prints the article with the findings marked
 *   reload()              files changed, then the new load problems (array)
 *   trace(fn | nil)       receiver of report.trace calls (engine.h)
 *   write(...)            strings to standard output
 *   color                 true when output is coloured
 * A doc made here keeps its article (in a userdata under the field
 * DOC_ARTICLE_FIELD), so its methods keep working after another article was
 * used: the engine makes it the article in hand again (lua_doc.h).
 */
#ifndef SPINDLE_LUA_HOST_H
#define SPINDLE_LUA_HOST_H

#include <stdbool.h>
#include <lua.h>
#include "cli.h"
#include "db.h"
#include "engine.h"

typedef struct host {
    const cli *c;
    ruleset   *rs;
    engine    *e;
    db        *archive;          /* NULL until first used, or when it cannot open */
    bool       archive_tried;
    char       archive_error[512];
    bool       color;            /* show() and search() mark in colour */
} host;

/* Sets up h over the borrowed options, rules and engine, and lets the
 * engine revive the docs the host makes. */
void host_init(host *h, const cli *c, ruleset *rs, engine *e, bool color);

/* Closes the archive if it was opened. */
void host_close(host *h);

/* [-0, +1, m] Pushes the table of host functions. */
void lua_host_push(lua_State *L, host *h);

/* [-0, +1, m] Pushes a doc of article a, whose fields the doc takes over
 * (a is left zeroed). */
void lua_host_push_doc(lua_State *L, host *h, article *a);

#endif
