/*
 * pool.h — the batch driver: scores a batch of articles on several worker
 * threads and hands the results back in input order.
 *
 * A pool has n workers. Worker 0 is the calling thread, with the ruleset
 * the caller passes (borrowed); each other worker is a thread with its own
 * ruleset (loaded by the caller's loader, owned by the pool) and its own
 * engine, so no Lua state, regex match data or text model is shared. The
 * caller keeps the archive, the input and the output: pool_run only runs
 * engine_run over a batch, each article into its own result slot, and
 * returns when all are done. Results depend only on the article, never on
 * which worker scored it, so the output is the same for any n.
 *
 * With n == 1 no thread is started and pool_run scores on the caller's
 * thread. Errors: pool_new returns NULL and writes a message to err when a
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

/* The calling thread's engine (worker 0), for --profile. */
engine *pool_main_engine(pool *p);

/* Scores articles[0..n): engine_run(articles[i], masks ? masks[i] : NULL)
 * into results[i], each cleared first. masks[i] may be NULL (every rule
 * that is on). The arrays are borrowed and must stay put until it returns. */
void pool_run(pool *p, const article *articles, bool *const *masks,
              engine_result *results, size_t n);

/* The number of cores the system has online (at least 1). */
size_t pool_cores(void);

#endif
