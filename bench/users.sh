#!/usr/bin/env bash
# The virtual-user benchmark (issue #20 item 3, docs/adr/0036-virtual-user-benchmark.md):
#   bash bench/users.sh
# Builds Release, generates 10,000 contracts with enough pending reviews for every signature of the run,
# starts the app on 127.0.0.1 pinned to core 0 (as bench/run.sh does), and runs the driver
# (bench/CustomerProcess.Bench.Users) on core 1: steps of concurrent signed-in users, each thinking 5 s on
# average (exponential) between actions from the mix (ledger and queue 60 %, review form 20 %, signature
# 10 %, complaint or delivery 10 %), until a step has p99 > 200 ms or an error. Writes bench/results/users.md
# and bench/.work-users/result.env (LARGEST, CPU) for bench/run.sh. Bounded in time; stops the app on exit.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/bench
WORK=$BENCH/.work-users
RESULTS=$BENCH/results/users.md
PORT=${BENCH_PORT:-5400}
BASE="http://127.0.0.1:$PORT"
CONTRACTS=${USERS_CONTRACTS:-10000}
STEPS=${USERS_STEPS:-250,500,750,1000,1250,1500,2000}
RAMP=${USERS_RAMP:-10}   # seconds over which a step's new users sign in
SETTLE=${USERS_SETTLE:-20}   # seconds between the last sign-in of a step and its window (the sign-ins' queue drains)
HOLD=${USERS_HOLD:-60}   # seconds measured per step, once every user has signed in and the settle has passed
THINK=5                  # mean think time (s), exponential
P99_LIMIT=200            # ms
SEED=20261123
SERVER_CPU=0
LOAD_CPU=1

log() { printf '[users %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

[ "$(nproc)" -ge 2 ] || die "needs at least 2 cores (server on core $SERVER_CPU, users on core $LOAD_CPU)"
command -v taskset >/dev/null || die "taskset (util-linux) is needed"
command -v curl >/dev/null || die "curl is needed"
# Each user holds one connection; the driver and the app each need a descriptor per user.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
# Data, logs and results of an earlier run go; the build outputs stay (the next build only updates them).
mkdir -p "$WORK" "$BENCH/results"
rm -rf "$WORK"/c*.db* "$WORK"/*.tsv "$WORK"/*.md "$WORK"/*.out "$WORK"/*.log "$WORK/logs" "$WORK/result.env"

# Every signature signs a fresh section: one pending review per possible signature of the whole run (10 % of
# at most users/think actions a second over ramp + hold of each step), with a fifth more for chance.
PENDING=$(awk -v steps="$STEPS" -v t=$((RAMP + SETTLE + HOLD)) -v think=$THINK 'BEGIN { n = split(steps, s, ","); for (i = 1; i <= n; i++) sum += s[i]; printf "%d", sum * t / think * 0.10 * 1.2 + 100 }')
PENDING=$((PENDING + 600))   # the first 600 for the warm-up
[ "$PENDING" -le 100000 ] || PENDING=100000

log "building Release"
dotnet publish src/CustomerProcess.Web -c Release -o "$WORK/app" --nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "publish"; }
dotnet build bench/CustomerProcess.Bench.DataGen -c Release -o "$WORK/datagen" --nologo -v quiet >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "data generator build"; }
dotnet build bench/CustomerProcess.Bench.Users -c Release -o "$WORK/users" --nologo -v quiet >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "driver build"; }

DB=$WORK/c$CONTRACTS.db
log "generating $CONTRACTS contracts and $PENDING pending reviews (seed $SEED)"
timeout 900 dotnet "$WORK/datagen/CustomerProcess.Bench.DataGen.dll" --out "$DB" --contracts "$CONTRACTS" --pending "$PENDING" --seed "$SEED" >&2
# shellcheck disable=SC1090
source "$DB.env"

APP_PID=""
DRIVER_PID=""
stop_all() {
  local pid
  for pid in $DRIVER_PID $APP_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
}
trap stop_all EXIT

if curl -s -o /dev/null "$BASE/" 2>/dev/null; then die "port $PORT is in use"; fi
(
  cd "$WORK/app"
  export ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS="$BASE" DOTNET_NOLOGO=1
  export ConnectionStrings__Default="Data Source=$DB" Serilog__WriteTo__1__Args__path="$WORK/logs/users-.log"
  # Every virtual user signs in from 127.0.0.1 with the same account name; the per-address and per-name
  # sign-in limits (30 and 10 a minute, for people) would refuse them, so they are raised for this run only.
  export Security__LoginLimits__PerAddressPerMinute=1000000 Security__LoginLimits__PerUserNamePerMinute=1000000
  # The runtime settings of the container image (ENV lines of the Dockerfile), as bench/run.sh does.
  while read -r setting; do export "${setting?}"; done < <(sed -n 's/^ENV \(DOTNET_[A-Za-z0-9_]*=[^ ]*\).*/\1/p' "$ROOT/src/CustomerProcess.Web/Dockerfile")
  exec taskset -c $SERVER_CPU dotnet CustomerProcess.Web.dll >"$WORK/app.out" 2>&1
) &
APP_PID=$!
code=000
for _ in $(seq 1 600); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/Account/Login" 2>/dev/null || true)
  [ "$code" = "200" ] && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.out"; die "the app stopped"; }
  sleep 0.1
