/*
 * report_html.c — the HTML report of a run (see report_html.h).
 */
#include "report_html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "engine.h"
#include "util.h"
#include "version.h"

/* The findings of the run, copied, and the articles they belong to. */
typedef struct report_article {
    char   *id;
    double  score;          /* noisy-OR over rules, findings judged false left out */
    size_t  first, count;   /* its findings: items[first .. first + count) */
} report_article;

typedef struct report_rule {
    char  *id, *title, *severity;
    size_t findings, articles;
} report_rule;

typedef struct report {
    db             *archive;
    finding        *items;
    char          **item_article;
    size_t          n_items, cap_items;
    report_article *articles;
    size_t          n_articles;
    report_rule    *rules;
    size_t          n_rules;
} report;

static int report_collect(void *ctx, const char *article_id, const finding *f)
{
    report *r = ctx;
    if (r->n_items == r->cap_items) {
        r->cap_items = r->cap_items ? 2 * r->cap_items : 256;
        r->items = xrealloc(r->items, r->cap_items * sizeof *r->items);
        r->item_article = xrealloc(r->item_article, r->cap_items * sizeof *r->item_article);
    }
    finding *copy = &r->items[r->n_items];
    *copy = *f;
    copy->rule_id = xstrdup(f->rule_id);
    copy->text = xstrdup(f->text);
    copy->message = xstrdup(f->message);
    copy->evidence_json = xstrdup(f->evidence_json ? f->evidence_json : "{}");
    copy->verdict = f->verdict ? xstrdup(f->verdict) : NULL;
    copy->verdict_note = f->verdict_note ? xstrdup(f->verdict_note) : NULL;
    r->item_article[r->n_items] = xstrdup(article_id);
    r->n_items++;
    return 0;
}

static bool judged_false(const finding *f)
{
    return f->verdict && strcmp(f->verdict, "false") == 0;
}

static report_rule *report_rule_of(report *r, const char *id)
{
    for (size_t i = 0; i < r->n_rules; i++)
        if (strcmp(r->rules[i].id, id) == 0) return &r->rules[i];
    r->rules = xrealloc(r->rules, (r->n_rules + 1) * sizeof *r->rules);
    report_rule *entry = &r->rules[r->n_rules++];
    memset(entry, 0, sizeof *entry);
    entry->id = xstrdup(id);
    return entry;
}

static int compare_articles(const void *a, const void *b)
{
    const report_article *x = a, *y = b;
    if (x->score != y->score) return x->score > y->score ? -1 : 1;
    return strcmp(x->id, y->id);
}

static int compare_rules(const void *a, const void *b)
{
    const report_rule *x = a, *y = b;
    if (x->findings != y->findings) return x->findings > y->findings ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Groups the findings by article, scores the articles and counts per rule. */
static int report_build(report *r)
{
    for (size_t i = 0; i < r->n_items;) {
        size_t j = i;
        while (j < r->n_items && strcmp(r->item_article[j], r->item_article[i]) == 0) j++;
        r->articles = xrealloc(r->articles, (r->n_articles + 1) * sizeof *r->articles);
        report_article *a = &r->articles[r->n_articles++];
        a->id = xstrdup(r->item_article[i]);
        a->first = i;
        a->count = j - i;
        /* the strongest counted finding of each rule */
        double *maxima = xcalloc(j - i, sizeof *maxima);
        size_t rules = 0;
        for (size_t k = i; k < j; k++) {
            if (judged_false(&r->items[k])) continue;
            report_rule *counts = report_rule_of(r, r->items[k].rule_id);
            counts->findings++;
            bool seen = false;
            for (size_t m = i; m < k; m++)
                if (!judged_false(&r->items[m]) && strcmp(r->items[m].rule_id, r->items[k].rule_id) == 0)
                    seen = true;
            if (seen) continue;
            counts->articles++;
            double best = 0;
            for (size_t m = i; m < j; m++)
                if (!judged_false(&r->items[m]) && strcmp(r->items[m].rule_id, r->items[k].rule_id) == 0 &&
                    r->items[m].score > best)
                    best = r->items[m].score;
            maxima[rules++] = best;
        }
        a->score = engine_noisy_or(maxima, rules);
        free(maxima);
        i = j;
    }
    for (size_t i = 0; i < r->n_rules; i++)
        if (db_rule_title(r->archive, r->rules[i].id, &r->rules[i].title, &r->rules[i].severity) < 0)
            return -1;
    qsort(r->articles, r->n_articles, sizeof *r->articles, compare_articles);
    qsort(r->rules, r->n_rules, sizeof *r->rules, compare_rules);
    return 0;
}

static void report_free(report *r)
{
    for (size_t i = 0; i < r->n_items; i++) {
        finding_clear(&r->items[i]);
        free(r->item_article[i]);
    }
    free(r->items);
    free(r->item_article);
    for (size_t i = 0; i < r->n_articles; i++) free(r->articles[i].id);
    free(r->articles);
    for (size_t i = 0; i < r->n_rules; i++) {
        free(r->rules[i].id);
        free(r->rules[i].title);
        free(r->rules[i].severity);
    }
    free(r->rules);
}

/* Writes s[0, len) with &, <, >, " escaped. */
static void html_text(FILE *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        switch (s[i]) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(s[i], out);
        }
    }
}

