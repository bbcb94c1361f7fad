/*
 * fuzz_rules.c — a rule file's text through the rule loader, in the
 * sandbox: written to a file and loaded with ruleset_load_path, then
 * finished (needs compiled). Problems are expected; a crash, a leak or a
 * rule that loads without an id, title, check function or a weight in
 * (0, 1] is not. The rules are not run.
 */
#include <string.h>
#include <unistd.h>
#include "fuzz.h"
#include "ruleset.h"

static char rule_dir[] = "/tmp/spindle-fuzz-rules-XXXXXX";
static char path[64];

static void remove_rule_file(void)
{
    unlink(path);
    rmdir(rule_dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        fuzz_check(mkdtemp(rule_dir) != NULL);
        snprintf(path, sizeof path, "%s/rule.lua", rule_dir);
        atexit(remove_rule_file);
    }
    FILE *f = fopen(path, "wb");
    fuzz_check(f != NULL);
    fuzz_check(fwrite(data, 1, size, f) == size);
    fuzz_check(fclose(f) == 0);

    ruleset_options opt = { .memory_bytes = 32u << 20, .instruction_budget = 2000000 };
    char err[256];
    ruleset *rs = ruleset_new(&opt, err, sizeof err);
    fuzz_check(rs != NULL);
    ruleset_load_path(rs, path);
    ruleset_finish(rs);
    for (size_t i = 0; i < rs->n_rules; i++) {
        const rule *r = &rs->rules[i];
        fuzz_check(r->id && r->id[0] && r->title);
        fuzz_check(r->weight > 0 && r->weight <= 1);
        fuzz_check(r->file && r->line >= 0);
    }
    for (size_t i = 0; i < rs->n_problems; i++) fuzz_check(rs->problems[i] != NULL);
    ruleset_free(rs);
    return 0;
}
