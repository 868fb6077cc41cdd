#!/usr/bin/env bash
# Load benchmark of the gate (not a test): wrk on loopback against one nginx
# serving the same static page three ways, in the same run:
#   without auth_request                      (the unchecked rate)
#   with auth_request -> a second nginx that answers every check with an
#     empty 200 at once                       (the best any check service
#                                              reached over HTTP can do here)
#   with auth_request -> tessera-cli serve /gate/check, a patron's cookie
#   the same through a Unix socket (a second serve on the same store, as
#     README.md configures a proxy on the same machine)
# Prints a Markdown table for BENCHMARKS.md: requests/s, p50, p99, the
# checked rate as a share of the unchecked one (target >= 0.50), and CPU time
# per request: tessera-cli serve's, and the whole machine's (busy cores).
#
#   cmake --preset release && cmake --build --preset release --target tessera-cli
#   tests/bench/load/gate.sh [--build build/release] [--duration 20] [--connections 64] [--threads 2]
#
# Needs wrk and nginx (Debian packages).
set -euo pipefail

build=build/release
duration=20
connections=64
threads=2
while [ $# -gt 0 ]; do
    case $1 in
    --build) build=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    -h | --help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 1 ;;
    esac
done
cli=$build/app/cli/tessera-cli
[ -x "$cli" ] || { echo "no $cli: build tessera-cli first (see --help)" >&2; exit 1; }
for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "gate.sh needs $tool" >&2; exit 1; }
done
nginx=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d "${TMPDIR:-/tmp}/tessera-gate-load.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
log() { echo "gate.sh: $*" >&2; }
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000
        printf "%.2f", n }'
}

export TESSERA_PASSPHRASE="gate load benchmark passphrase"
root=$("$cli" init --store "$work/store.db" --json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["root_token"])')
"$cli" serve --store "$work/store.db" --listen 127.0.0.1:0 >"$work/serve.log" 2>&1 &
serve_pid=$!
pids+=("$serve_pid")
api_url=""
for _ in $(seq 600); do
    api_url=$(sed -n 's/.*listening on \(http:\/\/[^ ]*\).*/\1/p' "$work/serve.log" | head -n1)
    [ -n "$api_url" ] && break
    sleep 0.1
done
[ -n "$api_url" ] || { log "serve did not start"; cat "$work/serve.log" >&2; exit 1; }
"$cli" serve --store "$work/store.db" --listen "unix:$work/serve.sock" >"$work/serve-unix.log" 2>&1 &
unix_serve_pid=$!
pids+=("$unix_serve_pid")
for _ in $(seq 600); do
    grep -q "listening on unix:" "$work/serve-unix.log" && break
    sleep 0.1
done
grep -q "listening on unix:" "$work/serve-unix.log" ||
    { log "serve on the Unix socket did not start"; cat "$work/serve-unix.log" >&2; exit 1; }

curl -sf -H "X-Vault-Token: $root" -X PUT \
    --data '{"policy":"path \"gate/journal.example.org/*\" { capabilities = [\"read\"] }"}' \
    "$api_url/v1/sys/policies/acl/journal" >/dev/null
token=$(curl -sf -H "X-Vault-Token: $root" -X POST \
    --data '{"ttl":"24h","policies":["journal"],"display_name":"patron"}' \
    "$api_url/v1/auth/token/create" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["auth"]["client_token"])')

