"""Checkpoint signing with an Ed25519 key kept outside the database.

A hash chain alone cannot reveal a cut-off tail or a wholesale rewrite by someone with database access:
they can recompute every hash. They cannot forge the signature on a checkpoint (sequence number + head
hash) without this key, which lives in KOJO_HOME/keys or a mounted secret, never in the database.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from aikojo.errors import HomeNotInitialised


def checkpoint_message(seq: int, head_hash: str, ts: str) -> bytes:
    return f"kojo-audit-checkpoint:v1:{seq}:{head_hash}:{ts}".encode()


def _key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def create_signing_key(path: Path) -> None:
    """Create the key once; an existing key is kept (rotating it would orphan old checkpoints)."""
    if path.exists():
        return
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    _write_private(path, pem)
    pub = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    path.with_suffix(".pub").write_bytes(pub)


@dataclass(frozen=True)
class Signer:
    private: Ed25519PrivateKey

    @property
    def key_id(self) -> str:
        return _key_id(self.private.public_key())

    def sign(self, seq: int, head_hash: str, ts: str) -> str:
        return base64.b64encode(self.private.sign(checkpoint_message(seq, head_hash, ts))).decode()

    @property
    def verifier(self) -> Verifier:
        return Verifier(self.private.public_key())


@dataclass(frozen=True)
class Verifier:
    public: Ed25519PublicKey

    @property
    def key_id(self) -> str:
        return _key_id(self.public)

    def valid(self, seq: int, head_hash: str, ts: str, signature: str) -> bool:
        try:
            self.public.verify(base64.b64decode(signature), checkpoint_message(seq, head_hash, ts))
            return True
        except (InvalidSignature, ValueError):
            return False


def load_signer(path: Path) -> Signer:
    if not path.exists():
        raise HomeNotInitialised(f"audit signing key {path} is missing; run `kojo init` (or mount the key there)")
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise HomeNotInitialised(f"{path} is not an Ed25519 private key")
    return Signer(key)


def load_verifier(path: Path) -> Verifier:
    """Verification needs only the public half; auditors can be given just the .pub file."""
    pub_path = path.with_suffix(".pub")
    if pub_path.exists():
        key = serialization.load_pem_public_key(pub_path.read_bytes())
        if isinstance(key, Ed25519PublicKey):
            return Verifier(key)
    return load_signer(path).verifier


def create_secret(path: Path, nbytes: int = 32) -> None:
    """A random secret (e.g. the content-hash HMAC key); kept if it exists."""
    if not path.exists():
        _write_private(path, base64.b64encode(os.urandom(nbytes)))


def load_secret(path: Path) -> bytes:
    if not path.exists():
        raise HomeNotInitialised(f"secret {path} is missing; run `kojo init`")
    return base64.b64decode(path.read_bytes().strip())
