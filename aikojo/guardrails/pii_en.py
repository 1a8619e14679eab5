"""English / global PII: e-mail, credit cards (Luhn + issuer prefix), IBAN (mod-97), US SSN, phone numbers
outside Japan, IPv4/IPv6. Japanese numbers (+81, 0-leading) belong to pii_ja and are skipped here."""

from __future__ import annotations

import ipaddress
import re

from aikojo.guardrails.checksums import iban_ok, luhn_ok
from aikojo.guardrails.context import lookalike, window_has
from aikojo.guardrails.normalise import Normalised
from aikojo.guardrails.types import Finding

_EMAIL = re.compile(
    r"(?<![0-9A-Za-z._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])"
)

# 13–19 digits, optionally grouped by single spaces or hyphens (4-4-4-4, 4-6-5 Amex, 4-4-4-4-3).
_CARD = re.compile(r"(?<![0-9A-Za-z_.,-])\d{4}(?:[ -]?\d{2,6}){2,4}(?![0-9-]|[.,]\d)")
_CARD_CTX = re.compile(r"カード|card|visa|master|amex|jcb|diners|クレジット|credit|cc\b|charge", re.IGNORECASE)
# After the number: an expiry date ("exp 08/28", 有効期限) marks a card whatever its issuer prefix.
_CARD_AFTER = re.compile(r"\W{0,3}(?:exp|expir|valid|有効期限)", re.IGNORECASE)
# Issuer prefixes (IIN ranges): a Luhn-valid number outside every range is a look-alike, not a card.
_CARD_IIN = re.compile(
    r"4|5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720)|3[47]|3(?:0[0-5]|[689])|35(?:2[89]|[3-8]\d)|6(?:011|5|4[4-9]|2)"
)

_IBAN = re.compile(r"(?<![0-9A-Za-z])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![0-9A-Za-z])")

_SSN = re.compile(r"(?<![0-9A-Za-z_.-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![0-9-]|\.\d)")
_SSN_CTX = re.compile(r"\bSSN\b|social\s?security|社会保障番号|\bTIN\b", re.IGNORECASE)

_PHONE = re.compile(
    r"(?<![0-9A-Za-z_+.-])(?:"
    r"(?P<intl>\+(?!81)[1-9]\d{0,2}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4})"
    r"|(?P<nanp>\(?[2-9]\d{2}\)[ .-]?[2-9]\d{2}[ .-]\d{4}|[2-9]\d{2}[.-][2-9]\d{2}[.-]\d{4})"
    r")(?![0-9]|[.-]\d)"
)
_PHONE_CTX = re.compile(r"phone|tel|call|mobile|cell|fax|contact|電話|連絡", re.IGNORECASE)

_IPV4 = re.compile(r"(?<![0-9A-Za-z.])((?:\d{1,3}\.){3}\d{1,3})(?![0-9]|\.\d)")
_IPV6 = re.compile(r"(?<![0-9A-Za-z:])((?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\w+)?)(?![0-9A-Za-z:])")
_VERSION_CTX = re.compile(
    r"\b(?:version|ver|v|build|release|OID|firmware|rev|revision)\b\.?\s*$|バージョン|ファームウェア", re.IGNORECASE
)


class EnglishPII:
    """Detector for global identifiers that have a checksum or an unmistakable shape."""

    name = "pii_en"

    def detect(self, norm: Normalised) -> list[Finding]:
        text = norm.text
        out: list[Finding] = []

        def add(kind: str, s: int, e: int, score: float) -> None:
            os_, oe = norm.to_original(s, e)
            out.append(Finding(kind, os_, oe, score, self.name))

        if "@" in text:
            for m in _EMAIL.finditer(text):
                add("EMAIL", m.start(), m.end(), 0.99)
        if not any(c.isdigit() for c in text):
            return out
        for m in _CARD.finditer(text):
            raw = m.group(0)
            digits = raw.replace(" ", "").replace("-", "")
            if not 13 <= len(digits) <= 19 or not luhn_ok(digits):
                continue
            seps = {c for c in raw if not c.isdigit()}
            if len(seps) > 1:
                continue
            s, e = m.start(), m.end()
            # Card context vouches for a Luhn-valid number even outside the issuer ranges we know (new or
            # regional BINs); without context the issuer prefix must match.
            if window_has(_CARD_CTX, text, s, e, 24) or _CARD_AFTER.match(text, e):
                add("CREDIT_CARD", s, e, 0.99)
            elif not _CARD_IIN.match(digits):
                continue
            elif not lookalike(text, s):
                add("CREDIT_CARD", s, e, 0.9 if seps else 0.8)
        for m in _IBAN.finditer(text):
            if iban_ok(m.group(0)):
                add("IBAN", m.start(), m.end(), 0.99)
        for m in _SSN.finditer(text):
            area, group, serial = int(m.group(1)), int(m.group(3)), int(m.group(4))
            if area in (0, 666) or area >= 900 or group == 0 or serial == 0:
                continue
            s, e = m.start(), m.end()
            if window_has(_SSN_CTX, text, s, e, 24):
                add("US_SSN", s, e, 0.99)
            elif m.group(2) == "-" and not lookalike(text, s):
                add("US_SSN", s, e, 0.8)
        for m in _PHONE.finditer(text):
            digits = sum(c.isdigit() for c in m.group(0))
            if not 8 <= digits <= 15:
                continue
            s, e = m.start(), m.end()
            if window_has(_PHONE_CTX, text, s, e, 20):
                add("PHONE", s, e, 0.99)
            elif not lookalike(text, s):
                add("PHONE", s, e, 0.9)
        if "." in text:
            for m in _IPV4.finditer(text):
                if all(int(p) <= 255 and (p == "0" or not p.startswith("0")) for p in m.group(1).split(".")):
                    s = m.start()
                    if not window_has(_VERSION_CTX, text, s, m.end(), 12):
                        add("IP_ADDRESS", s, m.end(), 0.95)
        if "::" in text or text.count(":") >= 5:
            for m in _IPV6.finditer(text):
                cand = m.group(1)
                if sum(c in "0123456789abcdefABCDEF" for c in cand) < 4:
                    continue
                try:
                    ipaddress.IPv6Address(cand.split("%")[0])
                except ValueError:
                    continue
                add("IP_ADDRESS", m.start(), m.end(), 0.95)
        return out