mkdir -p "$work/nginx/html/articles/42" "$work/nginx/tmp"
chmod 755 "$work"
head -c 4096 /dev/zero | tr '\0' 'x' | sed 's/^/<!DOCTYPE html><p>/' >"$work/nginx/html/articles/42/index.html"
plain_port=$(free_port)
gated_port=$(free_port)
ceiling_port=$(free_port)
unix_port=$(free_port)
responder_port=$(free_port)
user=""
[ "$(id -u)" -eq 0 ] && user="user root;"
# One nginx configuration: the http block around the given servers, with
# its own prefix (nginx.conf in $1).
nginx_conf() {
    local prefix=$1 servers=$2
    mkdir -p "$prefix/tmp"
    cat >"$prefix/nginx.conf" <<CONF
$user
worker_processes 1;
daemon off;
pid $prefix/nginx.pid;
error_log $prefix/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $prefix/tmp/body;
    proxy_temp_path $prefix/tmp/proxy;
    fastcgi_temp_path $prefix/tmp/fastcgi;
    uwsgi_temp_path $prefix/tmp/uwsgi;
    scgi_temp_path $prefix/tmp/scgi;
    keepalive_requests 1000000;
$servers
}
CONF
}
# A server for the page behind auth_request to the upstream `$2`, as README.md
# serves pages: try_files, not the index module, whose internal redirect to
# index.html would run auth_request a second time.
checked_server() {
    local port=$1 upstream=$2
    cat <<CONF
    server {
        listen 127.0.0.1:$port;
        root $work/nginx/html;
        location / {
            auth_request /_check;
            try_files \$uri \$uri/index.html =404;
        }
        location = /_check {
            internal;
            proxy_pass http://$upstream/gate/check;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_pass_request_body off;
            proxy_set_header Content-Length "";
            proxy_set_header X-Original-URI \$request_uri;
            proxy_set_header X-Original-Method \$request_method;
            proxy_set_header Host journal.example.org;
        }
    }
CONF
}
nginx_conf "$work/nginx" "
    upstream tessera { server ${api_url#http://}; keepalive 64; }
    upstream responder { server 127.0.0.1:$responder_port; keepalive 64; }
    upstream tessera_unix { server unix:$work/serve.sock; keepalive 64; }
    server {
        listen 127.0.0.1:$plain_port;
        root $work/nginx/html;
        location / { try_files \$uri \$uri/index.html =404; }
    }
$(checked_server "$gated_port" tessera)
$(checked_server "$ceiling_port" responder)
$(checked_server "$unix_port" tessera_unix)"
# The responder: its own process, as a check service would be, answering at once.
nginx_conf "$work/responder" "
    server {
        listen 127.0.0.1:$responder_port;
        location = /gate/check { return 200; }
    }"
"$nginx" -p "$work/responder" -c "$work/responder/nginx.conf" -e "$work/responder/error.log" &
pids+=("$!")
"$nginx" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
pids+=("$!")
cookie="Cookie: tessera_token=$token"
for attempt in $(seq 100); do
    curl -sf -H "$cookie" "http://127.0.0.1:$gated_port/articles/42/" >/dev/null && break
    [ "$attempt" = 100 ] && { log "nginx does not serve the page:"; cat "$work/nginx/error.log" >&2; exit 1; }
    sleep 0.1
done
for port in "$gated_port" "$unix_port"; do
    curl -sf -H "$cookie" "http://127.0.0.1:$port/articles/42/" >/dev/null ||
        { log "nginx does not serve the page through port $port:"; cat "$work/nginx/error.log" >&2; exit 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/articles/42/")" = 401 ] ||
        { log "the gate lets a browser without a token through"; exit 1; }
done

# CPU seconds: of both tessera-cli serve processes (user + system), and of the whole machine
# busy (all cores, not idle).
serve_cpu() {
    awk -v hz="$(getconf CLK_TCK)" '{s += $14 + $15} END {printf "%.3f", s / hz}' \
        "/proc/$serve_pid/stat" "/proc/$unix_serve_pid/stat"
}
busy_cpu() {
    awk -v hz="$(getconf CLK_TCK)" '$1 == "cpu" {printf "%.3f", ($2 + $3 + $4 + $7 + $8) / hz}' /proc/stat
}
rows=()
plain_rps=""
bench() {
    local label=$1 target=$2
    local out="$work/wrk-${label//[^a-zA-Z0-9]/_}.txt"
    log "wrk $label: ${duration}s, $connections connections, $threads threads"
    local serve_before busy_before
    serve_before=$(serve_cpu)
    busy_before=$(busy_cpu)
    wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "$cookie" "$target" >"$out"
    local serve_used busy_used
    serve_used=$(awk -v a="$(serve_cpu)" -v b="$serve_before" 'BEGIN {print a - b}')
    busy_used=$(awk -v a="$(busy_cpu)" -v b="$busy_before" 'BEGIN {print a - b}')
    local rps p50 p99 non2xx ratio requests
    rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")
    [ -z "$plain_rps" ] && plain_rps=$rps
    ratio=$(awk -v a="$rps" -v b="$plain_rps" 'BEGIN {printf "%.2f", a / b}')
    requests=$(awk '/requests in/ {print $1}' "$out")
    # Microseconds of CPU per request: tessera-cli serve's, and the machine's
    # (its cores' busy time, wrk's and nginx's included).
    local serve_us busy_us
    serve_us=$(awk -v c="$serve_used" -v n="$requests" 'BEGIN {printf "%.0f", c * 1e6 / n}')
    busy_us=$(awk -v c="$busy_used" -v n="$requests" 'BEGIN {printf "%.0f", c * 1e6 / n}')
    rows+=("| $label | $rps | $p50 | $p99 | ${non2xx:-0} | $ratio | $serve_us | $busy_us |")
}
log "warming up"
wrk -t"$threads" -c"$connections" -d3s -H "$cookie" "http://127.0.0.1:$gated_port/articles/42/" >/dev/null
wrk -t"$threads" -c"$connections" -d3s -H "$cookie" "http://127.0.0.1:$unix_port/articles/42/" >/dev/null
bench "nginx static page" "http://127.0.0.1:$plain_port/articles/42/"
bench "nginx + auth_request -> nginx answering 200 (ceiling)" "http://127.0.0.1:$ceiling_port/articles/42/"
bench "nginx + auth_request -> /gate/check" "http://127.0.0.1:$gated_port/articles/42/"
bench "nginx + auth_request -> /gate/check on a Unix socket" "http://127.0.0.1:$unix_port/articles/42/"

echo
echo "| requests | req/s | p50 ms | p99 ms | non-2xx | of unchecked (target >= 0.50) | serve CPU µs/req | machine CPU µs/req |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
