#!/usr/bin/env bash
# Times `check` against plain parsing on synthetic repositories (100, 300, 1000 services x 3 environments).
# Usage: bench/check-benchmark.sh [SERVICES ...]   (BENCH_WARMUP_SECONDS: warm-up per size, default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
exec java -Xms1g -Xmx4g -Dbench.warmupSeconds="${BENCH_WARMUP_SECONDS:-15}" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  com.amply.policysuite.bench.CheckBenchmark "$@"
