# Spindle — build, test, demo, install.
#   make            build build/spindle
#   make demo       install missing packages, build, score the samples
#   make test       install missing packages, unit and end-to-end tests;
#                   ends "total: N passed, N failed"
#   make bench      throughput and memory benchmarks
#   make fuzz       libFuzzer harnesses (clang), FUZZ_SECONDS=60 each
#   make install PREFIX=/usr/local
#   make SANITIZE=address,undefined   build with sanitizers
#   make LUA_PC=lua54                  another pkg-config name for Lua 5.4

PKG_CONFIG ?= pkg-config
LUA_PC     ?= lua5.4
PKGS        = $(LUA_PC) libpcre2-8 sqlite3 jansson libxxhash libedit
PREFIX     ?= /usr/local
BUILD      ?= build
CORPUS     ?= ../shared/corpora/bbc
CC         ?= cc

WARNINGS = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wwrite-strings -Wformat-security -Wvla
OPT     ?= -O2 -g
CFLAGS  ?= $(OPT)
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS  = -std=c11 -D_GNU_SOURCE -pthread $(WARNINGS) \
              $(CFLAGS) $(PKG_CFLAGS) -Iruntime -I$(BUILD)/gen -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) -pthread
LIBS        = $(PKG_LIBS) -lm

ifneq ($(SANITIZE),)
ALL_CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
ALL_LDFLAGS += -fsanitize=$(SANITIZE)
endif

ifeq ($(V),1)
Q =
else
Q = @
endif

