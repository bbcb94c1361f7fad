/*
 * export.c — SARIF 2.1.0 and schema.org ClaimReview documents of stored
 * findings (see export.h). Documents are built with jansson and written at
 * the end, keys in a fixed order.
 */
#include "export.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "util.h"
#include "version.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

struct exporter {
    export_format format;
    db           *archive;
    json_t       *rules;      /* SARIF: driver rules, in first-seen order */
    json_t       *rule_index; /* rule id -> index in rules */
    json_t       *items;      /* results, or ClaimReview objects */
    json_t       *articles;   /* article id -> {url, headline, outlet, published} */
};

bool export_format_parse(const char *name, export_format *out)
{
    if (strcmp(name, "sarif") == 0) { *out = EXPORT_SARIF; return true; }
    if (strcmp(name, "claimreview") == 0) { *out = EXPORT_CLAIMREVIEW; return true; }
    return false;
}

exporter *export_new(export_format format, db *archive)
{
    exporter *x = xcalloc(1, sizeof *x);
    x->format = format;
    x->archive = archive;
    x->rules = json_array();
    x->rule_index = json_object();
    x->items = json_array();
    x->articles = json_object();
    return x;
}

static void export_free(exporter *x)
{
    json_decref(x->rules);
    json_decref(x->rule_index);
    json_decref(x->items);
    json_decref(x->articles);
    free(x);
}

/* SARIF's level for a severity. */
static const char *sarif_level(const char *severity)
{
    if (strcmp(severity, "high") == 0) return "error";
    if (strcmp(severity, "medium") == 0) return "warning";
    return "note";
}

/* The index of rule_id among the driver's rules, adding it (with its title
 * from the archive) the first time. -1 on an archive error. */
static int sarif_rule(exporter *x, const char *rule_id, const char *severity)
{
    json_t *known = json_object_get(x->rule_index, rule_id);
    if (known) return (int)json_integer_value(known);
    char *title = NULL, *stored_severity = NULL;
    if (db_rule_title(x->archive, rule_id, &title, &stored_severity) < 0) return -1;
    json_t *descriptor = json_pack("{s:s, s:s, s:{s:s}, s:{s:s}}",
                             "id", rule_id, "name", rule_id,
                             "shortDescription", "text", title ? title : rule_id,
                             "defaultConfiguration", "level",
                             sarif_level(stored_severity ? stored_severity : severity));
    free(title);
    free(stored_severity);
    int index = (int)json_array_size(x->rules);
    json_array_append_new(x->rules, descriptor);
    json_object_set_new(x->rule_index, rule_id, json_integer(index));
    return index;
}

/* Line and column (1-based, in characters) where the text of a finding
 * that starts at (line, col) ends. */
static void text_end(const finding *f, int *line, int *col)
{
    *line = f->line;
    *col = f->col;
    for (const unsigned char *p = (const unsigned char *)f->text; *p; p++) {
        if (*p == '\n') { (*line)++; *col = 1; }
        else if ((*p & 0xC0) != 0x80) (*col)++;
    }
}

/* article_id as a URI reference: bytes outside the characters RFC 3986
 * allows are percent-encoded (ids may hold spaces, quotes, any UTF-8).
 * Caller frees. */
static char *uri_of(const char *article_id)
{
    static const char allowed[] = "-._~/!$&'()*+,;=:@";
    buf out = {0};
    for (const unsigned char *p = (const unsigned char *)article_id; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr(allowed, *p))
            buf_putc(&out, (char)*p);
        else
            buf_printf(&out, "%%%02X", *p);
    }
    if (!out.data) buf_puts(&out, "");
    return buf_detach(&out);
}

/* A finding's identity across runs: the key verdicts use. */
static char *finding_fingerprint(const char *article_id, const finding *f)
{
    char hash[33];
    const char *parts[3] = { article_id, f->rule_id, f->text };
    size_t lens[3] = { strlen(article_id), strlen(f->rule_id), strlen(f->text) };
    hash_hex_parts(parts, lens, 3, hash);
    return xstrdup(hash);
}

