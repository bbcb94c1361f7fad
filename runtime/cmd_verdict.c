/*
 * cmd_verdict.c — `spindle verdict`: an analyst's judgement of a finding
 * (true, useful, false) or of an article (misleading, accurate), kept in
 * the archive by article, rule and flagged text so that it survives
 * re-scoring; and the import and export of verdicts as JSON Lines in the
 * shape of the judged fixture (tests/quality/verdicts.jsonl).
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "cli.h"
#include "output.h"
#include "util.h"

static const char VERDICT_USAGE[] =
    "usage: spindle [--db FILE] [--rules PATH]... verdict FINDING true|useful|false [--note TEXT]\n"
    "       spindle [--db FILE] verdict --article ID misleading|accurate [--note TEXT]\n"
    "       spindle [--db FILE] [--rules PATH]... verdict --import FILE|-\n"
    "       spindle [--db FILE] verdict --export FILE|-\n"
    "\n"
    "Records an analyst's verdict. FINDING is the finding's id, shown as #N by\n"
    "'findings', 'show' and 'top' (\"id\" in JSON). A finding is:\n"
    "  true     right, but not worth an analyst's time\n"
    "  useful   right and worth reading\n"
    "  false    wrong: it no longer counts in its article's score\n"
    "An article is misleading or accurate (labels for 'eval').\n"
    "\n"
    "A verdict is kept by the finding's article, rule and flagged text, so it\n"
    "survives re-scoring and applies again whenever the same text is flagged;\n"
    "recording one again replaces it. 'findings', 'show' and 'top' show verdicts.\n"
    "Give the same --rules and --enable as 'score' had: the article's score is\n"
    "recomputed over the rules that are on.\n"
    "\n"
    "--import reads JSON Lines: {\"article\":ID, \"rule\":ID, \"text\":T,\n"
    "\"verdict\":\"true|useful|false\", \"reason\":NOTE} for a finding and\n"
    "{\"article\":ID, \"verdict\":\"misleading|accurate\", \"reason\":NOTE} for an\n"
    "article (the judged fixture's shape; \"note\" may stand for \"reason\"; other\n"
    "fields are ignored). A bad line is reported as file:line: reason and the\n"
    "others are stored; verdicts for articles not in the archive are skipped.\n"
    "--export writes every verdict in the same shape.\n"
    "\n"
    "Options:\n"
    "  --note TEXT       why (stored with the verdict)\n"
    "  --article ID      the verdict is on this article\n"
    "  --import FILE     read verdicts (- for standard input)\n"
    "  --export FILE     write verdicts (- for standard output)\n"
    "  -h, --help        this help\n"
    "\n"
    "The confirmation ('finding #N: V') and the import counts go to stderr;\n"
    "--export - writes the verdicts to stdout.\n"
    "\n"
    "Exit: 0 done, 1 no such finding or article, a bad import line, or an\n"
    "archive error; 2 usage error.\n";

typedef struct import_counts {
    size_t findings, current, articles, skipped, rejected;
} import_counts;

/* A string field of obj, or NULL. */
static const char *json_field(json_t *obj, const char *name)
{
    json_t *v = json_object_get(obj, name);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Imports one line; reports a bad one as origin:line: reason. Returns -1
 * on an archive error. */
static int import_line(db *archive, const char *line, const char *origin, size_t lineno,
                       import_counts *n)
{
    json_error_t jerr;
    json_t *obj = json_loads(line, 0, &jerr);
    const char *why = NULL;
    char buf_why[256];
    if (!obj || !json_is_object(obj)) {
        snprintf(buf_why, sizeof buf_why, "not a JSON object%s%s", obj ? "" : ": ", obj ? "" : jerr.text);
        why = buf_why;
    }
    const char *article_id = obj ? json_field(obj, "article") : NULL;
    const char *rule_id = obj ? json_field(obj, "rule") : NULL;
    const char *text = obj ? json_field(obj, "text") : NULL;
    const char *verdict = obj ? json_field(obj, "verdict") : NULL;
    const char *note = obj ? json_field(obj, "reason") : NULL;
    if (obj && !note) note = json_field(obj, "note");
    if (!why && !article_id) why = "missing \"article\"";
    if (!why && !verdict) why = "missing \"verdict\"";
    if (!why && rule_id && !text) why = "a finding's verdict needs \"text\" (the flagged words)";
    if (!why && !db_verdict_valid(verdict, rule_id == NULL)) {
        snprintf(buf_why, sizeof buf_why, "verdict '%s' must be %s", verdict,
                 rule_id ? "true, useful or false (on a finding)" : "misleading or accurate (on an article)");
        why = buf_why;
    }
    if (why) {
        fprintf(stderr, "%s:%zu: %s\n", origin, lineno, why);
        n->rejected++;
        json_decref(obj);
        return 0;
    }
    bool current = false;
    int rc = db_verdict_key(archive, article_id, rule_id ? rule_id : "", rule_id ? text : "", verdict,
                            note, rule_id ? &current : NULL);
    json_decref(obj);
    if (rc < 0) return -1;
    if (rc == 0) { n->skipped++; return 0; }
    if (rule_id) { n->findings++; n->current += current; }
    else n->articles++;
    return 0;
}

static int verdict_import(const cli *c, const char *path)
{
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!in) {
        cli_error("%s: %s", path, strerror(errno));
        return EXIT_RUNTIME;
    }
    ruleset *rs = NULL;
    db *archive = cli_open_db_with_rules(c, &rs);
    if (!archive) { if (in != stdin) fclose(in); return EXIT_RUNTIME; }
    import_counts n = {0};
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int status = EXIT_OK;
    if (db_begin(archive) != 0) status = EXIT_RUNTIME;
    while (status == EXIT_OK && (len = getline(&line, &cap, in)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (strspn(line, " \t") == (size_t)len) continue;
        if (import_line(archive, line, strcmp(path, "-") == 0 ? "-" : path, lineno, &n) != 0)
            status = EXIT_RUNTIME;
    }
    free(line);
    if (in != stdin) fclose(in);
    if (status == EXIT_OK && db_commit(archive) != 0) status = EXIT_RUNTIME;
    if (status != EXIT_OK) {
        cli_error("%s (nothing imported)", db_error(archive));
        db_rollback(archive);
    } else {
        fprintf(stderr, "imported %zu finding verdict%s (%zu on findings the archive holds now) "
                "and %zu article verdict%s; skipped %zu (article not in the archive), rejected "
                "%zu\n", n.findings, n.findings == 1 ? "" : "s", n.current, n.articles,
                n.articles == 1 ? "" : "s", n.skipped, n.rejected);
        if (n.rejected) status = EXIT_RUNTIME;
    }
    db_close(archive);
    ruleset_free(rs);
    return status;
}

static int export_one(void *ctx, const char *article_id, const char *rule_id, const char *text,
                      const char *verdict, const char *note)
{
    FILE *out = ctx;
    fputs("{\"article\":", out);
    output_json_string(out, article_id);
    if (*rule_id) {
        fputs(",\"rule\":", out);
        output_json_string(out, rule_id);
        fputs(",\"text\":", out);
        output_json_string(out, text);
    }
    fputs(",\"verdict\":", out);
    output_json_string(out, verdict);
    if (note && *note) {
        fputs(",\"reason\":", out);
        output_json_string(out, note);
    }
    fputs("}\n", out);
    return 0;
}

static int verdict_export(const cli *c, const char *path)
{
    db *archive = cli_open_db(c, true);
    if (!archive) return EXIT_RUNTIME;
    FILE *out = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
    if (!out) {
        cli_error("%s: %s", path, strerror(errno));
        db_close(archive);
        return EXIT_RUNTIME;
    }
    int status = db_verdicts_each(archive, export_one, out) == 0 ? EXIT_OK : EXIT_RUNTIME;
    if (status != EXIT_OK) cli_error("%s", db_error(archive));
    if (out != stdout && fclose(out) != 0) {
        cli_error("%s: %s", path, strerror(errno));
        status = EXIT_RUNTIME;
    }
    db_close(archive);
    return status;
}

int cmd_verdict(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "note", required_argument, NULL, 'n' },
        { "article", required_argument, NULL, 'a' },
        { "import", required_argument, NULL, 'i' },
        { "export", required_argument, NULL, 'e' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    const char *note = NULL, *on_article = NULL, *import = NULL, *export = NULL;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("h"), options, NULL)) != -1) {
        switch (opt) {
        case 'n': note = optarg; break;
        case 'a': on_article = optarg; break;
        case 'i': import = optarg; break;
        case 'e': export = optarg; break;
        case 'h': cli_usage(stdout, VERDICT_USAGE); return EXIT_OK;
        default: return cli_option_error("verdict", options, opt, argv);
        }
    }
    int rest = argc - optind;
    if (import || export) {
        if (rest || on_article || note || (import && export)) {
            cli_error("verdict --import and --export take a file and nothing else");
            return EXIT_USAGE;
        }
        return import ? verdict_import(c, import) : verdict_export(c, export);
    }
    if (rest != (on_article ? 1 : 2)) {
        cli_error(on_article ? "verdict --article ID needs misleading or accurate"
                          : "verdict needs a FINDING id and true, useful or false "
                            "(see 'spindle verdict --help')");
        return EXIT_USAGE;
    }
    const char *verdict = argv[argc - 1];
    if (!db_verdict_valid(verdict, on_article != NULL)) {
        cli_error("verdict '%s': use %s", verdict,
                  on_article ? "misleading or accurate for an article" : "true, useful or false for a finding");
        return EXIT_USAGE;
    }
    long long finding_id = 0;
    if (!on_article) {
        char *end;
        const char *arg = argv[optind][0] == '#' ? argv[optind] + 1 : argv[optind];
        finding_id = strtoll(arg, &end, 10);
        if (end == arg || *end || finding_id <= 0) {
            cli_error("'%s' is not a finding id (the #N that 'findings' shows)", argv[optind]);
            return EXIT_USAGE;
        }
    }
    ruleset *rs = NULL;
    db *archive = cli_open_db_with_rules(c, &rs);
    if (!archive) return EXIT_RUNTIME;
    int status = EXIT_OK, rc;
    if (on_article) {
        rc = db_verdict_key(archive, on_article, "", "", verdict, note, NULL);
        if (rc == 0) cli_error("no article '%s' in %s", on_article, c->db_path);
        else if (rc > 0) fprintf(stderr, "article %s: %s\n", on_article, verdict);
    } else {
        rc = db_verdict_finding(archive, finding_id, verdict, note);
        if (rc == 0) cli_error("no finding #%lld in %s (see 'spindle findings')", finding_id, c->db_path);
        else if (rc > 0) fprintf(stderr, "finding #%lld: %s\n", finding_id, verdict);
    }
    if (rc < 0) cli_error("%s", db_error(archive));
    if (rc <= 0) status = EXIT_RUNTIME;
    db_close(archive);
    ruleset_free(rs);
    return status;
}
