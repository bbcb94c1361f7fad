/*
 * cmd_eval.c — `spindle eval`: how well the rules and the article score
 * separate labelled articles. Per rule, SpamAssassin's hit frequencies
 * (share of positives and of negatives hit, S/O, rank) and, where findings
 * carry verdicts, precision; for the article score, ROC AUC with a
 * bootstrap interval, the threshold with the best F1, and the AUC of the
 * article's length alone beside it.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "cli.h"
#include "evalstats.h"
#include "logit.h"
#include "util.h"

static const char EVAL_USAGE[] =
    "usage: spindle [--db FILE] [--rules PATH]... [--enable ID]... eval [OPTIONS]\n"
    "\n"
    "Measures the rules and the article score against labels, on the scored\n"
    "articles of the archive (give the --rules and --enable that 'score' had).\n"
    "Labels come from --labels FILE, or else from the verdicts on articles\n"
    "('spindle verdict --article ID misleading|accurate').\n"
    "\n"
    "Prints, for the article score: ROC AUC (ties count half) with a 95%\n"
    "bootstrap interval (1,000 resamples, fixed seed), the threshold whose\n"
    "'score >= threshold' has the best F1 (with its precision and recall), and\n"
    "the AUC of article length alone: a score no better than length says the\n"
    "rules reward long articles, not misleading ones. Then per rule that is on:\n"
    "the share of positive and of negative articles it hits, S/O = pos% /\n"
    "(pos% + neg%) (1 hits only positives, 0.5 does not separate), its rank by\n"
    "S/O, and where its findings carry verdicts, how many and the precision\n"
    "(true + useful over all judged). A finding judged false does not count.\n"
    "\n"
    "Labels files:\n"
    "  JSON Lines (.jsonl, .json, .ndjson): objects with \"id\" and \"label\";\n"
    "    positive: fake, misleading, 1, true; negative: real, accurate, 0, false\n"
    "  CSV (.csv): a header naming an 'article' (or 'id') and a 'label' column\n"
    "\n"
    "With --fit, it also learns rule weights from the labels: L2-regularised\n"
    "logistic regression on which rules hit each article, judged by 5-fold\n"
    "cross-validation. It prints each rule's coefficient and fitted weight beside\n"
    "its current one, and the cross-validated AUC of the logistic model, of the\n"
    "fitted weights used as 'score' uses weights (noisy-OR of the rules hit),\n"
    "and of the model with a length term; --save FILE writes the weights, which\n"
    "'score' and 'scan' apply with --weights FILE. Rule files are never edited.\n"
    "A fit needs hundreds of labelled articles per rule it weighs; see\n"
    "docs/evaluation.md on trusting one.\n"
    "\n"
    "Options:\n"
    "  --labels FILE     the labels (default: the article verdicts)\n"
    "  --fit             learn rule weights (see above)\n"
    "  --save FILE       with --fit: write the weights as JSON\n"
    "  --format F        text (default) or json\n"
    "  -h, --help        this help\n"
    "\n"
    "Exit: 0 done; 1 when no scored article has a label of each kind, a labels\n"
    "line is bad, or the archive fails; 2 on a usage error.\n";

/* 1 positive, 0 negative, -1 not a label. */
static int label_value(json_t *v)
{
    if (json_is_integer(v)) return json_integer_value(v) == 1 ? 1 : json_integer_value(v) == 0 ? 0 : -1;
    if (json_is_boolean(v)) return json_is_true(v) ? 1 : 0;
    if (!json_is_string(v)) return -1;
    const char *s = json_string_value(v);
    static const char *const positive[] = { "fake", "misleading", "1", "true", "positive", NULL };
    static const char *const negative[] = { "real", "accurate", "0", "false", "negative", NULL };
    for (int i = 0; positive[i]; i++) if (strcasecmp(s, positive[i]) == 0) return 1;
    for (int i = 0; negative[i]; i++) if (strcasecmp(s, negative[i]) == 0) return 0;
    return -1;
}

/* Splits one CSV line (RFC 4180 quoting, no line breaks inside fields)
 * into a JSON array of strings. */
