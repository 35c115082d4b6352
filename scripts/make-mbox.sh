#!/bin/sh
# Builds a benchmark mbox: every *.eml of a directory, in name order, repeated N times.
#   scripts/make-mbox.sh OUT.mbox REPEAT [DIR]    (DIR defaults to ../shared/corpus/emails/maildir/bsd)
# A message that already starts with an mbox "From " line keeps it; others get a fixed one. Body
# lines that start with "From " (after any '>') get one more '>' (mboxrd), so every reader splits
# the file into the same messages.
set -eu
if [ $# -lt 2 ]; then
  echo "usage: $0 OUT.mbox REPEAT [DIR]" >&2
  exit 2
fi
out=$1
repeat=$2
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${3:-$here/../shared/corpus/emails/maildir/bsd}
[ -d "$dir" ] || { echo "$0: no such directory: $dir" >&2; exit 2; }

one=$(mktemp)
trap 'rm -f "$one"' EXIT
# One copy of the corpus as mbox text; the repetitions are then plain appends.
for f in "$dir"/*.eml; do
  awk 'NR == 1 && /^From / { print; next }
       NR == 1 { print "From MAILER-DAEMON Thu Jan  1 00:00:00 1970" }
       /^>*From / { printf ">" }
       { sub(/\r$/, ""); print }
       END { print "" }' "$f"
done > "$one"
: > "$out"
i=0
while [ "$i" -lt "$repeat" ]; do
  cat "$one" >> "$out"
  i=$((i + 1))
done
