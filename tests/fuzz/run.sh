#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer harnesses (if needed) and runs each for SECONDS.
#
#   tests/fuzz/run.sh [SECONDS] [HARNESS...] [-- LIBFUZZER-ARGS...]
#
#   SECONDS   how long each harness fuzzes (default 60)
#   HARNESS   markdown, json, import, blocks, layout, csv, glossary, rich (default: all, one
#             after another)
#   -- ...    more libFuzzer flags, after the defaults (a later flag wins);
#             a long run (README, "Fuzzing"):
#               tests/fuzz/run.sh 3600 markdown -- -runs=10000000 -fork=1 \
#                 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
#
# Exits 0 only if every harness ran for its time and found no crash, leak,
# timeout or out-of-memory.  The last lines are one per harness: result,
# executions, executions per second, coverage (cov:, ft:) and time.
#
# Environment:
#   WENDA_FUZZ_BUILDDIR  the build folder (default: build-fuzz at the top);
#                        configured with CC -Dfuzzing=true if it is not a
#                        build folder yet, or was configured with another
#                        compiler or meson (its fuzz/ folder is kept)
#   CC                   the compiler (default clang-19, else clang: the
#                        trixie root has clang-19, with libclang-rt-19-dev)
#   WENDA_FUZZ_FULL_UNWIND=1  fuzz with ASan's full unwinding (slow; by
#                        default only the failed inputs are run so again)
#
# Each harness keeps what it found under BUILDDIR/fuzz/NAME/: corpus/ (the
# inputs it generated, reused by the next run; never committed) and
# artifacts/ (crash-*, leak-*, timeout-*, oom-*: the inputs that failed),
# and its log, NAME.log.  tests/fuzz/corpus/ is read, never written.

set -uo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
FUZZ_SRC=$ROOT/tests/fuzz
BUILDDIR=${WENDA_FUZZ_BUILDDIR:-$ROOT/build-fuzz}

SECONDS_EACH=60
HARNESSES=()
EXTRA=()

while [ $# -gt 0 ]; do
  case $1 in
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) sed -n '3,/^$/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    markdown|json|import|blocks|layout|csv|glossary|rich) HARNESSES+=("$1") ;;
    *[!0-9]*|'') echo "run.sh: unknown argument “$1” (see --help)" >&2; exit 2 ;;
    *) SECONDS_EACH=$1 ;;
  esac
  shift