static json_t *csv_fields(const char *line)
{
    json_t *out = json_array();
    buf field = {0};
    const char *p = line;
    for (;;) {
        field.len = 0;
        buf_puts(&field, "");
        if (*p == '"') {
            for (p++; *p; p++) {
                if (*p == '"' && p[1] == '"') { buf_putc(&field, '"'); p++; }
                else if (*p == '"') { p++; break; }
                else buf_putc(&field, *p);
            }
            while (*p && *p != ',') p++;
        } else {
            while (*p && *p != ',') buf_putc(&field, *p++);
        }
        json_array_append_new(out, json_string(field.data));
        if (*p != ',') break;
        p++;
    }
    buf_free(&field);
    return out;
}

/* Reads labels into map (article id -> 0/1). Bad lines are reported as
 * file:line and counted in *bad. Returns false when the file cannot be read
 * or a CSV file has no article and label columns. */
static bool read_labels(const char *path, json_t *map, size_t *bad)
{
    FILE *in = fopen(path, "r");
    if (!in) {
        cli_error("%s: %s", path, strerror(errno));
        return false;
    }
    size_t len = strlen(path);
    bool csv = len > 4 && strcasecmp(path + len - 4, ".csv") == 0;
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    long id_col = -1, label_col = -1;
    bool ok = true;
    while ((n = getline(&line, &cap, in)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        if (strspn(line, " \t") == (size_t)n) continue;
        const char *id = NULL;
        json_t *label = NULL, *row = NULL;
        char idbuf[32];
        if (csv) {
            row = csv_fields(line);
            if (id_col < 0) {                           /* the header */
                for (size_t i = 0; i < json_array_size(row); i++) {
                    const char *name = json_string_value(json_array_get(row, i));
                    if (strcmp(name, "article") == 0 || (strcmp(name, "id") == 0 && id_col < 0)) id_col = (long)i;
                    if (strcmp(name, "label") == 0) label_col = (long)i;
                }
                json_decref(row);
                if (id_col < 0 || label_col < 0) {
                    cli_error("%s:%zu: the header needs an 'article' (or 'id') and a 'label' column",
                              path, lineno);
                    ok = false;
                    break;
                }
                continue;
            }
            id = json_string_value(json_array_get(row, (size_t)id_col));
            label = json_array_get(row, (size_t)label_col);
        } else {
            row = json_loads(line, 0, NULL);
            json_t *idv = json_object_get(row, "id");
            if (json_is_integer(idv)) {
                snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(idv));
                id = idbuf;
            } else {
                id = json_string_value(idv);
            }
            label = json_object_get(row, "label");
        }
        int value = label ? label_value(label) : -1;
        if (!id || value < 0) {
            fprintf(stderr, "%s:%zu: %s\n", path, lineno,
                    !row ? "not a JSON object" : !id ? "no article id" : "no label (fake|real, misleading|accurate, 1|0)");
            (*bad)++;
        } else {
            json_object_set_new(map, id, json_integer(value));
        }
        json_decref(row);
    }
    free(line);
    fclose(in);
    return ok;
}

/* One rule's counts. */
typedef struct rule_stats {
    const char *id;
    double      weight;            /* the rule's weight now */
    size_t      hit_index;         /* its column in eval_state.hits */
    size_t      pos_hits, neg_hits;
    long long   judged, right;     /* findings with a verdict; true or useful */
    double      so;                /* -1 when it hits nothing */
    int         rank;
} rule_stats;

typedef struct eval_state {
    json_t     *labels;            /* NULL: the article verdicts */
    ruleset    *rs;
    rule_stats *rules;             /* one per rule that is on */
    size_t      n_rules;
    double     *score, *length;
    bool       *label;
    bool       *hits;              /* n x n_rules: the article has a counted finding */
    size_t      n, cap, unscored, positives;
} eval_state;

