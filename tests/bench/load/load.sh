#!/usr/bin/env bash
# Load benchmark of the HTTP API (not a test): wrk on loopback against
#   nginx serving a static JSON file   (the transport ceiling),
#   a bare Qt HTTP Server route        (tessera-bench-qt-route),
#   tessera-cli serve: lookup-self with a valid token, and durable create-token,
# all in the same run, then a saturation run (lookup-self + create mix) that
# counts responses by status in wrk's response() hook and samples the server's
# VmRSS every 10 s. Prints a Markdown table for BENCHMARKS.md.
#
#   cmake --preset release && cmake --build --preset release \
#       --target tessera-cli tessera-bench-qt-route
#   tests/bench/load/load.sh [--build build/release] [--duration 20] [--saturation 300]
#                            [--connections 64] [--threads 2]
#
# Needs wrk and nginx (Debian packages; installed with apt-get when missing and
# root or sudo is available). nginx runs unprivileged with its own prefix in a
# temporary directory. The store lives on the real disk (not tmpfs), so every
# create is committed with fsync.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=build/release
duration=20
saturation=300
connections=64
threads=2
while [ $# -gt 0 ]; do
    case $1 in
    --build) build=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --saturation) saturation=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 1 ;;
    esac
done

cli=$build/app/cli/tessera-cli
qt_route=$build/tests/bench/load/tessera-bench-qt-route
[ -x "$cli" ] || { echo "no $cli: build tessera-cli first (see --help)" >&2; exit 1; }

bench_packages=(wrk nginx)
missing=()
for tool in wrk nginx curl python3; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    echo "Installing the benchmark's packages: ${bench_packages[*]}" >&2
    $sudo apt-get install -y -qq --no-install-recommends "${bench_packages[@]}" curl python3 >&2
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d "${TMPDIR:-/tmp}/tessera-load.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

log() { echo "load.sh: $*" >&2; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start NAME COMMAND...: runs COMMAND in the background, waits for its
# "listening on URL" line; sets $url and $pid.
start() {
    local name=$1
    shift
    "$@" >"$work/$name.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    for _ in $(seq 600); do
        url=$(sed -n 's/.*listening on \(https\?:\/\/[^ ]*\).*/\1/p' "$work/$name.log" | head -n1)
        [ -n "$url" ] && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    log "$name did not start:"
    cat "$work/$name.log" >&2
    exit 1
}

# to_ms VALUE: wrk's 1.23us / 4.56ms / 1.2s in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000
        printf "%.2f", n }'
}

rows=()
nginx_rps=""
# bench LABEL URL LUA [ENV=VALUE...]: one wrk run; appends a table row.
bench() {
    local label=$1 target=$2 script=$3
    shift 3
    local out="$work/wrk-${label//[^a-zA-Z0-9]/_}.txt"
    log "wrk $label: ${duration}s, $connections connections, $threads threads"
    env "$@" wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$script" "$target" >"$out"
    local rps p50 p99 non2xx errors ratio
    rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")
    errors=$(awk '/Socket errors:/ {sub(/.*Socket errors: /, ""); print}' "$out")
    [ "$label" = "nginx static JSON" ] && nginx_rps=$rps
    ratio="1.00"
    [ -n "$nginx_rps" ] && ratio=$(awk -v a="$rps" -v b="$nginx_rps" 'BEGIN {printf "%.2f", a / b}')
    rows+=("| $label | $rps | $p50 | $p99 | ${non2xx:-0} | ${errors:-none} | $ratio |")
    echo "$rps $p99" >"$out.summary"
}

body='{"initialized":true,"sealed":false,"standby":false,"version":"bench"}'

# nginx: one worker, unprivileged, everything under $work/nginx. Started by
# root, its worker drops to "nobody", which must be able to read the file.
mkdir -p "$work/nginx/html/v1/sys" "$work/nginx/tmp"
chmod 755 "$work"
printf '%s\n' "$body" >"$work/nginx/html/v1/sys/health"
nginx_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$nginx_port;
        location / { root $work/nginx/html; default_type application/json; }
    }
}
EOF
"$nginx" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
pids+=("$!")
for attempt in $(seq 100); do
    curl -sf "http://127.0.0.1:$nginx_port/v1/sys/health" >/dev/null && break
    [ "$attempt" = 100 ] && { log "nginx does not serve the file:"; cat "$work/nginx/error.log" >&2; exit 1; }
    sleep 0.1
