/*
 * needs.c — every rule's `needs` words as one Aho-Corasick automaton (see
 * needs.h for what it matches and why that equals the caseless pattern).
 *
 * The words are kept until needs_index_compile, which gives each byte that
 * occurs in them a class (all other bytes share class 0), builds the trie of
 * the words over those classes, and turns it into a complete transition
 * table by following failure links breadth first. Each state keeps the
 * owners of every word that ends there or at one of its suffixes.
 */
#include "needs.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "utf8.h"
#include "util.h"

typedef struct needs_word {
    char  *text;                /* owned copy, ASCII letters lowered */
    size_t owner;
} needs_word;

struct needs_index {
    size_t      n_owners;
    needs_word *words;          /* until compiled */
    size_t      n_words, cap_words;
    uint16_t    class_of[256];  /* byte -> class; 0 = in no word */
    uint16_t    scan_class[256];/* the same as the text is fed: upper-case
                                   ASCII as lower, ASCII white space as ' ' */
    size_t      n_classes;
    uint32_t   *next;           /* while building: [state * n_classes + class]
                                   -> state; compiled: -> the target's row
                                   (state * n_classes) | NEEDS_HAS_OUTPUT */
    size_t      n_states;
    uint32_t   *out_start;      /* owners of state s: out[out_start[s] .. +out_len[s]] */
    uint32_t   *out_len;
    uint32_t   *out;
};

needs_index *needs_index_new(size_t n_owners)
{
    needs_index *x = xcalloc(1, sizeof *x);
    x->n_owners = n_owners;
    return x;
}

void needs_index_free(needs_index *x)
{
    if (!x) return;
    for (size_t i = 0; i < x->n_words; i++) free(x->words[i].text);
    free(x->words);
    free(x->next);
    free(x->out_start);
    free(x->out_len);
    free(x->out);
    free(x);
}

bool needs_index_empty(const needs_index *x)
{
    return x->n_states <= 1 && x->n_words == 0;
}

bool needs_word_indexable(rx_cache *rx, const char *word)
{
    static const char caseless_class[] = "^[\\p{Sc}\\p{P}]";
    const unsigned char *p = (const unsigned char *)word;
    size_t len = strlen(word);
    if (len == 0) return false;
    for (size_t i = 0; i < len;) {
        if (p[i] < 0x80) {
            if (p[i] < 0x20 || p[i] == 0x7F) return false;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(p + i, len - i, &cp);
        if (n == 0) return false;
        const rx_pattern *marks = rx_compile(rx, caseless_class, sizeof caseless_class - 1,
                                             NULL, NULL, 0);
        size_t ovector[2];
        if (!marks || rx_match(rx, marks, word + i, n, 0, ovector) <= 0) return false;
        i += n;
    }
    return true;
}

size_t needs_word_piece(const char *word, size_t *at)
{
    size_t i = *at;
    while (word[i] && !((unsigned char)word[i] < 0x80 && isalnum((unsigned char)word[i]))) i++;
    size_t j = i;
    while ((unsigned char)word[j] < 0x80 && isalnum((unsigned char)word[j])) j++;
    *at = i;
    return j - i;
}

void needs_index_add(needs_index *x, const char *word, size_t owner)
{
    if (x->n_words == x->cap_words) {
        x->cap_words = x->cap_words ? 2 * x->cap_words : 64;
        x->words = xrealloc(x->words, x->cap_words * sizeof *x->words);
    }
    char *text = xstrdup(word);
    for (char *c = text; *c; c++)
        if (*c >= 'A' && *c <= 'Z') *c = (char)(*c - 'A' + 'a');
    x->words[x->n_words].text = text;
    x->words[x->n_words].owner = owner;
    x->n_words++;
}

/* Owners of each state while building: a growable list per state. */
typedef struct owner_list {
    uint32_t *items;
    size_t    n, cap;
} owner_list;

static void owner_list_add(owner_list *l, uint32_t owner)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i] == owner) return;
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 2;
        l->items = xrealloc(l->items, l->cap * sizeof *l->items);
    }
    l->items[l->n++] = owner;
}

/* The state reached from state s by class c while building the trie
 * (0 = none yet, since no edge leads back to the root). */
#define NEEDS_EDGE(x, s, c) ((x)->next[(size_t)(s) * (x)->n_classes + (c)])

/* In a compiled table: the target state has owners to mark. */
#define NEEDS_HAS_OUTPUT 0x80000000u

