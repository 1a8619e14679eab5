"""Japanese PII: My Number, Corporate Number, phone numbers, postal codes, bank accounts, passports, driver's
licences. Runs on NFKC-normalised text, so full-width digits are plain digits here."""

from __future__ import annotations

import re

from aikojo.guardrails.checksums import is_valid_corporate_number, is_valid_my_number, luhn_ok
from aikojo.guardrails.context import DASH, SEP, lookalike, window_has
from aikojo.guardrails.gazetteer import PREFECTURE_STEMS
from aikojo.guardrails.normalise import Normalised
from aikojo.guardrails.types import Finding

_D = rf"[{DASH}]"

_MY_NUMBER = re.compile(r"(?<![0-9A-Za-z_-])(\d{4})([ -]?)(\d{4})\2(\d{4})(?![\d-])")
_MY_NUMBER_CTX = re.compile(r"マイナンバー|個人番号|my\s?number|通知カード|番号カード", re.IGNORECASE)
_LICENCE_CTX = re.compile(r"免許|driver'?s?\s?licen[cs]e|driving\s?licen[cs]e|\bDL\b", re.IGNORECASE)

# Corporate numbers are also printed as T + 13 digits (適格請求書発行事業者登録番号), so T may precede.
_CORP_NUMBER = re.compile(r"(?<![0-9A-Za-z_-])T?(\d{13}|\d-?\d{4}-?\d{4}-?\d{4})(?![\d-])")
_CORP_CTX = re.compile(r"法人番号|登録番号|corporate\s?number|インボイス|適格", re.IGNORECASE)

_PHONE = re.compile(
    rf"(?<![0-9A-Za-z_+{DASH}.])(?:"
    rf"(?P<intl>\+81{SEP}(?:\(0\){SEP})?\(?\d{{1,4}}\)?{SEP}\d{{1,4}}{SEP}\d{{4}})"
    rf"|(?P<mobile>0[5-9]0{SEP}\d{{4}}{SEP}\d{{4}})"
    rf"|(?P<free>(?:0120|0570){SEP}\d{{3}}{SEP}\d{{3}}|0800{SEP}\d{{3}}{SEP}\d{{4}})"
    rf"|(?P<land>\(?0\d{{1,4}}(?:\)[ \t]?|\(|{SEP})\d{{1,4}}(?:\)|{SEP})\d{{4}})"
    rf")(?![\d{DASH}]|\.\d)"
)
_PHONE_CTX = re.compile(r"電話|携帯|tel|phone|fax|連絡先|ダイヤル|番号は|call", re.IGNORECASE)

_POSTAL = re.compile(rf"(?P<mark>〒[ \t]?)?(?<![\d{DASH}])(\d{{3}}){_D}?(\d{{4}})(?![\d{DASH}])")
_POSTAL_BEFORE = re.compile(r"郵便番号|住所|所在地|送付先|postal|zip|post\s?code", re.IGNORECASE)
_POSTAL_AFTER = re.compile(rf"{PREFECTURE_STEMS}|[都道府県市区町村]|丁目|番地")

_ACCOUNT = re.compile(r"(?<![0-9A-Za-z_-])(\d{7})(?![\d-])")
_ACCOUNT_CTX = re.compile(
    r"口座|普通|当座|預金|総合|account\s?(?:no\.?|number|#)?|a/c", re.IGNORECASE
)

_PASSPORT = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{7})(?!\d)")
_PASSPORT_CTX = re.compile(r"旅券|パスポート|passport", re.IGNORECASE)

_LICENCE = re.compile(r"(?<![0-9A-Za-z_-])(\d{4}[ -]?\d{4}[ -]?\d{4})(?![\d-])")