static int eval_article(void *ctx, const db_eval_article *a)
{
    eval_state *st = ctx;
    int label;
    if (st->labels) {
        json_t *v = json_object_get(st->labels, a->article_id);
        if (!v) return 0;
        label = (int)json_integer_value(v);
        json_object_del(st->labels, a->article_id);     /* what remains: not in the archive */
    } else {
        if (!a->verdict) return 0;
        label = strcmp(a->verdict, "misleading") == 0;
    }
    if (a->score < 0) { st->unscored++; return 0; }
    if (st->n == st->cap) {
        st->cap = st->cap ? 2 * st->cap : 256;
        st->score = xrealloc(st->score, st->cap * sizeof *st->score);
        st->length = xrealloc(st->length, st->cap * sizeof *st->length);
        st->label = xrealloc(st->label, st->cap * sizeof *st->label);
        st->hits = xrealloc(st->hits, st->cap * (st->n_rules + 1) * sizeof *st->hits);
    }
    bool *row = st->hits + st->n * (st->n_rules + 1);
    memset(row, 0, (st->n_rules + 1) * sizeof *row);
    st->score[st->n] = a->score;
    st->length[st->n] = (double)a->length;
    st->label[st->n] = label;
    st->n++;
    st->positives += label;
    /* the rules it hits: a comma-separated list */
    for (size_t r = 0; r < st->n_rules; r++) {
        size_t len = strlen(st->rules[r].id);
        for (const char *p = a->rules; (p = strstr(p, st->rules[r].id)); p += len) {
            bool starts = p == a->rules || p[-1] == ',', ends = p[len] == '\0' || p[len] == ',';
            if (starts && ends) {
                row[r] = true;
                if (label) st->rules[r].pos_hits++;
                else st->rules[r].neg_hits++;
                break;
            }
        }
    }
    return 0;
}

static int eval_verdicts(void *ctx, const char *rule_id, const char *verdict, long long n)
{
    eval_state *st = ctx;
    for (size_t r = 0; r < st->n_rules; r++) {
        if (strcmp(st->rules[r].id, rule_id) != 0) continue;
        st->rules[r].judged += n;
        if (strcmp(verdict, "true") == 0 || strcmp(verdict, "useful") == 0) st->rules[r].right += n;
    }
    return 0;
}

static int compare_rules(const void *a, const void *b)
{
    const rule_stats *x = a, *y = b;
    if (x->so != y->so) return x->so > y->so ? -1 : 1;
    size_t hx = x->pos_hits + x->neg_hits, hy = y->pos_hits + y->neg_hits;
    if (hx != hy) return hx > hy ? -1 : 1;
    return strcmp(x->id, y->id);
}

static void print_text(const eval_state *st, double auc, double lo, double hi, double t,
                       double f1, double p, double r, double length_auc)
{
    size_t negatives = st->n - st->positives;
    printf("%zu labelled articles scored (%zu positive, %zu negative)\n", st->n, st->positives, negatives);
    printf("article score: ROC AUC %.3f (95%% bootstrap interval %.3f-%.3f)\n", auc, lo, hi);
    printf("  best F1 %.3f at score >= %.3f (precision %.3f, recall %.3f)\n", f1, t, p, r);
    printf("article length alone: ROC AUC %.3f\n\n", length_auc);
    size_t width = 4;
    for (size_t i = 0; i < st->n_rules; i++) if (strlen(st->rules[i].id) > width) width = strlen(st->rules[i].id);
    printf("%-*s  %8s  %8s  %5s  %4s  %6s  %9s\n", (int)width, "rule", "pos hit%", "neg hit%",
           "S/O", "rank", "judged", "precision");
    for (size_t i = 0; i < st->n_rules; i++) {
        const rule_stats *s = &st->rules[i];
        printf("%-*s  %8.1f  %8.1f  ", (int)width, s->id,
               st->positives ? 100.0 * (double)s->pos_hits / (double)st->positives : 0,
               negatives ? 100.0 * (double)s->neg_hits / (double)negatives : 0);
        if (s->so >= 0) printf("%5.3f  %4d  ", s->so, s->rank);
        else printf("%5s  %4s  ", "-", "-");
        if (s->judged) printf("%6lld  %9.2f\n", s->judged, (double)s->right / (double)s->judged);
        else printf("%6s  %9s\n", "0", "-");
    }
}