static int sarif_add(exporter *x, const char *article_id, const finding *f)
{
    int index = sarif_rule(x, f->rule_id, f->severity);
    if (index < 0) return -1;
    int end_line, end_col;
    text_end(f, &end_line, &end_col);
    json_t *evidence = json_loads(f->evidence_json ? f->evidence_json : "{}", 0, NULL);
    if (!evidence) evidence = json_object();
    json_t *props = json_pack("{s:f, s:s, s:o}", "score", f->score,
                              "part", finding_part_name(f->part), "evidence", evidence);
    if (f->verdict) json_object_set_new(props, "verdict", json_string(f->verdict));
    char *fingerprint = finding_fingerprint(article_id, f);
    char *uri = uri_of(article_id);
    json_t *result = json_pack(
        "{s:s, s:i, s:s, s:{s:s}, s:[{s:{s:{s:s}, s:{s:i, s:i, s:i, s:i, s:{s:s}}}}],"
        " s:{s:s}, s:o}",
        "ruleId", f->rule_id, "ruleIndex", index, "level", sarif_level(f->severity),
        "message", "text", f->message,
        "locations", "physicalLocation", "artifactLocation", "uri", uri,
        "region", "startLine", f->line, "startColumn", f->col, "endLine", end_line,
        "endColumn", end_col, "snippet", "text", f->text,
        "partialFingerprints", "spindleFinding/v1", fingerprint,
        "properties", props);
    free(fingerprint);
    free(uri);
    json_object_set_new(props, "article", json_string(article_id));
    if (f->verdict && strcmp(f->verdict, "false") == 0) {
        /* an analyst judged it wrong: a suppressed result, as review tools show them */
        json_t *suppression = json_pack("{s:s}", "kind", "external");
        if (f->verdict_note && *f->verdict_note)
            json_object_set_new(suppression, "justification", json_string(f->verdict_note));
        json_object_set_new(result, "suppressions", json_pack("[o]", suppression));
    }
    json_array_append_new(x->items, result);
    return 0;
}

/* {url, headline, outlet, published} of the article, read once. NULL on an
 * archive error. */
static json_t *article_info(exporter *x, const char *article_id)
{
    json_t *known = json_object_get(x->articles, article_id);
    if (known) return known;
    article a = {0};
    double score;
    int found = db_article_get(x->archive, article_id, &a, &score);
    if (found < 0) return NULL;
    json_t *info = json_object();
    if (a.url) json_object_set_new(info, "url", json_string(a.url));
    if (a.title && *a.title) json_object_set_new(info, "headline", json_string(a.title));
    if (a.outlet) json_object_set_new(info, "outlet", json_string(a.outlet));
    if (a.published) json_object_set_new(info, "published", json_string(a.published));
    article_clear(&a);
    json_object_set_new(x->articles, article_id, info);
    return info;
}

static int claimreview_add(exporter *x, const char *article_id, const finding *f)
{
    if (!f->verdict || (strcmp(f->verdict, "true") != 0 && strcmp(f->verdict, "useful") != 0))
        return 0;
    json_t *info = article_info(x, article_id);
    if (!info) return -1;
    char *title = NULL, *severity = NULL;
    if (db_rule_title(x->archive, f->rule_id, &title, &severity) < 0) return -1;
    json_t *appearance = json_pack("{s:s}", "@type", "CreativeWork");
    json_t *url = json_object_get(info, "url");
    json_object_set_new(appearance, "url", url ? json_incref(url) : json_string(article_id));
    if (json_object_get(info, "headline"))
        json_object_set(appearance, "headline", json_object_get(info, "headline"));
    if (json_object_get(info, "published"))
        json_object_set(appearance, "datePublished", json_object_get(info, "published"));
    if (json_object_get(info, "outlet"))
        json_object_set_new(appearance, "publisher",
                            json_pack("{s:s, s:O}", "@type", "Organization", "name",
                                      json_object_get(info, "outlet")));
    buf body = {0};
    buf_puts(&body, f->message);
    if (f->verdict_note && *f->verdict_note) buf_printf(&body, " (analyst: %s)", f->verdict_note);
    json_t *review = json_pack(
        "{s:s, s:s, s:s, s:s, s:{s:s, s:o}, s:{s:s, s:s, s:s}, s:{s:s, s:s}}",
        "@context", "https://schema.org", "@type", "ClaimReview",
        "claimReviewed", f->text, "reviewBody", body.data,
        "itemReviewed", "@type", "Claim", "appearance", appearance,
        "reviewRating", "@type", "Rating", "alternateName", title ? title : f->rule_id,
        "name", f->rule_id,
        "author", "@type", "Organization", "name", "Spindle (analyst-reviewed finding)");
    buf_free(&body);
    free(title);
    free(severity);
    json_array_append_new(x->items, review);
    return 0;
}

int export_add(exporter *x, const char *article_id, const finding *f)
{
    return x->format == EXPORT_SARIF ? sarif_add(x, article_id, f)
                                     : claimreview_add(x, article_id, f);
}

int export_write(exporter *x, FILE *out)
{
    json_t *doc;
    if (x->format == EXPORT_SARIF) {
        doc = json_pack("{s:s, s:s, s:[{s:{s:{s:s, s:s, s:O}}, s:O}]}",
                        "$schema", SARIF_SCHEMA, "version", "2.1.0",
                        "runs", "tool", "driver", "name", "spindle",
                        "version", SPINDLE_VERSION,
                        "rules", x->rules, "results", x->items);
    } else {
        doc = json_incref(x->items);
    }
    int rc = json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0 ? 0 : -1;
    fputc('\n', out);
    json_decref(doc);
    export_free(x);
    return rc;
}
