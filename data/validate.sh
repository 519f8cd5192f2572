#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# validate.sh desktop|metainfo|tree FILE
#
# Runs the validator for FILE and fails on a warning as well as on an error:
# neither validator's exit code does.
#   desktop:  desktop-file-validate; any output (error, warning or hint) fails.
#   metainfo: appstreamcli validate --no-net; an "E:" or "W:" line fails,
#             infos and pedantic hints are printed and allowed.
#   tree:     appstreamcli validate-tree --no-net on an installed prefix
#             (FILE is the directory that holds share/), judged the same way.
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 desktop|metainfo|tree FILE" >&2
  exit 2
fi
kind=$1
file=$2
status=0

case $kind in
  desktop)
    output=$(desktop-file-validate "$file" 2>&1) || status=1
    [ -z "$output" ] || { printf '%s\n' "$output"; status=1; }
    ;;
  metainfo|tree)
    if [ "$kind" = tree ]; then
      output=$(appstreamcli validate-tree --no-net "$file" 2>&1) || status=1
    else
      output=$(appstreamcli validate --no-net "$file" 2>&1) || status=1
    fi
    printf '%s\n' "$output"
    if printf '%s\n' "$output" | grep -Eq '^ *[EW]: '; then
      status=1
    fi
    ;;
  *)
    echo "$0: unknown kind $kind" >&2
    exit 2
    ;;
esac

if [ $status -ne 0 ]; then
  echo "validate: $file is not clean" >&2
else
  echo "validate: $file OK"
fi
exit $status
