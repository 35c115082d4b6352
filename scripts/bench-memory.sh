#!/bin/sh
# Peak memory of `diagnose` on a big mbox: builds ~1 GB (REPEAT=520 copies of maildir/bsd), runs
# diagnose under /usr/bin/time -v (peak RSS) with a GC log (heap after each collection), and does
# the same on a mbox five times smaller, to show the heap does not grow with the input.
#   scripts/bench-memory.sh            REPEAT=520 (about 1 GB); needs 1.2 GB in $TMPDIR
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
repeat=${REPEAT:-520}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/bouncelens" --version >/dev/null
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| input | messages | wall | peak RSS | heap after GC, max | GCs |"
echo "|---|---:|---:|---:|---:|---:|"
for r in $((repeat / 5)) "$repeat"; do
  mbox=$work/corpus-x$r.mbox
  "$here/scripts/make-mbox.sh" "$mbox" "$r"
  BOUNCELENS_JAVA_OPTS="-Xlog:gc:file=$work/gc-$r.log" /usr/bin/time -v -o "$work/time-$r.txt" \
    "$here/bouncelens" diagnose --format jsonl "$mbox" > /dev/null 2>&1 || true
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-$r.txt")
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-$r.txt")
  # "Pause Young (Allocation Failure) 73M->5M(247M)": the figure after the arrow is what survived
  heap=$(sed -n 's/.*->\([0-9]*\)M(.*/\1/p' "$work/gc-$r.log" | sort -n | tail -1)
  gcs=$(grep -c 'Pause' "$work/gc-$r.log" || true)
  echo "| $(du -m "$mbox" | cut -f1) MB | $(grep -c '^From ' "$mbox") | $wall | $((rss / 1024)) MB | ${heap} MB | $gcs |"
  rm -f "$mbox"
done
