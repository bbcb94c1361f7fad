/*
 * replay.c — runs each file of a fuzz corpus through a harness's
 * LLVMFuzzerTestOneInput without libFuzzer, so that `make test` (with gcc,
 * and under ASan) replays the seeds and every crash input kept as a
 * regression test. Usage: test_fuzz_NAME [FILE|DIR]... (default: the
 * corpus directories FUZZ_CORPUS it was built with, split by spaces). A crash or a failed
 * invariant aborts; otherwise it ends "fuzz_NAME: N passed, 0 failed".
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz.h"

#ifndef FUZZ_CORPUS
#error "build with -DFUZZ_CORPUS=\"tests/fuzz/NAME [MORE_DIRS]\""
#endif
#ifndef FUZZ_NAME
#error "build with -DFUZZ_NAME=\"NAME\""
#endif

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Feeds the file at path to the harness. Returns 0, or -1 when it cannot
 * be read (told on stderr). */
static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); return -1; }
    size_t cap = 4096, len = 0, got;
    uint8_t *data = malloc(cap);
    if (!data) abort();
    while ((got = fread(data + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap && !(data = realloc(data, cap *= 2))) abort();
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) { perror(path); free(data); return -1; }
    LLVMFuzzerTestOneInput(data, len);
    free(data);
    return 0;
}

/* Replays path: a file, or each file of a directory in name order.
 * Adds to *passed and *failed. */
static void replay_path(const char *path, int *passed, int *failed)
{
    struct stat st;
    if (stat(path, &st) != 0) { perror(path); (*failed)++; return; }
    if (!S_ISDIR(st.st_mode)) {
        if (replay_file(path) == 0) (*passed)++; else (*failed)++;
        return;
    }
    DIR *dir = opendir(path);
    if (!dir) { perror(path); (*failed)++; return; }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.') continue;
        if (n == cap && !(names = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names)))
            abort();
        size_t size = strlen(path) + strlen(e->d_name) + 2;
        if (!(names[n] = malloc(size))) abort();
        snprintf(names[n++], size, "%s/%s", path, e->d_name);
    }
    closedir(dir);
    if (n) qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        if (replay_file(names[i]) == 0) (*passed)++; else (*failed)++;
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    if (argc < 2) {                         /* FUZZ_CORPUS: paths split by spaces */
        char corpus[] = FUZZ_CORPUS;
        for (char *path = strtok(corpus, " "); path; path = strtok(NULL, " "))
            replay_path(path, &passed, &failed);
    }
    for (int i = 1; i < argc; i++) replay_path(argv[i], &passed, &failed);
    if (passed + failed == 0) { fprintf(stderr, "no corpus files\n"); failed = 1; }
    printf("fuzz_%s: %d passed, %d failed\n", FUZZ_NAME, passed, failed);
    return failed ? 1 : 0;
}
