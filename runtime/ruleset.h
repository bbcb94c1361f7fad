/*
 * ruleset.h — loading, validating and holding the rules of one engine.
 *
 * A ruleset owns a sandbox (sandbox.h), the regex cache the rules use, and
 * the rules loaded into that sandbox from rule files: the built-in pack
 * (embedded.h) and/or files and directories named on the command line.
 * Rule files call rule{...}; each call is validated (unique lowercase-kebab
 * id, title, severity, weight in (0, 1], tags, needs, check function,
 * examples, enabled, no unknown fields). Problems never stop the load: each becomes a
 * "file:line: message" entry in the ruleset's problem list and the other
 * rules still load. require() reaches the embedded stdlib ("spindle.*") and
 * modules in the rule directories.
 */
#ifndef SPINDLE_RULESET_H
#define SPINDLE_RULESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "needs.h"
#include "rx.h"
#include "sandbox.h"
#include "util.h"

typedef enum rule_severity { SEV_INFO, SEV_LOW, SEV_MEDIUM, SEV_HIGH } rule_severity;

const char *severity_name(rule_severity s);

typedef struct rule {
    char    *id;
    char    *title;
    char    *description;   /* "" when not given */
    rule_severity severity;
    double   weight;        /* 0 < weight <= 1 */
    char   **tags;          /* n_tags strings */
    size_t   n_tags;
    char   **needs;         /* lowercased prefilter words; none = always run */
    size_t   n_needs;
    bool     needs_filter;  /* has a needs word that is not blank */
    const rx_pattern *needs_rx; /* words the needs index cannot hold (needs.h)
                                   as one caseless pattern (cache-owned), or NULL */
    char    *file;          /* where it was defined, for messages */
    int      line;
    char     file_hash[33];   /* the rule file's content */
    char     source_hash[33]; /* the rule file, the stdlib and local modules */
    int      check_ref;     /* registry ref of the check function */
    int      examples_ref;  /* registry ref of the examples table or LUA_NOREF */
    size_t   n_flag_examples, n_pass_examples;
    bool     enabled;       /* the rule's `enabled` field (true when absent) */
    bool     on;            /* scan and score run it: `enabled` unless the
                               command line turned it on (cli_load_rules) */
} rule;

typedef struct ruleset_options {
    size_t   memory_bytes;        /* Lua memory budget; 0 = default */
    uint64_t instruction_budget;  /* per rule call; 0 = default */
    uint32_t match_limit;         /* PCRE2 limits; 0 = default */
    uint32_t depth_limit;
} ruleset_options;

typedef struct ruleset {
    sbx      *sandbox;
    rx_cache *rx;
    rule     *rules;
    size_t    n_rules;
    needs_index *needs;      /* every rule's needs words (ruleset_finish) */
    char    **problems;      /* "file:line: message" for each load problem */
    size_t    n_problems;
    char    **warnings;      /* "path: message": loaded, but likely not as meant */
    size_t    n_warnings;
    char      library_hash[33];
    /* private to ruleset.c */
    char    **dirs;          /* module search directories */
    size_t    n_dirs;
    int       loaded_ref;    /* registry ref: module name -> value */
    buf       library_parts; /* hashes of the modules loaded, in order */
    char     *current_file;  /* file being loaded (for rule{} records) */
    const char *replacing_file; /* file being reloaded (ruleset_reload) */
    size_t    replacing_before; /* its old rules lie below this index */
    char      current_hash[33];
    size_t    first_rule_of_file;
} ruleset;

/* Creates an empty ruleset with its sandbox. Returns NULL with a reason in
 * err when the sandbox cannot be made. Free with ruleset_free. */
ruleset *ruleset_new(const ruleset_options *opt, char *err, size_t errlen);
void     ruleset_free(ruleset *rs);

/* Loads the built-in rule pack. */
void ruleset_load_builtin(ruleset *rs);

/* Loads a rule file, or every *.lua file under a directory (recursively,
 * sorted), except under folders named "lib": those hold helper modules that
 * rules require() ("lib.name" is DIR/lib/name.lua), not rules. A directory,
 * or a file's directory, joins the module search path.
 * Problems (unreadable path, syntax error, bad rule) go to rs->problems.
 * Warnings go to rs->warnings: "FILE: defines no rule" for a rule file that
 * loads but defines none, "DIR: no rule files" for a directory without one.
 * Returns the number of problems added. */
size_t ruleset_load_path(ruleset *rs, const char *path);

/* Call once after the last load: fixes each rule's source_hash (which
 * includes every library module that was loaded and the content of the
 * lexicons as the rule files left them), seals the lexicons (rules cannot
 * change them while they run) and compiles the rules' `needs` words into
 * rs->needs (and the rare word it cannot hold into the rule's needs_rx). */
void ruleset_finish(ruleset *rs);

/* [-0, +1, m] Pushes an environment for the engine's own Lua (explain, the
 * REPL, the stdlib's tests): like a rule file's, but its require gives the
 * stdlib's modules themselves instead of read-only views. */
void ruleset_push_trusted_env(ruleset *rs);

/* For the REPL: reads the rule files under paths again (directories
 * walked as ruleset_load_path walks them). A file whose content changed, or
 * that is new, or that defined no rule before, is loaded again: its rules
 * replace the ones it defined when it loads without a problem; otherwise
 * its old rules stay and the problems are appended to rs->problems. The
 * rules of files no longer under paths are dropped. New rules are on when
 * enabled. Local modules already required are not read again. Finishes the
 * ruleset again (hashes, needs). Returns how many files changed. */
size_t ruleset_reload(ruleset *rs, const char *const *paths, size_t n_paths);

/* Gives rule i another weight (a weights file from `eval --fit`). The
 * weight becomes part of the rule's source_hash, so that the archive scores
 * the rule again: its findings' scores change. Call after ruleset_finish. */
void ruleset_set_weight(ruleset *rs, size_t i, double weight);

/* Index of the rule with this id, or -1. */
long ruleset_find(const ruleset *rs, const char *id);

/* How many rules are on (rule.on): those scan and score run. */
size_t ruleset_count_on(const ruleset *rs);

#endif
