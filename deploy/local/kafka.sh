#!/usr/bin/env bash
# Starts or stops a standalone single-node KRaft Kafka broker on 127.0.0.1:9092 from Maven-resolved jars.
#   deploy/local/kafka.sh start|stop|status
# State lives under ${AUTOIF_DATA:-./data}/kafka and survives restarts. AUTOIF_KAFKA_PORT (9092) and
# AUTOIF_KAFKA_CONTROLLER_PORT (9093) move the listeners, e.g. for the whole-pipeline test next to a local run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${AUTOIF_DATA:-$root/data}
logs="$data/kafka/logs"
libs="$here/kafka/target/libs"
pidfile="$data/kafka/kafka.pid"
props="$data/kafka/server.properties"
port=${AUTOIF_KAFKA_PORT:-9092}
controller_port=${AUTOIF_KAFKA_CONTROLLER_PORT:-9093}

java_bin() {
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME/bin/java"; else echo java; fi
}

resolve() {
  if [ ! -d "$libs" ] || [ -z "$(ls -A "$libs" 2>/dev/null)" ]; then
    echo "resolving Kafka broker jars with Maven..."
    "$root/mvnw" -q -B -f "$here/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$libs" >/dev/null
  fi
}

running() {
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

start() {
  if running; then echo "kafka already running (pid $(cat "$pidfile"))"; return 0; fi
  resolve
  mkdir -p "$logs"
  sed -e "s|^log.dirs=.*||" -e "s|127.0.0.1:9092|127.0.0.1:$port|g" -e "s|127.0.0.1:9093|127.0.0.1:$controller_port|g" \
    "$here/kafka/server.properties" > "$props"
  echo "log.dirs=$logs" >> "$props"
  local cp="$libs/*"
  if [ ! -f "$logs/meta.properties" ]; then
    local id
    id=$("$(java_bin)" -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    "$(java_bin)" -cp "$cp" kafka.tools.StorageTool format --standalone -t "$id" -c "$props" >/dev/null
  fi
  nohup "$(java_bin)" -Xmx512m -Dlog4j2.configurationFile="$here/kafka/log4j2.yaml" -cp "$cp" kafka.Kafka "$props" \
    > "$data/kafka/kafka.out" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 60); do
    if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "kafka up on 127.0.0.1:$port (pid $(cat "$pidfile"))"; return 0; fi
    running || { echo "kafka failed to start, see $data/kafka/kafka.out" >&2; tail -n 20 "$data/kafka/kafka.out" >&2; return 1; }
    sleep 1
  done
  echo "kafka did not open 127.0.0.1:$port within 60 s, see $data/kafka/kafka.out" >&2
  return 1
}

stop() {
  if running; then
    kill "$(cat "$pidfile")"
    for _ in $(seq 1 30); do running || break; sleep 1; done
    running && kill -9 "$(cat "$pidfile")"
    echo "kafka stopped"
  else
    echo "kafka not running"
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running (pid $(cat "$pidfile"))"; else echo "stopped"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
