/*
 * embedded.h — the stdlib modules and the shipped rule pack, compiled into
 * the binary by tools/embed.c (build/gen/embedded.c).
 */
#ifndef SPINDLE_EMBEDDED_H
#define SPINDLE_EMBEDDED_H

#include <stddef.h>

typedef struct embedded_file {
    const char *name;  /* module name ("spindle.claims") or rule path */
    const char *path;  /* source path in the repository, for messages */
    const char *data;  /* file contents (not NUL-terminated in general) */
    size_t      len;
} embedded_file;

/* Both arrays end with an all-zero entry. */
extern const embedded_file embedded_stdlib[];
extern const size_t        embedded_stdlib_count;
extern const embedded_file embedded_rules[];
extern const size_t        embedded_rules_count;

#endif
