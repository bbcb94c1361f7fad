/*
 * pool.h — the batch driver: scores a batch of articles on several worker
 * threads and hands the results back in input order.
 *
 * A pool has n workers. Worker 0 is the caller's thread, with the ruleset
 * the caller passes (borrowed); each other worker is a thread with its own
 * ruleset (loaded by the caller's loader, owned by the pool) and its own
 * engine, so no Lua state, regex match data or text model is shared. After
 * pool_submit the threads score while the caller reads the next batch or
 * writes the last one; in pool_wait the caller scores too until the batch
 * is done. The caller keeps
 * the archive, the input and the output: the pool only runs engine_run
 * over a batch, each article into its own result slot. Results depend only
 * on the article, never on which worker scored it, so the output is the
 * same for any n.
 * Errors: pool_new returns NULL and writes a message to err when a
 * worker's ruleset cannot be loaded or a thread cannot be started.
 */
#ifndef SPINDLE_POOL_H
#define SPINDLE_POOL_H

#include <stdbool.h>
#include <stddef.h>
#include "article.h"
#include "engine.h"
#include "ruleset.h"

typedef struct pool pool;

/* Loads a fresh copy of the rule set for a worker thread; NULL on failure
 * (the first load already reported the rules' problems). */
typedef ruleset *(*pool_load_fn)(void *ctx);

/* Creates a pool of n_workers (>= 1): the caller's thread with rs, and
 * n_workers - 1 threads each with the ruleset load(ctx) returns. */
pool *pool_new(ruleset *rs, size_t n_workers, pool_load_fn load, void *ctx,
               char *err, size_t errlen);

/* Stops the threads and frees their rulesets and engines; rs is not freed.
 * Safe on NULL. */
void pool_free(pool *p);

/* The number of workers. */
size_t pool_workers(const pool *p);

/* The caller's thread's engine (worker 0), for --profile. */
engine *pool_main_engine(pool *p);

/* Starts scoring articles[0..n): engine_run(articles[i], masks ? masks[i]
 * : NULL) into results[i], each cleared first (masks[i] NULL: every rule
 * that is on). Returns at once when there are threads (a one-worker pool
 * scores before it returns). The arrays are borrowed and must stay put, unread by
 * the caller, until pool_wait returns. One batch at a time. */
void pool_submit(pool *p, const article *articles, bool *const *masks,
                 engine_result *results, size_t n);

/* Scores the rest of the submitted batch on the caller's thread and waits
 * until the threads are done with theirs (at once when none is). */
void pool_wait(pool *p);

/* pool_submit then pool_wait. */
void pool_run(pool *p, const article *articles, bool *const *masks,
              engine_result *results, size_t n);

/* The number of cores the system has online (at least 1). */
size_t pool_cores(void);

#endif