static void print_json(const eval_state *st, double auc, double lo, double hi, double t,
                       double f1, double p, double r, double length_auc)
{
    size_t negatives = st->n - st->positives;
    json_t *rules = json_array();
    for (size_t i = 0; i < st->n_rules; i++) {
        const rule_stats *s = &st->rules[i];
        json_t *j = json_pack("{s:s, s:i, s:i, s:f, s:f}", "rule", s->id,
                              "positive_hits", (int)s->pos_hits, "negative_hits", (int)s->neg_hits,
                              "positive_share", st->positives ? (double)s->pos_hits / (double)st->positives : 0,
                              "negative_share", negatives ? (double)s->neg_hits / (double)negatives : 0);
        json_object_set_new(j, "so", s->so >= 0 ? json_real(s->so) : json_null());
        json_object_set_new(j, "rank", s->so >= 0 ? json_integer(s->rank) : json_null());
        json_object_set_new(j, "judged", json_integer(s->judged));
        json_object_set_new(j, "precision", s->judged ? json_real((double)s->right / (double)s->judged)
                                                     : json_null());
        json_array_append_new(rules, j);
    }
    json_t *doc = json_pack("{s:s, s:i, s:i, s:i, s:f, s:[f,f], s:{s:f, s:f, s:f, s:f}, s:f, s:o}",
                            "type", "eval", "articles", (int)st->n, "positives", (int)st->positives,
                            "negatives", (int)negatives, "auc", auc, "auc_interval", lo, hi,
                            "best_f1", "f1", f1, "threshold", t, "precision", p, "recall", r,
                            "length_auc", length_auc, "rules", rules);
    json_dumpf(doc, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
    putchar('\n');
    json_decref(doc);
}

/* The fold of item i in k-fold cross-validation: a fixed shuffle. */
static size_t fold_of(size_t i, size_t folds)
{
    uint64_t h = (uint64_t)i * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    return (size_t)(h % folds);
}

/* A rule weight from a logistic coefficient: a hit that multiplies the
 * odds by e^b becomes weight 1 - e^-b (capped to [0.01, 1]); a rule whose
 * hits speak for the negative class gets the least weight. */
static double weight_of(double coefficient)
{
    double w = coefficient > 0 ? 1 - exp(-coefficient) : 0.01;
    return w < 0.01 ? 0.01 : w > 1 ? 1 : w;
}

#define FIT_FOLDS 5
#define FIT_L2 1.0

/* Cross-validated AUC of the logistic model on columns cols of x (and, when
 * with_noisy_or, of the weights it gives, as noisy-OR over the rules hit). */
static void fit_cv(const double *x, const bool *y, size_t n, size_t k, double *cv_logit,
                   double *cv_noisy_or, size_t n_rule_cols)
{
    double *pred = xcalloc(n, sizeof *pred), *nor = xcalloc(n, sizeof *nor);
    double *train = xcalloc(n * (k ? k : 1), sizeof *train);
    bool *train_y = xcalloc(n, sizeof *train_y);
    double *beta = xcalloc(k + 1, sizeof *beta);
    for (size_t f = 0; f < FIT_FOLDS; f++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            if (fold_of(i, FIT_FOLDS) == f) continue;
            memcpy(train + m * k, x + i * k, k * sizeof *train);
            train_y[m++] = y[i];
        }
        logit_fit(train, train_y, m, k, FIT_L2, beta);
        for (size_t i = 0; i < n; i++) {
            if (fold_of(i, FIT_FOLDS) != f) continue;
            pred[i] = logit_predict(beta, x + i * k, k);
            double keep = 1;
            for (size_t j = 0; j < n_rule_cols; j++)
                if (x[i * k + j] > 0) keep *= 1 - weight_of(beta[j + 1]);
            nor[i] = 1 - keep;
        }
    }
    *cv_logit = evalstats_auc(pred, y, n);
    if (cv_noisy_or) *cv_noisy_or = evalstats_auc(nor, y, n);
    free(beta);
    free(train_y);
    free(train);
    free(nor);
    free(pred);
}

/* --fit: prints the fitted weights and their cross-validated AUCs; writes
 * them to save_path when given. Returns false when the file cannot be
 * written. */
