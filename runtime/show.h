/*
 * show.h — renders an article with its findings marked in the text.
 */
#ifndef SPINDLE_SHOW_H
#define SPINDLE_SHOW_H

#include <stdbool.h>
#include <stdio.h>
#include "article.h"
#include "finding.h"

/* Writes to out: the title (title findings marked), a line with the id,
 * score band and counts, then each paragraph of the body with the findings'
 * spans marked (colour when color, else [N> ... <N] around finding N) and,
 * under it, the findings that start in it (rule, severity, score, message,
 * line and column, evidence). items are the article's findings in body
 * order, numbered from 1; they are only read. */
void show_article(FILE *out, const article *a, double score,
                  const finding *items, size_t n_items, bool color);

#endif
