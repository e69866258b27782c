#!/bin/sh
# run_elixir.sh PATH/TO/name.ex
#
# Compiles one Elixir test program and runs its main module's start/0 under the real
# BEAM with Elixir. Its stdout and exit status are the reference the VM must
# reproduce exactly; stderr is not compared.
#
# The main module is the file name camelized (`enum_basics.ex` -> `EnumBasics`).
# The exact reference invocation (vm/tests/differential.rs mirrors it):
#
#   elixirc --warnings-as-errors -o "$TMP" name.ex
#   cd "$TMP" && ERL_CRASH_DUMP_SECONDS=0 elixir -pa "$TMP" \
#     -e ':logger.set_primary_config(:level, :none); Main.start()' </dev/null
#
# The logger is silenced because its reports carry timestamps and pids (the host
# VM writes its reports to stderr). An uncaught exception in start/0 makes elixir
# print it on stderr and exit with status 1.
#
# Exit status of this script: that of elixir, or 3 if the program does not compile.
set -u
if [ $# -ne 1 ]; then
  echo "usage: $0 PATH/TO/name.ex" >&2
  exit 2
fi
src=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
main=$(basename "$src" .ex | awk -F_ '{for (i = 1; i <= NF; i++) printf "%s", toupper(substr($i, 1, 1)) substr($i, 2)}')
tmp=$(mktemp -d "${TMPDIR:-/tmp}/run_elixir.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
if ! elixirc --warnings-as-errors -o "$tmp" "$src" >&2; then
  echo "run_elixir.sh: $src does not compile" >&2
  exit 3
fi
cd "$tmp" || exit 2
ERL_CRASH_DUMP_SECONDS=0 elixir -pa "$tmp" \
  -e ":logger.set_primary_config(:level, :none); $main.start()" </dev/null
