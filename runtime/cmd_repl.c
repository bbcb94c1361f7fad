/*
 * cmd_repl.c — `spindle repl`: a Lua prompt with the engine, the stdlib, the
 * rules and the archive (see repl.h for the loop, stdlib/spindle/repl.lua
 * for the helpers).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "lua_host.h"
#include "repl.h"
#include "util.h"

static const char REPL_USAGE[] =
    "usage: spindle [--db FILE] [--rules PATH]... repl [-e CODE]...\n"
    "\n"
    "A Lua 5.4 prompt with the engine loaded: the same stdlib and rules as\n"
    "'score', in the same sandbox (no instruction budget at the prompt; Ctrl-C\n"
    "stops a running evaluation). Expressions print without 'return'; an\n"
    "unfinished statement continues on the next line; Tab completes globals,\n"
    "fields, methods (doc:sen<Tab>) and rule ids in run(\"...\"). History is kept\n"
    "in ~/.spindle_history ($SPINDLE_HISTORY overrides it).\n"
    "\n"
    "Helpers: article(id | \"path.txt\" | {title=, body=}), search(\"words\"),\n"
    "rules(), run(rule, doc), show(doc [, findings]), explain(doc, rule),\n"
    "reload(), pp(value), help(). Dot commands: .help .rules .reload .show ID\n"
    ".search WORDS .explain RULE ID .quit. Ctrl-D quits.\n"
    "\n"
    "Without a terminal (spindle repl < session.lua) the input is run chunk by\n"
    "chunk as if typed, with no prompts, values printed, and the run stops at\n"
    "the first error with exit status 1.\n"
    "\n"
    "Options:\n"
    "  -e CODE           run CODE (printing the values of an expression) and\n"
    "                    exit; repeatable; exit status 1 when one fails\n"
    "  -h, --help        this help\n";

int cmd_repl(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    const char **code = xcalloc((size_t)argc + 1, sizeof *code);
    size_t n_code = 0;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("e:h"), options, NULL)) != -1) {
        switch (opt) {
        case 'e': code[n_code++] = optarg; break;
        case 'h': cli_usage(stdout, REPL_USAGE); free(code); return EXIT_OK;
        default: free(code); return cli_option_error("repl", options, opt, argv);
        }
    }
    if (optind < argc) {
        cli_error("repl takes no arguments ('%s'); use -e CODE or standard input", argv[optind]);
        free(code);
        return EXIT_USAGE;
    }
    int status;
    ruleset *rs = cli_load_rules(c, NULL, 0, false, &status);
    if (!rs) { free(code); return status; }
    engine *e = engine_new(rs);
    host h;
    host_init(&h, c, rs, e, cli_use_color(c, stdout));

    char *history = NULL;
    const char *home = getenv("HOME");
    if (getenv("SPINDLE_HISTORY")) history = xstrdup(getenv("SPINDLE_HISTORY"));
    else if (home && *home) {
        buf path = {0};
        buf_printf(&path, "%s/.spindle_history", home);
        history = buf_detach(&path);
    }
    repl_options ro = {
        .interactive = n_code == 0 && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO),
        .code = code, .n_code = n_code, .history = history,
    };
    int code_status = repl_run(&h, &ro);
    free(history);
    free(code);
    host_close(&h);
    engine_free(e);
    ruleset_free(rs);
    return code_status ? EXIT_RUNTIME : EXIT_OK;
}
