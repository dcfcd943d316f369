#!/usr/bin/env bash
# Shared-key benchmark: four LlmClients (max-concurrency 8, no static RPM) share one API key against the simulator
# at 600 RPM per key, 50 ms a request, with the adaptive rate limiter and without it (the baseline), ~90 s each.
# Prints requests sent, the share refused with 429 and the achieved rate as a fraction of the limit. Usage (from the
# repository root):
#   llm-client/bench/run.sh [-Dbench.clients=4 -Dbench.rpm=600 -Dbench.seconds=60 -Dbench.warmup=30 ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# compile in the reactor (nothing installed): the classpath then points at the siblings' target/classes
./mvnw -B -q -pl llm-client -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cd llm-client
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  "$@" dev.autoif.llm.bench.SharedKeyBenchmark
