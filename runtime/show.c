/*
 * show.c — an article's text with its findings marked: in colour on a
 * terminal, [N> ... <N] markers otherwise, and under each paragraph the
 * findings that start in it (used by `spindle show` and the REPL).
 */
#include "show.h"

#include <string.h>
#include "engine.h"
#include "output.h"
#include "text.h"

/* Writes text[from, to) of the article's part, opening and closing the
 * markers of that part's findings whose spans start or end inside it.
 * depth counts open spans for colour. */
static void show_text_range(FILE *out, const char *text, size_t from, size_t to,
                            const finding *items, size_t n_items, finding_part part,
                            bool color, int *depth)
{
    for (size_t pos = from; pos <= to; pos++) {
        /* close first (innermost last opened), then open */
        for (size_t k = n_items; k-- > 0;) {
            const finding *f = &items[k];
            if (f->part != part) continue;
            if (f->end == pos && f->end > f->start && f->start >= from) {
                if (color) { if (--*depth == 0) fputs(OUT_RESET, out); }
                else fprintf(out, "<%zu]", k + 1);
            }
        }
        for (size_t k = 0; k < n_items; k++) {
            const finding *f = &items[k];
            if (f->part != part) continue;
            if (f->start == pos && f->end > f->start && pos < to) {
                if (color) { if ((*depth)++ == 0) fputs("\033[4;1;31m", out); }
                else fprintf(out, "[%zu>", k + 1);
            }
        }
        if (pos < to) fputc(text[pos], out);
    }
}

/* One finding's explanation line (and its evidence), numbered k + 1. */
static void show_explain(FILE *out, const finding *f, size_t k, bool color)
{
    fprintf(out, "  %s[%zu]%s %s%s%s %s%.2f %s%s  %s (%sline %d, col %d)\n",
            color ? OUT_BOLD : "", k + 1, color ? OUT_RESET : "",
            color ? OUT_BOLD : "", f->rule_id, color ? OUT_RESET : "",
            color ? output_severity_color(f->severity) : "", f->score, f->severity,
            color ? OUT_RESET : "", f->message, f->part == PART_TITLE ? "title " : "",
            f->line, f->col);
    if (f->evidence_json && strcmp(f->evidence_json, "{}") != 0)
        fprintf(out, "      evidence: %s\n", f->evidence_json);
    if (f->id > 0 || f->verdict) {
        fputs("      ", out);
        if (f->id > 0) fprintf(out, "finding #%lld", f->id);
        if (f->verdict) fprintf(out, "%sjudged %s%s%s", f->id > 0 ? ", " : "", f->verdict,
                                f->verdict_note && *f->verdict_note ? ": " : "",
                                f->verdict_note ? f->verdict_note : "");
        fputc('\n', out);
    }
}

void show_article(FILE *out, const article *a, double score,
                  const finding *items, size_t n_items, bool color)
{
    const char *title = a->title ? a->title : "";
    int depth = 0;
    size_t title_findings = 0;
    for (size_t k = 0; k < n_items; k++) title_findings += items[k].part == PART_TITLE;
    if (color) fputs(OUT_BOLD, out);
    if (*title) show_text_range(out, title, 0, strlen(title), items, n_items, PART_TITLE,
                                 color, &depth);
    else fputs(a->id, out);
    if (color) fputs(OUT_RESET, out);
    fputc('\n', out);
    depth = 0;
    fprintf(out, "%s  score %.2f %s  %zu finding%s", a->id, score, engine_score_band(score),
            n_items, n_items == 1 ? "" : "s");
    if (a->outlet) fprintf(out, "  outlet %s", a->outlet);
    if (a->published) fprintf(out, "  published %s", a->published);
    if (a->url) fprintf(out, "\n%s", a->url);
    fputs("\n", out);
    for (size_t k = 0; k < n_items && title_findings; k++)
        if (items[k].part == PART_TITLE) show_explain(out, &items[k], k, color);
    fputs("\n", out);

    text_model m;
    text_model_build(&m, a->body, a->body_len);
    for (size_t p = 0; p < m.n_paragraphs; p++) {
        const text_paragraph *para = &m.paragraphs[p];
        show_text_range(out, a->body, para->start, para->end, items, n_items, PART_BODY, color, &depth);
        if (depth && color) fputs(OUT_RESET, out);
        fputc('\n', out);
        if (depth && color) fputs("\033[4;1;31m", out);
        for (size_t k = 0; k < n_items; k++) {
            const finding *f = &items[k];
            if (f->part != PART_BODY) continue;
            if (f->start < para->start || f->start > para->end) continue;
            if (f->start == para->end && p + 1 < m.n_paragraphs) continue;
            show_explain(out, f, k, color);
        }
        fputc('\n', out);
    }
    text_model_free(&m);
}

