#!/bin/sh
# Runs the JMH benchmarks of the bench module on one thread; extra arguments go to JMH.
#   scripts/bench-jmh.sh                          all benchmarks
#   scripts/bench-jmh.sh ReplyClassifier          those whose name matches
#   scripts/bench-jmh.sh -f 3 -wi 5 -i 10 Pipeline   more forks / iterations
# Reads the corpus from ../shared (or $BOUNCELENS_SHARED) at set-up time.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${BOUNCELENS_SHARED:-$here/../shared}
cd "$here"
./mvnw -q -B -DskipTests package -pl bench -am >&2
exec java -Dbouncelens.shared="$shared" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.openjdk.jmh.Main -t 1 "$@"
