/*
 * main.c — parses the global options, picks the command and maps the
 * result to an exit code. Each command lives in cmd_*.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "cli.h"
#include "util.h"
#include "version.h"

static const char USAGE[] =
    "usage: spindle [--db FILE] [--rules PATH]... [--enable ID]... [--weights FILE]\n"
    "               [--color WHEN]\n"
    "               COMMAND [ARGS]\n"
    "\n"
    "Spindle applies narrative rules, written in Lua, to news articles and\n"
    "reports scored findings: which sentence, which rule, why, how strongly.\n"
    "\n"
    "Commands:\n"
    "  scan [FILE|DIR|-]...   score articles directly, without an archive, on every\n"
    "                         core (--jobs N)\n"
    "  ingest FILE|DIR|-...   add articles to the archive (duplicates skipped);\n"
    "                         --results loads scan output from a cluster as a run\n"
    "  score                  score the archive incrementally on every core (--jobs N);\n"
    "                         records a run\n"
    "  findings               list stored findings (filter by run, article, rule, score)\n"
    "  top                    articles ranked by score, with their strongest findings\n"
    "  show ARTICLE           an article with its findings highlighted and explained\n"
    "  search QUERY           full-text search of the archive\n"
    "  rules                  the loaded rules and their metadata\n"
    "  check [PATH]...        load and validate rules without running them\n"
    "  test [PATH]...         run the rules' flag/pass examples\n"
    "  explain RULE ARTICLE   why a rule fired on an article, and why it did not\n"
    "  verdict FINDING V      judge a finding true|useful|false (or --article ID\n"
    "                         misleading|accurate); --import/--export JSON Lines\n"
    "  diff RUN_A RUN_B       findings added, removed and re-scored between two runs\n"
    "  eval [--labels FILE]   rules and article score against labels: hit\n"
    "                         frequencies, S/O, precision, ROC AUC, best F1\n"
    "  report --html FILE     one self-contained HTML report of a run\n"
    "  repl                   a Lua prompt with the engine, the archive and the rules\n"
    "\n"
    "Global options:\n"
    "  --db FILE        the archive (default: $SPINDLE_DB, else ./spindle.db)\n"
    "  --rules PATH     load rules from a file or directory instead of the built-in\n"
    "                   pack; repeatable; --rules +PATH adds to the built-in pack.\n"
    "                   A directory's .lua files are rule files, except under lib/:\n"
    "                   helper modules there are for require \"lib.NAME\"\n"
    "  --enable ID      run rule ID even though it ships off (enabled = false);\n"
    "                   repeatable; '--enable all' turns every loaded rule on.\n"
    "                   Rules under a --rules PATH given without '+' are always on\n"
    "  --weights FILE   rule weights from 'eval --fit' instead of the rules' own\n"
    "                   (scan, score and the commands that score or count)\n"
    "  --color WHEN     auto (default), always or never; NO_COLOR is respected\n"
    "  --no-color       the same as --color never\n"
    "  --version        print the version\n"
    "  -h, --help       this help; 'spindle COMMAND --help' for a command's\n"
    "                   arguments and options\n"
    "Global options may also follow the command ('spindle top --db x.db').\n"
    "\n"
    "Output: commands that list results take --format text|json|jsonl|csv\n"
    "('findings' also sarif and claimreview). Data goes to standard output;\n"
    "progress, warnings, problems and summary lines to standard error.\n"
    "A finding's LINE:COL counts the lines of the text file it was read from\n"
    "(title, blank line, body), or the body's lines for JSON Lines input.\n"
    "Exit codes: 0 success; 1 runtime error, or a run in which a rule failed, a rule\n"
    "file did not load or an input was rejected (the rest processed first); 2 usage\n"
    "error; 3 --fail-above exceeded; 130 score stopped by Ctrl-C after committing.\n";

static const struct { const char *name; cli_command_fn fn; } COMMANDS[] = {
    { "scan", cmd_scan },         { "ingest", cmd_ingest }, { "score", cmd_score },
    { "findings", cmd_findings }, { "top", cmd_top },       { "show", cmd_show },
    { "search", cmd_search },     { "rules", cmd_rules },   { "check", cmd_check },
    { "test", cmd_test },         { "explain", cmd_explain }, { "repl", cmd_repl },
    { "verdict", cmd_verdict },   { "diff", cmd_diff },     { "eval", cmd_eval },
    { "report", cmd_report },
};

/* Reads the value of a global option given as "--opt value" or
 * "--opt=value"; advances *i. NULL when missing. */
static const char *global_value(int argc, char **argv, int *i, const char *opt)
{
    size_t n = strlen(opt);
    if (strncmp(argv[*i], opt, n) == 0 && argv[*i][n] == '=') return argv[*i] + n + 1;
    if (*i + 1 >= argc) return NULL;
    return argv[++*i];
}

