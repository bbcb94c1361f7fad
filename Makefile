# Spindle — build, test, demo, install.
#   make            build build/spindle
#   make demo       install missing packages, build, score the samples
#   make test       install missing packages, unit and end-to-end tests;
#                   ends "total: N passed, N failed"
#   make bench      throughput and memory benchmarks
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
EMBED_SRC   = $(sort $(shell find stdlib rules -name '*.lua' -not -path 'stdlib/types/*' 2>/dev/null))

.DELETE_ON_ERROR:
.PHONY: all demo test bench quality quality-check install clean deps check-deps

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

$(BUILD) $(BUILD)/obj $(BUILD)/gen $(BUILD)/tests:
	$(Q)mkdir -p $@

test:
	@sh tools/install-deps.sh test
	@$(MAKE) --no-print-directory all $(UNIT_BIN)
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

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/tests/*.d)
