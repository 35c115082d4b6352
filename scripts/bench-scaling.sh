#!/bin/sh
# Whole-process scaling of `diagnose --threads N` on the benchmark mbox (REPEAT copies of
# ../shared/corpus/emails/maildir/bsd, default 100), and a check that every N writes the same bytes.
#   scripts/bench-scaling.sh            THREADS="1 2", RUNS=5
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
repeat=${REPEAT:-100}
runs=${RUNS:-5}
threads=${THREADS:-1 2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mbox=$work/corpus-x$repeat.mbox
"$here/scripts/make-mbox.sh" "$mbox" "$repeat"
"$here/bouncelens" --version >/dev/null
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(grep -c '^From ' "$mbox") messages"
set --
for n in $threads; do
  "$here/bouncelens" diagnose --format jsonl --threads "$n" "$mbox" > "$work/out-$n.jsonl" 2>/dev/null || true
  cmp -s "$work/out-$n.jsonl" "$work/out-$(echo $threads | cut -d' ' -f1).jsonl" \
    || { echo "--threads $n wrote different output" >&2; exit 1; }
  set -- "$@" -n "threads=$n" "$here/bouncelens diagnose --format jsonl --threads $n $mbox"
done
echo "# identical output for --threads $threads ($(wc -l < "$work/out-$n.jsonl") records)"
hyperfine -N -i --style basic --runs "$runs" --export-json "$work/t.json" "$@" >&2
jq -r '.results[] | "\(.command)\t\(.median)\t\(.user)\t\(.system)"' "$work/t.json" \
  | awk -F'\t' 'NR == 1 { base = $2 } { printf "| %s | %.2f s | %.2f s | %.2fx |\n", $1, $2, $3 + $4, base / $2 }' \
  | sed '1i | threads | median wall | mean CPU (user+sys) | speed-up |\n|---|---:|---:|---:|'
