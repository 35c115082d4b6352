#!/bin/sh
# Profiles `bouncelens diagnose` with Java Flight Recorder on the benchmark mbox and prints where
# the time goes: the hottest methods by self time (top frame of each execution sample) and by total
# time (any frame of the sample, io.bouncelens code only).
#   scripts/profile-diagnose.sh [REPEAT] [diagnose options...]   REPEAT defaults to 100
# Leaves the recording in $TMPDIR (printed) for `jfr print` / JDK Mission Control.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
repeat=${1:-100}
[ $# -gt 0 ] && shift
work=$(mktemp -d)
mbox=$work/corpus-x$repeat.mbox
"$here/scripts/make-mbox.sh" "$mbox" "$repeat"
"$here/bouncelens" --version >/dev/null
recording=$work/diagnose.jfr
# The JDK's "profile" settings, but sampling every 1 ms instead of 10, so a run of seconds gives
# thousands of samples.
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
sed 's/>10 ms</>1 ms</' "$java_home/lib/jfr/profile.jfc" > "$work/sampling.jfc"
BOUNCELENS_JAVA_OPTS="${BOUNCELENS_JAVA_OPTS:-} -XX:StartFlightRecording=filename=$recording,settings=$work/sampling.jfc" \
  "$here/bouncelens" diagnose --format jsonl "$@" "$mbox" > /dev/null 2> "$work/stderr" || true
rm -f "$mbox"
jfr print --events jdk.ExecutionSample --stack-depth 64 "$recording" > "$work/samples.txt"
samples=$(grep -c 'jdk.ExecutionSample' "$work/samples.txt")
echo "# $samples execution samples, recording: $recording"
echo "## self time (top frame)"
awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print }' "$work/samples.txt" \
  | sort | uniq -c | sort -rn | head -n 25 \
  | awk -v n="$samples" '{ c = $1; $1 = ""; printf "%5.1f%% %s\n", 100 * c / n, $0 }'
echo "## total time (io.bouncelens frames anywhere in the stack, once per sample)"
awk '/stackTrace = \[/ { delete seen; inside = 1; next }
     inside && /^[ \t]*\]/ { inside = 0; next }
     inside && /io\.bouncelens\./ { f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f);
                                   if (!(f in seen)) { seen[f] = 1; print f } }' "$work/samples.txt" \
  | sort | uniq -c | sort -rn | head -n 25 \
  | awk -v n="$samples" '{ c = $1; $1 = ""; printf "%5.1f%% %s\n", 100 * c / n, $0 }'
