/*
 * explain.h — `spindle explain` and `spindle test --explain`: why a rule
 * fired on an article and why it did not, from the stdlib module
 * spindle.explain (which watches the analysis the rule asks for and
 * collects its report.trace reasons).
 */
#ifndef SPINDLE_EXPLAIN_H
#define SPINDLE_EXPLAIN_H

#include <stdbool.h>
#include <stdio.h>
#include "lua_host.h"

/* [-1, +0, -] Explains rule_id on the doc on top of the stack (a doc the
 * host made; popped) and writes to out a text account (colour as the host
 * says) or, when json, one JSON object and a newline. Returns 0, or -1
 * after printing "spindle: explain: <reason>" on stderr (an unknown rule,
 * an error in the rule's code is not one: it is reported in the account). */
int explain_doc(host *h, const char *rule_id, bool json, FILE *out);

#endif
