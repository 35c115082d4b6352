#!/bin/sh
# Whole-process speed against the peers, on the same mbox in the same run:
#   bouncelens diagnose --format jsonl   vs   Sisimai 4.25 (Perl)   and   flufl.bounce (Python).
# Builds the mbox (../shared/corpus/emails/maildir/bsd/*.eml repeated REPEAT times, default 100)
# in a temporary directory, counts what each tool reports, times each with hyperfine and prints
# the median wall times and the ratio to Sisimai. bouncelens and Sisimai take turns: PEER_RUNS
# rounds of RUNS runs of bouncelens and one of Sisimai.
#   scripts/bench-peers.sh                    REPEAT=100, 3 rounds of 5 bouncelens runs and 1 Sisimai run
#   REPEAT=10 RUNS=3 PEER_RUNS=1 scripts/bench-peers.sh
# Needs: apt-get install libsisimai-perl python3-flufl.bounce hyperfine jq
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
repeat=${REPEAT:-100}
runs=${RUNS:-5}
peer_runs=${PEER_RUNS:-3}
python=/usr/bin/python3 # Debian's, where python3-flufl.bounce is installed

for tool in perl hyperfine jq "$python"; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing (see the header)" >&2; exit 2; }
done
perl -MSisimai -e1 2>/dev/null || { echo "$0: Sisimai is missing: apt-get install libsisimai-perl" >&2; exit 2; }
"$python" -c 'import flufl.bounce' 2>/dev/null || { echo "$0: apt-get install python3-flufl.bounce" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mbox=$work/corpus-x$repeat.mbox
"$here/scripts/make-mbox.sh" "$mbox" "$repeat"
"$here/bouncelens" --version >/dev/null # builds the jar (and its start-up archive) outside the timing

bouncelens="$here/bouncelens diagnose --format jsonl $mbox"
sisimai="perl -MSisimai -e 'print Sisimai->dump(\$ARGV[0])' $mbox"
flufl="$python $here/scripts/flufl-bounce-scan.py $mbox"

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | sed -n 2p); $(perl -MSisimai -e 'print "Sisimai ", $Sisimai::VERSION'); flufl.bounce $("$python" -c 'import importlib.metadata as m; print(m.version("flufl.bounce"))')"
echo "# input: $(grep -c '^From ' "$mbox") messages, $(du -m "$mbox" | cut -f1) MB"

# What each reports: bouncelens and Sisimai one record per bounced recipient; flufl.bounce only
# the set of bounced addresses per message.
sh -c "$bouncelens" > "$work/bouncelens.jsonl" || true
sh -c "$sisimai" > "$work/sisimai.json"
sh -c "$flufl" > /dev/null 2> "$work/flufl.err" || true
bl_count=$(wc -l < "$work/bouncelens.jsonl")
bl_known=$(jq -c 'select(.reason != "undefined")' "$work/bouncelens.jsonl" | wc -l)
si_count=$(jq length "$work/sisimai.json")
si_known=$(jq '[.[] | select(.reason != "undefined")] | length' "$work/sisimai.json")
fl_count=$(sed -n 's/.* messages, \([0-9]*\) bounced addresses/\1/p' "$work/flufl.err")

# bouncelens and Sisimai are timed in turn, round after round: this machine's speed drifts within
# minutes, and timing one tool's runs all before the other's let a drift pass for a difference.
round=1
while [ "$round" -le "$peer_runs" ]; do
  hyperfine -N -i --style basic --runs "$runs" --export-json "$work/bouncelens-$round.json" -n bouncelens "$bouncelens" >&2
  hyperfine --style basic --runs 1 --export-json "$work/sisimai-$round.json" -n sisimai "$sisimai" >&2
  round=$((round + 1))
done
hyperfine -N --style basic --runs "$peer_runs" --export-json "$work/flufl.json" -n flufl.bounce "$flufl" >&2

# the median of all runs' wall times, and the mean CPU time (user + sys) of a run, over the rounds
median() { jq -s '[.[].results[0].times[]] | sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end' "$@"; }
cpu() { jq -s '[.[].results[0] | .user + .system] | add / length' "$@"; }
bl=$(median "$work"/bouncelens-*.json); bl_cpu=$(cpu "$work"/bouncelens-*.json)
si=$(median "$work"/sisimai-*.json); si_cpu=$(cpu "$work"/sisimai-*.json)
fl=$(median "$work/flufl.json"); fl_cpu=$(cpu "$work/flufl.json")
per_round=""
round=1
while [ "$round" -le "$peer_runs" ]; do
  r=$(jq -n --slurpfile b "$work/bouncelens-$round.json" --slurpfile s "$work/sisimai-$round.json" \
      '$s[0].results[0].median / $b[0].results[0].median * 10 | round / 10')
  per_round="$per_round${per_round:+, }${r}x"
  round=$((round + 1))
done
echo
printf '| tool | median wall | mean CPU (user+sys) | runs | records |\n|---|---:|---:|---:|---:|\n'
printf '| bouncelens diagnose --format jsonl | %.2f s | %.2f s | %d | %d (%d with a known reason) |\n' "$bl" "$bl_cpu" "$((runs * peer_runs))" "$bl_count" "$bl_known"
printf '| Sisimai 4.25 dump | %.2f s | %.2f s | %d | %d (%d with a known reason) |\n' "$si" "$si_cpu" "$peer_runs" "$si_count" "$si_known"
printf '| flufl.bounce scan_message | %.2f s | %.2f s | %d | %s addresses |\n' "$fl" "$fl_cpu" "$peer_runs" "$fl_count"
echo
awk -v bl="$bl" -v si="$si" -v fl="$fl" -v blc="$bl_cpu" -v sic="$si_cpu" -v flc="$fl_cpu" 'BEGIN {
  printf "Sisimai / bouncelens: %.1fx in wall time, %.1fx in CPU time\n", si / bl, sic / blc
  printf "flufl.bounce / bouncelens: %.1fx in wall time, %.1fx in CPU time\n", fl / bl, flc / blc }'
echo "Sisimai / bouncelens in each round (bouncelens's median, then Sisimai's run): $per_round"
if [ "$bl_count" -ge "$si_count" ]; then
  echo "bouncelens reports at least as many records as Sisimai ($bl_count >= $si_count)"
else
  echo "bouncelens reports FEWER records than Sisimai ($bl_count < $si_count)"
fi
