#!/usr/bin/env bash
# One command from a fresh clone: build, start the Kafka broker, the LLM simulator (when OPENAI_BASE_URL or
# OPENAI_API_KEY is not set), the six services, submit a small run with the default seeds and the sample corpus,
# show the live funnel, and write the SFT and DPO files. deploy/local/stop.sh stops everything; the broker's log,
# the H2 files and the exports under ./data (AUTOIF_DATA) survive a restart.
#
#   deploy/local/run.sh [--rounds K] [--functions N] [--queries N] [--responses K] [--name NAME] [--no-build]
#                       [--resume]      # follow the last submitted run again instead of submitting a new one
#   OPENAI_BASE_URL=https://api.openai.com/v1 OPENAI_API_KEY=sk-... deploy/local/run.sh   # a real model
#   JDBC_URL=jdbc:postgresql://127.0.0.1:5432/autoif deploy/local/run.sh
#       PostgreSQL instead of H2 files: each service gets its own database, <name>_<service> (autoif_instruction,
#       autoif_verifier, ...), created with psql when missing; JDBC_USER / JDBC_PASSWORD (default postgres / none).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
data=${AUTOIF_DATA:-$root/data}
export AUTOIF_DATA=$data
mkdir -p "$data/logs" "$data/pids" "$data/out"

rounds=1 functions=3 queries=2 responses=4 name="local-demo" build=1 resume=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --functions) functions=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --responses) responses=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --resume) resume=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

services=(instruction-service:8081 verifier-service:8082 nli-service:8083 query-service:8084 judge-service:8085 export-service:8086)
modules=llm-simulator$(printf ',%s' "${services[@]%%:*}"),dashboard
dashboard_port=${AUTOIF_DASHBOARD_PORT:-8080}
sim_port=${AUTOIF_SIMULATOR_PORT:-8090}

# The database kind is fixed when a service is packaged (quarkus.datasource.db-kind is a build-time property).
db_kind=h2
[ -n "${JDBC_URL:-}" ] && db_kind=postgresql
built_kind=$(cat "$data/built-db-kind" 2>/dev/null || true)
if [ "$build" = 1 ] || [ "$built_kind" != "$db_kind" ] || [ ! -f export-service/target/quarkus-app/quarkus-run.jar ]; then
  echo "building $modules for $db_kind (./mvnw -B -q package -DskipTests, a few minutes the first time)..."
  ./mvnw -B -q package -DskipTests -pl "$modules" -am "-Dquarkus.datasource.db-kind=$db_kind"
  echo "$db_kind" > "$data/built-db-kind"
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

"$here/kafka.sh" start

if [ -z "${OPENAI_BASE_URL:-}" ] || [ -z "${OPENAI_API_KEY:-}" ]; then
  cat <<'BANNER'

################################################################################
#  OPENAI_BASE_URL / OPENAI_API_KEY are not set: this run uses the LOCAL LLM   #
#  SIMULATOR (llm-simulator). Everything it produces is SIMULATED, not written #
#  by a real model. Set both variables to run against a real endpoint.        #
################################################################################

BANNER
  if ! port_open "$sim_port"; then
    sim_jar=$(ls llm-simulator/target/llm-simulator-*.jar | grep -v -E 'sources|javadoc|tests' | head -n 1)
    # AUTOIF_SIM_ARGS: extra simulator options, e.g. --diverse (paper-run.sh) or --latency fixed:500
    # shellcheck disable=SC2086
    nohup "$java" -Xmx256m -jar "$sim_jar" --port "$sim_port" --seed 7 --api-key simulated ${AUTOIF_SIM_ARGS:-} \
      > "$data/logs/llm-simulator.log" 2>&1 &
    echo $! > "$data/pids/llm-simulator.pid"
    for _ in $(seq 1 30); do port_open "$sim_port" && break; sleep 1; done
    port_open "$sim_port" || { echo "the LLM simulator did not start, see $data/logs/llm-simulator.log" >&2; exit 1; }
  fi
  export OPENAI_BASE_URL="http://127.0.0.1:$sim_port/v1" OPENAI_API_KEY="simulated"
else
  echo "LLM endpoint: $OPENAI_BASE_URL (real model; tokens are billed)"
fi
export AUTOIF_LLM_BASE_URL=$OPENAI_BASE_URL

