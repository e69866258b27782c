#!/bin/sh
# check_all.sh [OUTDIR] — run every program twice, sequentially, with run_erl.sh and check:
#   * it compiles without warnings (run_erl.sh exits 3 otherwise),
#   * stdout and exit status are identical across the two runs (determinism),
#   * the exit status is 1 for programs in uncaught/ and 0 everywhere else,
#   * the module name is unique, matches the file name, starts with the area
#     name and does not shadow an OTP module.
# Outputs of the first run are kept in OUTDIR (default /tmp/vm_programs_out) as
# MODULE.out (stdout) and MODULE.rc (exit status).
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-/tmp/vm_programs_out}
mkdir -p "$out"
: >"$out/.times"
fail=0; n=0
dups=$(find "$here" -name '*.erl' -exec basename {} \; | sort | uniq -d)
if [ -n "$dups" ]; then echo "duplicate module names: $dups"; fail=1; fi
# A program must not shadow an OTP module (-pa puts it first in the code path:
# io_lib_format.erl once broke every io:format call).
erl -noshell -eval 'io:put_chars([[filename:basename(F, ".beam"), $\n] || F <- filelib:wildcard(filename:join([code:root_dir(), "lib", "*", "ebin", "*.beam"]))]), halt().' </dev/null | sort -u >"$out/.otp_modules"
clash=$(find "$here" -name '*.erl' -exec basename {} .erl \; | sort | comm -12 - "$out/.otp_modules")
if [ -n "$clash" ]; then echo "FAIL module names clash with OTP modules: $clash"; fail=1; fi
release=$(erl -noshell -eval 'io:format("~s", [erlang:system_info(otp_release)]), halt().' </dev/null)
for f in $(find "$here" -name '*.erl' | sort); do
  # A program for a newer release (`%% min_otp: N`) cannot compile here.
  min=$(sed -n 's/^%% min_otp: *\([0-9]*\).*/\1/p' "$f" | head -n 1)
  if [ -n "$min" ] && [ "$min" -gt "$release" ]; then continue; fi
  n=$((n + 1))
  mod=$(basename "$f" .erl)
  area=$(basename "$(dirname "$f")")
  if ! grep -q "^-module($mod)\." "$f"; then echo "FAIL $mod: -module does not match file name"; fail=1; fi
  case $mod in "${area}_"*) ;; *) echo "FAIL $mod: not prefixed by area $area"; fail=1;; esac
  start=$(date +%s%N)
  "$here/run_erl.sh" "$f" >"$out/$mod.out" 2>"$out/$mod.err"; rc1=$?
  end=$(date +%s%N)
  "$here/run_erl.sh" "$f" >"$out/$mod.out2" 2>/dev/null; rc2=$?
  echo $rc1 >"$out/$mod.rc"
  ms=$(( (end - start) / 1000000 ))
  if [ "$area" = uncaught ]; then want=1; else want=0; fi
  if [ $rc1 -ne $want ]; then echo "FAIL $mod: exit status $rc1, want $want"; fail=1; fi
  if [ $rc1 -ne $rc2 ] || ! cmp -s "$out/$mod.out" "$out/$mod.out2"; then
    echo "FAIL $mod: not deterministic"; fail=1
  fi
  if [ ! -s "$out/$mod.out" ]; then echo "FAIL $mod: empty stdout"; fail=1; fi
  if [ $ms -gt 3000 ]; then echo "SLOW $mod: ${ms} ms for erlc + erl"; fi
  echo "$ms $mod" >>"$out/.times"
  rm -f "$out/$mod.out2"
done
echo "$n programs checked, output in $out"
exit $fail
