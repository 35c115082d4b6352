#!/bin/sh
# Checks that the classifier decides exactly as it did at a git revision (default: main): prints
# every decision of bench/.../ClassifierDecisions.java with this tree's core and with the
# revision's core (built in a temporary directory), and compares them. Exit 0 when identical.
#   scripts/classifier-decisions.sh [REVISION]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${BOUNCELENS_SHARED:-$here/../shared}
rev=${1:-main}
cd "$here"
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

./mvnw -q -B -o -DskipTests package -pl bench -am >&2
java -Dbouncelens.shared="$shared" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  io.bouncelens.bench.ClassifierDecisions > "$work/after.tsv"

git archive "$rev" | tar -x -C "$work" --one-top-level=base
(cd "$work/base" && ./mvnw -q -B -o -DskipTests package -pl core -am >&2)
# The same decision printer, compiled against the revision's core classes.
base_cp="$work/base/core/target/classes:$(cat bench/target/classpath.txt | tr ':' '\n' | grep -v '/core/target/' | paste -sd:)"
mkdir "$work/printer"
javac -d "$work/printer" -cp "$base_cp" bench/src/main/java/io/bouncelens/bench/ClassifierDecisions.java \
  bench/src/main/java/io/bouncelens/bench/SharedCorpus.java
java -Dbouncelens.shared="$shared" -cp "$work/printer:$base_cp" \
  io.bouncelens.bench.ClassifierDecisions > "$work/before.tsv"

if cmp -s "$work/before.tsv" "$work/after.tsv"; then
  echo "identical: $(wc -l < "$work/after.tsv") decisions (this tree vs $rev)"
else
  diff "$work/before.tsv" "$work/after.tsv" | head -40
  echo "DIFFERENT: $(diff "$work/before.tsv" "$work/after.tsv" | grep -c '^>') of $(wc -l < "$work/after.tsv") decisions (this tree vs $rev)" >&2
  exit 1
fi