class JapanesePII:
    """Detector for Japanese identifiers; every number family is validated by structure, check digit or
    context before it is reported."""

    name = "pii_ja"

    def detect(self, norm: Normalised) -> list[Finding]:
        text = norm.text
        out: list[Finding] = []
        if not any(c.isdigit() for c in text):
            return out

        def add(kind: str, s: int, e: int, score: float) -> None:
            os_, oe = norm.to_original(s, e)
            out.append(Finding(kind, os_, oe, round(score, 3), self.name))

        for m in _LICENCE.finditer(text):
            if window_has(_LICENCE_CTX, text, m.start(), m.end(), 24):
                add("DRIVERS_LICENSE", m.start(), m.end(), 0.95)
        for m in _MY_NUMBER.finditer(text):
            s, e = m.start(), m.end()
            if not is_valid_my_number(m.group(0)) or window_has(_LICENCE_CTX, text, s, e, 24):
                continue
            card = re.match(rf"{re.escape(m.group(2))}(\d{{4}})(?!\d)", text[e:]) if m.group(2) else None
            if card and luhn_ok(m.group(0) + m.group(2) + card.group(1)):
                continue  # the first three groups of a 4-4-4-4 card number, not a My Number
            if window_has(_MY_NUMBER_CTX, text, s, e, 24, 4):
                add("MY_NUMBER", s, e, 0.99)
            elif not lookalike(text, s):
                add("MY_NUMBER", s, e, 0.85 if m.group(2) else 0.7)
        for m in _CORP_NUMBER.finditer(text):
            s, e = m.start(1), m.end(1)
            if not is_valid_corporate_number(m.group(1)):
                continue
            if m.group(0).startswith("T") or window_has(_CORP_CTX, text, s, e, 24):
                add("CORPORATE_NUMBER", m.start(), e, 0.99)
            elif not lookalike(text, s):
                add("CORPORATE_NUMBER", s, e, 0.7)
        self._phones(text, add)
        for m in _POSTAL.finditer(text):
            s, e = m.start(), m.end()
            if m.group("mark"):
                add("POSTAL_CODE", s, e, 0.99)
            elif window_has(_POSTAL_BEFORE, text, s, e, 12) or window_has(_POSTAL_AFTER, text, s, e, 0, 8):
                add("POSTAL_CODE", s, e, 0.9)
        for m in _ACCOUNT.finditer(text):
            if window_has(_ACCOUNT_CTX, text, m.start(), m.end(), 16):
                add("BANK_ACCOUNT", m.start(), m.end(), 0.95)
        for m in _PASSPORT.finditer(text):
            if window_has(_PASSPORT_CTX, text, m.start(), m.end(), 24):
                add("PASSPORT", m.start(), m.end(), 0.95)
        return out

    @staticmethod
    def _phones(text: str, add) -> None:  # type: ignore[no-untyped-def]
        for m in _PHONE.finditer(text):
            raw = m.group(0)
            digits = "".join(c for c in raw if c.isdigit())
            kind = m.lastgroup
            if kind == "intl":
                national = digits[2:]
                if national.startswith("0"):
                    national = national[1:]
                if len(national) not in (9, 10) or national[0] == "0":
                    continue
            elif kind == "land" and not _landline_ok(raw, digits):
                continue
            s, e = m.start(), m.end()
            has_sep = len(digits) != len(raw)
            if window_has(_PHONE_CTX, text, s, e, 20):
                score = 0.99
            elif lookalike(text, s):
                continue
            else:
                score = 0.95 if has_sep or kind in ("intl", "mobile", "free") else 0.75
            add("PHONE", s, e, score)


def _landline_ok(raw: str, digits: str) -> bool:
    """Japanese landlines have 10 digits: an area code (0 + 1–4 digits) and exchange totalling 6, then 4."""
    if len(digits) != 10 or digits[1] == "0":
        return False
    groups = re.findall(r"\d+", raw)
    if len(groups) == 3:
        return 2 <= len(groups[0]) <= 5 and len(groups[0]) + len(groups[1]) == 6 and len(groups[2]) == 4
    # Unseparated 10 digits starting 0[1-9]: structure cannot be checked, caller scores it lower.
    return len(groups) == 1
