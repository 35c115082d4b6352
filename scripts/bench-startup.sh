#!/bin/sh
# Start-up: one message diagnosed end to end, whole process, with the launcher's options with and
# without the AppCDS archive, and with the JDK's defaults (C2, G1) for comparison.
#   scripts/bench-startup.sh [MESSAGE]    default: the first lhost-postfix-*.eml of the corpus; RUNS=20
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-20}
message=${1:-$(ls "$here"/../shared/corpus/emails/maildir/bsd/lhost-postfix-*.eml | head -n 1)}
"$here/bouncelens" --version >/dev/null # builds the jar and trains the archive
jar=$here/cli/target/bouncelens.jar
jsa=$here/cli/target/bouncelens.jsa
launcher="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx256m -XX:-UsePerfData -Xshare:auto"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), message $(basename "$message")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
hyperfine -N -i --style basic --warmup 3 --runs "$runs" --export-json "$work/t.json" \
  -n "./bouncelens (launcher options + AppCDS)" "$here/bouncelens diagnose --format jsonl $message" \
  -n "launcher options, no AppCDS" "java $launcher -jar $jar diagnose --format jsonl $message" \
  -n "launcher options + AppCDS, java directly" "java $launcher -XX:SharedArchiveFile=$jsa -jar $jar diagnose --format jsonl $message" \
  -n "JDK defaults (G1, C1+C2), no AppCDS" "java -jar $jar diagnose --format jsonl $message" >&2
echo "| command | median wall | min wall | mean CPU (user+sys) |"
echo "|---|---:|---:|---:|"
jq -r '.results[] | "| \(.command) | \(.median * 1000 | floor) ms | \(.min * 1000 | floor) ms | \((.user + .system) * 1000 | floor) ms |"' "$work/t.json"
