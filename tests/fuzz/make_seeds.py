#!/usr/bin/python3
"""Writes the seed corpora under corpus/ (run from anywhere; needs python3-cryptography).

The seeds are valid and nearly-valid inputs in each target's input format (see
the comment at the top of each fuzz_<name>.cpp), made with the same fixed keys
the targets use, so the fuzzer starts past the checksums, tags and signatures.
Running it again rewrites the same files (ES256 signatures are randomized)."""

import base64
import json
import os
import struct
import zlib

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, utils
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives import hashes

HERE = os.path.dirname(os.path.abspath(__file__))
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
CHARS_FOR_BYTES = [0, 2, 3, 5, 6, 7, 9, 10, 11]


def write(target, name, data):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


# --- token format (engine/Base62, engine/TokenFormat) -------------------------
def digits(value, width):
    out = ""
    for _ in range(width):
        out = ALPHABET[value % 62] + out
        value //= 62
    return out


def base62(data):
    out = ""
    for i in range(0, len(data), 8):
        block = data[i:i + 8]
        out += digits(int.from_bytes(block, "big"), CHARS_FOR_BYTES[len(block)])
    return out


def with_checksum(prefix, body):
    return prefix + body + digits(zlib.crc32(body.encode()), 6)


def batch_token(blob):
    return with_checksum("tsb.", base62(blob))


# --- batch blobs (engine/BatchTokenCodec) ---------------------------------------
CURRENT_KID, CURRENT_SECRET = b"cur001", b"C" * 32
RETIRED_KID, RETIRED_SECRET = b"old001", b"R" * 32


def varint(value):
    out = b""
    while value >= 0x80:
        out += bytes([(value & 0x7F) | 0x80])
        value >>= 7
    return out + bytes([value])


def string(text):
    data = text.encode()
    return varint(len(data)) + data


def payload(created, ttl, parent="", display="", role="", policies=(), meta=()):
    out = varint(created) + varint(ttl) + string(parent) + string(display) + string(role)
    out += varint(len(policies)) + b"".join(string(p) for p in policies)
    out += varint(len(meta)) + b"".join(string(k) + string(v) for k, v in meta)
    return out


def seal(kid, secret, plaintext, nonce):
    header = bytes([1, len(kid)]) + kid
    return header + nonce + AESGCM(secret).encrypt(nonce, plaintext, header)


# --- JWTs (engine/JwtVerifier) ------------------------------------------------
def key(hex_der):
    return serialization.load_der_private_key(bytes.fromhex(hex_der), None)


ED = key("302e020100300506032b6570042204205858a22d4358bfa2dd0b6969c3e43587d49b058b87e49cd3e9159e2dde6d8e82")
EC = key("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b020101042075546cda0c9e617fb952"
         "3f8eecd64058b115d70560f2fb2f8e52fa6b58540353a14403420004a9f2a2cd7fc15668a192cde338b9c397ea8f"
         "4421288da441bded348ccbda0d5410a86f504867665c134f65f031a9d1a7c482e808e107763614ce2af43de6c68f")
NOW = 1790000000
ISSUER = "https://library.example/v1/identity/oidc"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def compact(obj):
    return json.dumps(obj, separators=(",", ":")).encode()