done
[ ${#HARNESSES[@]} -eq 0 ] && HARNESSES=(markdown json import blocks layout csv glossary rich)

# ------------------------------------------------------------------ build
build_start=$(date +%s)
if [ -z "${CC:-}" ]; then
  CC=clang
  command -v clang-19 >/dev/null && CC=clang-19
fi
# What the folder was configured with: another compiler or meson (a build
# folder made on another system, or in another root) cannot be reused.
stamp="CC=$(command -v "$CC" || echo "$CC") meson=$(meson --version 2>/dev/null)"
if [ -f "$BUILDDIR/build.ninja" ] &&
   [ "$(cat "$BUILDDIR/.wenda-fuzz-config" 2>/dev/null)" != "$stamp" ]; then
  echo "+ $BUILDDIR was configured with another compiler or meson: configuring it afresh"
  find "$BUILDDIR" -mindepth 1 -maxdepth 1 ! -name fuzz -exec rm -rf {} +
fi
if [ ! -f "$BUILDDIR/build.ninja" ]; then
  echo "+ meson setup $BUILDDIR (CC=$CC, -Dfuzzing=true)"
  mkdir -p "$BUILDDIR"
  if ! CC=$CC meson setup "$BUILDDIR" "$ROOT" \
         -Dfuzzing=true -Dui_tests=false -Dbuildtype=debugoptimized \
         </dev/null >"$BUILDDIR/fuzz-setup.log" 2>&1; then
    cat "$BUILDDIR/fuzz-setup.log"
    echo "run.sh: meson setup failed" >&2
    exit 1
  fi
  rm -f "$BUILDDIR/fuzz-setup.log"
  echo "$stamp" >"$BUILDDIR/.wenda-fuzz-config"
elif ! meson introspect --buildoptions "$BUILDDIR" 2>/dev/null |
       /usr/bin/python3 -c 'import json, sys; sys.exit(0 if any(o["name"] == "fuzzing" and o["value"] for o in json.load(sys.stdin)) else 1)'; then
  echo "+ meson configure $BUILDDIR -Dfuzzing=true"
  meson configure "$BUILDDIR" -Dfuzzing=true </dev/null >/dev/null || exit 1
fi

targets=()
for h in "${HARNESSES[@]}"; do targets+=("tests/fuzz/fuzz-$h"); done
echo "+ meson compile -C $BUILDDIR ${targets[*]}"
if ! meson compile -C "$BUILDDIR" -j "$(nproc)" "${targets[@]}" </dev/null >"$BUILDDIR/fuzz-compile.log" 2>&1; then
  grep -E -B3 -A10 'error|FAILED' "$BUILDDIR/fuzz-compile.log" | tail -n 100
  echo "run.sh: the harnesses did not build" >&2
  exit 1
fi
echo "=== build took $(( $(date +%s) - build_start ))s"

# -------------------------------------------------------------------- run
# GLib's slice allocator, which would hide leaks and use-after-free, has
# been plain malloc since GLib 2.76: no G_SLICE=always-malloc any more.
#
# Stacks: the system libraries have no frame pointers, so with ASan's fast
# unwinding a malloc's stack stops at g_malloc.  Full unwinding
# (fast_unwind_on_malloc=0) reaches our frames, but unwinds on every
# malloc: 7 to 10 times fewer executions a second (fuzz-import: 245
# against 1830).  So the fuzzing unwinds fast, and each input that failed
# is run again below with full unwinding, for a report whose stacks reach
# our code.  WENDA_FUZZ_FULL_UNWIND=1 fuzzes with full unwinding.
ASAN_BASE="detect_leaks=1:malloc_context_size=30"
ASAN_FULL="$ASAN_BASE:fast_unwind_on_malloc=0"
if [ "${WENDA_FUZZ_FULL_UNWIND:-0}" = 1 ]; then
  export ASAN_OPTIONS=$ASAN_FULL
else
  export ASAN_OPTIONS=$ASAN_BASE
fi
export LSAN_OPTIONS="suppressions=$ROOT/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$ROOT/tests/sanitizers/ubsan.supp"
export LC_ALL=C.UTF-8
unset G_DEBUG G_SLICE

child=""
# On an interrupt: the fuzzer's whole group; libFuzzer's fork mode can hang
# on SIGTERM, hence the KILL after it.
stop_child() {
  if [ -n "$child" ]; then
    kill -TERM -- "-$child" 2>/dev/null
    sleep 2
    kill -KILL -- "-$child" 2>/dev/null
  fi
  echo "run.sh: interrupted" >&2
  exit 130
}
trap stop_child INT TERM HUP

declare -a SUMMARY=()
failed=0

# field LOG PCRE: the last match in LOG of PCRE, which ends in \K[0-9]+
field() {
  grep -o -P "$2" "$1" | tail -n 1
}

for h in "${HARNESSES[@]}"; do
  exe=$BUILDDIR/tests/fuzz/fuzz-$h
  work=$BUILDDIR/fuzz/$h
  log=$work/$h.log
  mkdir -p "$work/corpus" "$work/artifacts"

  case $h in
    markdown) seeds=("$FUZZ_SRC/corpus/markdown"); dict=$FUZZ_SRC/markdown.dict ;;
    json)     seeds=("$FUZZ_SRC/corpus/json"); dict=$FUZZ_SRC/json.dict ;;
    blocks|layout)
              seeds=("$FUZZ_SRC/corpus/layout" "$FUZZ_SRC/corpus/markdown")
              dict=$work/layout.dict
              cat "$FUZZ_SRC/markdown.dict" "$FUZZ_SRC/layout.dict" >"$dict" ;;
    csv)      seeds=("$FUZZ_SRC/corpus/csv"); dict=$FUZZ_SRC/csv.dict ;;
    glossary) seeds=("$FUZZ_SRC/corpus/glossary"); dict=$FUZZ_SRC/glossary.dict ;;
    rich)     seeds=("$FUZZ_SRC/corpus/rich" "$FUZZ_SRC/corpus/markdown")
              dict=$work/rich.dict
              cat "$FUZZ_SRC/markdown.dict" "$FUZZ_SRC/rich.dict" >"$dict" ;;
    import)   seeds=("$FUZZ_SRC/corpus/markdown" "$FUZZ_SRC/corpus/json")
              dict=$work/import.dict
              cat "$FUZZ_SRC/markdown.dict" "$FUZZ_SRC/json.dict" >"$dict" ;;
  esac

  # Artifacts of an earlier run would count against this one
  before=$(ls "$work/artifacts" | wc -l)

  args=(
    -max_total_time="$SECONDS_EACH"
    -max_len=65536
    -timeout=10
    -rss_limit_mb=2048
    -dict="$dict"
    -print_final_stats=1
    -artifact_prefix="$work/artifacts/"
    "${EXTRA[@]}"
    "$work/corpus" "${seeds[@]}"
  )
  echo
  echo "=== fuzz-$h for ${SECONDS_EACH}s"
  echo "+ $exe ${args[*]}"
  start=$(date +%s)
  # A hard stop well past -max_total_time, in case the process hangs.
  # timeout runs it in a process group of its own (fork mode's children
  # too), which the trap ends if run.sh is interrupted.
  timeout --kill-after=30 $((SECONDS_EACH + 300)) "$exe" "${args[@]}" </dev/null >"$log" 2>&1 &
  child=$!
  wait "$child"
  rc=$?
  child=""
  elapsed=$(( $(date +%s) - start ))

  execs=$(field "$log" 'stat::number_of_executed_units: *\K[0-9]+')
  rate=$(field "$log" 'stat::average_exec_per_sec: *\K[0-9]+')
  # Fork mode prints no stat:: lines: its last "#N: ... exec/s: R" line
  [ -z "$execs" ] && execs=$(field "$log" '^#\K[0-9]+')
  [ -z "$rate" ] && [ -n "$execs" ] && [ "$elapsed" -gt 0 ] && rate=$((execs / elapsed))
  cov=$(field "$log" ' cov: *\K[0-9]+')
  ft=$(field "$log" ' ft: *\K[0-9]+')
  corp=$(field "$log" ' corp: *\K[0-9]+')
  new_artifacts=$(( $(ls "$work/artifacts" | wc -l) - before ))

  result=PASS
  if [ $rc -ne 0 ] || [ "$new_artifacts" -gt 0 ]; then
    result="FAIL (exit $rc, $new_artifacts new artifacts)"
    failed=$((failed + 1))
    # The newest inputs that failed, each run again with full unwinding
    # and a symbolizer (llvm-symbolizer, else addr2line: the trixie root
    # has no llvm-symbolizer): its report, from the first line (a failed
    # invariant, UBSan, ASan/LSan or libFuzzer itself)
    symbolizer=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer || command -v addr2line || true)}
    for a in $(ls -t "$work/artifacts" | head -n "$(( new_artifacts < 3 ? new_artifacts : 3 ))"); do
      echo "--- $work/artifacts/$a, run again:"
      ASAN_OPTIONS=$ASAN_FULL ASAN_SYMBOLIZER_PATH=$symbolizer "$exe" "$work/artifacts/$a" </dev/null 2>&1 |
        sed -n -E '/invariant failed|runtime error|^==[0-9]+==|ERROR: libFuzzer/,$p' |
        grep -v -E '^INFO:|^MS:|^Base64:|in fuzzer::' | head -n 60
    done
    ls -t "$work/artifacts" | head -n 10 | sed "s|^|  artifact: $work/artifacts/|"
  fi
  SUMMARY+=("$(printf '%-9s %-10s execs %-10s exec/s %-6s cov %-5s ft %-6s corp %-5s %4ss' \
               "$h" "${result%% *}" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$elapsed")")
  echo "=== fuzz-$h: $result (log: $log)"
done

echo
echo "=== The harnesses, ${SECONDS_EACH}s each"
for line in "${SUMMARY[@]}"; do echo "$line"; done
if [ $failed -gt 0 ]; then
  echo "run.sh: $failed of ${#HARNESSES[@]} harnesses failed"
  exit 1
fi
exit 0
