#!/bin/sh
# tools/install-deps.sh — installs the Debian packages Spindle builds with
# (and, with the argument "test", the tools its tests use: the sqlite3 shell,
# python3, GNU parallel, tmux, chromium, valgrind and GNU time; with "fuzz",
# clang for libFuzzer), when any is missing. As root with apt it installs them;
# otherwise it prints the exact command and fails.
PACKAGES="build-essential pkg-config liblua5.4-dev libpcre2-dev libsqlite3-dev libjansson-dev libxxhash-dev libedit-dev"
TEST_TOOLS_MISSING=
if [ "${1:-}" = test ]; then
    for tool in sqlite3 python3 parallel tmux chromium valgrind; do
        command -v "$tool" >/dev/null 2>&1 || TEST_TOOLS_MISSING="$TEST_TOOLS_MISSING $tool"
    done
    [ -x /usr/bin/time ] || TEST_TOOLS_MISSING="$TEST_TOOLS_MISSING time"
    PACKAGES="$PACKAGES sqlite3 python3 parallel tmux chromium valgrind time"
fi
if [ "${1:-}" = fuzz ]; then
    command -v "${FUZZ_CC:-clang}" >/dev/null 2>&1 || TEST_TOOLS_MISSING="$TEST_TOOLS_MISSING clang"
    PACKAGES="$PACKAGES clang"
fi
LUA_PC=${LUA_PC:-lua5.4}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}

if command -v "$PKG_CONFIG" >/dev/null 2>&1 && command -v cc >/dev/null 2>&1 &&
   "$PKG_CONFIG" --exists "$LUA_PC" libpcre2-8 sqlite3 jansson libxxhash libedit &&
   [ -z "$TEST_TOOLS_MISSING" ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "spindle: installing build dependencies: $PACKAGES"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq $PACKAGES >/dev/null && exit 0
    echo "spindle: apt-get failed; install these packages: $PACKAGES" >&2
    exit 1
fi
echo "spindle: missing build dependencies. Install them with:" >&2
echo "  sudo apt-get install -y $PACKAGES" >&2
exit 1
