/*
 * cmd_show.c — `spindle show ARTICLE`: the article's text with each
 * finding's span highlighted (colour on a terminal, [N> ... <N] markers
 * otherwise), and under each paragraph the findings that start in it, with
 * message and evidence. Findings that point at the title are marked in the
 * title line and listed under it, their position given as "title L:C".
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "show.h"

static const char SHOW_USAGE[] =
    "usage: spindle [--db FILE] show [OPTIONS] ARTICLE\n"
    "\n"
    "Prints the stored article with its findings marked in the text: in colour\n"
    "on a terminal, otherwise as [N> ... <N] around finding N. Under each\n"
    "paragraph come the findings that start in it: rule, severity, score,\n"
    "message and evidence. A finding on the headline is marked in the title\n"
    "line and listed under it (\"title line L, col C\"). Each finding shows its\n"
    "id (#N, for 'spindle verdict') and any verdict. Rule errors for the\n"
    "article, and the verdict on the article, follow at the end.\n"
    "\n"
    "Options:\n"
    "  --format F        text (default); json, jsonl or csv give the article\n"
    "                    record and its findings\n"
    "  -h, --help        this help\n";

typedef struct show_state {
    finding *items;       /* copies of the stored findings, in body order */
    size_t   n, cap;
} show_state;

static int show_collect(void *ctx, const char *article_id, const finding *f)
{
    (void)article_id;
    show_state *st = ctx;
    if (st->n == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 16;
        st->items = xrealloc(st->items, st->cap * sizeof *st->items);
    }
    finding *copy = &st->items[st->n++];
    *copy = *f;
    copy->rule_id = xstrdup(f->rule_id);
    copy->severity = strcmp(f->severity, "high") == 0 ? "high"
                   : strcmp(f->severity, "medium") == 0 ? "medium"
                   : strcmp(f->severity, "low") == 0 ? "low" : "info";
    copy->text = xstrdup(f->text);
    copy->message = xstrdup(f->message);
    copy->evidence_json = xstrdup(f->evidence_json);
    copy->verdict = f->verdict ? xstrdup(f->verdict) : NULL;
    copy->verdict_note = f->verdict_note ? xstrdup(f->verdict_note) : NULL;
    return 0;
}

static int show_error(void *ctx, const char *article_id, const char *rule_id, const char *message)
{
    (void)article_id;
    FILE *out = ctx;
    fprintf(out, "rule error: %s: %s\n", rule_id, message);
    return 0;
}

int cmd_show(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    output_format format = FORMAT_TEXT;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("h"), options, NULL)) != -1) {
        switch (opt) {
        case 'f': if (!cli_parse_format(optarg, &format)) return EXIT_USAGE; break;
        case 'h': cli_usage(stdout, SHOW_USAGE); return EXIT_OK;
        default: return cli_option_error("show", options, opt, argv);
        }
    }
    if (optind + 1 != argc) {
        cli_error("show needs one ARTICLE id (see 'spindle top' or 'spindle search')");
        return EXIT_USAGE;
    }
    const char *id = argv[optind];
    db *archive = cli_open_db(c, true);
    if (!archive) return EXIT_RUNTIME;
    article a = {0};
    double score = 0;
    int found = db_article_get(archive, id, &a, &score);
    if (found <= 0) {
        if (found < 0) cli_error("%s", db_error(archive));
        else cli_error("no article '%s' in %s", id, c->db_path);
        db_close(archive);
        return EXIT_RUNTIME;
    }
    show_state st = {0};
    db_finding_filter filter = { .article_id = id, .by_position = true };
    int status = EXIT_OK;
    if (db_findings_each(archive, &filter, show_collect, &st) != 0) {
        cli_error("%s", db_error(archive));
        status = EXIT_RUNTIME;
    } else if (format == FORMAT_TEXT) {
        show_article(stdout, &a, score, st.items, st.n, cli_use_color(c, stdout));
        db_errors_each(archive, id, show_error, stdout);
        char *verdict = NULL, *note = NULL;
        if (db_article_verdict(archive, id, &verdict, &note) > 0)
            printf("verdict on the article: %s%s%s\n", verdict, *note ? ": " : "", note);
        free(verdict);
        free(note);
    } else {
        output out;
        output_begin(&out, stdout, format, false);
        output_article(&out, a.id, a.title, score, st.n);
        for (size_t k = 0; k < st.n; k++) output_finding(&out, a.id, &st.items[k]);
        output_end(&out);
    }
    for (size_t k = 0; k < st.n; k++) finding_clear(&st.items[k]);
    free(st.items);
    article_clear(&a);
    db_close(archive);
    return status;
}
