/*
 * cli.c — helpers shared by the commands: rules, archive, colour, option
 * values, errors and signals.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("spindle: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* Applies a weights file: {"weights": {"rule-id": w, ...}} (what eval
 * --fit writes) or the object of weights itself. False (message printed)
 * when the file is not that. */
static bool cli_apply_weights(const char *path, ruleset *rs, bool quiet)
{
    json_error_t jerr;
    json_t *doc = json_load_file(path, 0, &jerr);
    if (!doc) {
        cli_error("--weights %s: %s (line %d)", path, jerr.text, jerr.line);
        return false;
    }
    json_t *weights = json_object_get(doc, "weights");
    if (!weights) weights = doc;
    if (!json_is_object(weights)) {
        cli_error("--weights %s: want {\"weights\": {\"rule-id\": weight, ...}}", path);
        json_decref(doc);
        return false;
    }
    const char *id;
    json_t *value;
    bool ok = true;
    json_object_foreach(weights, id, value) {
        double w = json_number_value(value);
        if (!json_is_number(value) || !(w > 0 && w <= 1)) {
            cli_error("--weights %s: the weight of '%s' must be a number in (0, 1]", path, id);
            ok = false;
            break;
        }
        long i = ruleset_find(rs, id);
        if (i < 0) {
            if (!quiet) fprintf(stderr, "warning: --weights %s: no rule '%s' is loaded\n", path, id);
            continue;
        }
        ruleset_set_weight(rs, (size_t)i, w);
    }
    json_decref(doc);
    return ok;
}

/* Whether rule r carries tag. */
static bool rule_has_tag(const rule *r, const char *tag)
{
    for (size_t t = 0; t < r->n_tags; t++)
        if (strcmp(r->tags[t], tag) == 0) return true;
    return false;
}

/* Applies c's selection (--rule ID, --tag TAG) to the rules' on flags. False
 * (message printed unless quiet) when it names an id or a tag that no
 * loaded rule has. */
static bool cli_apply_selection(const cli *c, ruleset *rs, bool quiet)
{
    if (c->n_select_ids == 0 && c->n_select_tags == 0) return true;
    bool *keep = xcalloc(rs->n_rules + 1, sizeof *keep);
    const char **names = xcalloc(rs->n_rules + 1, sizeof *names);
    bool ok = true;
    for (size_t i = 0; i < rs->n_rules; i++) names[i] = rs->rules[i].id;
    for (size_t k = 0; k < c->n_select_ids && ok; k++) {
        long i = ruleset_find(rs, c->select_ids[k]);
        if (i >= 0) { keep[i] = true; continue; }
        ok = false;
        if (quiet) break;
        const char *near = util_closest(c->select_ids[k], names);
        fprintf(stderr, "spindle %s: --rule %s: no such rule is loaded", c->select_command,
                c->select_ids[k]);
        if (near) fprintf(stderr, "; did you mean '%s'?", near);
        fputs(" (see 'spindle rules')\n", stderr);
    }
    for (size_t k = 0; k < c->n_select_tags && ok; k++) {
        bool found = false;
        size_t n_tags = 0;
        for (size_t i = 0; i < rs->n_rules; i++) {
            if (!rule_has_tag(&rs->rules[i], c->select_tags[k])) continue;
            found = true;
            if (rs->rules[i].on) keep[i] = true;
        }
        if (found) continue;
        ok = false;
        if (quiet) break;
        for (size_t i = 0; i < rs->n_rules; i++) n_tags += rs->rules[i].n_tags;
        const char **tags = xcalloc(n_tags + 1, sizeof *tags);
        n_tags = 0;
        for (size_t i = 0; i < rs->n_rules; i++)
            for (size_t t = 0; t < rs->rules[i].n_tags; t++) tags[n_tags++] = rs->rules[i].tags[t];
        const char *near = util_closest(c->select_tags[k], tags);
        fprintf(stderr, "spindle %s: --tag %s: no loaded rule has this tag", c->select_command,
                c->select_tags[k]);
        if (near) fprintf(stderr, "; did you mean '%s'?", near);
        fputs(" (see 'spindle rules')\n", stderr);
        free(tags);
    }
    if (ok)
        for (size_t i = 0; i < rs->n_rules; i++) rs->rules[i].on = keep[i];
    free(keep);
    free(names);
    return ok;
}

ruleset *cli_load_rules(const cli *c, char *const *paths, size_t n_paths, bool quiet,
                        int *status)
{
    char err[256];
    *status = EXIT_RUNTIME;
    ruleset *rs = ruleset_new(NULL, err, sizeof err);
    if (!rs) { cli_error("%s", err); return NULL; }
    if (paths && n_paths) {
        for (size_t i = 0; i < n_paths; i++) ruleset_load_path(rs, paths[i]);
        for (size_t i = 0; i < rs->n_rules; i++) rs->rules[i].on = true;
    } else {
        if (!c->rules_replace) ruleset_load_builtin(rs);
        for (size_t i = 0; i < c->n_rule_paths; i++) {
            size_t before = rs->n_rules;
            ruleset_load_path(rs, c->rule_paths[i]);
            /* the user pointed at these rules: they run whatever `enabled` says */
            if (!c->rule_path_adds[i])
                for (size_t k = before; k < rs->n_rules; k++) rs->rules[k].on = true;
        }
    }
    ruleset_finish(rs);
    if (!quiet) {
        for (size_t i = 0; i < rs->n_warnings; i++)
            fprintf(stderr, "warning: %s\n", rs->warnings[i]);
        for (size_t i = 0; i < rs->n_problems; i++)
            fprintf(stderr, "%s\n", rs->problems[i]);
    }
    for (size_t i = 0; i < c->n_enable; i++) {
        if (strcmp(c->enable[i], "all") == 0) {
            for (size_t k = 0; k < rs->n_rules; k++) rs->rules[k].on = true;
            continue;
        }
        long k = ruleset_find(rs, c->enable[i]);
        if (k < 0) {
            cli_error("--enable %s: no such rule is loaded (see 'spindle rules')", c->enable[i]);
            ruleset_free(rs);
            *status = EXIT_USAGE;
            return NULL;
        }
        rs->rules[k].on = true;
    }
    if (c->weights_path && !cli_apply_weights(c->weights_path, rs, quiet)) {
        ruleset_free(rs);
        *status = EXIT_USAGE;
        return NULL;
    }
    if (!cli_apply_selection(c, rs, quiet)) {
        ruleset_free(rs);
        *status = EXIT_USAGE;
        return NULL;
    }
    *status = EXIT_OK;
    return rs;
}

