"""Context windows: the words around a number decide whether it is PII or a look-alike.

A valid check digit is strong evidence but not proof (one random 12-digit order number in ten passes the My
Number check). Positive context (マイナンバー, 口座番号, phone) raises the score; look-alike context (注文番号, invoice,
tracking, version) drops the candidate. Windows are measured in normalised characters.
"""

from __future__ import annotations

import re

# Separators seen between digit groups in Japanese text after NFKC: ASCII hyphen plus dashes NFKC keeps
# (‐ ‑ ‒ – — ― − and the katakana prolonged sound mark ー, which people type for a hyphen).
DASH = r"\-‐‑‒–—―−ー"
SEP = rf"(?:[ \t]?[{DASH}][ \t]?|[ \t])?"

# Identifiers that are not personal data: numbers next to these words are look-alikes, not PII.
LOOKALIKE_CONTEXT = re.compile(
    r"注文|受注|発注|オーダー|請求書|請求番号|インボイス|伝票|追跡|問い?合わせ番号|問合せ番号|管理番号|会員番号|品番|型番|"
    r"部品|製品番号|商品番号|商品コード|シリアル|受付番号|申込番号|予約番号|整理番号|案件番号|チケット|ロット|"
    r"バージョン|タイムスタンプ|バーコード|JAN|EAN|ISBN|"
    r"\b(?:order|invoice|inv|tracking|track|ticket|sku|serial|s/n|ref|reference|po|product|"
    r"lot|batch|build|version|ver|release|timestamp|isbn|ean|upc|booking|confirmation)\b",
    re.IGNORECASE,
)


def window_has(rx: re.Pattern[str], text: str, start: int, end: int, before: int, after: int = 0) -> bool:
    """True when ``rx`` matches within ``before`` chars before ``start`` or ``after`` chars after ``end``."""
    if before and rx.search(text, max(0, start - before), start):
        return True
    return bool(after and rx.search(text, end, min(len(text), end + after)))


def lookalike(text: str, start: int, before: int = 16) -> bool:
    """True when a look-alike identifier word precedes the candidate closely."""
    return bool(LOOKALIKE_CONTEXT.search(text, max(0, start - before), start))