static bool is_option(const char *arg, const char *opt)
{
    size_t n = strlen(opt);
    return strncmp(arg, opt, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

/* Applies the global option at argv[*i] (advancing *i past its value).
 * Returns 1 when it was one, 0 when argv[*i] is not a global option, -1 on
 * a usage error (already reported). */
static int global_option(cli *c, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    if (is_option(arg, "--db")) {
        if (!(c->db_path = global_value(argc, argv, i, "--db"))) goto missing;
    } else if (is_option(arg, "--rules")) {
        const char *path = global_value(argc, argv, i, "--rules");
        if (!path) goto missing;
        c->rule_path_adds[c->n_rule_paths] = path[0] == '+';
        if (path[0] == '+') path++;
        else c->rules_replace = true;
        c->rule_paths[c->n_rule_paths++] = path;
    } else if (is_option(arg, "--enable")) {
        const char *id = global_value(argc, argv, i, "--enable");
        if (!id) goto missing;
        c->enable[c->n_enable++] = id;
    } else if (is_option(arg, "--color") || is_option(arg, "--colour")) {
        const char *when = global_value(argc, argv, i, arg[7] == 'u' ? "--colour" : "--color");
        if (!when) goto missing;
        if (strcmp(when, "auto") == 0) c->color = COLOR_AUTO;
        else if (strcmp(when, "always") == 0) c->color = COLOR_ALWAYS;
        else if (strcmp(when, "never") == 0) c->color = COLOR_NEVER;
        else { cli_error("--color wants auto, always or never, not '%s'", when); return -1; }
    } else if (is_option(arg, "--weights")) {
        if (!(c->weights_path = global_value(argc, argv, i, "--weights"))) goto missing;
    } else if (strcmp(arg, "--no-color") == 0) {
        c->color = COLOR_NEVER;
    } else {
        return 0;
    }
    return 1;
missing:
    cli_error("option '%s' needs a value (see 'spindle --help')", arg);
    return -1;
}

/* Takes the global options that stand after the command out of argv, so
 * `spindle ingest --db x.db FILE` works as `spindle --db x.db ingest FILE`.
 * Stops at "--". Returns the new argc, or -1 on a usage error. */
static int take_global_options(cli *c, int argc, char **argv)
{
    int kept = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            while (i < argc) argv[kept++] = argv[i++];
            break;
        }
        int at = i;
        int rc = global_option(c, argc, argv, &i);
        if (rc < 0) return -1;
        if (rc == 0) argv[kept++] = argv[at];
    }
    argv[kept] = NULL;
    return kept;
}

/* Parses the global options and runs the command; main frees what this
 * allocates in c. */
static int spindle_main(cli *c, int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            cli_usage(stdout, USAGE);
            return EXIT_OK;
        } else if (strcmp(arg, "--version") == 0) {
            printf("spindle %s\n", SPINDLE_VERSION);
            return EXIT_OK;
        }
        int rc = global_option(c, argc, argv, &i);
        if (rc < 0) return EXIT_USAGE;
        if (rc == 0) {
            static const char *const globals[] = { "db", "rules", "enable", "weights", "color",
                                                   "colour", "no-color", "version", "help", NULL };
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)strcspn(arg, "="), arg);
            const char *near = name[1] == '-' ? util_closest(name + 2, globals) : NULL;
            if (near) cli_error("unknown option '%s'; did you mean '--%s'? (see 'spindle --help')", name, near);
            else cli_error("unknown option '%s' (see 'spindle --help')", name);
            return EXIT_USAGE;
        }
    }
    if (i >= argc) {
        cli_usage(stderr, USAGE);
        return EXIT_USAGE;
    }
    if (strcmp(argv[i], "help") == 0) {
        cli_usage(stdout, USAGE);
        return EXIT_OK;
    }
    for (size_t k = 0; k < sizeof COMMANDS / sizeof COMMANDS[0]; k++) {
        if (strcmp(argv[i], COMMANDS[k].name) == 0) {
            int sub_argc = take_global_options(c, argc - i, argv + i);
            if (sub_argc < 0) return EXIT_USAGE;
            return COMMANDS[k].fn(c, sub_argc, argv + i);
        }
    }
    const char *names[sizeof COMMANDS / sizeof COMMANDS[0] + 1];
    for (size_t k = 0; k < sizeof COMMANDS / sizeof COMMANDS[0]; k++) names[k] = COMMANDS[k].name;
    names[sizeof COMMANDS / sizeof COMMANDS[0]] = NULL;
    const char *near = util_closest(argv[i], names);
    if (near) cli_error("unknown command '%s'; did you mean '%s'? (see 'spindle --help')", argv[i], near);
    else cli_error("unknown command '%s' (see 'spindle --help')", argv[i]);
    return EXIT_USAGE;
}

/* Scoring an article allocates and frees a few megabytes (the text model,
 * the Lua doc, the stdlib's analysis). By default glibc hands the freed top
 * of the heap back to the kernel after each article and faults it in again
 * for the next: one brk call per few allocations, and a third of `score`'s
 * time in the kernel. Keeping 16 MiB of slack at the top costs no more than
 * the peak an article already needs. */
static void keep_heap_slack(void)
{
#ifdef __GLIBC__
    mallopt(M_TOP_PAD, 16 << 20);
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
#endif
}

int main(int argc, char **argv)
{
    keep_heap_slack();
    cli c = { .color = COLOR_AUTO };
    const char *env_db = getenv("SPINDLE_DB");
    c.db_path = env_db && *env_db ? env_db : "spindle.db";
    c.rule_paths = xcalloc((size_t)argc + 1, sizeof *c.rule_paths);
    c.rule_path_adds = xcalloc((size_t)argc + 1, sizeof *c.rule_path_adds);
    c.enable = xcalloc((size_t)argc + 1, sizeof *c.enable);
    c.select_ids = xcalloc((size_t)argc + 1, sizeof *c.select_ids);
    c.select_tags = xcalloc((size_t)argc + 1, sizeof *c.select_tags);
    int status = spindle_main(&c, argc, argv);
    free(c.rule_paths);
    free(c.rule_path_adds);
    free(c.enable);
    free(c.select_ids);
    free(c.select_tags);
    return status;
}
