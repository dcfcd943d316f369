#!/usr/bin/env bash
# A paper-size run on this machine against the LLM simulator (0 ms latency, diversity mode), measured: wall time,
# peak RSS and CPU seconds per service, items/s per stage, and the funnel. The paper's real run: 16,928
# instructions -> 14,579 after cross-validation -> 13,077 after NLI -> 122,932 verified pairs -> 61,492 judged.
#
#   deploy/local/paper-run.sh [--scale F] [--queries Q] [--responses R] [--no-build]
#     --scale F       a fraction of the paper's size: self-instruct rounds = 400 x F (default 1: K=400 x 50 lines)
#     --queries Q     queries per instruction (default 16, the original code's)
#     --responses R   responses per query (default 8). The paper's funnel (~13k instructions after NLI -> ~123k
#                     verified pairs) is about 9 responses an instruction: --scale 1 --queries 3 --responses 3
#
# It uses its own data directory (data/paper, wiped first) and the usual ports 8081-8086 and 8090, so stop any
# other local run first (deploy/local/stop.sh). The report goes to data/paper/out/paper-run.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
scale=1 queries=16 responses=8 build_flag=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --responses) responses=$2; shift 2 ;;
    --no-build) build_flag="--no-build"; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
rounds=$(awk -v s="$scale" 'BEGIN { r = int(400 * s + 0.5); print (r < 1 ? 1 : r) }')

export AUTOIF_DATA=$root/data/paper
AUTOIF_DATA=$AUTOIF_DATA "$here/stop.sh" >/dev/null 2>&1 || true
rm -rf "$AUTOIF_DATA"
mkdir -p "$AUTOIF_DATA/out"
# the simulator's wide catalogue, 50 instructions per self-instruct request (the original code's K x 50)
export AUTOIF_SIM_ARGS="--diverse" AUTOIF_INSTRUCTION_SELF_INSTRUCT_COUNT=50
# the simulator enforces no provider limit here: lift the clients' static ceilings (500 RPM, 200k TPM per service by
# default, sized for a small real key), or the run measures those ceilings instead of the machine
export AUTOIF_LLM_REQUESTS_PER_MINUTE=${AUTOIF_LLM_REQUESTS_PER_MINUTE:-100000}
export AUTOIF_LLM_TOKENS_PER_MINUTE=${AUTOIF_LLM_TOKENS_PER_MINUTE:-1000000000}
unset OPENAI_BASE_URL OPENAI_API_KEY

report=$AUTOIF_DATA/out/paper-run.txt
samples=$AUTOIF_DATA/out/rss.tsv
start=$(date +%s)
"$here/run.sh" --rounds "$rounds" --functions 5 --queries "$queries" --responses "$responses" \
  --name "paper-x$scale-q$queries-r$responses" $build_flag \
  > "$AUTOIF_DATA/out/run.log" 2>&1 &
runner=$!

# Every 5 s: RSS and CPU seconds of each service process (the pid files run.sh writes).
: > "$samples"
while kill -0 "$runner" 2>/dev/null; do
  now=$(( $(date +%s) - start ))
  for f in "$AUTOIF_DATA"/pids/*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f"); svc=$(basename "$f" .pid)
    line=$(ps -o rss=,cputimes= -p "$pid" 2>/dev/null || ps -o rss=,time= -p "$pid" 2>/dev/null || true)
    [ -n "$line" ] && printf '%s\t%s\t%s\n' "$now" "$svc" "$line" >> "$samples"
  done
  sleep 5
done
wait "$runner" || { echo "run.sh failed; see $AUTOIF_DATA/out/run.log" >&2; tail -n 30 "$AUTOIF_DATA/out/run.log" >&2; exit 1; }
wall=$(( $(date +%s) - start ))
run_id=$(cat "$AUTOIF_DATA/last-run")

{
  echo "paper-size run x$scale (self-instruct rounds $rounds x 50 lines, 5 functions, $queries queries, $responses responses)"
  echo "run $run_id, wall time ${wall} s (build and start-up included; see run.log for the run's own timing)"
  echo
  echo "per service: peak RSS (MiB), CPU seconds at the end"
  awk -F'\t' '{ split($3, a, " "); rss = a[1] / 1024; if (rss > peak[$2]) peak[$2] = rss; cpu[$2] = a[2] }
    END { for (s in peak) printf "  %-20s %8.0f MiB %10s s\n", s, peak[s], cpu[s] }' "$samples" | sort
  echo
  echo "funnel (items in/out per stage, and items/s over the run's wall time):"
  curl -sf "http://127.0.0.1:8081/runs/$run_id" | python3 -c '
import json, sys
run = json.load(sys.stdin)
wall = float(sys.argv[1])
for s in run["funnel"]:
    print("  %-22s in %9d  out %9d  llm %8d  %8.1f in/s" % (s["stage"], s["itemsIn"], s["itemsOut"],
          s["llmCalls"], s["itemsIn"] / wall))
' "$wall"
  echo
  curl -sf "http://127.0.0.1:8086/runs/$run_id/funnel?format=text" || true
} | tee "$report"
echo "report: $report (services keep running; deploy/local/stop.sh stops them)"