done

# The API on a fresh store with the production KDF.
export TESSERA_PASSPHRASE="load benchmark passphrase"
root=$("$cli" init --store "$work/store.db" --json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["root_token"])')
start api "$cli" serve --store "$work/store.db" --listen 127.0.0.1:0
api_url=$url
api_pid=$pid
token=$(curl -sf -H "X-Vault-Token: $root" -X POST \
    --data '{"ttl":"24h","policies":["default"],"display_name":"load"}' \
    "$api_url/v1/auth/token/create" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["auth"]["client_token"])')

log "warming up"
wrk -t"$threads" -c"$connections" -d3s -s "$here/get.lua" "http://127.0.0.1:$nginx_port/v1/sys/health" >/dev/null
WRK_TOKEN=$token wrk -t"$threads" -c"$connections" -d3s -s "$here/get.lua" \
    "$api_url/v1/auth/token/lookup-self" >/dev/null

bench "nginx static JSON" "http://127.0.0.1:$nginx_port/v1/sys/health" "$here/get.lua"
if [ -x "$qt_route" ]; then
    start qt-route "$qt_route"
    bench "bare Qt HTTP Server route" "$url/v1/sys/health" "$here/get.lua"
    kill "$pid"
else
    log "no $qt_route: build tessera-bench-qt-route for the Qt row"
fi
bench "API lookup-self" "$api_url/v1/auth/token/lookup-self" "$here/get.lua" WRK_TOKEN="$token"
bench "API create-token (durable)" "$api_url/v1/auth/token/create" "$here/create.lua" WRK_TOKEN="$root"

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$api_pid/status"; }
saturation_rows=()
if [ "$saturation" -gt 0 ]; then
    log "saturation: ${saturation}s of lookup-self + create-token (15:1), VmRSS every 10 s"
    WRK_TOKEN=$token WRK_ROOT_TOKEN=$root wrk -t"$threads" -c"$connections" -d"${saturation}s" \
        --latency -s "$here/saturation.lua" "$api_url" >"$work/saturation.txt" 2>"$work/saturation.err" &
    wrk_pid=$!
    pids+=("$wrk_pid")
    samples=("$(rss_kib)")
    while kill -0 "$wrk_pid" 2>/dev/null; do
        sleep 10
        kill -0 "$api_pid" 2>/dev/null || { log "the API server died"; break; }
        samples+=("$(rss_kib)")
    done
    wait "$wrk_pid" || true
    max=0
    for sample in "${samples[@]}"; do
        [ "$sample" -gt "$max" ] && max=$sample
    done
    sat_rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$work/saturation.txt")
    sat_p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$work/saturation.txt")")
    count() { awk -v k="$1" '$1 == k {print $2}' "$work/saturation.txt"; }
    saturation_rows+=(
        "| requests/s | $sat_rps |"
        "| p99 latency (ms) | $sat_p99 |"
        "| 2xx | $(count status_2xx) |"
        "| 429 | $(count status_429) |"
        "| any other status | $(count status_other) |"
        "| socket errors | $(awk '/Socket errors:/ {sub(/.*Socket errors: /, ""); e = $0} END {print e ? e : "none"}' "$work/saturation.txt") |"
        "| VmRSS first / last / max (MiB) | $((samples[0] / 1024)) / $((samples[${#samples[@]} - 1] / 1024)) / $((max / 1024)) |"
        "| VmRSS samples (KiB, every 10 s) | ${samples[*]} |"
    )
    [ -s "$work/saturation.err" ] && cat "$work/saturation.err" >&2
fi

echo
echo "wrk -t$threads -c$connections -d${duration}s --latency, loopback, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "| workload | req/s | p50 ms | p99 ms | non-2xx | socket errors | vs nginx |"
echo "|---|---:|---:|---:|---:|---|---:|"
printf '%s\n' "${rows[@]}"
if [ ${#saturation_rows[@]} -gt 0 ]; then
    echo
    echo "Saturation, ${saturation}s, $connections connections, lookup-self + create-token 15:1"
    echo
    echo "| | |"
    echo "|---|---|"
    printf '%s\n' "${saturation_rows[@]}"
fi