static void html(FILE *out, const char *s)
{
    html_text(out, s ? s : "", strlen(s ? s : ""));
}

static const char *report_severity(const report *r, const char *rule_id)
{
    for (size_t i = 0; i < r->n_rules; i++)
        if (strcmp(r->rules[i].id, rule_id) == 0 && r->rules[i].severity) return r->rules[i].severity;
    return "info";
}

/* Evidence as "key: value; key: value" for a tooltip or the side list. */
static void html_evidence(FILE *out, const char *evidence_json)
{
    json_t *ev = json_loads(evidence_json ? evidence_json : "{}", 0, NULL);
    const char *key;
    json_t *value;
    bool first = true;
    if (ev && json_is_object(ev)) {
        json_object_foreach(ev, key, value) {
            fputs(first ? "" : "; ", out);
            first = false;
            html(out, key);
            fputs(": ", out);
            if (json_is_string(value)) html(out, json_string_value(value));
            else {
                char *text = json_dumps(value, JSON_ENCODE_ANY | JSON_COMPACT);
                html(out, text);
                free(text);
            }
        }
    }
    json_decref(ev);
}

static const char REPORT_CSS[] =
    ":root{--ink:#1d2330;--muted:#5d6678;--line:#d8dce5;--bg:#f6f7fa;--high:#c0392b;"
    "--medium:#d35400;--low:#7f8c8d;--info:#7f8c8d;--bar:#3b6ea8}"
    "*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,sans-serif;color:var(--ink);"
    "background:var(--bg)}header,section,footer{max-width:1200px;margin:0 auto;padding:12px 20px}"
    "h1{font-size:24px;margin:8px 0 2px}h2{font-size:19px;margin:18px 0 8px}"
    ".meta{color:var(--muted);margin:0}.cards{display:grid;"
    "grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px}"
    ".card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 12px}"
    ".card b{display:block;font-size:22px}.card span{color:var(--muted);font-size:13px}"
    ".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:16px}"
    "figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px}"
    "figcaption{font-weight:600;margin-bottom:6px}svg{width:100%;height:auto}"
    "svg text{font:11px system-ui,sans-serif;fill:var(--muted)}svg .bar{fill:var(--bar)}"
    "table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}"
    "th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}"
    "th{font-size:13px;color:var(--muted)}td.num{text-align:right;font-variant-numeric:tabular-nums}"
    ".sev-high{color:var(--high)}.sev-medium{color:var(--medium)}.sev-low,.sev-info{color:var(--low)}"
    ".doc{background:#fff;border:1px solid var(--line);border-radius:8px;margin:10px 0;"
    "content-visibility:auto;contain-intrinsic-size:auto 400px}"
    ".doc summary{cursor:pointer;padding:8px 12px;font-weight:600}"
    ".doc-grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(220px,2fr);gap:14px;"
    "padding:0 12px 12px}@media (max-width:800px){.doc-grid{grid-template-columns:1fr}}"
    ".text{white-space:pre-wrap;font-family:Georgia,serif;font-size:15px}"
    ".doc-title{font-weight:700;margin-bottom:6px}"
    "mark{background:#ffe08a;border-bottom:2px solid var(--medium);padding:0 1px;cursor:help}"
    "mark.sev-high{border-color:var(--high);background:#ffd3cc}mark.judged-false{background:#e4e7ee;"
    "border-color:var(--low);text-decoration:line-through}"
    "aside ol{margin:0;padding-left:22px}aside li{margin-bottom:8px}.ev{color:var(--muted);font-size:13px}"
    ".verdict{display:inline-block;font-size:12px;border-radius:4px;padding:0 5px;margin-left:4px;"
    "background:#e8f5e9;color:#1b5e20}.verdict.false{background:#eceff1;color:#455a64}"
    "footer{color:var(--muted);font-size:13px}";

