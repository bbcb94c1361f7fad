/*
 * output.c — the text, json, jsonl and csv writers.
 */
#include "output.h"

#include <string.h>
#include <jansson.h>
#include "engine.h"

bool output_format_parse(const char *name, output_format *out)
{
    static const char *const names[] = { "text", "json", "jsonl", "csv" };
    for (int i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0) { *out = (output_format)i; return true; }
    return false;
}

void output_begin(output *o, FILE *out, output_format format, bool color)
{
    memset(o, 0, sizeof *o);
    o->out = out;
    o->format = format;
    o->color = color && format == FORMAT_TEXT;
}

const char *output_severity_color(const char *severity)
{
    if (strcmp(severity, "high") == 0) return "\033[1;31m";
    if (strcmp(severity, "medium") == 0) return "\033[33m";
    if (strcmp(severity, "low") == 0) return "\033[36m";
    return "\033[2m";
}

void output_json_string(FILE *out, const char *s)
{
    json_t *str = json_string(s ? s : "");
    if (!str) str = json_string("");   /* not UTF-8: cannot happen for repaired text */
    char *text = json_dumps(str, JSON_ENCODE_ANY);
    fputs(text, out);
    free(text);
    json_decref(str);
}

void output_csv_field(FILE *out, const char *s)
{
    if (!s) return;
    if (!strpbrk(s, ",\"\r\n")) { fputs(s, out); return; }
    fputc('"', out);
    for (const char *p = s; *p; p++) {
        if (*p == '"') fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

static const char CSV_HEADER[] =
    "type,article,title,score,findings,rule,severity,part,start,end,line,col,text,message,evidence,"
    "id,verdict\n";

/* Starts a record: the json array comma, the csv header. */
static void output_record_start(output *o)
{
    if (o->format == FORMAT_JSON) fputs(o->records ? ",\n" : "[\n", o->out);
    if (o->format == FORMAT_CSV && !o->header_done) fputs(CSV_HEADER, o->out);
    o->header_done = true;
    o->records++;
}

/* Writes evidence as "key=value key=value" for people. */
static void output_evidence_text(output *o, const char *evidence_json)
{
    json_t *ev = json_loads(evidence_json ? evidence_json : "{}", 0, NULL);
    if (!ev || !json_is_object(ev) || json_object_size(ev) == 0) { json_decref(ev); return; }
    const char *key;
    json_t *value;
    fprintf(o->out, "      %sevidence:%s", o->color ? OUT_DIM : "", o->color ? OUT_RESET : "");
    json_object_foreach(ev, key, value) {
        if (json_is_string(value)) fprintf(o->out, " %s=%s", key, json_string_value(value));
        else {
            char *text = json_dumps(value, JSON_ENCODE_ANY | JSON_COMPACT);
            fprintf(o->out, " %s=%s", key, text);
            free(text);
        }
    }
    fputc('\n', o->out);
    json_decref(ev);
}

/* Prints span text on one line, shortened to about width characters. */
static void output_excerpt(FILE *out, const char *text, size_t width)
{
    size_t n = 0;
    for (const char *p = text; *p; p++) {
        if (n >= width && ((unsigned char)*p & 0xC0) != 0x80) { fputs("...", out); return; }
        fputc(*p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p, out);
        if (((unsigned char)*p & 0xC0) != 0x80) n++;
    }
}

void output_finding(output *o, const char *article_id, const finding *f)
{
    FILE *out = o->out;
    switch (o->format) {
    case FORMAT_TEXT:
        o->records++;
        if (f->part == PART_TITLE) fputs("  title:", out);
        else fputs("  ", out);
        fprintf(out, "%d:%d  %s%-6s%s %.2f  %s%s%s  %s", f->line, f->col,
                o->color ? output_severity_color(f->severity) : "", f->severity,
                o->color ? OUT_RESET : "", f->score, o->color ? OUT_BOLD : "", f->rule_id,
                o->color ? OUT_RESET : "", f->message);
        if (f->id > 0) fprintf(out, "  %s#%lld%s", o->color ? OUT_DIM : "", f->id, o->color ? OUT_RESET : "");
        if (f->verdict) fprintf(out, "  [judged %s%s%s]", f->verdict,
                                f->verdict_note && *f->verdict_note ? ": " : "",
                                f->verdict_note ? f->verdict_note : "");
        fputc('\n', out);
        fputs("      \"", out);
        output_excerpt(out, f->text, 160);
        fputs("\"\n", out);
        output_evidence_text(o, f->evidence_json);
        break;
    case FORMAT_JSON:
    case FORMAT_JSONL:
        output_record_start(o);
        fputs("{\"type\":\"finding\",\"article\":", out);
        output_json_string(out, article_id);
        fputs(",\"rule\":", out);
        output_json_string(out, f->rule_id);
        fprintf(out, ",\"severity\":\"%s\",\"score\":%.4g,\"part\":\"%s\",\"start\":%zu,"
                "\"end\":%zu,\"line\":%d,\"col\":%d,\"text\":", f->severity, f->score,
                finding_part_name(f->part), f->start, f->end, f->line, f->col);
        output_json_string(out, f->text);
        fputs(",\"message\":", out);
        output_json_string(out, f->message);
        fprintf(out, ",\"evidence\":%s", f->evidence_json ? f->evidence_json : "{}");
        if (f->id > 0) fprintf(out, ",\"id\":%lld", f->id);
        if (f->verdict) {
            fputs(",\"verdict\":", out);
            output_json_string(out, f->verdict);
            if (f->verdict_note && *f->verdict_note) {
                fputs(",\"note\":", out);
                output_json_string(out, f->verdict_note);
            }
        }
        fputc('}', out);
        if (o->format == FORMAT_JSONL) fputc('\n', out);
        break;
    case FORMAT_CSV:
        output_record_start(o);
        fputs("finding,", out);
        output_csv_field(out, article_id);
        fprintf(out, ",,%.4g,,", f->score);
        output_csv_field(out, f->rule_id);
        fprintf(out, ",%s,%s,%zu,%zu,%d,%d,", f->severity, finding_part_name(f->part),
                f->start, f->end, f->line, f->col);
        output_csv_field(out, f->text);
        fputc(',', out);
        output_csv_field(out, f->message);
        fputc(',', out);
        output_csv_field(out, f->evidence_json);
        if (f->id > 0) fprintf(out, ",%lld,", f->id);
        else fputs(",,", out);
        output_csv_field(out, f->verdict ? f->verdict : "");
        fputc('\n', out);
        break;
    }
}

void output_article(output *o, const char *article_id, const char *title,
                    double score, size_t findings)
{
    FILE *out = o->out;
    const char *band = engine_score_band(score);
    switch (o->format) {
    case FORMAT_TEXT:
        o->records++;
        fprintf(out, "%s%s%s  %s%.2f %s%s  (%zu finding%s)%s%s\n", o->color ? OUT_BOLD : "",
                article_id, o->color ? OUT_RESET : "",
                o->color ? output_severity_color(score >= 0.6 ? "high" : score >= 0.3 ? "medium" : "info") : "",
                score, band, o->color ? OUT_RESET : "", findings, findings == 1 ? "" : "s",
                title && *title ? "  " : "", title ? title : "");
        break;
    case FORMAT_JSON:
    case FORMAT_JSONL:
        output_record_start(o);
        fputs("{\"type\":\"article\",\"article\":", out);
        output_json_string(out, article_id);
        fputs(",\"title\":", out);
        output_json_string(out, title ? title : "");
        fprintf(out, ",\"score\":%.4g,\"band\":\"%s\",\"findings\":%zu}", score, band, findings);
        if (o->format == FORMAT_JSONL) fputc('\n', out);
        break;
    case FORMAT_CSV:
        output_record_start(o);
        fputs("article,", out);
        output_csv_field(out, article_id);
        fputc(',', out);
        output_csv_field(out, title);
        fprintf(out, ",%.4g,%zu,,,,,,,,,,,,\n", score, findings);
        break;
    }
}

void output_match(output *o, const char *article_id, const char *title,
                  const char *snippet, double score)
{
    FILE *out = o->out;
    switch (o->format) {
    case FORMAT_TEXT:
        o->records++;
        fprintf(out, "%s%s%s  %.2f  %s\n    ", o->color ? OUT_BOLD : "", article_id,
                o->color ? OUT_RESET : "", score, title ? title : "");
        for (const char *p = snippet; *p; p++) fputc(*p == '\n' ? ' ' : *p, out);
        fputc('\n', out);
        break;
    case FORMAT_JSON:
    case FORMAT_JSONL:
        output_record_start(o);
        fputs("{\"type\":\"match\",\"article\":", out);
        output_json_string(out, article_id);
        fputs(",\"title\":", out);
        output_json_string(out, title ? title : "");
        fprintf(out, ",\"score\":%.4g,\"snippet\":", score);
        output_json_string(out, snippet);
        fputc('}', out);
        if (o->format == FORMAT_JSONL) fputc('\n', out);
        break;
    case FORMAT_CSV:
        output_record_start(o);
        fputs("match,", out);
        output_csv_field(out, article_id);
        fputc(',', out);
        output_csv_field(out, title);
        fprintf(out, ",%.4g,,,,,,,,,", score);
        output_csv_field(out, snippet);
        fputs(",,,,\n", out);
        break;
    }
}

void output_error(output *o, const char *article_id, const char *rule_id, const char *message)
{
    FILE *out = o->out;
    switch (o->format) {
    case FORMAT_TEXT:
        break;
    case FORMAT_JSON:
    case FORMAT_JSONL:
        output_record_start(o);
        fputs("{\"type\":\"error\",\"article\":", out);
        output_json_string(out, article_id);
        fputs(",\"rule\":", out);
        output_json_string(out, rule_id);
        fputs(",\"message\":", out);
        output_json_string(out, message);
        fputc('}', out);
        if (o->format == FORMAT_JSONL) fputc('\n', out);
        break;
    case FORMAT_CSV:
        output_record_start(o);
        fputs("error,", out);
        output_csv_field(out, article_id);
        fputs(",,,,", out);
        output_csv_field(out, rule_id);
        fputs(",,,,,,,,", out);
        output_csv_field(out, message);
        fputs(",,,\n", out);
        break;
    }
}

void output_end(output *o)
{
    if (o->format == FORMAT_JSON) fputs(o->records ? "\n]\n" : "[]\n", o->out);
    if (o->format == FORMAT_CSV && !o->header_done) fputs(CSV_HEADER, o->out);
    fflush(o->out);
}