size_t cli_reload_rules(const cli *c, ruleset *rs)
{
    size_t changed = ruleset_reload(rs, c->rule_paths, c->n_rule_paths);
    /* the rules of paths given without '+' run whatever `enabled` says, as
       do those --enable names */
    for (size_t k = 0; k < rs->n_rules; k++) {
        rule *r = &rs->rules[k];
        for (size_t i = 0; i < c->n_rule_paths; i++) {
            size_t n = strlen(c->rule_paths[i]);
            while (n > 1 && c->rule_paths[i][n - 1] == '/') n--;
            if (!c->rule_path_adds[i] && strncmp(r->file, c->rule_paths[i], n) == 0 &&
                (r->file[n] == '\0' || r->file[n] == '/'))
                r->on = true;
        }
        for (size_t i = 0; i < c->n_enable; i++)
            if (strcmp(c->enable[i], "all") == 0 || strcmp(c->enable[i], r->id) == 0) r->on = true;
    }
    return changed;
}

ruleset *cli_load_rules_again(void *c)
{
    int status;
    return cli_load_rules(c, NULL, 0, true, &status);
}

db *cli_open_db_with_rules(const cli *c, ruleset **rs_out)
{
    int status;
    ruleset *rs = cli_load_rules(c, NULL, 0, true, &status);
    if (!rs) return NULL;
    db *archive = cli_open_db(c, false);
    if (!archive) { ruleset_free(rs); return NULL; }
    int64_t *pks = xcalloc(rs->n_rules + 1, sizeof *pks);
    int rc = db_begin(archive) != 0 || db_rules_sync(archive, rs, pks) != 0 || db_commit(archive) != 0;
    free(pks);
    if (rc) {
        cli_error("%s", db_error(archive));
        db_rollback(archive);
        db_close(archive);
        ruleset_free(rs);
        return NULL;
    }
    *rs_out = rs;
    return archive;
}

db *cli_open_db(const cli *c, bool readonly)
{
    char err[1024];
    db *d = db_open(c->db_path, readonly, err, sizeof err);
    if (!d) cli_error("%s", err);
    return d;
}

bool cli_use_color(const cli *c, FILE *f)
{
    if (c->color == COLOR_ALWAYS) return true;
    if (c->color == COLOR_NEVER) return false;
    const char *no_color = getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0) return false;
    return isatty(fileno(f));
}

bool cli_parse_format(const char *value, output_format *out)
{
    if (output_format_parse(value, out)) return true;
    cli_error("unknown format '%s' (use text, json, jsonl or csv)", value);
    return false;
}

bool cli_parse_double(const char *name, const char *value, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(value, &end);
    if (errno || end == value || *end || !isfinite(v) || v < lo || v > hi) {
        cli_error("%s wants a number from %g to %g, not '%s'", name, lo, hi, value);
        return false;
    }
    *out = v;
    return true;
}

bool cli_parse_size(const char *name, const char *value, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(value, &end, 10);
    if (errno || end == value || *end || value[0] == '-') {
        cli_error("%s wants a whole number, not '%s'", name, value);
        return false;
    }
    *out = (size_t)v;
    return true;
}

void cli_note_stdin(const char *path)
{
    if (strcmp(path, "-") == 0 && isatty(STDIN_FILENO))
        fputs("spindle: reading an article from the terminal; end with Ctrl-D\n", stderr);
}

int cli_option_error(const char *command, const struct option *options, int opt,
                     char *const *argv)
{
    /* the option as typed: a short one from optopt, a long one from argv */
    char typed[256];
    const char *arg = optind > 0 ? argv[optind - 1] : "";
    if (optopt && !(arg[0] == '-' && arg[1] == '-'))
        snprintf(typed, sizeof typed, "-%c", optopt);
    else
        snprintf(typed, sizeof typed, "%.*s", (int)strcspn(arg, "="), arg);
    fprintf(stderr, "spindle %s: ", command);
    if (opt == ':') {
        fprintf(stderr, "option '%s' needs a value", typed);
    } else {
        fprintf(stderr, "unknown option '%s'", typed);
        const char *names[64];
        size_t n = 0;
        for (; options[n].name && n < 63; n++) names[n] = options[n].name;
        names[n] = NULL;
        const char *near = typed[0] == '-' && typed[1] == '-' ? util_closest(typed + 2, names) : NULL;
        if (near) fprintf(stderr, "; did you mean '--%s'?", near);
    }
    fprintf(stderr, " (see 'spindle %s --help')\n", command);
    return EXIT_USAGE;
}

void cli_usage(FILE *f, const char *text)
{
    fputs(text, f);
}

static volatile sig_atomic_t interrupted;

static void cli_on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

void cli_catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cli_on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

bool cli_interrupted(void)
{
    return interrupted != 0;
}