/* The histogram of article scores: 20 bins of 0.05; articles without a
 * finding (score 0) fall in the first. */
static void report_histogram(FILE *out, const report *r, long long total)
{
    size_t bins[20] = {0};
    long long counted = 0;
    for (size_t i = 0; i < r->n_articles; i++) {
        int b = (int)(r->articles[i].score * 20);
        if (b > 19) b = 19;
        if (b < 0) b = 0;
        bins[b]++;
        counted++;
    }
    if (total > counted) bins[0] += (size_t)(total - counted);
    size_t top = 1;
    for (int b = 0; b < 20; b++) if (bins[b] > top) top = bins[b];
    const int W = 520, H = 220, left = 40, bottom = 30, bar_w = (W - left - 10) / 20;
    fprintf(out, "<figure id=\"histogram\"><figcaption>Article scores (%lld articles; the "
            "first bar holds those with no finding; heights on a square-root scale)</figcaption><svg viewBox=\"0 0 %d %d\" role=\"img\" "
            "aria-label=\"histogram of article scores\">", total, W, H);
    for (int b = 0; b < 20; b++) {
        /* a square-root scale, so that the few high scores stay visible */
        double frac = bins[b] ? (double)sqrt((double)bins[b]) / sqrt((double)top) : 0;
        int h = (int)(frac * (H - bottom - 22));
        fprintf(out, "<rect class=\"bar\" data-bin=\"%d\" data-count=\"%zu\" x=\"%d\" y=\"%d\" "
                "width=\"%d\" height=\"%d\"><title>%.2f-%.2f: %zu</title></rect>",
                b, bins[b], left + b * bar_w, H - bottom - h, bar_w - 2, h,
                b * 0.05, (b + 1) * 0.05, bins[b]);
        if (bins[b]) fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%zu</text>",
                             left + b * bar_w + bar_w / 2, H - bottom - h - 3, bins[b]);
    }
    for (int t = 0; t <= 4; t++)
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%.2f</text>",
                left + t * 5 * bar_w, H - bottom + 14, t * 0.25);
    fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">score</text></svg></figure>",
            left + 10 * bar_w, H - 2);
}

static void report_rule_chart(FILE *out, const report *r)
{
    size_t n = r->n_rules < 15 ? r->n_rules : 15, top = 1;
    for (size_t i = 0; i < n; i++) if (r->rules[i].findings > top) top = r->rules[i].findings;
    const int W = 520, row = 22, label_w = 200;
    int H = (int)n * row + 10;
    fprintf(out, "<figure id=\"rules-chart\"><figcaption>Findings per rule (busiest %zu of %zu)"
            "</figcaption><svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"findings per rule\">",
            n, r->n_rules, W, H < 40 ? 40 : H);
    for (size_t i = 0; i < n; i++) {
        const report_rule *bar = &r->rules[i];
        int w = (int)((double)bar->findings / (double)top * (W - label_w - 50));
        int y = 5 + (int)i * row;
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", label_w - 6, y + 14);
        html(out, bar->id);
        fprintf(out, "</text><rect class=\"bar\" data-rule=\"");
        html(out, bar->id);
        fprintf(out, "\" data-count=\"%zu\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"><title>",
                bar->findings, label_w, y + 2, w < 2 ? 2 : w, row - 6);
        html(out, bar->title ? bar->title : bar->id);
        fprintf(out, ": %zu findings in %zu articles</title></rect><text x=\"%d\" y=\"%d\">%zu</text>",
                bar->findings, bar->articles, label_w + (w < 2 ? 2 : w) + 4, y + 14, bar->findings);
    }
    fputs("</svg></figure>", out);
}

/* The strongest counted finding of an article, or NULL. */
static const finding *strongest(const report *r, const report_article *a)
{
    const finding *best = NULL;
    for (size_t k = a->first; k < a->first + a->count; k++)
        if (!judged_false(&r->items[k]) && (!best || r->items[k].score > best->score)) best = &r->items[k];
    return best;
}

