#!/usr/bin/env bash
# Times check-access-not-granted's batch mode on N requests (default 200,000) against a one-request run, so the
# JVM start-up and per-request overhead can be read off. Usage: bench/access-batch-benchmark.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200000}"
mvn -B -q -Dstyle.color=never -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  com.amply.policysuite.bench.AccessBatchRequests "$n" "$dir/requests.jsonl"
head -1 "$dir/requests.jsonl" > "$dir/one.jsonl"
run() { # prints the median wall time in ms of 5 runs
  local file="$1" times=()
  for _ in 1 2 3 4 5; do
    local t0 t1
    t0=$(date +%s%N)
    java -jar target/policy-suite.jar check-access-not-granted --requests-file "$file" > "$dir/out.jsonl" || true
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}
one=$(run "$dir/one.jsonl")
all=$(run "$dir/requests.jsonl")
lines=$(wc -l < "$dir/out.jsonl")
fails=$(grep -c '"FAIL"' "$dir/out.jsonl" || true)
echo "requests=$n answered=$lines fail=$fails one-request-ms=$one batch-ms=$all"
awk -v n="$n" -v one="$one" -v all="$all" 'BEGIN {
  per = (all - one) * 1000 / n;
  printf "per-request=%.1f us (after start-up), start-up share of the batch=%.1f%%\n", per, 100 * one / all }'
