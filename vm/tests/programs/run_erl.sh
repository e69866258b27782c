#!/bin/sh
# run_erl.sh PATH/TO/MODULE.erl
#
# Compiles one test program and runs MODULE:start/0 under the real BEAM (OTP 25).
# Its stdout and exit status are the reference the new VM must reproduce exactly;
# stderr is not compared.
#
# The exact reference invocation (the VM harness mirrors it):
#
#   erlc +warnings_as_errors -o "$TMP" MODULE.erl
#   cd "$TMP" && ERL_CRASH_DUMP_SECONDS=0 erl -noshell -kernel logger_level none -pa "$TMP" -eval \
#     'try MODULE:start() of _ -> halt(0) catch C:R:S -> io:format(standard_error, "uncaught ~p:~p~n~p~n", [C, R, S]), halt(1) end.' \
#     </dev/null
#
# That is: call MODULE:start/0 in the first process; if it returns (any value),
# exit with status 0; if it raises (error, exit or throw), write a report to stderr,
# write NOTHING to stdout, and exit with status 1.
#
# Why not the plain forms:
#   erl -noshell -eval 'MODULE:start(), halt().'   and   erl -noshell -s MODULE start -s init stop
# both exit 1 on an uncaught exception, but init then calls
#   erlang:display({"init terminating in do_boot", {Reason, Stacktrace}})
# which goes to STDOUT and contains the stack trace (line numbers, erl_eval frames),
# and it writes an erl_crash.dump. Stack traces are not part of what the VM must match,
# so the try/catch wrapper keeps stdout free of them while keeping the exit statuses.
#
# Exit status of this script: that of erl (0 = start/0 returned, 1 = uncaught
# exception), or 3 if the program does not compile (warnings count as errors).
set -u
if [ $# -ne 1 ]; then
  echo "usage: $0 PATH/TO/MODULE.erl" >&2
  exit 2
fi
src=$1
mod=$(basename "$src" .erl)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/run_erl.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
if ! erlc +warnings_as_errors -o "$tmp" "$src" >&2; then
  echo "run_erl.sh: $src does not compile" >&2
  exit 3
fi
cd "$tmp" || exit 2
ERL_CRASH_DUMP_SECONDS=0 erl -noshell -kernel logger_level none -pa "$tmp" -eval \
  "try $mod:start() of _ -> halt(0) catch C:R:S -> io:format(standard_error, \"uncaught ~p:~p~n~p~n\", [C, R, S]), halt(1) end." \
  </dev/null