/* text[0, len) of one part with the spans of that part's findings marked. */
static void report_marked(FILE *out, const report *r, const report_article *a, const char *text,
                          size_t len, finding_part part, size_t number_base)
{
    for (size_t pos = 0; pos <= len; pos++) {
        for (size_t k = a->first + a->count; k-- > a->first;) {
            const finding *f = &r->items[k];
            if (f->part == part && f->end == pos && f->end > f->start && f->end <= len) fputs("</mark>", out);
        }
        for (size_t k = a->first; k < a->first + a->count; k++) {
            const finding *f = &r->items[k];
            if (f->part != part || f->start != pos || f->end <= f->start || f->end > len) continue;
            fprintf(out, "<mark class=\"sev-%s%s\" data-finding=\"%zu\" title=\"[%zu] ",
                    report_severity(r, f->rule_id), judged_false(f) ? " judged-false" : "",
                    k - a->first + number_base, k - a->first + number_base);
            html(out, f->rule_id);
            fputs(": ", out);
            html(out, f->message);
            if (f->evidence_json && strcmp(f->evidence_json, "{}") != 0) {
                fputs(" — ", out);
                html_evidence(out, f->evidence_json);
            }
            fputs("\">", out);
        }
        if (pos < len) html_text(out, text + pos, 1);
    }
}

static int report_article_detail(FILE *out, report *r, size_t rank, const report_article *a)
{
    article art = {0};
    double stored;
    int found = db_article_get(r->archive, a->id, &art, &stored);
    if (found < 0) return -1;
    fprintf(out, "<article class=\"doc\" id=\"a%zu\"><details%s><summary>%zu. %.2f · ",
            rank, rank <= 10 ? " open" : "", rank, a->score);
    html(out, found && art.title && *art.title ? art.title : a->id);
    fputs(" <span class=\"ev\">", out);
    html(out, a->id);
    fputs("</span></summary><div class=\"doc-grid\"><div class=\"text\">", out);
    if (found) {
        fputs("<div class=\"doc-title\">", out);
        report_marked(out, r, a, art.title ? art.title : "", strlen(art.title ? art.title : ""),
                      PART_TITLE, 1);
        fputs("</div>", out);
        report_marked(out, r, a, art.body, art.body_len, PART_BODY, 1);
    } else {
        fputs("(the article is no longer in the archive)", out);
    }
    fputs("</div><aside><ol>", out);
    for (size_t k = a->first; k < a->first + a->count; k++) {
        const finding *f = &r->items[k];
        fprintf(out, "<li class=\"finding\" data-rule=\"");
        html(out, f->rule_id);
        fprintf(out, "\"><b class=\"sev-%s\">", report_severity(r, f->rule_id));
        html(out, f->rule_id);
        fprintf(out, "</b> %.2f", f->score);
        if (f->verdict) {
            fprintf(out, "<span class=\"verdict %s\">judged ", f->verdict);
            html(out, f->verdict);
            fputs("</span>", out);
        }
        fprintf(out, "<br>%s%d:%d «", f->part == PART_TITLE ? "title " : "", f->line, f->col);
        html(out, f->text);
        fputs("» ", out);
        html(out, f->message);
        if (f->evidence_json && strcmp(f->evidence_json, "{}") != 0) {
            fputs("<div class=\"ev\">", out);
            html_evidence(out, f->evidence_json);
            fputs("</div>", out);
        }
        if (f->verdict_note && *f->verdict_note) {
            fputs("<div class=\"ev\">analyst: ", out);
            html(out, f->verdict_note);
            fputs("</div>", out);
        }
        fputs("</li>", out);
    }
    fputs("</ol></aside></div></details></article>\n", out);
    article_clear(&art);
    return 0;
}

