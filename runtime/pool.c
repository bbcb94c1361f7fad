/*
 * pool.c — the batch driver: worker threads that score a batch of articles
 * and return the results in input order (see pool.h).
 *
 * The batch is shared through one job record: the arrays, their length and
 * the next index to take. pool_submit publishes a job and wakes the n - 1
 * threads; the caller reads or writes meanwhile, then in pool_wait takes
 * indexes too, as worker 0, until the batch is used up; the last thread to
 * finish signals it. Workers take articles one at a time, so a long
 * article does not hold up the others. A one-worker pool has no thread.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pool.h"
#include "util.h"

typedef struct worker {
    pthread_t thread;
    ruleset  *rs;        /* owned, except worker 0's (the caller's) */
    engine   *engine;    /* owned */
    struct pool *pool;
    bool      started;
} worker;

struct pool {
    worker         *workers;
    size_t          n;
    pthread_mutex_t lock;
    pthread_cond_t  wake;        /* a job is published, or stop */
    pthread_cond_t  finished;    /* the last worker of a job is done */
    /* the job in hand, under lock */
    const article  *articles;
    bool *const    *masks;
    engine_result  *results;
    size_t          count;
    size_t          next;        /* next index to take */
    size_t          busy;        /* workers still working on the job */
    unsigned long   generation;  /* bumped for every job */
    bool            stop;
};

/* Takes indexes of the current job until none is left. */
static void work_on_job(pool *p, engine *e)
{
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next < p->count ? p->next++ : p->count;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->count) return;
        engine_result_clear(&p->results[i]);
        engine_run(e, &p->articles[i], p->masks ? p->masks[i] : NULL, &p->results[i]);
    }
}

/* A worker thread: waits for a job, works on it, reports, repeats. */
static void *worker_main(void *arg)
{
    worker *w = arg;
    pool *p = w->pool;
    unsigned long seen = 0;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (!p->stop && p->generation == seen) pthread_cond_wait(&p->wake, &p->lock);
        if (p->stop) { pthread_mutex_unlock(&p->lock); return NULL; }
        seen = p->generation;
        pthread_mutex_unlock(&p->lock);
        work_on_job(p, w->engine);
        pthread_mutex_lock(&p->lock);
        if (--p->busy == 0) pthread_cond_signal(&p->finished);
        pthread_mutex_unlock(&p->lock);
    }
}

size_t pool_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (size_t)n : 1;
}

pool *pool_new(ruleset *rs, size_t n_workers, pool_load_fn load, void *ctx,
               char *err, size_t errlen)
{
    if (n_workers == 0) n_workers = 1;
    pool *p = xcalloc(1, sizeof *p);
    p->workers = xcalloc(n_workers, sizeof *p->workers);
    p->n = n_workers;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->wake, NULL);
    pthread_cond_init(&p->finished, NULL);
    p->workers[0].rs = rs;
    p->workers[0].engine = engine_new(rs);
    p->workers[0].pool = p;
    for (size_t i = 1; i < n_workers; i++) {
        worker *w = &p->workers[i];
        w->pool = p;
        w->rs = load(ctx);
        if (!w->rs) {
            snprintf(err, errlen, "worker %zu: the rules could not be loaded again", i);
            pool_free(p);
            return NULL;
        }
        w->engine = engine_new(w->rs);
        if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
            snprintf(err, errlen, "worker %zu: cannot start a thread", i);
            pool_free(p);
            return NULL;
        }
        w->started = true;
    }
    return p;
}

void pool_free(pool *p)
{
    if (!p) return;
    pthread_mutex_lock(&p->lock);
    p->stop = true;
    pthread_cond_broadcast(&p->wake);
    pthread_mutex_unlock(&p->lock);
    for (size_t i = 0; i < p->n; i++) {
        worker *w = &p->workers[i];
        if (w->started) pthread_join(w->thread, NULL);
        engine_free(w->engine);
        if (i > 0) ruleset_free(w->rs);
    }
    pthread_cond_destroy(&p->finished);
    pthread_cond_destroy(&p->wake);
    pthread_mutex_destroy(&p->lock);
    free(p->workers);
    free(p);
}

size_t pool_workers(const pool *p) { return p->n; }

engine *pool_main_engine(pool *p) { return p->workers[0].engine; }

void pool_submit(pool *p, const article *articles, bool *const *masks,
                 engine_result *results, size_t n)
{
    pthread_mutex_lock(&p->lock);
    p->articles = articles;
    p->masks = masks;
    p->results = results;
    p->count = n;
    p->next = 0;
    p->busy = p->n - 1;
    p->generation++;
    if (p->n > 1) pthread_cond_broadcast(&p->wake);
    pthread_mutex_unlock(&p->lock);
    if (p->n == 1) work_on_job(p, p->workers[0].engine);
}

void pool_wait(pool *p)
{
    if (p->n > 1) work_on_job(p, p->workers[0].engine);   /* the caller helps */
    pthread_mutex_lock(&p->lock);
    while (p->busy > 0) pthread_cond_wait(&p->finished, &p->lock);
    p->articles = NULL;
    p->masks = NULL;
    p->results = NULL;
    p->count = 0;
    pthread_mutex_unlock(&p->lock);
}

void pool_run(pool *p, const article *articles, bool *const *masks,
              engine_result *results, size_t n)
{
    pool_submit(p, articles, masks, results, n);
    pool_wait(p);
}