done
[ "$code" = "200" ] || die "the app did not serve /Account/Login within 60 s"
log "app up (pid $APP_PID, core $SERVER_CPU)"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
nsteps=$(awk -F, '{ print NF }' <<<"$STEPS")
head -600 "$DB.pending.tsv" >"$WORK/pending-warm.tsv"
tail -n +601 "$DB.pending.tsv" >"$WORK/pending-run.tsv"
# Warm-up (tiered JIT), not reported: 50 users acting every second for 90 s. The runtime recompiles hot methods
# (tier 1) in the background for about a minute after the first requests; after a 30 s warm-up it was still
# compiling 8,300 methods during the first measured step (dotnet-counters), stalling the only core for up to 0.7 s
# at a time, after 90 s about 1,700 (bench/results/notes.md).
log "warm-up: 50 users for 90 s"
timeout 300 taskset -c $LOAD_CPU dotnet "$WORK/users/CustomerProcess.Bench.Users.dll" --base "$BASE" --pending "$WORK/pending-warm.tsv" \
  --customer "$CUSTOMER_CODE" --server-pid "$APP_PID" --clock-ticks "$(getconf CLK_TCK)" --steps 50 --ramp 5 --hold 85 --think 1 \
  --p99 100000 --out "$WORK/warm.md" >"$WORK/warm.out" 2>"$WORK/warm.log" || { cat "$WORK/warm.log"; die "warm-up"; }

log "steps $STEPS: ramp $RAMP s, settle $SETTLE s, hold $HOLD s, think $THINK s"
timeout $((nsteps * (RAMP + SETTLE + HOLD + 180) + 120)) taskset -c $LOAD_CPU dotnet "$WORK/users/CustomerProcess.Bench.Users.dll" --base "$BASE" \
  --pending "$WORK/pending-run.tsv" --customer "$CUSTOMER_CODE" --server-pid "$APP_PID" --clock-ticks "$(getconf CLK_TCK)" \
  --steps "$STEPS" --ramp "$RAMP" --settle "$SETTLE" --hold "$HOLD" --think "$THINK" --p99 "$P99_LIMIT" --out "$WORK/steps.md" \
  >"$WORK/steps.out" 2> >(tee "$WORK/steps.log" >&2) &
DRIVER_PID=$!
wait "$DRIVER_PID" || die "the driver failed"
DRIVER_PID=""
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
PEAK_RSS=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$APP_PID/status")
stop_all
APP_PID=""

LARGEST=$(sed -n 's/^LARGEST=//p' "$WORK/steps.md")
# Server CPU per action at the largest passing step.
CPU=$(awk -F'|' -v n="$LARGEST" '$2 + 0 == n && n > 0 { gsub(/ /, "", $8); print $8 }' "$WORK/steps.md")
COMMIT=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- src bench 2>/dev/null || COMMIT="$COMMIT (with uncommitted changes)"
{
  echo "# Virtual users"
  echo
  echo "Produced by \`bash bench/users.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT (docs/adr/0036-virtual-user-benchmark.md)."
  echo
  echo "Machine: $(nproc) cores, $(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }'), $(uname -sr), .NET SDK $(dotnet --version). Server pinned to core $SERVER_CPU, the driver to core $LOAD_CPU. Load average before / after: $LOAD_BEFORE / $LOAD_AFTER (the machine is shared; each step gives its own)."
  echo "Data: $CONTRACTS contracts (seed $SEED) and $PENDING reviews waiting for signatures. Every user signs in with a real form post as the sales manager (one account, a session each) and then, after an exponential think time of mean $THINK s, acts: ledger page 1, another page, a customer filter sorted by amount, or the queue (60 %); a review form (20 %); the Sales section of a pending review signed with the password re-entered, form read first (10 %); a complaint logged or a delivery recorded, form read first (10 %). An action's time is the time of its requests; a non-2xx answer, a POST not answered by its redirect, or a request over 10 s is an error. The app is warmed up first by 50 users acting every second for 90 s (not reported). Each step adds users over $RAMP s, waits until all have signed in and then $SETTLE s more (each sign-in hashes the password, about 100 ms of the core), then measures $HOLD s; the run stops after the first step with p99 > $P99_LIMIT ms or an error. Server CPU: the app's user + system time (/proc) over the step divided by the actions. Peak RSS of the app: $PEAK_RSS MB."
  echo
  cat "$WORK/steps.md" | grep -v '^LARGEST='
  echo "**Largest number of concurrent users with p99 <= $P99_LIMIT ms and 0 errors: $LARGEST** (target >= 1000); server CPU per action there: ${CPU:-n/a} ms."
} >"$RESULTS"
printf 'LARGEST=%s\nCPU=%s\n' "$LARGEST" "${CPU:-n/a}" >"$WORK/result.env"
cat "$RESULTS"
log "written to ${RESULTS#"$ROOT"/}"
