#!/usr/bin/env bash
# curl against `tessera-cli serve --tls-cert --tls-key`, with a CA and server
# certificate that run_with_server.py --tls made with the openssl CLI.
# Expects VAULT_ADDR (https://127.0.0.1:PORT), VAULT_TOKEN and TESSERA_CACERT.
set -uo pipefail

failures=0
check() { # check DESCRIPTION CONDITION...
    local description=$1
    shift
    if "$@"; then
        echo "PASS: $description"
    else
        echo "FAIL: $description"
        failures=$((failures + 1))
    fi
}

case "$VAULT_ADDR" in
https://*) ;;
*)
    echo "FAIL: the server does not speak TLS ($VAULT_ADDR)"
    exit 1
    ;;
esac
plain_addr="http://${VAULT_ADDR#https://}"
body=$(mktemp)
trap 'rm -f "$body"' EXIT

# fetch ARGS...: sets $status (HTTP status, 000 without one) and $curl_exit.
fetch() {
    status=$(curl --silent --show-error --max-time 10 --output "$body" --write-out '%{http_code}' \
        "$@" 2>>"$body.err")
    curl_exit=$?
}

fetch --cacert "$TESSERA_CACERT" "$VAULT_ADDR/v1/sys/health"
check "health over TLS with the test CA answers 200 (curl exit $curl_exit)" test "$status" = 200
check "health says initialized" grep -q '"initialized": *true' "$body"

fetch --cacert "$TESSERA_CACERT" -H "X-Vault-Token: $VAULT_TOKEN" \
    "$VAULT_ADDR/v1/auth/token/lookup-self"
check "lookup-self over TLS answers 200" test "$status" = 200
check "lookup-self returns the token's accessor" grep -q '"accessor"' "$body"

fetch --cacert "$TESSERA_CACERT" -H "X-Vault-Token: $VAULT_TOKEN" \
    -X POST --data '{"ttl":"10m","display_name":"tls"}' "$VAULT_ADDR/v1/auth/token/create"
check "token create over TLS answers 200" test "$status" = 200
check "token create returns a service token" grep -q '"client_token": *"tss\.' "$body"

# Without the test CA the certificate must not be trusted (curl exit 60).
fetch "$VAULT_ADDR/v1/sys/health"
check "an untrusted certificate is refused (curl exit $curl_exit, want 60)" test "$curl_exit" = 60

# The certificate names 127.0.0.1 only: another name must fail verification.
port=${VAULT_ADDR##*:}
fetch --cacert "$TESSERA_CACERT" --resolve "tessera.invalid:$port:127.0.0.1" \
    "https://tessera.invalid:$port/v1/sys/health"
check "a host name the certificate does not name is refused (curl exit $curl_exit, want 60)" \
    test "$curl_exit" = 60

# Plain HTTP against the TLS port: a clean failure, quickly, never a 2xx and never a hang.
started=$SECONDS
fetch "$plain_addr/v1/sys/health"
check "plain HTTP to the TLS port gets no 2xx (status $status, curl exit $curl_exit)" \
    test "${status:0:1}" != 2
check "plain HTTP to the TLS port does not hang (curl exit $curl_exit, 28 = timeout)" \
    test "$curl_exit" != 28 -a $((SECONDS - started)) -lt 8

fetch --cacert "$TESSERA_CACERT" "$VAULT_ADDR/v1/sys/health"
check "the server still answers over TLS afterwards" test "$status" = 200

if [ -s "$body.err" ]; then
    echo "curl messages:"
    cat "$body.err"
fi
rm -f "$body.err"
echo "$failures failure(s)"
[ "$failures" -eq 0 ]
