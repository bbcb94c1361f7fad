/*
 * text.c — the text model: finds the lines and paragraphs of an article body,
 * splits each paragraph into sentences, records its quotations, and maps
 * byte offsets back to line:column.
 *
 * How it works. One loop walks the body line by line (memchr for '\n') and
 * collects line starts and paragraph spans. Each paragraph, as soon as it is
 * complete, is scanned once from left to right by the paragraph scanner,
 * which looks only at the few bytes that can matter (. ? ! " \n and the lead
 * bytes of the non-ASCII punctuation it knows) and decides there, looking a
 * few characters back and ahead, whether a sentence ends or a quotation
 * opens or closes. The quoted flags of a paragraph's sentences are then set
 * in one merge walk over its sentences and quotations. No regular
 * expressions, no allocation beyond the model's four growing arrays.
 *
 * The rules the splitter follows are listed in text.h; the reasons for the
 * less obvious ones are given beside the code that applies them.
 */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "utf8.h"
#include "util.h"

#define NO_OFFSET ((size_t)-1)

/* ------------------------------------------------------------------------ */
/* Characters                                                                */
/* ------------------------------------------------------------------------ */

/* Decodes the character at s[i] (i < end) into *cp and returns its length in
 * bytes. An invalid or truncated sequence decodes as U+FFFD of length 1, so
 * the caller always makes progress. */
