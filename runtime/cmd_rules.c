/*
 * cmd_rules.c — `spindle rules` (list the loaded rules with their metadata)
 * and `spindle check` (load and validate rules without running them).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "cli.h"

static const char RULES_USAGE[] =
    "usage: spindle [--rules PATH]... rules [OPTIONS]\n"
    "\n"
    "Lists the loaded rules (the built-in pack unless --rules says otherwise):\n"
    "id, severity, weight, title, tags, where each is defined, and how many\n"
    "flag/pass examples it has. A rule that ships off (enabled = false) and that\n"
    "no --enable turned on is marked \"(off)\" (json: \"enabled\":false); scan and\n"
    "score do not run it.\n"
    "\n"
    "Options:\n"
    "  --format F        text (default), json, jsonl or csv\n"
    "  -v, --verbose     text format: add each rule's description\n"
    "  -h, --help        this help\n";

static const char CHECK_USAGE[] =
    "usage: spindle [--rules PATH]... check [PATH]...\n"
    "\n"
    "Loads and validates rule files without running them: syntax, rule{} fields\n"
    "(unique lowercase-kebab id, title, severity info|low|medium|high, weight in\n"
    "(0, 1], tags, needs, check function, examples), regex patterns compiled at\n"
    "load, and require()d modules. Each problem is printed on stderr as\n"
    "file:line: message (a file that defines no rule and a --rules folder with\n"
    "no rule file are warnings), then 'N rules loaded, N problems'; nothing goes\n"
    "to stdout. With no PATH it checks the rules the global options select.\n"
    "\n"
    "Options:\n"
    "  -h, --help        this help\n"
    "\n"
    "Exits 0 when every rule loads, 1 otherwise.\n";

/* The rule as a JSON object (caller decrefs). */
static json_t *rule_to_json(const rule *r)
{
    json_t *tags = json_array();
    for (size_t i = 0; i < r->n_tags; i++) json_array_append_new(tags, json_string(r->tags[i]));
    json_t *needs = json_array();
    for (size_t i = 0; i < r->n_needs; i++) json_array_append_new(needs, json_string(r->needs[i]));
    return json_pack("{s:s, s:s, s:s, s:s, s:f, s:b, s:o, s:o, s:s, s:s, s:i, s:s, s:{s:i, s:i}}",
                     "type", "rule", "rule", r->id, "title", r->title,
                     "severity", severity_name(r->severity), "weight", r->weight,
                     "enabled", (int)r->on, "tags", tags, "needs", needs, "description", r->description,
                     "file", r->file, "line", r->line, "source_hash", r->source_hash,
                     "examples", "flag", (int)r->n_flag_examples, "pass", (int)r->n_pass_examples);
}

int cmd_rules(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "format", required_argument, NULL, 'f' },
        { "verbose", no_argument, NULL, 'v' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    output_format format = FORMAT_TEXT;
    bool verbose = false;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("vh"), options, NULL)) != -1) {
        switch (opt) {
        case 'f': if (!cli_parse_format(optarg, &format)) return EXIT_USAGE; break;
        case 'v': verbose = true; break;
        case 'h': cli_usage(stdout, RULES_USAGE); return EXIT_OK;
        default: return cli_option_error("rules", options, opt, argv);
        }
    }
    if (optind < argc) {
        cli_error("rules takes no arguments; use --rules PATH before the command");
        return EXIT_USAGE;
    }
    int load_status;
    ruleset *rs = cli_load_rules(c, NULL, 0, false, &load_status);
    if (!rs) return load_status;
    bool color = cli_use_color(c, stdout);
    if (format == FORMAT_CSV)
        puts("rule,severity,weight,title,tags,file,line,flag_examples,pass_examples,enabled");
    if (format == FORMAT_JSON) fputs("[\n", stdout);
    for (size_t i = 0; i < rs->n_rules; i++) {
        const rule *r = &rs->rules[i];
        if (format == FORMAT_TEXT) {
            printf("%s%-28s%s %s%-6s%s %.2f  %s%s\n", color ? OUT_BOLD : "", r->id,
                   color ? OUT_RESET : "", color ? output_severity_color(severity_name(r->severity)) : "",
                   severity_name(r->severity), color ? OUT_RESET : "", r->weight, r->title,
                   r->on ? "" : "  (off)");
            printf("    %s:%d  examples %zu flag / %zu pass", r->file, r->line,
                   r->n_flag_examples, r->n_pass_examples);
            if (r->n_tags) {
                fputs("  tags", stdout);
                for (size_t t = 0; t < r->n_tags; t++) printf("%s%s", t ? ", " : " ", r->tags[t]);
            }
            fputc('\n', stdout);
            if (verbose && *r->description) printf("    %s\n", r->description);
        } else if (format == FORMAT_CSV) {
            buf tags = {0};
            for (size_t t = 0; t < r->n_tags; t++) buf_printf(&tags, "%s%s", t ? ";" : "", r->tags[t]);
            output_csv_field(stdout, r->id);
            printf(",%s,%g,", severity_name(r->severity), r->weight);
            output_csv_field(stdout, r->title);
            fputc(',', stdout);
            output_csv_field(stdout, tags.data ? tags.data : "");
            fputc(',', stdout);
            output_csv_field(stdout, r->file);
            printf(",%d,%zu,%zu,%s\n", r->line, r->n_flag_examples, r->n_pass_examples,
                   r->on ? "true" : "false");
            buf_free(&tags);
        } else {
            json_t *j = rule_to_json(r);
            char *text = json_dumps(j, JSON_COMPACT);
            printf("%s%s%s", format == FORMAT_JSON && i ? ",\n" : "", text,
                   format == FORMAT_JSONL ? "\n" : "");
            free(text);
            json_decref(j);
        }
    }
    if (format == FORMAT_JSON) fputs(rs->n_rules ? "\n]\n" : "]\n", stdout);
    if (format == FORMAT_TEXT)
        fprintf(stderr, "%zu rule%s loaded%s\n", rs->n_rules, rs->n_rules == 1 ? "" : "s",
                rs->n_problems ? ", with problems (above)" : "");
    int status = rs->n_problems ? EXIT_RUNTIME : EXIT_OK;
    ruleset_free(rs);
    return status;
}

int cmd_check(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("h"), options, NULL)) != -1) {
        if (opt == 'h') { cli_usage(stdout, CHECK_USAGE); return EXIT_OK; }
        return cli_option_error("check", options, opt, argv);
    }
    int load_status;
    ruleset *rs = cli_load_rules(c, argv + optind, (size_t)(argc - optind), false, &load_status);
    if (!rs) return load_status;
    fprintf(stderr, "%zu rule%s loaded, %zu problem%s", rs->n_rules, rs->n_rules == 1 ? "" : "s",
            rs->n_problems, rs->n_problems == 1 ? "" : "s");
    if (rs->n_warnings)
        fprintf(stderr, ", %zu warning%s", rs->n_warnings, rs->n_warnings == 1 ? "" : "s");
    fputc('\n', stderr);
    int status = rs->n_problems ? EXIT_RUNTIME : EXIT_OK;
    ruleset_free(rs);
    return status;
}
