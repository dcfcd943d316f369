#!/usr/bin/env bash
# Sandbox benchmark: our GraalPy sandbox vs CPython exec + signal.alarm on the same workload, a full cross-validation
# of 1,000 instructions, and POST /verify's in-process latency. Usage (from the repository root):
#   verifier-service/bench/run.sh [-Dbench.functions=300 -Dbench.inputs=100 -Dbench.instructions=1000 ...]
#   verifier-service/bench/run.sh http [-Dbench.rounds=3 ...]   the reward server over HTTP (HttpBenchmark): packages
#     the service, starts it on 127.0.0.1:18082 (H2 in memory, no broker needed), runs the client, stops it.
# GraalPy compiles Python to machine code only with the Graal JIT; on a stock JDK that means JVMCI plus the Graal
# compiler jar on the upgrade module path (fetched from Maven here). Without it GraalPy runs interpreted, far slower.
# The compiler must match the polyglot version exactly and the mirror has no compiler 25.2.4, so the default run
# (GraalPy 25.2.4, what the service is built with) is interpreted (engine "Interpreted"). GRAALPY_VERSION=25.0.2
# runs the consistent 25.0.2 set with the Graal JIT (engine "GraalVM CE"; no sandbox.MaxCPUTime there, the
# watchdog's CPU limit still applies). The engine in use is printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
GRAALPY_VERSION=${GRAALPY_VERSION:-25.2.4}
COMPILER_VERSION=${COMPILER_VERSION:-25.0.2}
MODE=in-process
if [[ "${1:-}" == http ]]; then
  MODE=http
  shift
fi
# compile in the reactor (nothing installed): each module's classpath then points at its siblings' target/classes
./mvnw -B -q -pl verifier-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dgraalpy.version="$GRAALPY_VERSION" \
  -Dmdep.outputFile=target/bench.classpath
JVMCI="$PWD/verifier-service/target/jvmci"
rm -rf "$JVMCI"
mkdir -p "$JVMCI"
for a in org.graalvm.compiler:compiler org.graalvm.truffle:truffle-compiler org.graalvm.sdk:word \
         org.graalvm.sdk:collections org.graalvm.compiler:options; do
  # (compiler:options is a separate jar from 25.3 on; older versions have none)
  ./mvnw -B -q -N dependency:copy -Dartifact="$a:$COMPILER_VERSION" -DoutputDirectory="$JVMCI" >/dev/null 2>&1 \
    || [[ $a == org.graalvm.compiler:options ]]
done
UPGRADE=$(ls "$JVMCI"/*.jar | tr '\n' ':')
cd verifier-service
if [[ $MODE == http ]]; then
  ../mvnw -B -q -f ../pom.xml -pl verifier-service -am package -DskipTests -Dgraalpy.version="$GRAALPY_VERSION"
  PORT=${BENCH_PORT:-18082}
  "$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-3g} ${SERVICE_JAVA_OPTS:-} -Dquarkus.http.port=$PORT \
    -Dquarkus.datasource.jdbc.url="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" -Dkafka.bootstrap.servers=127.0.0.1:1 \
    -Dquarkus.log.level=WARN -jar target/quarkus-app/quarkus-run.jar >target/bench-service.log 2>&1 &
  SERVICE=$!
  trap 'kill $SERVICE 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$PORT/q/health/live" >/dev/null 2>&1 && break
    sleep 1
  done
  "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    -Dbench.url="http://127.0.0.1:$PORT" "$@" dev.autoif.verifier.bench.HttpBenchmark
  exit
fi
exec "$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-4g} -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI \
  --upgrade-module-path="${UPGRADE%:}" --enable-native-access=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  "$@" dev.autoif.verifier.bench.SandboxBenchmark
