#!/usr/bin/env bash
# Sandbox benchmark: our GraalPy sandbox vs CPython exec + signal.alarm on the same workload, a full cross-validation
# of 1,000 instructions, and POST /verify's in-process latency. Usage (from the repository root):
#   verifier-service/bench/run.sh [-Dbench.functions=300 -Dbench.inputs=100 -Dbench.instructions=1000 ...]
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
# compile in the reactor (nothing installed): each module's classpath then points at its siblings' target/classes
./mvnw -B -q -pl verifier-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dgraalpy.version="$GRAALPY_VERSION" \
  -Dmdep.outputFile=target/bench.classpath
JVMCI="$PWD/verifier-service/target/jvmci"
mkdir -p "$JVMCI"
for a in org.graalvm.compiler:compiler org.graalvm.truffle:truffle-compiler org.graalvm.sdk:word \
         org.graalvm.sdk:collections; do
  ./mvnw -B -q -N dependency:copy -Dartifact="$a:$COMPILER_VERSION" -DoutputDirectory="$JVMCI" >/dev/null
done
UPGRADE=$(ls "$JVMCI"/*.jar | tr '\n' ':')
cd verifier-service
exec "$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-4g} -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI \
  --upgrade-module-path="${UPGRADE%:}" --enable-native-access=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  "$@" dev.autoif.verifier.bench.SandboxBenchmark
