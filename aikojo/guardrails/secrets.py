"""Secrets: cloud keys, private-key blocks, JWTs, bearer tokens, vendor API tokens, and high-entropy values
assigned to secret-looking names (the detect-secrets idea: a keyword gives context, entropy gives evidence)."""

from __future__ import annotations

import math
import re
from collections import Counter

from aikojo.guardrails.normalise import Normalised
from aikojo.guardrails.types import Finding

_FIXED: list[tuple[str, re.Pattern[str], float]] = [
    ("AWS_ACCESS_KEY", re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA)[A-Z0-9]{16}(?![A-Z0-9])"), 0.99),
    (
        "PRIVATE_KEY",
        re.compile(
            r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z]+ )*PRIVATE KEY"
            r"(?: BLOCK)?-----|\Z)"
        ),
        0.99,
    ),
    ("JWT", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"), 0.99),
    ("GITHUB_TOKEN", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b"), 0.99),
    ("SLACK_TOKEN", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b"), 0.99),
    ("GOOGLE_API_KEY", re.compile(r"\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])"), 0.99),
    ("API_KEY", re.compile(r"\b(?:sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|(?:sk|rk|pk)_live_[A-Za-z0-9]{20,})\b"), 0.97),
    ("BEARER_TOKEN", re.compile(r"(?i:\bbearer)\s+[A-Za-z0-9\-._~+/]{16,}=*"), 0.95),
]

# Literal needles per fixed pattern (checked on the text, "bearer" on its lower-case form): a pattern whose needles
# are all absent cannot match, so its regex is skipped. Business text rarely holds any of them.
_NEEDLES: dict[str, tuple[str, ...]] = {
    "AWS_ACCESS_KEY": ("AKIA", "ASIA", "ABIA", "ACCA", "AIDA", "AROA"), "PRIVATE_KEY": ("-----BEGIN",),
    "JWT": ("eyJ",), "GITHUB_TOKEN": ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
    "SLACK_TOKEN": ("xox",), "GOOGLE_API_KEY": ("AIza",),
    "API_KEY": ("sk-", "sk_live_", "rk_live_", "pk_live_"), "BEARER_TOKEN": ("bearer",),
}

# A secret-looking name, then := or : or "is"/は, then the value. The value is judged by entropy below.
_ASSIGNED = re.compile(
    r"(?i:(?:password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?key|token|client[_-]?secret|private[_-]?key"
    r"|auth|credential)s?[\"']?\s*(?:[:=]|=>|\bis\b)\s*|(?:パスワード|暗証番号|シークレット|トークン|APIキー|アクセスキー)"
    r"\s*(?:[:=：]|は)\s*)[\"'`]?(?P<value>(?:(?![\"'`,;])[\x21-\x7e]){6,200})"
)
_ASSIGN_HINTS = ("pass", "pwd", "secret", "key", "token", "auth", "credential", "パスワード", "暗証", "シークレット",
                 "トークン", "キー")
_PLACEHOLDER = re.compile(
    r"^(?:x+|\*+|\.+|<.*>|\$\{.*\}|\{\{.*\}\}|your[_-]?\w*|changeme|example\w*|none|null|true|false)$", re.I
)


def shannon_entropy(s: str) -> float:
    """Bits per character; random base64 is ~6, English words ~3–4."""
    counts = Counter(s)
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


class Secrets:
    """Detector for credentials. Any hit is reported at high score: a leaked key is never a look-alike."""

    name = "secrets"

    def detect(self, norm: Normalised) -> list[Finding]:
        text = norm.text
        out: list[Finding] = []
        low = text.lower()
        for kind, rx, score in _FIXED:
            hay = low if kind == "BEARER_TOKEN" else text
            if not any(n in hay for n in _NEEDLES[kind]):
                continue
            for m in rx.finditer(text):
                s, e = norm.to_original(m.start(), m.end())
                out.append(Finding(kind, s, e, score, self.name))
        # The assignment regex is the slowest here; skip it when no secret-looking name occurs at all.
        if not any(k in low for k in _ASSIGN_HINTS):
            return out
        for m in _ASSIGNED.finditer(text):
            value = m.group("value")
            if _PLACEHOLDER.match(value):
                continue
            # Passwords are secrets whatever their entropy; other names need evidence of randomness.
            is_password = bool(re.match(r"(?i)pass|pwd|パスワード|暗証", m.group(0)))
            ent = shannon_entropy(value)
            has_digit = any(c.isdigit() for c in value)
            if is_password or (ent >= 3.5 and has_digit and len(value) >= 16):
                s, e = norm.to_original(m.start("value"), m.end("value"))
                out.append(Finding("PASSWORD" if is_password else "SECRET", s, e, 0.9, self.name))
        return out
