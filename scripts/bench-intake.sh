#!/bin/sh
# The server's SMTP intake under load, whole process: `bouncelens serve` on a fresh store takes
# TOTAL bounces (the corpus's maildir/bsd messages in turn) over CONNECTIONS SMTP sessions at once;
# each is diagnosed in three languages and stored with its records and suppressions before the
# 250. Prints messages per second, and checks the store holds every message acknowledged.
#   scripts/bench-intake.sh                  SQLite in a temporary directory
#   BOUNCELENS_DB=jdbc:postgresql://... scripts/bench-intake.sh    PostgreSQL (an empty database)
#   TOTAL=5000 CONNECTIONS=8
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
total=${TOTAL:-5000}
connections=${CONNECTIONS:-8}
http=${HTTP_PORT:-18181}
smtp=${SMTP_PORT:-12626}
"$here/bouncelens" --version >/dev/null # builds the jar
work=$(mktemp -d)
"$here/bouncelens" serve --data "$work/data" --http-port "$http" --smtp-port "$smtp" 2>"$work/serve.err" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$http/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
store=$(grep -o 'store .*' "$work/serve.err" | cut -c7- | sed 's/?.*//')
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), store $store, $connections connections, $total messages"
result=$(/usr/bin/python3 "$here/scripts/smtp-load.py" 127.0.0.1 "$smtp" "$connections" "$total" \
  "$here"/../shared/corpus/emails/maildir/bsd/*.eml)
stored=$(curl -sf "http://127.0.0.1:$http/metrics" | awk '$1 == "bouncelens_stored_messages" {print $2}')
records=$(curl -sf "http://127.0.0.1:$http/metrics" | awk '$1 == "bouncelens_records_stored_total" {print $2}')
rss=$(awk '/VmHWM/ {print int($2 / 1024) " MB"}' /proc/$(pgrep -P $server java 2>/dev/null || echo $server)/status 2>/dev/null || echo "?")
echo "| store | connections | accepted (250) | refused | wall | messages/s | stored messages | records | peak RSS |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "$result" | jq -r --arg store "$store" --arg c "$connections" --arg stored "$stored" --arg records "$records" --arg rss "$rss" \
  '"| \($store | split("/") | last) | \($c) | \(.accepted) | \(.refused) | \(.seconds) s | \(.per_second) | \($stored) | \($records) | \($rss) |"'
echo "$result" | jq -r '.errors[]' | sed 's/^/refused: /'
