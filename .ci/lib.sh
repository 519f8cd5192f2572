# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by .ci/run, .ci/start, .ci/stress and .ci/passes: where things
# are, whether this host builds natively, banners and phase timings.

CI_DIR=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
CHECKOUT=$(cd "$CI_DIR/.." && pwd)

# The minimum platform (issue 12); a host that has it builds natively.
CI_MIN_GTK=4.18

# ci_native: whether this host builds and tests natively instead of in the
# Debian roots: WENDA_CI_NATIVE=1 or 0 decides; by default a host that has
# GTK >= 4.18 (pkg-config), or is Debian 13 or newer (testing and sid
# included), does.
ci_native() {
  case "${WENDA_CI_NATIVE:-}" in
    1|yes|true) return 0 ;;
    0|no|false) return 1 ;;
  esac
  if command -v pkg-config >/dev/null &&
     pkg-config --atleast-version="$CI_MIN_GTK" gtk4 2>/dev/null; then
    return 0
  fi
  local id="" version_id=""
  if [ -r /etc/os-release ]; then
    id=$(. /etc/os-release && echo "${ID:-}")
    version_id=$(. /etc/os-release && echo "${VERSION_ID:-}")
  fi
  if [ "$id" = debian ]; then
    # testing and sid have no VERSION_ID.
    [ -z "$version_id" ] && return 0
    [ "${version_id%%.*}" -ge 13 ] 2>/dev/null && return 0
  fi
  return 1
}

ci_banner() {
  echo
  echo "======================================================================"
  echo "=== $*"
  echo "======================================================================"
}

# Phase timings: ci_phase_done NAME closes the phase that started when the
# previous one closed (or at ci_phase_reset) and appends "NAME<TAB>SECONDS"
# to WENDA_CI_TIMINGS, if set.
ci_phase_reset() {
  CI_PHASE_START=$(date +%s)
}
ci_phase_done() {
  local now
  now=$(date +%s)
  echo "=== [$1] took $((now - CI_PHASE_START))s"
  if [ -n "${WENDA_CI_TIMINGS:-}" ]; then
    printf '%s\t%s\n' "$1" $((now - CI_PHASE_START)) >>"$WENDA_CI_TIMINGS"
  fi
  CI_PHASE_START=$now
}
ci_phase_reset

# ci_child CMD...: runs CMD in the background and waits for it, so that a
# signal reaches the caller's trap at once; CI_CHILD holds its id for the
# trap (ci_stop_child).  setpriv --pdeathsig: CMD gets SIGTERM if the
# caller dies, even by SIGKILL.  Returns CMD's status.
CI_CHILD=""
ci_child() {
  local rc=0
  setpriv --pdeathsig TERM "$@" </dev/null &
  CI_CHILD=$!
  wait "$CI_CHILD" || rc=$?
  CI_CHILD=""
  return $rc
}
# ci_stop_child: SIGTERM to the child and wait until it has ended (the
# roots remove themselves then).
ci_stop_child() {
  if [ -n "$CI_CHILD" ]; then
    kill -TERM "$CI_CHILD" 2>/dev/null
    wait "$CI_CHILD" 2>/dev/null
    CI_CHILD=""
  fi
}
