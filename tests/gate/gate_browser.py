#!/usr/bin/env python3
"""The gate end to end: nginx (auth_request) in front of a static journal,
`tessera-cli serve` behind it, Chromium driven by playwright-core.

Run by run_with_server.py (VAULT_ADDR, VAULT_TOKEN, TESSERA_* set):

    gate_browser.py NODE_MODULES

Writes the policies and patrons through the API, starts nginx from Debian on a
free loopback port with its own prefix and configuration, runs
gate_browser.test.cjs with node's test runner, and stops nginx.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
HOST = "journal.example.org"

NGINX_CONF = """
{user}
worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log info;
events {{ worker_connections 256; }}
http {{
    access_log {work}/nginx-access.log;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    types {{ text/html html; image/svg+xml svg; }}
    default_type application/octet-stream;

    server {{
        listen 127.0.0.1:{port};
        # The same journal as http://localhost:{keys_port}, a secure context
        # where browsers allow security keys (the gate's --gate-origin).
        listen 127.0.0.1:{keys_port};
        server_name {host};
        root {journal};

        # Every document is checked: 401 sends the browser to the sign-in page.
        location / {{
            auth_request /_tessera_check;
            auth_request_set $tessera_reason $upstream_http_x_tessera_reason;
            error_page 401 = @sign_in;
            # Checked on every request: the browser must not answer from its cache.
            add_header Cache-Control "private, no-cache" always;
            # Not the index module: its internal redirect to index.html would
            # run the check (and use the token) a second time.
            try_files $uri $uri/index.html =404;
        }}
        location = /_tessera_check {{
            internal;
            proxy_pass {tessera}/gate/check;
            proxy_pass_request_body off;
            proxy_set_header Content-Length "";
            proxy_set_header X-Original-URI $request_uri;
            proxy_set_header X-Original-Method $request_method;
            proxy_set_header Host $http_host;
        }}
        location @sign_in {{
            return 302 /gate/sign-in?rd=$request_uri&reason=$tessera_reason;
        }}
        # The sign-in pages, on the journal's own host (the cookie is its).
        location /gate/ {{
            proxy_pass {tessera};
            proxy_set_header Host $http_host;
        }}
    }}
}}
"""


def api(method, path, body=None):
    request = urllib.request.Request(
        os.environ["VAULT_ADDR"] + "/v1/" + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"X-Vault-Token": os.environ["VAULT_TOKEN"],
                 "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as reply:
        return reply.status


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def main():
    node_modules = sys.argv[1]
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    for tool in (nginx, chromium):
        if not os.access(tool, os.X_OK):
            print(f"gate_browser: {tool} is missing (Debian packages nginx, chromium)",
                  file=sys.stderr)
            return 1

    article = ('path "gate/%s/articles/42/*" { capabilities = ["read"] }\n'
               'path "gate/localhost/articles/42/*" { capabilities = ["read"] }\n' % HOST)
    api("PUT", "sys/policies/acl/article-42", {"policy": article})
    # The role `tessera-cli token batch` issues the printed passes from.
    api("POST", "auth/token/roles/class-visit",
        {"allowed_policies": "article-42", "token_ttl": "1h"})
    api("POST", "auth/userpass/users/patron42",
        {"password": "reading room 42", "token_policies": "article-42", "token_ttl": "1h"})
    api("POST", "auth/userpass/users/archivist",
        {"password": "archive stacks 7", "token_policies": "article-42", "token_ttl": "1h"})
    api("POST", "auth/userpass/users/keyholder",
        {"password": "blue key 12", "token_policies": "article-42", "token_ttl": "1h"})
    api("POST", "auth/userpass/users/curator",
        {"password": "special collections", "token_policies": "article-42", "token_ttl": "1h",
         "webauthn_user_verification": "required"})
    api("POST", "auth/userpass/users/visitor",
        {"password": "day visitor", "token_policies": "article-42", "token_ttl": "3s"})

    work = os.environ["TESSERA_WORK_DIR"]
    nginx_dir = os.path.join(work, "nginx")
    os.makedirs(nginx_dir)
    port = free_port()
    conf = os.path.join(nginx_dir, "nginx.conf")
    with open(conf, "w", encoding="utf-8") as file:
        # As root nginx would hand its workers to "nobody", who may not read
        # the private temporary folder.
        user = "user root;" if os.geteuid() == 0 else ""
        keys_port = os.environ["TESSERA_FREE_PORT"]
        file.write(NGINX_CONF.format(user=user, work=nginx_dir, port=port, host=HOST,
                                     keys_port=keys_port,
                                     journal=os.path.join(HERE, "journal"),
                                     tessera=os.environ["VAULT_ADDR"]))
    proxy = subprocess.Popen([nginx, "-p", nginx_dir, "-c", conf],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        if not wait_for_port(port, proxy):
            print("gate_browser: nginx did not start:", proxy.communicate(timeout=5)[0],
                  file=sys.stderr)
            return 1
        env = dict(os.environ, NODE_PATH=node_modules, CHROMIUM=chromium,
                   JOURNAL_URL=f"http://{HOST}:{port}", JOURNAL_HOST=HOST,
                   JOURNAL_PORT=str(port), KEYS_URL=f"http://localhost:{keys_port}")
        status = subprocess.run(
            ["node", "--test", "--test-concurrency=1",
             os.path.join(HERE, "gate_browser.test.cjs")], env=env).returncode
        if status != 0:
            with open(os.path.join(nginx_dir, "nginx-error.log"), encoding="utf-8",
                      errors="replace") as log:
                print("gate_browser: nginx error log:\n" + log.read()[-4000:], file=sys.stderr)
        return status
    finally:
        proxy.terminate()
        try:
            proxy.wait(10)
        except subprocess.TimeoutExpired:
            proxy.kill()


if __name__ == "__main__":
    sys.exit(main())
