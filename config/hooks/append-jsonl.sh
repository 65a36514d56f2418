#!/bin/sh
# A minimal factwatch hook: appends the change it receives on stdin (one JSON object) to the file named by its
# first argument, one line per change, and notes the FACTWATCH_* headline on stderr (which factwatch captures).
#
# Usage in a configuration:  command = ["hooks/append-jsonl.sh", "/var/lib/factwatch/changes.jsonl"]
set -eu
target=${1:?usage: append-jsonl.sh FILE}
cat >>"$target"
echo "change ${FACTWATCH_CHANGE_ID:-?} ${FACTWATCH_KIND:-?} ${FACTWATCH_FACILITY_KEY:-?}" >&2
