/*
 * lua_doc.h — the `doc` object a rule's check(doc, report) receives.
 *
 * doc is a table: id, title, body, url, outlet, author, published, lang
 * (strings or nil), meta (table), cache (a fresh table per article, for the
 * stdlib to memoise analysis), and methods
 *   doc:sentences()        array of Sentence (built once, then cached)
 *   doc:paragraphs()       array of Paragraph {text, start, stop, index,
 *                          sentences}
 *   doc:find(re)           iterator over the Match tables of re on the body
 *   doc:sentence_at(off)   the Sentence holding byte offset off, or nil
 *   doc:in_quote(off)      true when off lies inside a quotation
 *   doc:quotes()           array of the quotation spans {start, stop}, marks
 *                          included, in order (built once, then cached)
 * A Sentence is a table {text, start, stop, index, paragraph, quoted,
 * has_quote, doc} with methods s:prev(), s:next(), s:paragraph_sentences().
 * Offsets are body byte offsets, 0-based, end exclusive; indexes 1-based.
 *
 * The text model behind a doc lives only while its article is scored: a doc
 * kept by a rule past that answers its plain fields, but its model-backed
 * methods raise "document is no longer being scored".
 */
#ifndef SPINDLE_LUA_DOC_H
#define SPINDLE_LUA_DOC_H

#include <lua.h>
#include "article.h"
#include "text.h"

/* What the doc methods read: set by the engine for each article. */
typedef struct doc_context {
    const article    *article;
    const text_model *model;
    unsigned long     generation;  /* bumped per article; docs carry theirs */
    /* For the REPL, where docs of several articles live at once: when a
     * doc whose article is no longer in hand is used and it holds its
     * article (a userdata whose memory is an `article`, in the doc's field
     * DOC_ARTICLE_FIELD), revive(revive_data, that article) makes it the
     * article in hand again instead of raising. NULL in rules' runs. */
    void            (*revive)(void *revive_data, const article *a);
    void             *revive_data;
} doc_context;

#define DOC_ARTICLE_FIELD "_article"

/* [-0, +0, -] Marks the doc at index as belonging to the article in hand
 * (after its article was made current again). */
void lua_doc_adopt(lua_State *L, int index, const doc_context *ctx);

/* [-0, +0, m] Creates the Doc and Sentence metatables, bound to ctx (which
 * must outlive the state). Call once per Lua state. */
void lua_doc_register(lua_State *L, doc_context *ctx);

/* [-0, +1, m] Pushes a new doc for ctx's current article. */
void lua_doc_push(lua_State *L, doc_context *ctx);

#endif