void needs_index_compile(needs_index *x)
{
    /* byte classes */
    memset(x->class_of, 0, sizeof x->class_of);
    x->n_classes = 1;
    size_t max_states = 1;
    for (size_t w = 0; w < x->n_words; w++) {
        for (const unsigned char *c = (const unsigned char *)x->words[w].text; *c; c++)
            if (!x->class_of[*c]) x->class_of[*c] = (uint16_t)x->n_classes++;
        max_states += strlen(x->words[w].text);
    }

    /* the trie */
    x->next = xcalloc(max_states * x->n_classes, sizeof *x->next);
    owner_list *owners = xcalloc(max_states, sizeof *owners);
    x->n_states = 1;
    for (size_t w = 0; w < x->n_words; w++) {
        uint32_t s = 0;
        for (const unsigned char *c = (const unsigned char *)x->words[w].text; *c; c++) {
            uint16_t k = x->class_of[*c];
            if (!NEEDS_EDGE(x, s, k)) NEEDS_EDGE(x, s, k) = (uint32_t)x->n_states++;
            s = NEEDS_EDGE(x, s, k);
        }
        owner_list_add(&owners[s], (uint32_t)x->words[w].owner);
    }

    /* failure links, breadth first, folded into a complete table */
    uint32_t *fail = xcalloc(x->n_states, sizeof *fail);
    uint32_t *queue = xcalloc(x->n_states, sizeof *queue);
    size_t head = 0, tail = 0;
    for (size_t k = 0; k < x->n_classes; k++)
        if (NEEDS_EDGE(x, 0, k)) queue[tail++] = NEEDS_EDGE(x, 0, k);
    while (head < tail) {
        uint32_t s = queue[head++];
        for (size_t i = 0; i < owners[fail[s]].n; i++)
            owner_list_add(&owners[s], owners[fail[s]].items[i]);
        for (size_t k = 0; k < x->n_classes; k++) {
            uint32_t t = NEEDS_EDGE(x, s, k);
            if (t) {
                fail[t] = NEEDS_EDGE(x, fail[s], k);
                queue[tail++] = t;
            } else {
                NEEDS_EDGE(x, s, k) = NEEDS_EDGE(x, fail[s], k);
            }
        }
    }
    free(queue);
    free(fail);

    /* A run of white space is one space: a state reached by a space stays
     * put on another (no word holds two spaces in a row, so without this
     * the second space would only lead back to the root). */
    uint16_t space = x->class_of[' '];
    if (space) {
        bool *after_space = xcalloc(x->n_states, sizeof *after_space);
        for (size_t st = 0; st < x->n_states; st++) after_space[NEEDS_EDGE(x, st, space)] = true;
        for (size_t st = 1; st < x->n_states; st++)
            if (after_space[st]) NEEDS_EDGE(x, st, space) = (uint32_t)st;
        free(after_space);
    }

    /* owners, flattened */
    x->out_start = xcalloc(x->n_states, sizeof *x->out_start);
    x->out_len = xcalloc(x->n_states, sizeof *x->out_len);
    size_t total = 0;
    for (size_t s = 0; s < x->n_states; s++) total += owners[s].n;
    x->out = xcalloc(total ? total : 1, sizeof *x->out);
    size_t at = 0;
    for (size_t s = 0; s < x->n_states; s++) {
        x->out_start[s] = (uint32_t)at;
        x->out_len[s] = (uint32_t)owners[s].n;
        if (owners[s].n) memcpy(x->out + at, owners[s].items, owners[s].n * sizeof *x->out);
        at += owners[s].n;
        free(owners[s].items);
    }
    free(owners);
    x->next = xrealloc(x->next, x->n_states * x->n_classes * sizeof *x->next);
    if ((uint64_t)x->n_states * x->n_classes >= NEEDS_HAS_OUTPUT) {
        fprintf(stderr, "spindle: out of memory (needs words: table too large)\n");
        exit(1);
    }
    for (size_t i = 0; i < x->n_states * x->n_classes; i++) {
        uint32_t t = x->next[i];
        x->next[i] = (uint32_t)(t * x->n_classes) | (x->out_len[t] ? NEEDS_HAS_OUTPUT : 0);
    }

    /* the classes of the bytes as the scan feeds them */
    for (int b = 0; b < 256; b++) {
        int fed = b >= 'A' && b <= 'Z' ? b - 'A' + 'a'
                : b == ' ' || (b >= 0x09 && b <= 0x0D) ? ' ' : b;
        x->scan_class[b] = x->class_of[fed];
    }

    for (size_t w = 0; w < x->n_words; w++) free(x->words[w].text);
    free(x->words);
    x->words = NULL;
    x->n_words = x->cap_words = 0;
}

/* Marks the owners of the state whose row starts at row. */
static void needs_mark(const needs_index *x, uint32_t row, bool *hit)
{
    size_t st = row / x->n_classes;
    const uint32_t *o = x->out + x->out_start[st];
    for (uint32_t i = 0; i < x->out_len[st]; i++) hit[o[i]] = true;
}

/* One step: feed symbol b (a byte as the table knows it) from the row. */
static inline uint32_t needs_step(const needs_index *x, uint32_t row, unsigned char b, bool *hit)
{
    uint32_t t = x->next[row + x->class_of[b]];
    if (t & NEEDS_HAS_OUTPUT) {
        t &= ~NEEDS_HAS_OUTPUT;
        needs_mark(x, t, hit);
    }
    return t;
}

void needs_index_scan(const needs_index *x, const char *text, size_t len, bool *hit)
{
    if (x->n_states <= 1) return;
    const unsigned char *p = (const unsigned char *)text;
    const uint32_t *next = x->next;
    const uint16_t *scan_class = x->scan_class;
    uint32_t row = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = p[i];
        if (c < 0x80) {                                /* the common case */
            uint32_t t = next[row + scan_class[c]];
            if (t & NEEDS_HAS_OUTPUT) {
                t &= ~NEEDS_HAS_OUTPUT;
                needs_mark(x, t, hit);
            }
            row = t;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(p + i, len - i, &cp);
        if (n == 0) {                                  /* not UTF-8: a byte as it is */
            row = needs_step(x, row, c, hit);
            i++;
            continue;
        }
        if (utf8_is_pcre_space(cp))
            row = needs_step(x, row, ' ', hit);
        else if (cp == 0x212A || cp == 0x017F)         /* PCRE2 folds them to k, s */
            row = needs_step(x, row, cp == 0x212A ? 'k' : 's', hit);
        else
            for (size_t k = 0; k < n; k++) row = needs_step(x, row, p[i + k], hit);
        i += n;
    }
}
