/*
 * cmd_explain.c — `spindle explain RULE ARTICLE|FILE|-`: for each sentence
 * the rule's analysis touched, what the stdlib saw there, and why each
 * candidate did or did not become a finding.
 */
#include <getopt.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "explain.h"
#include "lua_host.h"

static const char EXPLAIN_USAGE[] =
    "usage: spindle [--db FILE] [--rules PATH]... explain [OPTIONS] RULE ARTICLE|FILE|-\n"
    "\n"
    "Runs one rule on one article and tells why it fired and why it did not:\n"
    "whether the rule's needs words occur (if none does, the rule does not run);\n"
    "then, for each sentence (and the title) the rule's analysis touched, what the\n"
    "stdlib saw there -- claims with their kind, value and context, attributions\n"
    "with source, type and verb, quotations with their speaker, hedges, loaded\n"
    "terms, sensational marks -- the stdlib calls the rule made about it, the\n"
    "findings (FLAGGED) and the reasons the rule gave for passing over a\n"
    "candidate (not flagged: ...; rules give them with report.trace).\n"
    "\n"
    "ARTICLE is an article id in the archive; FILE a .txt/.md file (first line:\n"
    "title) or a JSON Lines file (its first article); - reads standard input\n"
    "(JSON Lines when it starts with '{', else one text article). A path that\n"
    "exists is read as a file. Any loaded rule can be explained, also one that\n"
    "ships off. Lines and columns are the text file's own (for JSON Lines, the\n"
    "body's).\n"
    "\n"
    "Options:\n"
    "  --format F        text (default) or json (one object: rule, article, ran,\n"
    "                    needs, findings, errors, calls, sentences, not_flagged)\n"
    "  -h, --help        this help\n"
    "\n"
    "Exit: 0 when explained, 1 when the article cannot be read, 2 on a usage\n"
    "error or an unknown rule.\n";

int cmd_explain(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    bool json = false;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("h"), options, NULL)) != -1) {
        switch (opt) {
        case 'f':
            if (strcmp(optarg, "json") == 0) json = true;
            else if (strcmp(optarg, "text") == 0) json = false;
            else { cli_error("explain: unknown format '%s' (use text or json)", optarg); return EXIT_USAGE; }
            break;
        case 'h': cli_usage(stdout, EXPLAIN_USAGE); return EXIT_OK;
        default: return cli_option_error("explain", options, opt, argv);
        }
    }
    if (optind + 2 != argc) {
        cli_error("explain needs a RULE and an ARTICLE, FILE or - (see 'spindle explain --help')");
        return EXIT_USAGE;
    }
    const char *rule_id = argv[optind], *what = argv[optind + 1];

    int status;
    ruleset *rs = cli_load_rules(c, NULL, 0, false, &status);
    if (!rs) return status;
    if (ruleset_find(rs, rule_id) < 0) {
        cli_error("explain: no rule '%s' is loaded (see 'spindle rules')", rule_id);
        ruleset_free(rs);
        return EXIT_USAGE;
    }
    engine *e = engine_new(rs);
    host h;
    host_init(&h, c, rs, e, cli_use_color(c, stdout));
    lua_State *L = sbx_state(rs->sandbox);
    lua_host_push(L, &h);
    struct stat st;
    bool is_file = strcmp(what, "-") == 0 || stat(what, &st) == 0;
    cli_note_stdin(what);
    lua_getfield(L, -1, is_file ? "file" : "get");
    lua_pushstring(L, what);
    status = EXIT_OK;
    if (lua_pcall(L, 1, 2, 0) != LUA_OK) {
        cli_error("%s", lua_tostring(L, -1));
        status = EXIT_RUNTIME;
    } else if (lua_isnil(L, -2)) {
        cli_error("%s", lua_tostring(L, -1));
        status = EXIT_RUNTIME;
    } else {
        lua_pop(L, 1);
        if (explain_doc(&h, rule_id, json, stdout) != 0) status = EXIT_RUNTIME;
    }
    lua_settop(L, 0);
    host_close(&h);
    engine_free(e);
    ruleset_free(rs);
    return status;
}
