/*
 * cli.h — what the commands share: the global options, exit codes, rule
 * loading and archive opening with their messages, and option parsing
 * helpers. Each command lives in its own cmd_*.c file.
 */
#ifndef SPINDLE_CLI_H
#define SPINDLE_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "db.h"
#include "output.h"
#include "ruleset.h"

/* Exit codes (the brief's contract). */
enum {
    EXIT_OK = 0,
    EXIT_RUNTIME = 1,     /* something failed at run time */
    EXIT_USAGE = 2,       /* bad command line */
    EXIT_THRESHOLD = 3,   /* --fail-above exceeded by some article */
    EXIT_INTERRUPTED = 130 /* stopped by SIGINT or SIGTERM, after committing */
};

typedef enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } color_mode;

typedef struct cli {
    const char  *db_path;          /* --db, $SPINDLE_DB or ./spindle.db */
    const char **rule_paths;       /* --rules values, '+' stripped */
    bool        *rule_path_adds;   /* per rule path: it was given as +PATH */
    size_t       n_rule_paths;
    const char **enable;           /* --enable values: rule ids or "all" */
    size_t       n_enable;
    bool         rules_replace;    /* some --rules without '+': no built-in pack */
    const char  *weights_path;     /* --weights FILE (from eval --fit), or NULL */
    color_mode   color;
    /* a command's own selection of rules (scan --rule, --tag): when either
       is given, only the rules named, and those on that carry a tag, run;
       main allocates room for argc entries in each */
    const char **select_ids;
    size_t       n_select_ids;
    const char **select_tags;
    size_t       n_select_tags;
    const char  *select_command;   /* the command, for messages */
} cli;

typedef int (*cli_command_fn)(cli *c, int argc, char **argv);

/* The commands; argv[0] is the command name. */
int cmd_scan(cli *c, int argc, char **argv);
int cmd_ingest(cli *c, int argc, char **argv);
int cmd_score(cli *c, int argc, char **argv);
int cmd_findings(cli *c, int argc, char **argv);
int cmd_top(cli *c, int argc, char **argv);
int cmd_show(cli *c, int argc, char **argv);
int cmd_rules(cli *c, int argc, char **argv);
int cmd_check(cli *c, int argc, char **argv);
int cmd_test(cli *c, int argc, char **argv);
int cmd_search(cli *c, int argc, char **argv);
int cmd_explain(cli *c, int argc, char **argv);
int cmd_repl(cli *c, int argc, char **argv);
int cmd_verdict(cli *c, int argc, char **argv);
int cmd_diff(cli *c, int argc, char **argv);
int cmd_eval(cli *c, int argc, char **argv);
int cmd_report(cli *c, int argc, char **argv);

/* Loads the rules the options name (or, when paths is not NULL, those
 * paths instead). Prints each load problem to stderr unless quiet.
 * Which rules are on (rule.on, what scan and score run): those whose
 * `enabled` field is not false, every rule loaded from paths or from a
 * --rules PATH given without '+' (the user pointed at them), and those
 * --enable names ("all": every rule). Returns NULL with the message printed
 * and *status set when the Lua state cannot be made (EXIT_RUNTIME) or an
 * --enable id names no loaded rule, or the --weights file is not a JSON
 * object of rule ids and weights in (0, 1] (EXIT_USAGE); else *status is
 * EXIT_OK. Weights from --weights replace the rules' own (a rule the file
 * does not name keeps its weight; an id no loaded rule has is a warning).
 * Then a selection (select_ids, select_tags) leaves on only the rules it
 * names by id (whether they ship on or off) and the rules that are on and
 * carry one of its tags; an id or tag no loaded rule has is a usage error
 * (EXIT_USAGE) naming it, with a "did you mean".
 * The caller frees the ruleset. */
ruleset *cli_load_rules(const cli *c, char *const *paths, size_t n_paths, bool quiet,
                        int *status);

/* The same rule set again, quietly (its problems were shown by the first
 * load), for a worker thread: a pool_load_fn whose ctx is the cli. NULL on
 * failure. */
ruleset *cli_load_rules_again(void *c);

/* For the REPL: reads the --rules files again (ruleset_reload) and turns
 * on the new rules as cli_load_rules would. Returns how many files changed;
 * load problems are appended to rs->problems. */
size_t cli_reload_rules(const cli *c, ruleset *rs);

/* Loads the rules (quietly) and opens the archive for writing with them
 * registered as the current rules, so that article scores can be
 * recomputed over the rules that are on (verdict, eval). NULL (message
 * printed) on failure; else the caller frees *rs_out and closes the db. */
db *cli_open_db_with_rules(const cli *c, ruleset **rs_out);

/* Opens the archive, printing "spindle: <reason>" on failure. */
db *cli_open_db(const cli *c, bool readonly);

/* Whether to colour what goes to f. */
bool cli_use_color(const cli *c, FILE *f);

/* Parses a --format value, printing a usage error when it is unknown. */
bool cli_parse_format(const char *value, output_format *out);

/* Parses a number in [lo, hi] for option name; prints a usage error. */
bool cli_parse_double(const char *name, const char *value, double lo, double hi, double *out);
bool cli_parse_size(const char *name, const char *value, size_t *out);

/* Before a command reads the input path "-": when standard input is a
 * terminal, says on stderr that it waits for an article and how to end it
 * (else nothing; a pipe or a file is read silently). */
void cli_note_stdin(const char *path);

/* The option letters a command passes to getopt_long: a leading ':' so
 * that a missing value is told from an unknown option. */
#define CLI_SHORT_OPTIONS(letters) ":" letters

/* After getopt_long (called with CLI_SHORT_OPTIONS, over options) returned
 * '?' (unknown option) or ':' (an option without its value) in command:
 * prints one line, e.g. "spindle scan: unknown option '--frob' (see
 * 'spindle scan --help')", with "; did you mean '--format'?" before the
 * parenthesis when a long option is a typo away. Returns EXIT_USAGE. */
struct option;
int cli_option_error(const char *command, const struct option *options, int opt,
                     char *const *argv);

/* Prints a command's usage to f. */
void cli_usage(FILE *f, const char *text);

/* Prints "spindle: message" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* True once SIGINT or SIGTERM arrived (after cli_catch_signals). */
void cli_catch_signals(void);
bool cli_interrupted(void);

#endif
