#!/usr/bin/env bash
# Where check's time goes: thread CPU time per loading step and per rule on a synthetic repository.
# Usage: bench/check-phases.sh [SERVICES (default 1000)] [RUNS (default 24)]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
exec java -Xms1g -Xmx4g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  com.amply.policysuite.bench.CheckPhases "$@"
