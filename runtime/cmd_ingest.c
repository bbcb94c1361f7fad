/*
 * cmd_ingest.c — `spindle ingest`: add articles to the archive in batched
 * transactions, skipping duplicates and reporting each rejection.
 */
#include <getopt.h>
#include <stdlib.h>
#include "cli.h"
#include "input.h"

#define INGEST_BATCH 1000

static const char INGEST_USAGE[] =
    "usage: spindle [--db FILE] ingest [OPTIONS] FILE|DIR|-...\n"
    "\n"
    "Adds articles to the archive (created when absent). Inputs are JSON Lines\n"
    "files, .txt/.md files, folders (walked recursively) and - (JSON Lines on\n"
    "stdin). An article whose title and body are already stored is skipped as a\n"
    "duplicate; one whose id is stored with other content is rejected. Ends with\n"
    "the line 'added N, skipped M duplicates, rejected K'; each rejection is\n"
    "reported on stderr as file:line: reason.\n"
    "\n"
    "Options:\n"
    "  --max-bytes N   refuse articles whose body is larger (default 8 MiB)\n"
    "  -h, --help      this help\n";

typedef struct ingest_state {
    db    *archive;
    size_t added, duplicates, rejected, in_batch;
    bool   failed;
} ingest_state;

static int ingest_article(void *ctx, article *a)
{
    ingest_state *st = ctx;
    db_add_result result;
    if (st->in_batch == 0 && db_begin(st->archive) != 0) goto fail;
    if (db_article_add(st->archive, a, &result) != 0) goto fail;
    switch (result) {
    case DB_ADDED: st->added++; break;
    case DB_DUPLICATE: st->duplicates++; break;
    case DB_ID_TAKEN:
        fprintf(stderr, "%s: article id '%s' is already in the archive with other content\n",
                a->origin, a->id);
        st->rejected++;
        break;
    }
    if (++st->in_batch >= INGEST_BATCH) {
        if (db_commit(st->archive) != 0) goto fail;
        st->in_batch = 0;
    }
    article_clear(a);
    return 0;
fail:
    cli_error("%s", db_error(st->archive));
    article_clear(a);
    st->failed = true;
    return 1;
}

int cmd_ingest(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "max-bytes", required_argument, NULL, 'b' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    input_options in_opt = { .diag = stderr };
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (opt) {
        case 'b': if (!cli_parse_size("--max-bytes", optarg, &in_opt.max_article_bytes)) return EXIT_USAGE; break;
        case 'h': cli_usage(stdout, INGEST_USAGE); return EXIT_OK;
        default: cli_usage(stderr, INGEST_USAGE); return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        cli_error("ingest needs at least one FILE, DIR or -");
        cli_usage(stderr, INGEST_USAGE);
        return EXIT_USAGE;
    }
    ingest_state st = {0};
    st.archive = cli_open_db(c, false);
    if (!st.archive) return EXIT_RUNTIME;
    input_stats stats = {0};
    for (int i = optind; i < argc && !st.failed; i++)
        input_read_path(argv[i], &in_opt, ingest_article, &st, &stats);
    if (st.in_batch && !st.failed && db_commit(st.archive) != 0) {
        cli_error("%s", db_error(st.archive));
        st.failed = true;
    }
    if (st.failed && st.in_batch) db_rollback(st.archive);
    db_close(st.archive);
    printf("added %zu, skipped %zu duplicate%s, rejected %zu\n", st.added, st.duplicates,
           st.duplicates == 1 ? "" : "s", st.rejected + stats.rejected);
    return st.failed || stats.io_errors ? EXIT_RUNTIME : EXIT_OK;
}