static size_t char_decode(const unsigned char *s, size_t i, size_t end,
                          uint32_t *cp)
{
    unsigned char c = s[i];
    if (c < 0x80) { *cp = c; return 1; }
    size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? (c <= 0xEF ? 3 : 0)
             : c >= 0xC2 ? 2 : 0;
    if (n == 0 || end - i < n) { *cp = 0xFFFD; return 1; }
    uint32_t v = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < n; k++) {
        if ((s[i + k] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
        v = (v << 6) | (s[i + k] & 0x3F);
    }
    *cp = v;
    return n;
}

/* Decodes the character that ends just before s[i] (lo < i), not looking
 * before lo; returns its length. Invalid bytes decode as U+FFFD of length 1. */
static size_t char_decode_before(const unsigned char *s, size_t lo, size_t i,
                                 uint32_t *cp)
{
    size_t start = i - 1;
    while (start > lo && i - start < 4 && (s[start] & 0xC0) == 0x80) start--;
    if (char_decode(s, start, i, cp) == i - start) return i - start;
    *cp = 0xFFFD;
    return 1;
}

/* True for the characters treated as whitespace: ASCII space, tab, CR, LF,
 * VT, FF, the no-break spaces, the Unicode spaces U+2000-U+200A, the line
 * and paragraph separators and the ideographic space. */
static bool cp_is_space(uint32_t cp)
{
    switch (cp) {
    case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
    case 0x00A0: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

/* Length of the whitespace character at s[i], or 0 when there is none. */
static size_t space_at(const unsigned char *s, size_t i, size_t end)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r') ? 1 : 0;
    if (c != 0xC2 && c != 0xE2 && c != 0xE3) return 0;
    uint32_t cp;
    size_t n = char_decode(s, i, end, &cp);
    return cp_is_space(cp) ? n : 0;
}

/* First offset in [i, end) that does not hold whitespace, or end. */
static size_t skip_space(const unsigned char *s, size_t i, size_t end)
{
    size_t n;
    while (i < end && (n = space_at(s, i, end)) > 0) i += n;
    return i;
}

/* Moves end back over trailing whitespace, not below lo. */
static size_t trim_back(const unsigned char *s, size_t lo, size_t end)
{
    while (end > lo) {
        unsigned char c = s[end - 1];
        if (c < 0x80) {
            if (c == ' ' || (c >= '\t' && c <= '\r')) { end--; continue; }
            return end;
        }
        uint32_t cp;
        size_t n = char_decode_before(s, lo, end, &cp);
        if (!cp_is_space(cp)) return end;
        end -= n;
    }
    return end;
}

/* True for lowercase letters: ASCII, Latin-1, Latin Extended-A, Greek,
 * Cyrillic and Latin Extended Additional. Enough to tell "the sentence goes
 * on" from "a new one starts" in the languages news is mostly written in. */
static bool cp_is_lower(uint32_t cp)
{
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
    if (cp >= 0x100 && cp <= 0x17F) {
        if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return true;
        if (cp == 0x178) return false;
        bool odd = cp & 1;
        /* the upper/lower pairing flips parity in these two stretches */
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
            return !odd;
        return odd;
    }
    if (cp >= 0x3AC && cp <= 0x3CE) return true;              /* Greek */
    if (cp >= 0x430 && cp <= 0x45F) return true;              /* Cyrillic */
    if (cp >= 0x460 && cp <= 0x4FF) return cp & 1;
    if (cp >= 0x1E00 && cp <= 0x1EFF) return cp & 1;
    return false;
}

/* True for punctuation and symbols (as opposed to letters, digits and
 * whitespace): ASCII punctuation, Latin-1 symbols, general punctuation,
 * CJK and full-width punctuation. Used to tell which side a quote mark
 * leans on. */
static bool cp_is_punct(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') ||
               (cp >= '[' && cp <= '`') || (cp >= '{' && cp <= '~');
    return (cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
           (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) ||
           (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20);
}

/* True for a character that can begin a sentence the way a capital does: an
 * uppercase letter, or a letter of a script without case. */
static bool cp_is_capital_like(uint32_t cp)
{
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp != 0xFFFD &&
           !cp_is_lower(cp) && !cp_is_punct(cp) && !cp_is_space(cp);
}

/* Quotation marks and the characters that may follow terminal punctuation
 * as part of the sentence, or precede the first word of the next one. */
#define LEFT_DOUBLE_QUOTE   0x201C
#define RIGHT_DOUBLE_QUOTE  0x201D
#define LOW_DOUBLE_QUOTE    0x201E
#define LEFT_SINGLE_QUOTE   0x2018
#define RIGHT_SINGLE_QUOTE  0x2019
#define HORIZONTAL_ELLIPSIS 0x2026

static bool cp_is_closer(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' ||
           cp == RIGHT_DOUBLE_QUOTE || cp == RIGHT_SINGLE_QUOTE || cp == 0xBB ||
           cp == 0x300D || cp == 0x300F;
}

static bool cp_is_opener(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
           cp == LEFT_DOUBLE_QUOTE || cp == LEFT_SINGLE_QUOTE ||
           cp == LOW_DOUBLE_QUOTE || cp == 0xAB || cp == 0x300C || cp == 0x300E;
}

/* Sentence-ending punctuation that needs whitespace after it: . ? ! and the
 * ellipsis, the Devanagari danda. The CJK full stops end a sentence even with
 * no space after them (CJK text has none). */
static bool cp_is_terminal(uint32_t cp)
{
    return cp == '.' || cp == '?' || cp == '!' || cp == HORIZONTAL_ELLIPSIS ||
           cp == 0x0964 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

static bool cp_is_cjk_terminal(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

/* ------------------------------------------------------------------------ */
/* Abbreviations                                                             */
/* ------------------------------------------------------------------------ */

/* What a full stop after a known word means. */
typedef enum abbrev_class {
    ABBREV_NONE,       /* an ordinary word: the stop ends the sentence */
    ABBREV_TITLE,      /* always followed by more of the sentence (Mr., e.g.) */
    ABBREV_NUMBERED,   /* does not end before a number (No. 10, Jan. 5) */
    ABBREV_AMBIGUOUS   /* ends only before a typical sentence opener
                        * (Inc., U.S., initials) */
} abbrev_class;

typedef struct abbrev {
    const char  *word;   /* as written, without the final stop */
    size_t       len;    /* strlen(word) */
    abbrev_class cls;
} abbrev;

#define ABBREV(word, cls) { word, sizeof(word) - 1, ABBREV_##cls }

/* The known abbreviations, case-sensitive. Dotted forms (U.S., a.m.) and
 * single capital initials are recognised by shape instead of listed. */
static const abbrev ABBREVIATIONS[] = {
    /* titles before a name */
    ABBREV("Mr", TITLE),       ABBREV("Mrs", TITLE),      ABBREV("Ms", TITLE),
    ABBREV("Messrs", TITLE),   ABBREV("Mme", TITLE),      ABBREV("Mlle", TITLE),
    ABBREV("Dr", TITLE),       ABBREV("Prof", TITLE),     ABBREV("Rev", TITLE),
    ABBREV("Hon", TITLE),      ABBREV("Sgt", TITLE),      ABBREV("Capt", TITLE),
    ABBREV("Lt", TITLE),       ABBREV("Col", TITLE),      ABBREV("Gen", TITLE),
    ABBREV("Maj", TITLE),      ABBREV("Adm", TITLE),      ABBREV("Cmdr", TITLE),
    ABBREV("Cdr", TITLE),      ABBREV("Gov", TITLE),      ABBREV("Sen", TITLE),
    ABBREV("Rep", TITLE),      ABBREV("Pres", TITLE),     ABBREV("Supt", TITLE),
    ABBREV("Insp", TITLE),     ABBREV("Det", TITLE),      ABBREV("Brig", TITLE),
    ABBREV("Cpl", TITLE),      ABBREV("Pte", TITLE),      ABBREV("Cllr", TITLE),
    ABBREV("Atty", TITLE),     ABBREV("Fr", TITLE),       ABBREV("Sra", TITLE),
    /* Latin and editorial, always mid-sentence */
    ABBREV("e.g", TITLE),      ABBREV("i.e", TITLE),      ABBREV("vs", TITLE),
    ABBREV("v", TITLE),        ABBREV("viz", TITLE),      ABBREV("cf", TITLE),
    ABBREV("approx", TITLE),   ABBREV("incl", TITLE),     ABBREV("esp", TITLE),
    ABBREV("ca", TITLE),
    /* before a number */
    ABBREV("No", NUMBERED),    ABBREV("Nos", NUMBERED),   ABBREV("no", NUMBERED),
    ABBREV("Vol", NUMBERED),   ABBREV("vol", NUMBERED),   ABBREV("p", NUMBERED),
    ABBREV("pp", NUMBERED),    ABBREV("Fig", NUMBERED),   ABBREV("fig", NUMBERED),
    ABBREV("Art", NUMBERED),   ABBREV("Sec", NUMBERED),   ABBREV("Ch", NUMBERED),
    ABBREV("Para", NUMBERED),  ABBREV("Tel", NUMBERED),   ABBREV("Ext", NUMBERED),
    ABBREV("Op", NUMBERED),    ABBREV("Ref", NUMBERED),   ABBREV("Rs", NUMBERED),
    ABBREV("Nr", NUMBERED),    ABBREV("Jan", NUMBERED),   ABBREV("Feb", NUMBERED),
    ABBREV("Mar", NUMBERED),   ABBREV("Apr", NUMBERED),   ABBREV("Jun", NUMBERED),
    ABBREV("Jul", NUMBERED),   ABBREV("Aug", NUMBERED),   ABBREV("Sep", NUMBERED),
    ABBREV("Sept", NUMBERED),  ABBREV("Oct", NUMBERED),   ABBREV("Nov", NUMBERED),
    ABBREV("Dec", NUMBERED),
    /* firms, places, generations: usually mid-sentence, but can end one */
    ABBREV("Inc", AMBIGUOUS),  ABBREV("Ltd", AMBIGUOUS),  ABBREV("Co", AMBIGUOUS),
    ABBREV("Corp", AMBIGUOUS), ABBREV("Bros", AMBIGUOUS), ABBREV("Plc", AMBIGUOUS),
    ABBREV("plc", AMBIGUOUS),  ABBREV("St", AMBIGUOUS),   ABBREV("Mt", AMBIGUOUS),
    ABBREV("Ft", AMBIGUOUS),   ABBREV("Ave", AMBIGUOUS),  ABBREV("Rd", AMBIGUOUS),
    ABBREV("Univ", AMBIGUOUS), ABBREV("Dept", AMBIGUOUS), ABBREV("al", AMBIGUOUS),
    ABBREV("Jr", AMBIGUOUS),   ABBREV("Sr", AMBIGUOUS),
};

/* Words that typically open a sentence. After an ambiguous abbreviation
 * ("in the U.S. He said") one of these means the sentence has ended; any
 * other capitalised word ("U.S. President", "J. K. Rowling") means it has
 * not. */
static const char *const SENTENCE_OPENERS[] = {
    "A", "An", "The", "He", "She", "It", "I", "We", "They", "You", "His",
    "Her", "Its", "Our", "Their", "My", "Your", "This", "That", "These",
    "Those", "There", "Here", "But", "And", "Or", "So", "Yet", "However",
    "Meanwhile", "Also", "In", "On", "At", "For", "If", "When", "While",
    "After", "Before", "As", "Then", "Now", "Some", "Many", "Most", "Both",
    "All", "Such", "What", "Who", "Why", "How", "Where", "Mr", "Mrs", "Ms",
    "Dr", "Officials", "Analysts", "According",
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* True when the n letters at word (n > 0, no NUL among them) equal the
 * NUL-terminated literal. */
static bool word_equals(const unsigned char *word, size_t n, const char *literal)
{
    return (unsigned char)literal[0] == word[0] &&
           strncmp(literal, (const char *)word, n) == 0 && literal[n] == '\0';
}

/* Classifies the word that ends with the full stop at s[dot]: scans back over
 * ASCII letters and inner dots to lo. Only a word that stands alone (after
 * whitespace, an opening bracket or quote, or the paragraph start) can be an
 * abbreviation: "2.5bn." and "Liberty-X." are ordinary words. */
static abbrev_class abbrev_classify(const unsigned char *s, size_t lo, size_t dot)
{
    size_t start = dot;
    while (start > lo && dot - start < 16) {
        unsigned char c = s[start - 1];
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') start--;
        else if (c == '.' && start - 1 > lo &&
                 ((s[start - 2] | 0x20) >= 'a' && (s[start - 2] | 0x20) <= 'z'))
            start--;
        else break;
    }
    if (start == dot) return ABBREV_NONE;
    if (start > lo) {
        uint32_t before;
        char_decode_before(s, lo, start, &before);
        if (!cp_is_space(before) && !cp_is_opener(before)) return ABBREV_NONE;
    }
    const unsigned char *word = s + start;
    size_t n = dot - start;
    for (size_t k = 0; k < COUNT_OF(ABBREVIATIONS); k++)
        if (ABBREVIATIONS[k].len == n && memcmp(ABBREVIATIONS[k].word, word, n) == 0)
            return ABBREVIATIONS[k].cls;
    /* a single capital: an initial, as in "J. K. Rowling" */
    if (n == 1 && word[0] >= 'A' && word[0] <= 'Z') return ABBREV_AMBIGUOUS;
    /* dotted initials: U.S, U.K, a.m, Ph.D (pieces of at most two letters) */
    if (memchr(word, '.', n)) {
        size_t piece = 0;
        for (size_t k = 0; k < n; k++) {
            if (word[k] == '.') piece = 0;
            else if (++piece > 2) return ABBREV_NONE;
        }
        return ABBREV_AMBIGUOUS;
    }
    return ABBREV_NONE;
}

/* True when the word at s[i] is one of SENTENCE_OPENERS. */
static bool starts_with_opener_word(const unsigned char *s, size_t i, size_t end)
{
    size_t n = 0;
    while (i + n < end && (s[i + n] | 0x20) >= 'a' && (s[i + n] | 0x20) <= 'z') n++;
    if (n == 0 || (i + n < end && s[i + n] >= 0x80)) return false;
    for (size_t k = 0; k < COUNT_OF(SENTENCE_OPENERS); k++)
        if (word_equals(s + i, n, SENTENCE_OPENERS[k])) return true;
    return false;
}

/* ------------------------------------------------------------------------ */
/* Building                                                                  */
/* ------------------------------------------------------------------------ */

/* The model under construction, with the capacities of its arrays and the
 * state of the paragraph being scanned. */
typedef struct builder {
    text_model          *m;
    const unsigned char *s;              /* the body */
    size_t cap_sentences, cap_paragraphs, cap_quotes, cap_lines;
    /* the paragraph being scanned */
    size_t   para_start, para_end;       /* its trimmed span */
    size_t   sentence_start;             /* first byte of the open sentence */
    bool     in_quote;                   /* a quotation is open */
    size_t   quote_start;                /* where its opening mark is */
    size_t   quote_mark_len;             /* byte length of that mark */
    uint32_t quote_mark;                 /* which mark opened it */
} builder;

/* Makes room for one more element in an array of *cap elements of size
 * elem that holds n; returns the (possibly moved) array. */
static void *array_reserve(void *array, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap) return array;
    size_t new_cap = *cap ? *cap * 2 : 16;
    *cap = new_cap;
    return xrealloc(array, new_cap * elem);
}

static void push_line_start(builder *b, size_t off)
{
    text_model *m = b->m;
    m->line_starts = array_reserve(m->line_starts, &b->cap_lines, m->n_lines,
                                   sizeof *m->line_starts);
    m->line_starts[m->n_lines++] = off;
}

static void push_sentence(builder *b, size_t start, size_t end)
{
    text_model *m = b->m;
    m->sentences = array_reserve(m->sentences, &b->cap_sentences, m->n_sentences,
                                 sizeof *m->sentences);
    m->sentences[m->n_sentences++] = (text_sentence){
        .start = start, .end = end, .paragraph = m->n_paragraphs,
    };
}

static void push_quote(builder *b, size_t start, size_t end)
{
    text_model *m = b->m;
    m->quotes = array_reserve(m->quotes, &b->cap_quotes, m->n_quotes,
                              sizeof *m->quotes);
    m->quotes[m->n_quotes++] = (text_span){ start, end };
}

/* Ends the open sentence at end (exclusive) and starts the next one at
 * next_start, which holds a non-space character. */
static void sentence_break(builder *b, size_t end, size_t next_start)
{
    push_sentence(b, b->sentence_start, end);
    b->sentence_start = next_start;
}

/* ---- quotations ---- */

typedef enum quote_role { QUOTE_IGNORED, QUOTE_OPENS, QUOTE_CLOSES } quote_role;

/* How the quotation mark cp of length len at s[i] acts, given the open
 * quotation if any. Curly marks say which way they face. A straight mark is
 * read from its neighbours: one with a word on its right and space or
 * punctuation on its left opens (say "x, read:"x); one with a word or
 * punctuation on its left and space or punctuation on its right closes
 * (x", x."); an undecided one toggles. A closing mark with no quotation open
 * is ignored (an inch mark, or the end of a quotation continued from an
 * earlier paragraph). */
static quote_role quote_role_of(const builder *b, size_t i, size_t len, uint32_t cp)
{
    switch (cp) {
    case LOW_DOUBLE_QUOTE:
        return QUOTE_OPENS;
    case LEFT_DOUBLE_QUOTE:   /* „German“ closes with the left mark */
        return b->in_quote && b->quote_mark == LOW_DOUBLE_QUOTE ? QUOTE_CLOSES
                                                                : QUOTE_OPENS;
    case RIGHT_DOUBLE_QUOTE:
        return b->in_quote ? QUOTE_CLOSES : QUOTE_IGNORED;
    default:
        break;
    }
    uint32_t prev = ' ', next = ' ';
    if (i > b->para_start) char_decode_before(b->s, b->para_start, i, &prev);
    if (i + len < b->para_end) char_decode(b->s, i + len, b->para_end, &next);
    bool prev_space = cp_is_space(prev), next_space = cp_is_space(next);
    bool prev_punct = cp_is_punct(prev), next_punct = cp_is_punct(next);
    bool opens = !next_space && (!next_punct || prev_space || prev_punct);
    bool closes = !prev_space && (!prev_punct || next_space || next_punct);
    if (opens && !closes) return QUOTE_OPENS;
    if (closes && !opens) return b->in_quote ? QUOTE_CLOSES : QUOTE_IGNORED;
    return b->in_quote ? QUOTE_CLOSES : QUOTE_OPENS;
}

/* Applies the role of the mark at s[i]. An opening mark while a quotation is
 * open ends that quotation just before it: news style opens each paragraph
 * of a long quotation with a mark but closes only the last one, and when
 * such paragraphs are run together the marks still say where each part
 * starts. */
static void quote_apply(builder *b, size_t i, size_t len, uint32_t cp,
                        quote_role role)
{
    if (role == QUOTE_OPENS) {
        if (b->in_quote) {
            size_t end = trim_back(b->s, b->quote_start + b->quote_mark_len, i);
            push_quote(b, b->quote_start, end);
        }
        b->in_quote = true;
        b->quote_start = i;
        b->quote_mark_len = len;
        b->quote_mark = cp;
    } else if (role == QUOTE_CLOSES) {
        push_quote(b, b->quote_start, i + len);
        b->in_quote = false;
    }
}

/* ---- sentence ends ---- */

/* True when the first letter at s[i] (after any opening quotes or brackets)
 * is lowercase: the text after a full stop goes on with the same sentence. */
static bool continues_lowercase(const unsigned char *s, size_t i, size_t end)
{
    uint32_t cp = 0;
    while (i < end) {
        i += char_decode(s, i, end, &cp);
        if (!cp_is_opener(cp)) break;
    }
    return cp_is_lower(cp);
}

/* True when s[start, end) holds a letter or digit, not only punctuation. */
static bool has_word(const unsigned char *s, size_t start, size_t end)
{
    while (start < end) {
        uint32_t cp;
        start += char_decode(s, start, end, &cp);
        if (!cp_is_punct(cp) && !cp_is_space(cp)) return true;
    }
    return false;
}

/* True when the sentence text s[start, end) has a word in it, so that
 * punctuation can end it. Looks at no more than 16 bytes, so that a run of
 * stray marks cannot make the scan quadratic; a longer sentence counts as
 * having one. */
static bool sentence_has_word(const unsigned char *s, size_t start, size_t end)
{
    size_t limit = end - start > 16 ? start + 16 : end;
    return has_word(s, start, limit) || limit < end;
}

/* True when [start, end) is a list number or letter such as "1" or "b", so
 * that "1. The first point" stays one sentence. */
static bool is_enumerator(const unsigned char *s, size_t start, size_t end)
{
    size_t n = end - start;
    if (n == 1 && ((s[start] | 0x20) >= 'a' && (s[start] | 0x20) <= 'z')) return true;
    if (n == 0 || n > 3) return false;
    for (size_t k = start; k < end; k++)
        if (s[k] < '0' || s[k] > '9') return false;
    return true;
}

/* Handles the terminal punctuation that starts at s[i]: consumes the whole
 * run (?!, ..., ?"), and the closing quotes and brackets after it, then
 * decides whether the sentence ends there. Returns where scanning resumes. */
static size_t on_terminal(builder *b, size_t i)
{
    const unsigned char *s = b->s;
    size_t end = b->para_end;
    size_t j = i, dots = 0;
    bool strong = false, ellipsis = false, cjk = false;
    while (j < end) {
        uint32_t cp;
        size_t n = char_decode(s, j, end, &cp);
        if (!cp_is_terminal(cp)) break;
        if (cp == '.') dots++;
        else if (cp == HORIZONTAL_ELLIPSIS) ellipsis = true;
        else strong = true;
        if (cp_is_cjk_terminal(cp)) cjk = true;
        j += n;
    }
    if (dots >= 2) ellipsis = true;

    /* closing quotes and brackets belong to the sentence they close */
    size_t k = j;
    while (k < end) {
        uint32_t cp;
        size_t n = char_decode(s, k, end, &cp);
        if (cp == '"' || cp == LEFT_DOUBLE_QUOTE || cp == RIGHT_DOUBLE_QUOTE) {
            quote_role role = quote_role_of(b, k, n, cp);
            if (role == QUOTE_OPENS) break;   /* it starts what follows */
            quote_apply(b, k, n, cp, role);
        } else if (!cp_is_closer(cp)) {
            break;
        }
        k += n;
    }
    bool closed = k > j;
    if (k >= end) return k;                 /* the paragraph end ends it */
    size_t next = skip_space(s, k, end);
    if (next == k && !cjk) return k;        /* "3.5", "U.S", "a.m." */

    /* punctuation before any word ("... and then") ends nothing */
    if (!sentence_has_word(s, b->sentence_start, i)) return k;
    if (continues_lowercase(s, next, end)) return k;
    if (!strong && !ellipsis && !closed) {
        if (is_enumerator(s, b->sentence_start, i)) return k;
        switch (abbrev_classify(s, b->sentence_start, i)) {
        case ABBREV_TITLE:
            return k;
        case ABBREV_NUMBERED:
            if (s[next] >= '0' && s[next] <= '9') return k;
            break;
        case ABBREV_AMBIGUOUS: {
            uint32_t cp;
            char_decode(s, next, end, &cp);
            if (cp != '"' && cp != LEFT_DOUBLE_QUOTE &&
                !starts_with_opener_word(s, next, end))
                return k;
            break;
        }
        case ABBREV_NONE:
            break;
        }
    }
    sentence_break(b, k, next);
    return next;
}

/* ---- headline lines and lists ---- */

/* True when the line [lo, end) (end trimmed) stops where a sentence could
 * stop: not after terminal punctuation (the rules above decide there), and
 * not after a comma, semicolon, dash, slash, ampersand or opening bracket,
 * which promise more of the same sentence on the next line. */
static bool line_ends_open(const unsigned char *s, size_t lo, size_t end)
{
    uint32_t cp = 0;
    while (end > lo) {
        end -= char_decode_before(s, lo, end, &cp);
        if (!cp_is_closer(cp)) break;
    }
    if (end == lo && cp_is_closer(cp)) return false;
    if (cp_is_terminal(cp)) return false;
    switch (cp) {
    case ',': case ';': case '-': case '/': case '&': case '+': case '(':
    case '[': case 0x2013: case 0x2014:
        return false;
    default:
        return !cp_is_opener(cp);
    }
}

/* True when a list item starts at s[i]: a bullet (- * + • · – —) or a number
 * with . or ) followed by whitespace. */
static bool starts_list_item(const unsigned char *s, size_t i, size_t end)
{
    uint32_t cp;
    size_t n = char_decode(s, i, end, &cp);
    if (cp >= '0' && cp <= '9') {
        size_t k = i;
        while (k < end && k - i < 3 && s[k] >= '0' && s[k] <= '9') k++;
        if (k >= end || (s[k] != '.' && s[k] != ')')) return false;
        n = k + 1 - i;
    } else if (cp != '-' && cp != '*' && cp != '+' && cp != 0x2022 &&
               cp != 0xB7 && cp != 0x2013 && cp != 0x2014) {
        return false;
    }
    return i + n < end && space_at(s, i + n, end) > 0;
}

/* True when the line starting at s[i] starts with a capital, after any
 * opening quotes or brackets. */
static bool starts_capitalised(const unsigned char *s, size_t i, size_t end)
{
    uint32_t cp = 0;
    while (i < end) {
        i += char_decode(s, i, end, &cp);
        if (!cp_is_opener(cp)) break;
    }
    return cp_is_capital_like(cp);
}

/* Handles the line break at s[i] inside a paragraph. The sentence ends at
 * the end of this line when the next line is a list item, or when this line
 * ends open (a headline, a label) and the next starts with a capital.
 * Returns where scanning resumes. */
static size_t on_line_break(builder *b, size_t i)
{
    const unsigned char *s = b->s;
    size_t line_end = trim_back(s, b->sentence_start, i);
    size_t next = skip_space(s, i + 1, b->para_end);
    if (next >= b->para_end || !sentence_has_word(s, b->sentence_start, line_end))
        return i + 1;
    if (starts_list_item(s, next, b->para_end) ||
        (line_ends_open(s, b->sentence_start, line_end) &&
         starts_capitalised(s, next, b->para_end))) {
        sentence_break(b, line_end, next);
        return next;
    }
    return i + 1;
}

/* ---- paragraphs ---- */

/* Sets quoted and has_quote on the sentences of the paragraph whose first
 * sentence and first quotation have the given indexes: one walk over both
 * sorted lists. */
static void mark_quoted_sentences(text_model *m, size_t first_sentence,
                                  size_t first_quote)
{
    size_t q = first_quote;
    for (size_t k = first_sentence; k < m->n_sentences; k++) {
        text_sentence *sent = &m->sentences[k];
        while (q < m->n_quotes && m->quotes[q].end <= sent->start) q++;
        if (q == m->n_quotes) break;
        const text_span *quote = &m->quotes[q];
        sent->has_quote = quote->start < sent->end;
        sent->quoted = quote->start <= sent->start && sent->end <= quote->end;
    }
}

/* The bytes the paragraph scanner stops at: . ? ! " newline, and the lead
 * bytes of the non-ASCII punctuation it knows (U+0964, U+2000-U+2FFF,
 * U+3000-U+3FFF, U+F000-U+FFFF). Everything else is skipped unexamined. */
static const bool SCANNER_STOPS[256] = {
    ['.'] = true, ['?'] = true, ['!'] = true, ['"'] = true, ['\n'] = true,
    [0xE0] = true, [0xE2] = true, [0xE3] = true, [0xEF] = true,
};

/* Splits the paragraph body[start, end) (trimmed, non-empty) into sentences
 * and quotations and appends it to the model. */
static void scan_paragraph(builder *b, size_t start, size_t end)
{
    text_model *m = b->m;
    const unsigned char *s = b->s;
    size_t first_sentence = m->n_sentences, first_quote = m->n_quotes;
    b->para_start = start;
    b->para_end = end;
    b->sentence_start = start;
    b->in_quote = false;

    size_t i = start;
    while (i < end) {
        while (i < end && !SCANNER_STOPS[s[i]]) i++;
        if (i >= end) break;
        unsigned char c = s[i];
        if (c == '.' || c == '?' || c == '!') { i = on_terminal(b, i); continue; }
        if (c == '\n') { i = on_line_break(b, i); continue; }
        if (c == '"') {
            quote_apply(b, i, 1, c, quote_role_of(b, i, 1, c));
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = char_decode(s, i, end, &cp);
        if (cp_is_terminal(cp))
            i = on_terminal(b, i);
        else if (cp == LEFT_DOUBLE_QUOTE || cp == RIGHT_DOUBLE_QUOTE ||
                 cp == LOW_DOUBLE_QUOTE) {
            quote_apply(b, i, n, cp, quote_role_of(b, i, n, cp));
            i += n;
        } else {
            i += n;
        }
    }
    /* a stray mark left at the end ("in the US. .", "documents. \"")
     * joins the sentence before it rather than standing alone */
    if (m->n_sentences > first_sentence && !has_word(s, b->sentence_start, end))
        m->sentences[m->n_sentences - 1].end = end;
    else
        push_sentence(b, b->sentence_start, end);
    if (b->in_quote) push_quote(b, b->quote_start, end);
    mark_quoted_sentences(m, first_sentence, first_quote);

    m->paragraphs = array_reserve(m->paragraphs, &b->cap_paragraphs,
                                  m->n_paragraphs, sizeof *m->paragraphs);
    m->paragraphs[m->n_paragraphs++] = (text_paragraph){
        .start = start, .end = end, .first_sentence = first_sentence,
        .n_sentences = m->n_sentences - first_sentence,
    };
}

void text_model_build(text_model *m, const char *body, size_t len)
{
    memset(m, 0, sizeof *m);
    m->body = body;
    m->len = len;
    builder b = { .m = m, .s = (const unsigned char *)body };
    push_line_start(&b, 0);
    if (len == 0) return;

    /* lines and paragraphs: a paragraph is a run of non-blank lines */
    const unsigned char *s = b.s;
    size_t para_start = NO_OFFSET, para_end = 0, pos = 0;
    for (;;) {
        const unsigned char *nl = memchr(s + pos, '\n', len - pos);
        size_t eol = nl ? (size_t)(nl - s) : len;
        size_t first = skip_space(s, pos, eol);
        if (first < eol) {
            if (para_start == NO_OFFSET) para_start = first;
            para_end = trim_back(s, first, eol);
        } else if (para_start != NO_OFFSET) {
            scan_paragraph(&b, para_start, para_end);
            para_start = NO_OFFSET;
        }
        if (!nl) break;
        pos = eol + 1;
        push_line_start(&b, pos);
        if (pos == len) break;
    }
    if (para_start != NO_OFFSET) scan_paragraph(&b, para_start, para_end);
}

void text_model_free(text_model *m)
{
    free(m->sentences);
    free(m->paragraphs);
    free(m->quotes);
    free(m->line_starts);
    memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------------------ */
/* Queries                                                                   */
/* ------------------------------------------------------------------------ */

void text_position(const text_model *m, size_t off, int *line, int *col)
{
    if (off > m->len) off = m->len;
    if (m->n_lines == 0) { *line = 1; *col = 1; return; }
    /* the last line start <= off */
    size_t lo = 0, hi = m->n_lines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->line_starts[mid] <= off) lo = mid;
        else hi = mid;
    }
    size_t start = m->line_starts[lo];
    *line = (int)(lo + 1);
    *col = off > start ? (int)(utf8_count(m->body + start, off - start) + 1) : 1;
}

size_t text_sentence_at(const text_model *m, size_t off)
{
    /* the first sentence that ends after off: it holds off, or is the
     * nearest one after it */
    size_t lo = 0, hi = m->n_sentences;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->sentences[mid].end <= off) lo = mid + 1;
        else hi = mid;
    }
    return lo < m->n_sentences ? lo : (size_t)-1;
}

bool text_in_quote(const text_model *m, size_t off)
{
    size_t lo = 0, hi = m->n_quotes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->quotes[mid].end <= off) lo = mid + 1;
        else hi = mid;
    }
    return lo < m->n_quotes && m->quotes[lo].start <= off;
}
