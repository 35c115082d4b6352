#!/bin/sh
# The JMH benchmarks' operations scored per second of CPU time of the one thread that runs them
# (bench/.../CpuTimeThroughput.java): on a loaded machine JMH's wall-clock scores fall with the
# load, the CPU-time scores much less. Full JIT, as in JMH.
#   scripts/bench-cpu.sh [SECONDS per round, default 2] [only the benchmarks whose name contains this]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${BOUNCELENS_SHARED:-$here/../shared}
cd "$here"
./mvnw -q -B -DskipTests package -pl bench -am >&2
exec java -XX:+UseSerialGC -Dbouncelens.shared="$shared" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.bouncelens.bench.CpuTimeThroughput "$@"