int report_html_write(db *archive, int64_t run_id, size_t detail_limit, FILE *out,
                      char *err, size_t errlen)
{
    db_run_info info;
    int found = db_run_info_get(archive, run_id, &info);
    if (found < 0) return -1;
    if (!found) {
        if (run_id) snprintf(err, errlen, "there is no run %lld", (long long)run_id);
        else snprintf(err, errlen, "no run has a snapshot of its findings yet (run 'spindle score')");
        return 1;
    }
    report r = { .archive = archive };
    size_t total_articles = 0;
    if (db_run_findings_each(archive, info.run_id, report_collect, &r) != 0 || report_build(&r) != 0 ||
        db_count_articles(archive, &total_articles) != 0) {
        report_free(&r);
        return -1;
    }
    size_t counted = 0;
    for (size_t i = 0; i < r.n_items; i++) counted += !judged_false(&r.items[i]);

    fprintf(out, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>Spindle report: run %lld</title><style>%s</style></head><body>\n",
            info.run_id, REPORT_CSS);
    fprintf(out, "<header><h1>Spindle report: run %lld</h1><p class=\"meta\">%s · started %s",
            info.run_id, info.status, info.started_at);
    if (*info.finished_at) fprintf(out, " · finished %s", info.finished_at);
    fprintf(out, " · rule set %.12s</p></header>\n", info.ruleset_hash);
    fprintf(out, "<section id=\"summary\" class=\"cards\">"
            "<div class=\"card\" data-key=\"articles\"><b>%zu</b><span>articles in the archive</span></div>"
            "<div class=\"card\" data-key=\"flagged\"><b>%zu</b><span>articles with findings</span></div>"
            "<div class=\"card\" data-key=\"findings\"><b>%zu</b><span>findings (%zu judged false)</span></div>"
            "<div class=\"card\" data-key=\"rules\"><b>%lld</b><span>rules on</span></div>"
            "<div class=\"card\" data-key=\"scored\"><b>%lld</b><span>articles scored in this run</span></div>"
            "<div class=\"card\" data-key=\"errors\"><b>%lld</b><span>rule errors</span></div>"
            "</section>\n", total_articles, r.n_articles, counted, r.n_items - counted,
            info.rules, info.scored, info.errors);
    fputs("<section class=\"charts\">", out);
    report_histogram(out, &r, (long long)total_articles);
    report_rule_chart(out, &r);
    fputs("</section>\n", out);

    size_t top = r.n_articles < 25 ? r.n_articles : 25;
    fprintf(out, "<section id=\"top\"><h2>Top articles</h2><table><thead><tr><th>#</th><th>score</th>"
            "<th>article</th><th>strongest finding</th></tr></thead><tbody>");
    for (size_t i = 0; i < top; i++) {
        const report_article *a = &r.articles[i];
        const finding *best = strongest(&r, a);
        article art = {0};
        double stored;
        int got = db_article_get(archive, a->id, &art, &stored);
        if (got < 0) { report_free(&r); return -1; }
        fprintf(out, "<tr class=\"top-article\"><td class=\"num\">%zu</td><td class=\"num\">%.2f</td>"
                "<td><a href=\"#a%zu\">", i + 1, a->score, i + 1);
        html(out, got && art.title && *art.title ? art.title : a->id);
        fputs("</a> <span class=\"ev\">", out);
        html(out, a->id);
        fputs("</span></td><td>", out);
        article_clear(&art);
        if (best) {
            fprintf(out, "<b class=\"sev-%s\">", report_severity(&r, best->rule_id));
            html(out, best->rule_id);
            fputs("</b> ", out);
            html(out, best->message);
        }
        fputs("</td></tr>", out);
    }
    fputs("</tbody></table></section>\n<section id=\"articles\"><h2>Articles with findings</h2>\n", out);
    size_t shown = r.n_articles < detail_limit ? r.n_articles : detail_limit;
    for (size_t i = 0; i < shown; i++)
        if (report_article_detail(out, &r, i + 1, &r.articles[i]) != 0) { report_free(&r); return -1; }
    if (shown < r.n_articles) {
        fprintf(out, "<p>%zu more articles with findings (raise --limit to see their text):</p>"
                "<table><tbody>", r.n_articles - shown);
        for (size_t i = shown; i < r.n_articles; i++) {
            const finding *best = strongest(&r, &r.articles[i]);
            fprintf(out, "<tr><td class=\"num\">%zu</td><td class=\"num\">%.2f</td><td>", i + 1,
                    r.articles[i].score);
            html(out, r.articles[i].id);
            fputs("</td><td>", out);
            if (best) html(out, best->message);
            fputs("</td></tr>", out);
        }
        fputs("</tbody></table>", out);
    }
    fprintf(out, "</section>\n<footer>Made by spindle %s. One self-contained file: no scripts, no "
            "network. Hover a marked span for its rule, message and evidence.</footer>\n</body></html>\n",
            SPINDLE_VERSION);
    report_free(&r);
    return 0;
}