RUNTIME_SRC = $(filter-out runtime/main.c,$(wildcard runtime/*.c))
RUNTIME_OBJ = $(RUNTIME_SRC:runtime/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/embedded.o
MAIN_OBJ    = $(BUILD)/obj/main.o
UNIT_SRC    = $(wildcard tests/unit/test_*.c)
UNIT_BIN    = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Fuzz harnesses (tests/fuzz/fuzz_NAME.c, seeds and kept crash inputs in
# tests/fuzz/NAME/): replayed by `make test`, fuzzed by `make fuzz`.
FUZZ_NAMES  = jsonl sentences needs rules
# Seeds a harness takes from elsewhere in the tree as well as tests/fuzz/NAME
FUZZ_SEEDS_rules = rules
FUZZ_REPLAY = $(FUZZ_NAMES:%=$(BUILD)/tests/test_fuzz_%)
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_CC    ?= clang
EMBED_SRC   = $(sort $(shell find stdlib rules -name '*.lua' -not -path 'stdlib/types/*' 2>/dev/null))

.DELETE_ON_ERROR:
.PHONY: all demo test bench quality quality-check install clean deps check-deps fuzz fuzz-harnesses

all: check-deps $(BUILD)/spindle

# Fails with the exact install command when a library is missing.
check-deps:
	@$(PKG_CONFIG) --exists $(PKGS) || { \
	  echo "spindle: missing build dependencies. Install them with:"; \
	  echo "  apt-get install -y build-essential pkg-config liblua5.4-dev libpcre2-dev libsqlite3-dev libjansson-dev libxxhash-dev libedit-dev"; \
	  echo "(or run 'make deps' as root)"; exit 1; }

# Installs the Debian packages the build needs (as root, with apt).
deps:
	@sh tools/install-deps.sh

$(BUILD)/spindle: $(MAIN_OBJ) $(RUNTIME_OBJ)
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/obj/%.o: runtime/%.c | $(BUILD)/obj $(BUILD)/gen/embedded.c
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/embedded.o: $(BUILD)/gen/embedded.c | $(BUILD)/obj
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The stdlib and the shipped rules, compiled into the binary.
$(BUILD)/gen/embedded.c: $(BUILD)/embed $(EMBED_SRC) | $(BUILD)/gen
	@echo "  EMBED   stdlib rules"
	$(Q)$(BUILD)/embed $@ $(EMBED_SRC)

$(BUILD)/embed: tools/embed.c | $(BUILD)
	@echo "  CC      $<"
	$(Q)$(CC) -std=c11 -O1 $(WARNINGS) -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(RUNTIME_OBJ) | $(BUILD)/tests
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Itests/unit -o $@ $^ $(LIBS)

# A fuzz harness with the replay driver: runs tests/fuzz/NAME/* once.
$(BUILD)/tests/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(RUNTIME_OBJ) | $(BUILD)/tests
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Itests/fuzz -DFUZZ_NAME='"$*"' \
	    -DFUZZ_CORPUS='"tests/fuzz/$* $(FUZZ_SEEDS_$*)"' -o $@ $< tests/fuzz/replay.c $(RUNTIME_OBJ) $(LIBS)

# The same harness with libFuzzer (make fuzz builds the runtime with
# SANITIZE=fuzzer-no-link,address,undefined first).
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(RUNTIME_OBJ) | $(BUILD)/fuzz
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -fsanitize=fuzzer -Itests/fuzz -o $@ $< \
	    $(RUNTIME_OBJ) $(LIBS)

fuzz-harnesses: $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)

# Builds the harnesses with clang and libFuzzer (installing clang with apt
# when missing, as root) and fuzzes each for FUZZ_SECONDS, starting from
# its seeds; new inputs go to $(FUZZ_BUILD)/fuzz/corpus-NAME, crashes to
# $(FUZZ_BUILD)/fuzz/crash-NAME-*. Keep a crash input in tests/fuzz/NAME/
# once fixed: make test replays it.
fuzz:
	@sh tools/install-deps.sh fuzz
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) \
	    SANITIZE=fuzzer-no-link,address,undefined fuzz-harnesses
	@failed=; $(foreach name,$(FUZZ_NAMES), \
	    mkdir -p $(FUZZ_BUILD)/fuzz/corpus-$(name); \
	    echo "fuzzing $(name) for $(FUZZ_SECONDS) s"; \
	    $(FUZZ_BUILD)/fuzz/fuzz_$(name) -max_total_time=$(FUZZ_SECONDS) -timeout=30 \
	        -rss_limit_mb=2048 -print_final_stats=1 \
	        -artifact_prefix=$(FUZZ_BUILD)/fuzz/crash-$(name)- \
	        $(FUZZ_BUILD)/fuzz/corpus-$(name) tests/fuzz/$(name) $(FUZZ_SEEDS_$(name)) \
	        || failed="$$failed $(name)";) \
	if [ -n "$$failed" ]; then echo "fuzz: crashes in:$$failed (inputs in $(FUZZ_BUILD)/fuzz/crash-*)"; exit 1; fi; \
	echo "fuzz: no crash in $(FUZZ_SECONDS) s per harness"

$(BUILD)/fuzz:
	$(Q)mkdir -p $@

$(BUILD) $(BUILD)/obj $(BUILD)/gen $(BUILD)/tests:
	$(Q)mkdir -p $@

test:
	@sh tools/install-deps.sh test
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(FUZZ_REPLAY)
	@sh tests/run.sh $(BUILD)

demo:
	@sh tools/install-deps.sh
	@$(MAKE) --no-print-directory all
	@sh tools/demo.sh $(BUILD)

bench: all
	@sh bench/run.sh $(BUILD)

# Judged precision per rule on the BBC corpus, from tests/quality/verdicts.jsonl,
# and unjudged findings in context (needs python3; docs/quality.md).
quality: all
	@python3 tools/quality.py $(BUILD)/spindle $(CORPUS)

# Fails when a rule that ships on is under the judged-precision bar
# (docs/quality.md); make test runs the same check (tests/e2e/quality.sh).
quality-check: all
	@python3 tools/quality.py $(BUILD)/spindle $(CORPUS) --check

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	           $(DESTDIR)$(PREFIX)/share/spindle/rules $(DESTDIR)$(PREFIX)/share/spindle/stdlib/spindle \
	           $(DESTDIR)$(PREFIX)/share/spindle/stdlib/spindle/sources \
	           $(DESTDIR)$(PREFIX)/share/spindle/stdlib/types
	install -m 755 $(BUILD)/spindle $(DESTDIR)$(PREFIX)/bin/spindle
	install -m 644 docs/spindle.1 $(DESTDIR)$(PREFIX)/share/man/man1/spindle.1
	install -m 644 rules/*.lua $(DESTDIR)$(PREFIX)/share/spindle/rules/
	install -m 644 stdlib/spindle/*.lua $(DESTDIR)$(PREFIX)/share/spindle/stdlib/spindle/
	install -m 644 stdlib/spindle/sources/*.lua $(DESTDIR)$(PREFIX)/share/spindle/stdlib/spindle/sources/
	install -m 644 stdlib/types/*.lua $(DESTDIR)$(PREFIX)/share/spindle/stdlib/types/

clean:
	rm -rf $(BUILD)

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/tests/*.d $(BUILD)/fuzz/*.d)
