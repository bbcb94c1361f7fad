/* version.h — the engine's version, part of every rule's source hash. */
#ifndef SPINDLE_VERSION_H
#define SPINDLE_VERSION_H
#define SPINDLE_VERSION "0.1.0"
#endif