static bool eval_fit(const eval_state *st, double current_auc, bool json, const char *save_path)
{
    size_t *cols = xcalloc(st->n_rules + 1, sizeof *cols), k = 0;
    for (size_t r = 0; r < st->n_rules; r++)
        if (st->rules[r].pos_hits + st->rules[r].neg_hits > 0) cols[k++] = r;
    double *x = xcalloc(st->n * (k + 1), sizeof *x);
    for (size_t i = 0; i < st->n; i++) {
        for (size_t j = 0; j < k; j++)
            x[i * (k + 1) + j] = st->hits[i * (st->n_rules + 1) + st->rules[cols[j]].hit_index] ? 1 : 0;
        x[i * (k + 1) + k] = log1p(st->length[i] / 1000.0);     /* the length term */
    }
    /* without the length term: the first k columns */
    double *xr = xcalloc(st->n * (k ? k : 1), sizeof *xr);
    for (size_t i = 0; i < st->n; i++) memcpy(xr + i * k, x + i * (k + 1), k * sizeof *xr);
    double cv_logit, cv_weights, cv_length;
    fit_cv(xr, st->label, st->n, k, &cv_logit, &cv_weights, k);
    fit_cv(x, st->label, st->n, k + 1, &cv_length, NULL, k);
    double *beta = xcalloc(k + 2, sizeof *beta);
    logit_fit(xr, st->label, st->n, k, FIT_L2, beta);

    json_t *weights = json_object();
    for (size_t j = 0; j < k; j++)
        json_object_set_new(weights, st->rules[cols[j]].id, json_real(weight_of(beta[j + 1])));
    if (json) {
        json_t *rows = json_array();
        for (size_t j = 0; j < k; j++)
            json_array_append_new(rows, json_pack("{s:s, s:f, s:f, s:f}", "rule", st->rules[cols[j]].id,
                                                  "current_weight", st->rules[cols[j]].weight,
                                                  "coefficient", beta[j + 1],
                                                  "fitted_weight", weight_of(beta[j + 1])));
        json_t *doc = json_pack("{s:s, s:i, s:i, s:f, s:f, s:f, s:f, s:o}", "type", "fit",
                                "articles", (int)st->n, "folds", FIT_FOLDS, "auc_current", current_auc,
                                "cv_auc_logistic", cv_logit, "cv_auc_fitted_weights", cv_weights,
                                "cv_auc_with_length", cv_length, "rules", rows);
        json_dumpf(doc, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(doc);
    } else {
        printf("\nfit: logistic regression (L2 %.1f) on the rules that hit, %d-fold cross-validation, "
               "%zu articles\n", FIT_L2, FIT_FOLDS, st->n);
        printf("  ROC AUC: current weights %.3f; logistic model %.3f (CV); fitted weights as score "
               "uses them %.3f (CV); with a length term %.3f (CV)\n",
               current_auc, cv_logit, cv_weights, cv_length);
        size_t width = 4;
        for (size_t j = 0; j < k; j++)
            if (strlen(st->rules[cols[j]].id) > width) width = strlen(st->rules[cols[j]].id);
        printf("  %-*s  %7s  %11s  %7s\n", (int)width, "rule", "current", "coefficient", "fitted");
        for (size_t j = 0; j < k; j++)
            printf("  %-*s  %7.2f  %11.3f  %7.2f\n", (int)width, st->rules[cols[j]].id,
                   st->rules[cols[j]].weight, beta[j + 1], weight_of(beta[j + 1]));
    }
    bool ok = true;
    if (save_path) {
        json_t *doc = json_pack("{s:s, s:O, s:i, s:i, s:f}", "type", "weights", "weights", weights,
                                "articles", (int)st->n, "folds", FIT_FOLDS, "cv_auc", cv_weights);
        if (json_dump_file(doc, save_path, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0) {
            cli_error("--save %s: cannot write it", save_path);
            ok = false;
        } else if (!json) {
            printf("  weights written to %s (apply them: spindle --weights %s score)\n", save_path, save_path);
        }
        json_decref(doc);
    }
    json_decref(weights);
    free(beta);
    free(xr);
    free(x);
    free(cols);
    return ok;
}

int cmd_eval(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "labels", required_argument, NULL, 'l' },
        { "format", required_argument, NULL, 'f' },
        { "fit", no_argument, NULL, 'F' },
        { "save", required_argument, NULL, 's' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    const char *labels_path = NULL, *save_path = NULL;
    bool json = false, fit = false;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("h"), options, NULL)) != -1) {
        switch (opt) {
        case 'l': labels_path = optarg; break;
        case 'F': fit = true; break;
        case 's': save_path = optarg; break;
        case 'f':
            if (strcmp(optarg, "json") == 0) json = true;
            else if (strcmp(optarg, "text") == 0) json = false;
            else { cli_error("eval: unknown format '%s' (use text or json)", optarg); return EXIT_USAGE; }
            break;
        case 'h': cli_usage(stdout, EVAL_USAGE); return EXIT_OK;
        default: return cli_option_error("eval", options, opt, argv);
        }
    }
    if (optind < argc) {
        cli_error("eval takes no arguments ('%s'); see 'spindle eval --help'", argv[optind]);
        return EXIT_USAGE;
    }
    if (save_path && !fit) {
        cli_error("--save writes the weights of --fit; give --fit too");
        return EXIT_USAGE;
    }
    eval_state st = {0};
    size_t bad = 0;
    if (labels_path) {
        st.labels = json_object();
        if (!read_labels(labels_path, st.labels, &bad)) { json_decref(st.labels); return EXIT_RUNTIME; }
    }
    ruleset *rs = NULL;
    db *archive = cli_open_db_with_rules(c, &rs);
    if (!archive) { json_decref(st.labels); return EXIT_RUNTIME; }
    int status = EXIT_OK;
    st.rs = rs;
    st.rules = xcalloc(rs->n_rules + 1, sizeof *st.rules);
    for (size_t i = 0; i < rs->n_rules; i++)
        if (rs->rules[i].on) {
            st.rules[st.n_rules].id = rs->rules[i].id;
            st.rules[st.n_rules].weight = rs->rules[i].weight;
            st.rules[st.n_rules].hit_index = st.n_rules;
            st.n_rules++;
        }
    if (status == EXIT_OK && (db_eval_articles(archive, eval_article, &st) != 0 ||
                              db_rule_verdict_counts(archive, eval_verdicts, &st) != 0)) {
        cli_error("%s", db_error(archive));
        status = EXIT_RUNTIME;
    }
    if (status == EXIT_OK && (st.positives == 0 || st.positives == st.n)) {
        cli_error("eval: the archive's scored articles need labels of both kinds (%zu labelled: %zu "
                  "positive); %s", st.n, st.positives,
                  labels_path ? "check the ids match the archive's" : "give --labels FILE or verdicts on articles");
        status = EXIT_RUNTIME;
    }
    if (status == EXIT_OK) {
        size_t negatives = st.n - st.positives;
        for (size_t i = 0; i < st.n_rules; i++) {
            rule_stats *s = &st.rules[i];
            double pos = (double)s->pos_hits / (double)st.positives, neg = (double)s->neg_hits / (double)negatives;
            s->so = pos + neg > 0 ? pos / (pos + neg) : -1;
        }
        qsort(st.rules, st.n_rules, sizeof *st.rules, compare_rules);
        for (size_t i = 0; i < st.n_rules; i++) st.rules[i].rank = (int)i + 1;
        double auc = evalstats_auc(st.score, st.label, st.n), lo, hi, f1, p, r;
        evalstats_auc_interval(st.score, st.label, st.n, 1000, 0.05, 1, &lo, &hi);
        double t = evalstats_best_f1(st.score, st.label, st.n, &f1, &p, &r);
        double length_auc = evalstats_auc(st.length, st.label, st.n);
        if (json) print_json(&st, auc, lo, hi, t, f1, p, r, length_auc);
        else print_text(&st, auc, lo, hi, t, f1, p, r, length_auc);
        if (fit && !eval_fit(&st, auc, json, save_path)) status = EXIT_RUNTIME;
        size_t missing = st.labels ? json_object_size(st.labels) : 0;
        if (missing || st.unscored || bad)
            fprintf(stderr, "eval: left out %zu labels for articles not in the archive, %zu articles "
                    "never scored, %zu bad label lines\n", missing, st.unscored, bad);
        if (bad) status = EXIT_RUNTIME;
    }
    free(st.score);
    free(st.length);
    free(st.label);
    free(st.hits);
    free(st.rules);
    json_decref(st.labels);
    db_close(archive);
    ruleset_free(rs);
    return status;
}