for s in "${services[@]}"; do
  svc=${s%%:*} port=${s##*:}
  if port_open "$port"; then echo "$svc already listening on $port"; continue; fi
  if [ -n "${JDBC_URL:-}" ]; then
    db="${JDBC_URL##*/}_${svc%-service}"
    if command -v psql >/dev/null; then
      host_port=${JDBC_URL#jdbc:postgresql://}; host_port=${host_port%%/*}
      if ! psql -h "${host_port%%:*}" -p "${host_port##*:}" -U "${JDBC_USER:-postgres}" -d postgres -Atc \
          "select 1 from pg_database where datname='$db'" | grep -q 1; then
        psql -h "${host_port%%:*}" -p "${host_port##*:}" -U "${JDBC_USER:-postgres}" -d postgres -qc "create database $db"
      fi
    fi
    url="${JDBC_URL%/*}/$db"
    user=${JDBC_USER:-postgres} password=${JDBC_PASSWORD:-}
  else
    # DB_CLOSE_DELAY=-1: open while the service runs (see the platform's default URL)
    url="jdbc:h2:retry:$data/$svc/db;DB_CLOSE_DELAY=-1" user="" password=""
  fi
  # six JVMs starting at once on a small machine: opening a new H2 file can take longer than the pool's 5 s default
  env_vars=(QUARKUS_HTTP_PORT="$port" QUARKUS_DATASOURCE_JDBC_URL="$url"
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT="${QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT:-30S}"
    KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}")
  [ -n "$user" ] && env_vars+=(QUARKUS_DATASOURCE_USERNAME="$user")
  [ -n "$password" ] && env_vars+=(QUARKUS_DATASOURCE_PASSWORD="$password")
  # The verifier's heap follows its README's rule, workers (one per core) x 2 x the 256 MiB a sandbox call may
  # allocate + 512 MiB: at 512 MiB a paper-size run ran it out of memory inside H2, which then hung instead of failing.
  # A JVM out of memory exits (a dead service is visible, and a restart resumes the run); it does not limp on.
  heap=512
  [ "$svc" = verifier-service ] && heap=$(( $(nproc) * 512 + 512 ))
  nohup env "${env_vars[@]}" "$java" -Xmx${heap}m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
    --enable-native-access=ALL-UNNAMED \
    -jar "$svc/target/quarkus-app/quarkus-run.jar" > "$data/logs/$svc.log" 2>&1 &
  echo $! > "$data/pids/$svc.pid"
done

# The web dashboard (no database): it reaches the services on their local ports (its defaults).
if port_open "$dashboard_port"; then
  echo "dashboard already listening on $dashboard_port"
else
  nohup env QUARKUS_HTTP_PORT="$dashboard_port" "$java" -Xmx128m -XX:+UseSerialGC \
    -jar dashboard/target/quarkus-app/quarkus-run.jar > "$data/logs/dashboard.log" 2>&1 &
  echo $! > "$data/pids/dashboard.pid"
fi

auth=()
[ -n "${AUTOIF_API_KEY:-}" ] && auth=(-H "Authorization: Bearer $AUTOIF_API_KEY")
for s in "${services[@]}"; do
  svc=${s%%:*} port=${s##*:}
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    if [ -f "$data/pids/$svc.pid" ] && ! kill -0 "$(cat "$data/pids/$svc.pid")" 2>/dev/null; then
      echo "$svc exited; last lines of $data/logs/$svc.log:" >&2; tail -n 30 "$data/logs/$svc.log" >&2; exit 1
    fi
    sleep 1
  done
  curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null || { echo "$svc is not ready, see $data/logs/$svc.log" >&2; exit 1; }
  echo "$svc ready on :$port"
done
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$dashboard_port/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
if curl -sf "http://127.0.0.1:$dashboard_port/q/health/ready" >/dev/null 2>&1; then
  echo "dashboard: http://127.0.0.1:$dashboard_port/ (watch the run there)"
else
  echo "the dashboard did not start, see $data/logs/dashboard.log (the run goes on without it)" >&2
fi

if [ "$resume" = 1 ] && [ -f "$data/last-run" ]; then
  run_id=$(cat "$data/last-run")
  echo "following run $run_id again"
else
  body=$(printf '{"name":"%s","corpusId":"sample","parameters":{"selfInstructRounds":%d,"functionsPerInstruction":%d,"queriesPerInstruction":%d,"responsesPerQuery":%d}}' \
    "$name" "$rounds" "$functions" "$queries" "$responses")
  # POST /runs with a body; sets reply (the body) and code. Right after start-up instruction-service may not know the
  # sample corpus yet (query-service announces its corpora on a topic): a 422 naming the corpus is retried for a minute
  post_run() {
    local answer
    for _ in $(seq 1 120); do
      answer=$(curl -sS "${auth[@]}" -H 'Content-Type: application/json' -d "$1" -w '\n%{http_code}' http://127.0.0.1:8081/runs)
      code=${answer##*$'\n'} reply=${answer%$'\n'*}
      [ "$code" = 422 ] && printf '%s' "$reply" | grep -q corpus || break
      sleep 0.5
    done
  }
  # the dry run first: what the run is expected to cost, kept next to what it then costs (run.json)
  post_run "$(printf '%s' "$body" | sed 's/}}$/},"dryRun":true}/')"
  if [ "$code" = 200 ]; then
    printf '%s\n' "$reply" > "$data/out/estimate-$name.json"
    echo "estimate: $(printf '%s' "$reply" | sed -E 's/^[^[]*"llmCalls":([0-9]+),[^[]*"usd":([0-9.eE-]+|null).*/\1 LLM calls, \2 USD/') (dry run, $data/out/estimate-$name.json)"
  fi
  post_run "$body"
  created=$reply
  [ "$code" = 201 ] || { echo "POST /runs answered $code: $created" >&2; exit 1; }
  run_id=$(printf '%s' "$created" | sed -E 's/.*"runId":"([^"]+)".*/\1/')
  echo "$run_id" > "$data/last-run"
  echo "submitted run $run_id (default seeds, sample corpus)"
fi

interactive=0
[ -t 1 ] && interactive=1
declare -A reported_dead=()
state=""
while true; do
  state=$(curl -sf "${auth[@]}" "http://127.0.0.1:8081/runs/$run_id" | sed -E 's/.*"status":"([a-z]+)".*/\1/' || echo "?")
  funnel=$(curl -sf "${auth[@]}" "http://127.0.0.1:8086/runs/$run_id/funnel?format=text" || echo "(funnel not available yet)")
  if [ "$interactive" = 1 ]; then
    printf '\033[2J\033[H== run %s: %s   (Ctrl-C leaves it running; deploy/local/run.sh --no-build --resume follows it again)\n\n%s\n' \
      "$run_id" "$state" "$funnel"
  elif [ "$funnel" != "${last_funnel:-}" ]; then
    # not a terminal (CI, a log file): print the funnel when it changed
    printf '== %s run %s: %s\n%s\n' "$(date +%T)" "$run_id" "$state" "$funnel"
    last_funnel=$funnel
  fi
  case "$state" in done|failed|cancelled) break ;; esac
  # a service that exited (out of memory, killed) stalls its stage: say so once; the run waits for it
  for s in "${services[@]}"; do
    svc=${s%%:*}
    pid=$(cat "$data/pids/$svc.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null && [ -z "${reported_dead[$svc]:-}" ]; then
      echo "!! $svc exited (log: $data/logs/$svc.log); the run waits for it: deploy/local/run.sh --no-build --resume starts it again and follows the run" >&2
      reported_dead[$svc]=1
    fi
  done
  sleep 3
done

[ "$interactive" = 1 ] || printf '%s\n' "$funnel"
if [ "$state" != done ]; then
  echo "run $run_id ended $state:" >&2
  curl -sf "${auth[@]}" "http://127.0.0.1:8081/runs/$run_id" >&2 || true
  echo >&2
  exit 1
fi
# One folder per run, with the file names dataset_info.json (LLaMA-Factory) and the card's configs
# (datasets.load_dataset) declare; prompts in the paper's natural form (export-service's default).
out="$data/out/$run_id"
mkdir -p "$out"
export_url="http://127.0.0.1:8086/runs/$run_id/export"
while read -r file request; do
  curl -sf "${auth[@]}" "$export_url/$request" -o "$out/$file"
done <<'FILES'
sft_messages.jsonl sft?format=messages
sft_alpaca.jsonl sft?format=alpaca
sft_sharegpt.jsonl sft?format=sharegpt
dpo_trl.jsonl dpo?format=trl
dpo_trl_conversational.jsonl dpo?format=trl-conversational
dpo_pairwise.jsonl dpo?format=llama-factory
rlvr.jsonl rlvr
FILES
curl -sf "${auth[@]}" "$export_url/dataset_info.json" -o "$out/dataset_info.json"
curl -sf "${auth[@]}" "http://127.0.0.1:8086/runs/$run_id/card" -o "$out/README.md"
curl -sf "${auth[@]}" "http://127.0.0.1:8081/runs/$run_id" -o "$out/run.json"
echo
echo "exported to $out:"
for f in "$out"/*.jsonl; do echo "  $(basename "$f"): $(wc -l < "$f") lines"; done
echo "  dataset_info.json (LLaMA-Factory: dataset_dir=$out, dataset autoif_sft / autoif_dpo)"
echo "  README.md (card; datasets.load_dataset(\"$out\", \"sft\") or \"dpo\", \"rlvr\", ...)"
echo "  run.json (GET /runs/{id}: calls, tokens and dollars per stage$([ -f "$data/out/estimate-$name.json" ] && echo "; the dry run's estimate is $data/out/estimate-$name.json"))"
echo "cost: $(sed -E 's/.*"llmCalls":([0-9]+),"tokens":[0-9]+,"cost":\{"usd":([0-9.eE-]+|null),.*/\1 LLM calls, \2 USD/' "$out/run.json")"
echo "dashboard: http://127.0.0.1:$dashboard_port/"
echo "services keep running; deploy/local/stop.sh stops everything (data stays in $data)"