def sign(header, claims, signer):
    signing_input = b64url(compact(header)) + b"." + b64url(compact(claims))
    if signer is EC:
        r, s = utils.decode_dss_signature(EC.sign(signing_input, ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    else:
        signature = signer.sign(signing_input)
    return signing_input + b"." + b64url(signature)


def claims(**extra):
    base = {"iss": ISSUER, "sub": "fX2b9kQ1rT7mZp4LwA8cN3eV", "aud": "ebook-portal",
            "iat": NOW - 60, "nbf": NOW - 60, "exp": NOW + 600, "jti": "j-1",
            "policies": ["default", "ebooks-read"]}
    base.update(extra)
    return {k: v for k, v in base.items() if v is not None}


def main():
    # tokenformat: the raw text of a token.
    service = with_checksum("tss.", "7Hk2fX2b9kQ1rT7mZp4LwA8cN3eVq0Ds")
    write("tokenformat", "service", service)
    write("tokenformat", "service-bad-checksum", service[:-1] + ("0" if service[-1] != "0" else "1"))
    write("tokenformat", "accessor", "fX2b9kQ1rT7mZp4LwA8cN3eV")
    write("tokenformat", "batch-short", batch_token(b"\x01\x06cur001"))
    write("tokenformat", "batch", batch_token(seal(CURRENT_KID, CURRENT_SECRET,
                                                    payload(NOW, 3600, policies=["default"]),
                                                    b"\x00" * 12)))
    write("tokenformat", "batch-longest", batch_token(bytes(range(256)) * 2 + bytes(225)))
    write("tokenformat", "bearer", "Bearer " + service)
    write("tokenformat", "prefix-only", "tsb.000000")

    # batchtoken: mode byte 0 + blob, or 1 + plaintext.
    full = payload(NOW, 8 * 3600, "fX2b9kQ1rT7mZp4LwA8cN3eV", "token-visitor-day-pass",
                   "visitor-day-pass", ["default", "ebooks-read"],
                   [("patron", "P-004211"), ("purpose", "reading room")])
    orphan = payload(NOW, 60)
    write("batchtoken", "blob-full", b"\x00" + seal(CURRENT_KID, CURRENT_SECRET, full, b"\x11" * 12))
    write("batchtoken", "blob-orphan", b"\x00" + seal(CURRENT_KID, CURRENT_SECRET, orphan, b"\x22" * 12))
    write("batchtoken", "blob-retired-key", b"\x00" + seal(RETIRED_KID, RETIRED_SECRET, full, b"\x33" * 12))
    write("batchtoken", "blob-unknown-key", b"\x00" + seal(b"nokey1", CURRENT_SECRET, full, b"\x44" * 12))
    write("batchtoken", "blob-version-2", b"\x00\x02" + seal(CURRENT_KID, CURRENT_SECRET, orphan, b"\x55" * 12)[1:])
    write("batchtoken", "plain-full", b"\x01" + full)
    write("batchtoken", "plain-orphan", b"\x01" + orphan)
    write("batchtoken", "plain-unicode", b"\x01" + payload(NOW, 60, display="Zoë Ørsted 書", meta=[("ключ", "値")]))
    write("batchtoken", "plain-zero-ttl", b"\x01" + payload(NOW, 0))
    write("batchtoken", "plain-huge-count", b"\x01" + payload(NOW, 60)[:-2] + varint(2**40) + b"\x00")
    write("batchtoken", "plain-max-varint", b"\x01" + b"\xff" * 9 + b"\x01" + varint(60) + b"\x00" * 5)

    # jwt: mode 0 + compact JWS, 1 + signer + header\nclaims, 2 + JWKS.
    ed_header = {"alg": "EdDSA", "kid": "ed-1", "typ": "JWT"}
    ec_header = {"alg": "ES256", "kid": "ec-1", "typ": "JWT"}
    write("jwt", "raw-ed", b"\x00" + sign(ed_header, claims(), ED))
    write("jwt", "raw-ec", b"\x00" + sign(ec_header, claims(aud=["other", "ebook-portal"]), EC))
    write("jwt", "raw-expired", b"\x00" + sign(ed_header, claims(exp=NOW - 3600), ED))
    write("jwt", "raw-wrong-audience", b"\x00" + sign(ed_header, claims(aud="intranet"), ED))
    write("jwt", "raw-alg-none", b"\x00" + b64url(compact({"alg": "none", "kid": "ed-1"})) + b"."
          + b64url(compact(claims())) + b".")
    write("jwt", "raw-es256-header-on-ed-key", b"\x00" + sign({"alg": "ES256", "kid": "ed-1"}, claims(), ED))
    for name, signer, header, body in [
        ("signed-ed", 0, ed_header, claims()),
        ("signed-ec", 1, ec_header, claims()),
        ("signed-stranger", 2, ed_header, claims()),
        ("signed-aud-array", 0, ed_header, claims(aud=["a", "ebook-portal"])),
        ("signed-no-exp", 0, ed_header, claims(exp=None)),
        ("signed-future", 0, ed_header, claims(nbf=NOW + 3600, iat=NOW + 3600)),
        ("signed-crit", 0, dict(ed_header, crit=["exp"]), claims()),
        ("signed-float-times", 1, ec_header, claims(exp=NOW + 0.5, nbf=1e308, iat=-1e308)),
    ]:
        write("jwt", name, bytes([1, signer]) + compact(header) + b"\n" + compact(body))
    write("jwt", "jwks", b"\x02" + compact({"keys": [
        {"kty": "OKP", "crv": "Ed25519", "x": b64url(ED.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)).decode(),
         "kid": "ed-1", "use": "sig", "alg": "EdDSA"},
        {"kty": "EC", "crv": "P-256", "x": b64url(EC.public_key().public_numbers().x.to_bytes(32, "big")).decode(),
         "y": b64url(EC.public_key().public_numbers().y.to_bytes(32, "big")).decode(), "kid": "ec-1", "use": "sig", "alg": "ES256"},
        {"kty": "RSA", "n": "AQAB", "e": "AQAB", "kid": "rsa", "alg": "RS256"}]}))

    # tokenrequest: caller byte (0 root, 1 limited) + the JSON body of auth/token/create.
    bodies = {
        "empty": {},
        "policies": {"policies": ["ebooks-read"], "ttl": "1h", "display_name": "patron-4211"},
        "meta": {"meta": {"patron": "P-004211", "purpose": "reading room"}, "num_uses": 5},
        "orphan": {"no_parent": True, "no_default_policy": True, "policies": ["ebooks-read"]},
        "batch": {"type": "batch", "ttl": 600, "policies": ["default"], "renewable": False},
        "periodic": {"period": "24h", "explicit_max_ttl": "72h", "renewable": True},
        "role-reader": {"role_name": "reader", "ttl": "30m"},
        "role-daypass": {"role_name": "daypass"},
        "lease-alias": {"lease": "2h", "policies": "default,ebooks-read"},
        "unknown-field": {"ttl": "1h", "colour": "blue"},
        "custom-id": {"id": "tss.mine"},
        "root-policy": {"policies": ["root"]},
        "wrong-types": {"ttl": [1], "num_uses": "many", "meta": {"a": 1}},
        "negative": {"ttl": -5, "num_uses": -1},
    }
    for name, body in bodies.items():
        for caller in (0, 1):
            write("tokenrequest", "%s-%s" % (name, ("root", "limited")[caller]),
                  bytes([caller]) + compact(body))
    write("tokenrequest", "not-json", b"\x00{\"ttl\": ")
    write("tokenrequest", "array", b"\x01[1,2,3]")

    # policyparser: byte 0 even + the document (name "Fuzz-Policy"); odd + "<name>\n<document>".
    policies = {
        "hcl-basic": 'path "ebooks/*" {\n  capabilities = ["read", "list"]\n}\n',
        "hcl-comments": '# a comment\n// another\n/* a\n block */\npath "sys/audit" {\n'
                        '  capabilities = ["read"] # trailing\n}\n',
        "hcl-merge-deny": 'path "ebooks/*" { capabilities = ["read"] }\n'
                          'path "ebooks/*" { capabilities = ["deny"] }\n'
                          'path "+/users/+" { capabilities = ["update", "patch", "sudo"] }\n',
        "hcl-legacy": 'name = "old"\npath "secret/" { policy = "write" }\n'
                      'path "/leading" { policy = "sudo" comment = "Vault 0.x" }\n',
        "hcl-assign-form": 'path = { "a/b" = { capabilities = ["create"] } }\n',
        "hcl-vault-keys": 'path "kv/data/*" {\n  capabilities = ["read"]\n'
                          '  allowed_parameters = { "*" = [] }\n  denied_parameters = { "x" = ["y"] }\n'
                          '  required_parameters = ["z"]\n  min_wrapping_ttl = "1s"\n'
                          '  max_wrapping_ttl = 90\n  mfa_methods = ["duo"]\n'
                          '  control_group = { factor "ops" { identity { group_names = ["g"] } } }\n}\n',
        "hcl-escapes": 'path "caf\\u00e9/\\"q\\"/\\\\" { capabilities = [] }\n',
        "json-object": '{"path": {"ebooks/*": {"capabilities": ["read", "list"]},'
                       ' "sys/policies/acl/*": {"capabilities": ["deny"]}}}',
        "json-array": '{"name": "x", "path": [{"a/*": {"capabilities": ["read"]}},'
                      ' {"b": {"policy": "read"}}]}',
        "default-policy": 'path "auth/token/lookup-self" { capabilities = ["read"] }\n'
                          'path "auth/token/renew-self" { capabilities = ["update"] }\n'
                          'path "cubbyhole/*" { capabilities = ["create", "read", "update", "delete", "list"] }\n',
        "numbers": 'path "n" { capabilities = [] max_wrapping_ttl = 1.5e2 min_wrapping_ttl = -0 }\n',
        "empty": '',
        "bad-capability": 'path "ebooks/*" { capabilities = ["reed"] }\n',
        "bad-glob": 'path "a/*/b" { capabilities = ["read"] }\npath "a/+*" { capabilities = ["read"] }\n',
        "unterminated": 'path "ebooks/* {\n  capabilities = ["read"]\n',
        "heredoc": 'path "x" { capabilities = <<EOT\nread\nEOT\n}\n',
        "deep": '{"path": ' * 40 + '{}' + '}' * 40,
    }
    for name, document in policies.items():
        write("policyparser", name, b"\x00" + document.encode())
    write("policyparser", "named", b"\x01Ebooks-Reader\npath \"ebooks/*\" { capabilities = [\"read\"] }\n")
    write("policyparser", "bad-name", b"\x01root policy!\npath \"x\" { capabilities = [\"read\"] }\n")

    # requesthead: a request head as a client sends it.
    heads = {
        "nginx-check": "GET /gate/check HTTP/1.1\r\nHost: journal.example.org\r\n"
                       "X-Original-URI: /articles/42\r\nX-Original-Method: GET\r\n"
                       "Cookie: lang=es; tessera_token=tss.x\r\nConnection: keep-alive\r\n\r\n",
        "traefik-check": "HEAD /gate/check HTTP/1.1\r\nHost: tessera\r\nX-Forwarded-Method: POST\r\n"
                         "X-Forwarded-Host: a.example\r\nX-Forwarded-Uri: /a%2fb\r\n"
                         "Authorization: Bearer tss.x\r\n\r\n",
        "post-length": "POST /v1/auth/token/create HTTP/1.1\r\nHost: x\r\nContent-Length: 14\r\n\r\n",
        "chunked": "PUT /v1/sys/policies/acl/a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
        "http10": "GET /v1/sys/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        "two-lengths": "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n",
        "obs-fold": "GET / HTTP/1.1\r\nHost: x\r\nX-A: b\r\n c\r\n\r\n",
        "bare-lf": "GET / HTTP/1.1\nHost: x\n\n",
    }
    for name, head in heads.items():
        write("requesthead", name, head.encode())


if __name__ == "__main__":
    main()
