#!/usr/bin/env python3
"""Runs one client test against a fresh `tessera-cli serve`.

    run_with_server.py --cli PATH [--tls] [--serve-arg ARG ...] -- COMMAND [ARGS...]

Creates a store in a temporary directory (`tessera-cli init`, passphrase in
TESSERA_PASSPHRASE), starts `tessera-cli serve --listen 127.0.0.1:0` on it,
waits for its "listening on URL" line and runs COMMAND with:

    VAULT_ADDR          the server's URL (what hvac, node-vault and curl read)
    VAULT_TOKEN         the store's root token
    TESSERA_CLI         the tessera-cli binary
    TESSERA_STORE       the store file
    TESSERA_PASSPHRASE  its passphrase (for tessera-cli commands of the test)
    TESSERA_SERVER_PID  the server's process id
    TESSERA_CACERT      with --tls: the CA that signed the server's certificate
    TESSERA_WORK_DIR    a scratch directory deleted afterwards
    TESSERA_FREE_PORT   a free loopback port, also written into any --serve-arg
                        in place of {free_port} (for an origin the test will serve)

With --tls the script makes a throw-away CA and a server certificate for
127.0.0.1 (subjectAltName IP) with the openssl CLI. The server is stopped
afterwards; its output is shown when the command fails. The exit status is
COMMAND's, or 1 when the server could not be started.
"""

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

PASSPHRASE = "client tests passphrase"
START_TIMEOUT_S = 60
LISTENING = re.compile(r"listening on (https?://\S+)")


def fail(message):
    print(f"run_with_server: {message}", file=sys.stderr)
    return 1


def run_checked(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited with {result.returncode}:\n"
            f"{result.stdout}{result.stderr}"
        )
    return result.stdout


def make_certificates(directory):
    """A self-signed CA and a server certificate for 127.0.0.1 signed by it."""
    ca_key = os.path.join(directory, "ca.key")
    ca_cert = os.path.join(directory, "ca.pem")
    key = os.path.join(directory, "server.key")
    csr = os.path.join(directory, "server.csr")
    cert = os.path.join(directory, "server.pem")
    extensions = os.path.join(directory, "server.ext")
    run_checked(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                 "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                 "-subj", "/CN=Tessera client tests CA", "-keyout", ca_key,
                 "-out", ca_cert])
    run_checked(["openssl", "req", "-newkey", "ec", "-pkeyopt",
                 "ec_paramgen_curve:prime256v1", "-nodes",
                 "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", csr])
    with open(extensions, "w", encoding="ascii") as file:
        file.write("subjectAltName = IP:127.0.0.1\n"
                   "extendedKeyUsage = serverAuth\n"
                   "basicConstraints = critical, CA:FALSE\n")
    run_checked(["openssl", "x509", "-req", "-in", csr, "-CA", ca_cert,
                 "-CAkey", ca_key, "-CAcreateserial", "-days", "2",
                 "-extfile", extensions, "-out", cert])
    return ca_cert, cert, key


class Server:
    """`tessera-cli serve` in the background, its output collected."""

    def __init__(self, command, env):
        self.output = []
        self.url = None
        self._ready = threading.Event()
        self.process = subprocess.Popen(
            command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, errors="replace")
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.process.stdout:
            self.output.append(line)
            match = LISTENING.search(line)
            if match and self.url is None:
                self.url = match.group(1).rstrip("/")
                self._ready.set()
        self._ready.set()  # exited before listening

    def wait_until_listening(self, timeout):
        self._ready.wait(timeout)
        return self.url

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._reader.join(5)
        return self.process.returncode

    def log(self):
        return "".join(self.output)


def find_free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="the tessera-cli binary")
    parser.add_argument("--tls", action="store_true", help="serve HTTPS")
    parser.add_argument("--serve-arg", action="append", default=[],
                        help="one more argument for tessera-cli serve")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        return fail("no client command given")

    # tmpfs when there is one: the store commits with fsync.
    base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="tessera-clients-", dir=base) as work:
        env = dict(os.environ, TESSERA_PASSPHRASE=PASSPHRASE)
        store = os.path.join(work, "store.db")
        try:
            created = json.loads(run_checked(
                [args.cli, "init", "--store", store, "--json"], env=env))
        except (RuntimeError, ValueError) as error:
            return fail(f"cannot create the store: {error}")

        free_port = find_free_port()
        serve = [args.cli, "serve", "--store", store, "--listen", "127.0.0.1:0",
                 *(arg.replace("{free_port}", str(free_port)) for arg in args.serve_arg)]
        client_env = dict(os.environ, TESSERA_FREE_PORT=str(free_port))
        if args.tls:
            try:
                ca_cert, cert, key = make_certificates(work)
            except (RuntimeError, OSError) as error:
                return fail(f"cannot make the test certificates: {error}")
            serve += ["--tls-cert", cert, "--tls-key", key]
            client_env["TESSERA_CACERT"] = ca_cert

        server = Server(serve, env)
        try:
            url = server.wait_until_listening(START_TIMEOUT_S)
            if url is None:
                return fail("the server did not say 'listening on URL' within "
                            f"{START_TIMEOUT_S} s; its output:\n{server.log()}")
            client_env.update(
                VAULT_ADDR=url, VAULT_TOKEN=created["root_token"],
                TESSERA_CLI=args.cli, TESSERA_STORE=store, TESSERA_PASSPHRASE=PASSPHRASE,
                TESSERA_SERVER_PID=str(server.process.pid), TESSERA_WORK_DIR=work)
            started = time.monotonic()
            status = subprocess.run(command, env=client_env).returncode
            print(f"run_with_server: client exited with {status} after "
                  f"{time.monotonic() - started:.1f} s")
        finally:
            stopped = server.stop()
        if status != 0 or stopped not in (0, -signal.SIGTERM):
            print(f"run_with_server: server exit status {stopped}; its output:\n"
                  f"{server.log()}", file=sys.stderr)
        return status


if __name__ == "__main__":
    sys.exit(main())
