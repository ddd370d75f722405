#!/usr/bin/env python3
"""Writes the checkpoint fixtures of CheckpointTest, independently of the Java code.

Needs Python 3 with the `cryptography` package. Ed25519 signatures are deterministic, so running
this again reproduces every file byte for byte:  cd src/test/resources/ledger/checkpoint && python3 make-fixtures.py
"""
import base64, hashlib
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ORIGIN = "vrs.test/ledger"
LOG_SEED = bytes(range(32))           # the test log key: seed 00 01 .. 1f
OTHER_SEED = bytes(range(32, 64))     # another key: seed 20 21 .. 3f
ROOT8 = bytes.fromhex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")  # RFC 6962 vector, size 8

def b64(data): return base64.b64encode(data).decode()

def public(seed): return Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

def key_id(name, seed):  # c2sp.org/signed-note: SHA-256(name || 0x0A || 0x01 || public key)[:4]
    return hashlib.sha256(name.encode() + b"\n\x01" + public(seed)).digest()[:4]

def body(origin=ORIGIN, size="8", root=b64(ROOT8)): return f"{origin}\n{size}\n{root}\n"

def sig_line(text, seed, name=ORIGIN, claimed_id=None):
    sig = Ed25519PrivateKey.from_private_bytes(seed).sign(text.encode())
    return f"\u2014 {name} {b64((claimed_id or key_id(name, seed)) + sig)}\n"

def witnesses(text, count):
    return "".join(sig_line(text, bytes([100 + i]) * 32, f"witness-{i}.test/w") for i in range(count))

def write(name, text): open(name, "wb").write(text.encode() if isinstance(text, str) else text)

good = body()
ours = sig_line(good, LOG_SEED)
write("valid.txt", good + "\n" + ours)
write("sixteen-signatures.txt", good + "\n" + witnesses(good, 15) + ours)
write("too-many-signatures.txt", good + "\n" + witnesses(good, 16) + ours)
write("missing-blank-line.txt", good + ours)
write("no-signatures.txt", good + "\n")
write("no-final-newline.txt", good + "\n" + ours[:-1])
write("crlf-line-endings.txt", (good + "\n" + ours).replace("\n", "\r\n"))
write("not-utf8.txt", (good + "\n" + ours).encode().replace(b"vrs.", b"vrs\xff", 1))
write("hyphens-instead-of-em-dash.txt", good + "\n" + ours.replace("\u2014", "--"))
write("malformed-base64-signature.txt", good + "\n" + f"\u2014 {ORIGIN} not!base64==\n")
write("unpadded-base64-signature.txt", good + "\n" + ours.replace("=\n", "\n"))
write("short-signature.txt", good + "\n" + f"\u2014 {ORIGIN} {b64(key_id(ORIGIN, LOG_SEED))}\n")
write("leading-zero-size.txt", body(size="08") + "\n" + ours)
write("malformed-root-hash.txt", body(root=b64(ROOT8[:31])) + "\n" + ours)
write("extension-line.txt", good + "extension\n\n" + ours)
write("origin-with-space.txt", body(origin="vrs.test ledger") + "\n" + ours)
# Well-formed, but not to be trusted:
write("altered-size.txt", body(size="9") + "\n" + ours)
write("altered-root.txt", body(root=b64(bytes(32))) + "\n" + ours)
write("altered-origin.txt", body(origin="vrs.test/other") + "\n" + ours)
write("other-key.txt", good + "\n" + sig_line(good, OTHER_SEED))
write("other-key-claiming-our-key-id.txt", good + "\n" + sig_line(good, OTHER_SEED, claimed_id=key_id(ORIGIN, LOG_SEED)))
write("log-public.pem", Ed25519PrivateKey.from_private_bytes(LOG_SEED).public_key().public_bytes(
    Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
