/*
 * text.h — the text model: an article body split into paragraphs and
 * sentences with byte spans, the quotations in it, and the mapping from byte
 * offsets to human line:column positions.
 *
 * All offsets are byte offsets into the body, 0-based, end exclusive. Lines
 * and columns are 1-based; a column counts UTF-8 characters, not bytes.
 *
 * Paragraphs are separated by one or more blank lines (lines holding only
 * whitespace). A sentence never crosses a paragraph boundary. Sentence spans
 * exclude surrounding whitespace and include the closing punctuation and any
 * closing quotation marks or brackets that follow it.
 *
 * The splitter handles: abbreviations (Mr. Dr. Mrs. Ms. St. U.S. U.K. Rs. No.
 * Jan.-Dec. e.g. i.e. etc. vs. Inc. Ltd. Co. Corp. Gen. Col. Gov. Sen. Rep.
 * Prof. ...), decimals and amounts ($2.5bn, 3.5%), initials ("J. K. Rowling"),
 * quotations that contain full stops, ellipses ("..." and U+2026), and
 * headline-style lines without a final full stop (a line break inside a
 * paragraph after text that ends without terminal punctuation, when the next
 * line starts with a capital, ends that sentence).
 *
 * Quotations: straight double quotes (") and curly double quotes (U+201C
 * U+201D) are paired within a paragraph; an unmatched opening quote runs to
 * the end of its paragraph. Single quotes are not treated as quotations
 * (apostrophes make them ambiguous).
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
    bool   quoted;       /* the whole sentence lies inside one quotation */
    bool   has_quote;    /* some part of the sentence is inside a quotation */
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
    text_span      *quotes;        /* owned: quotation spans incl. the marks */
    size_t          n_quotes;
    size_t         *line_starts;   /* owned: byte offset where each line begins */
    size_t          n_lines;
} text_model;

/* Builds the model of body[0, len). body must stay alive and unchanged while
 * the model is used. Never fails (allocation failure exits via xmalloc). An
 * empty or all-whitespace body gives zero paragraphs and sentences.
 * Call text_model_free to release. */
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
