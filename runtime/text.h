/*
 * text.h — the text model: an article body split into paragraphs and
 * sentences with byte spans, the quotations in it, and the mapping from byte
 * offsets to human line:column positions.
 *
 * All offsets are byte offsets into the body, 0-based, end exclusive. Lines
 * and columns are 1-based; a column counts UTF-8 characters, not bytes. A
 * line ends at '\n' (a '\r' before it is whitespace); a body that ends with
 * '\n' has an empty last line after it.
 *
 * Whitespace is ASCII whitespace plus the no-break and Unicode spaces
 * (U+00A0, U+2000-U+200A, U+202F, U+3000, ...). Paragraphs are separated by
 * one or more blank lines (lines holding only whitespace). A sentence never
 * crosses a paragraph boundary. Sentence spans exclude surrounding whitespace
 * and include the closing punctuation and any closing quotation marks or
 * brackets that follow it.
 *
 * A sentence ends at terminal punctuation (. ? ! ... U+2026, the danda
 * U+0964) followed by whitespace, when the next word does not start with a
 * lowercase letter; the CJK full stops (U+3002 U+FF01 U+FF1F) end one with
 * no space after. The splitter handles: abbreviations, in three kinds —
 * titles and Latin that never end a sentence (Mr. Dr. Prof. Gen. Sen. e.g.
 * i.e. vs. ...), those that do not end one before a number (No. 10, Rs. 500,
 * Jan. 5) and those that end one only before a typical sentence opener such
 * as "The" or "He" (U.S. U.K. a.m. Inc. Ltd. Co. Jr. St., single initials
 * as in "J. K. Rowling"); decimals and amounts ($2.5bn, 3.5%: no space after
 * the stop); list numbers ("1. First item"); quotations that contain full
 * stops (a stop inside a quotation ends a sentence like any other, so
 * "We won. We always do," he said. is two sentences, the first quoted);
 * ellipses, which end a sentence only before a capital; headline-style
 * lines without a final full stop (a line break inside a paragraph after
 * text that ends without terminal punctuation, a comma, semicolon, dash or
 * opening bracket, when the next line starts with a capital, ends that
 * sentence); and list items (a line starting with a bullet - * + U+2022 or
 * "1." starts a new sentence). Punctuation before any word does not end a
 * sentence, and a stray mark at the end of a paragraph ("... in the US. .")
 * joins the sentence before it.
 *
 * Quotations: straight double quotes (") and curly double quotes (U+201C
 * U+201D, and U+201E closed by U+201C) are paired within a paragraph; a
 * straight mark opens or closes according to what is on each side of it
 * (read:"We opens, won," closes). An unmatched opening quote runs to the
 * end of its paragraph. An opening mark while a quotation is open ends that
 * quotation just before it (news style opens every paragraph of a long
 * quotation but closes only the last; run together, the marks still show
 * where each part starts). A closing mark with nothing open (12" pizza) is
 * not a quotation. Single quotes are not treated as quotations (apostrophes
 * make them ambiguous).
 */
#ifndef SPINDLE_TEXT_H
#define SPINDLE_TEXT_H

#include <stddef.h>
#include <stdbool.h>

typedef struct text_span {
    size_t start, end;
} text_span;

typedef struct text_sentence {
    size_t start, end;   /* byte span of the sentence */
    size_t paragraph;    /* 0-based index into text_model.paragraphs */
    bool   quoted;       /* the whole sentence lies inside one quotation span */
    bool   has_quote;    /* some part of it is inside a quotation (quoted
                          * implies has_quote) */
} text_sentence;

typedef struct text_paragraph {
    size_t start, end;       /* byte span, trimmed of surrounding whitespace */
    size_t first_sentence;   /* index of its first sentence */
    size_t n_sentences;
} text_paragraph;

typedef struct text_model {
    const char     *body;          /* borrowed: must outlive the model */
    size_t          len;
    text_sentence  *sentences;     /* owned */
    size_t          n_sentences;
    text_paragraph *paragraphs;    /* owned */
    size_t          n_paragraphs;
    text_span      *quotes;        /* owned: quotation spans incl. the marks,
                                    * in body order, never overlapping */
    size_t          n_quotes;
    size_t         *line_starts;   /* owned: byte offset where each line begins;
                                    * line_starts[0] == 0 */
    size_t          n_lines;       /* 1 + the number of '\n' in the body */
} text_model;

/* Builds the model of body[0, len) (body may be NULL when len is 0). body
 * must stay alive and unchanged while the model is used. Never fails
 * (allocation failure exits via xmalloc); any bytes are accepted (invalid
 * UTF-8 counts as letters, NUL as a letter). An empty or all-whitespace body
 * gives zero paragraphs and sentences. Call text_model_free to release. */
void text_model_build(text_model *m, const char *body, size_t len);

/* Releases what the model owns and zeroes it; safe to call twice. */
void text_model_free(text_model *m);

/* The 1-based line and column (in characters) of byte offset off (clamped
 * to len). */
void text_position(const text_model *m, size_t off, int *line, int *col);

/* Index of the sentence containing byte offset off, or the nearest sentence
 * that starts after it; (size_t)-1 if there is none. */
size_t text_sentence_at(const text_model *m, size_t off);

/* True when byte offset off lies inside a quotation span. */
bool text_in_quote(const text_model *m, size_t off);

#endif
