"""API key material. A key is ``sk-kojo-`` + 43 URL-safe characters (256 random bits). Only its SHA-256 is
stored — enough for a secret of that entropy — plus a 12-character lookup prefix, so authentication is
one indexed read and one constant-time compare."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import timedelta

from aikojo.errors import InvalidInput

KEY_PREFIX = "sk-kojo-"
LOOKUP_LEN = 12
KEY_RE = re.compile(r"^sk-kojo-[A-Za-z0-9_-]{32,}$")


def new_key() -> tuple[str, str, str]:
    """Returns (raw key, lookup prefix, hash)."""
    raw = KEY_PREFIX + secrets.token_urlsafe(32)
    return raw, lookup_prefix(raw), hash_key(raw)


def new_key_id() -> str:
    return "kid_" + secrets.token_hex(6)


def lookup_prefix(raw: str) -> str:
    return raw[len(KEY_PREFIX):len(KEY_PREFIX) + LOOKUP_LEN]


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def matches(raw: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_key(raw), stored_hash)


def looks_like_key(raw: str) -> bool:
    return bool(KEY_RE.match(raw or ""))


_DURATION_RE = re.compile(r"^(\d+)\s*([smhdw])$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str, *, field: str) -> timedelta:
    """``90m``, ``24h``, ``30d``, ``2w`` → timedelta."""
    m = _DURATION_RE.match((text or "").strip().lower())
    if not m or int(m.group(1)) == 0:
        raise InvalidInput(f"{field}: expected a duration like 90m, 24h, 30d or 2w, got {text!r}", param=field)
    return timedelta(seconds=int(m.group(1)) * _UNITS[m.group(2)])
