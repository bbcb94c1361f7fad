/*
 * cmd_report.c — `spindle report --html FILE`: the archive's report for an
 * analyst, as one self-contained HTML file (see report_html.h).
 */
#include <errno.h>
#include <getopt.h>
#include <string.h>
#include "cli.h"
#include "report_html.h"

static const char REPORT_USAGE[] =
    "usage: spindle [--db FILE] report --html FILE [--run ID] [--limit N]\n"
    "\n"
    "Writes one self-contained HTML file (no scripts, no network) about a run:\n"
    "its summary (articles, rules, rule-set hash, when, rule errors), a histogram\n"
    "of article scores and a bar chart of findings per rule (inline SVG), the\n"
    "top articles with their strongest findings, and each article with\n"
    "findings: its text with every span marked (rule, message and evidence on\n"
    "hover) beside the list of its findings; verdicts are shown, and a finding\n"
    "judged false is struck through and left out of the score.\n"
    "\n"
    "The report reads the run's snapshot of findings (each 'score' run keeps\n"
    "one). For a large archive the text of the --limit highest articles is\n"
    "written (the rest are listed), those after the first ten start folded, and\n"
    "the page lets the browser lay out only what is on screen.\n"
    "\n"
    "Options:\n"
    "  --html FILE       where to write the report (- for standard output)\n"
    "  --run ID          the run (default: the latest run with a snapshot)\n"
    "  --limit N         articles whose text is written (default 200)\n"
    "  -h, --help        this help\n";

int cmd_report(cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        { "html", required_argument, NULL, 'o' },
        { "run", required_argument, NULL, 'r' },
        { "limit", required_argument, NULL, 'l' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    const char *path = NULL;
    size_t run = 0, limit = 200;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS("h"), options, NULL)) != -1) {
        switch (opt) {
        case 'o': path = optarg; break;
        case 'r': if (!cli_parse_size("--run", optarg, &run)) return EXIT_USAGE; break;
        case 'l': if (!cli_parse_size("--limit", optarg, &limit)) return EXIT_USAGE; break;
        case 'h': cli_usage(stdout, REPORT_USAGE); return EXIT_OK;
        default: return cli_option_error("report", options, opt, argv);
        }
    }
    if (!path || optind < argc) {
        cli_error("report needs --html FILE (see 'spindle report --help')");
        return EXIT_USAGE;
    }
    db *archive = cli_open_db(c, true);
    if (!archive) return EXIT_RUNTIME;
    FILE *out = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
    if (!out) {
        cli_error("%s: %s", path, strerror(errno));
        db_close(archive);
        return EXIT_RUNTIME;
    }
    char err[256] = "";
    int rc = report_html_write(archive, (int64_t)run, limit, out, err, sizeof err);
    int status = EXIT_OK;
    if (rc != 0) {
        cli_error("report: %s", rc > 0 ? err : db_error(archive));
        status = EXIT_RUNTIME;
    }
    if (out != stdout && fclose(out) != 0) {
        cli_error("%s: %s", path, strerror(errno));
        status = EXIT_RUNTIME;
    }
    if (status != EXIT_OK && out != stdout) remove(path);
    db_close(archive);
    return status;
}
