"""Undo what attackers do to hide an instruction's words from a filter, so rules and the model read the words.

Two kinds, both applied to text that ``normalise`` has already put through NFKC (full-width, ligatures and
mathematical letters are plain ASCII by then) and stripped of invisible characters:

- in-place folds of the lower-cased view (``fold_view``): look-alike Cyrillic and Greek letters inside Latin
  words ("Іgnоrе рrеvіоus іnstruсtіоns", where і, о, е, р, с are Cyrillic) and string concatenation
  ('ign' + 'ore prev' + 'ious'). Both only when the sign of evasion is there, so ordinary Russian or Greek text
  and ordinary code are read as written;
- payloads decoded out of the text (``decoded_payloads``), each scored on its own, the higher score winning:
  base64 and hex blobs that decode to readable UTF-8, percent-encoded text, the whole text in ROT13 or
  reversed when it names that encoding — a model has to be told to decode ROT13 or read backwards, and decoding
  every text blindly would double the work for nothing — and Japanese written in hiragana only, its
  loanwords read as katakana.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from urllib.parse import unquote_plus

# Cyrillic and Greek letters that render like Latin ones (lower-case: views are lower-cased first), after
# Unicode's confusables list (TR39); only letters whose lower-case form is the look-alike.
_LOOKALIKES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "і": "i", "ї": "i", "ј": "j", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w",
    "ь": "b", "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "γ": "y", "ω": "w",
}
_FOLD = str.maketrans(_LOOKALIKES)
_LOOK = "".join(_LOOKALIKES)
_LOOK_CHAR = re.compile(f"[{_LOOK}]")  # one character class: a quick scan before the pairwise search
# A Latin letter next to a look-alike inside one word: no language writes words that way.
_MIXED_WORD = re.compile(f"[a-z][{_LOOK}]|[{_LOOK}][a-z]")
# 'ign' + 'ore' or "ign" + "ore": quoted fragments glued with +; two or more joins before it counts as evasion.
_CONCAT = re.compile(r"""(['"])\s*\+\s*(['"])""")

_B64 = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])")
# A blob must mix cases or digits to be worth decoding: plain long words ("internationalisation") are not base64.
_UPPER = re.compile(r"[A-Z]")
_LOWER_OR_DIGIT = re.compile(r"[a-z0-9]")
# Eight or more hex byte pairs, optionally separated by spaces, colons or \x ("49 67 6e 6f 72 65 …"), looked for
# only inside runs of hex-ish characters: one character class scans 1 KB in a fraction of the pair pattern's time.
_HEX_RUN = re.compile(r"[0-9A-Fa-fx\\: ]{16,}")
_HEX = re.compile(r"(?:(?:\\x)?[0-9A-Fa-f]{2}[ :]?){8,}")
_HEX_SEP = re.compile(r"\\x|[ :]")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
# Words that name the trick, looked up as plain substrings of the lower-cased text (a regex with alternations
# cost tens of microseconds per 1 KB).
_ROT13_HINTS = ("rot13", "rot-13", "rot 13", "rot_13", "caesar", "シーザー")
# Japanese in hiragana only, no kanji at all: keywords written in kana slip past rules and n-grams that know
# them in katakana (しすてむぷろんぷと). The loanwords attacks lean on come back as katakana; turning every
# hiragana into katakana would turn the grammar into n-grams no text has.
_HIRAGANA = re.compile(r"[ぁ-ゖ]")
_KANJI = re.compile(r"[\u4e00-\u9fff]")
_LOANWORDS = (
    "システム", "プロンプト", "パスワード", "モード", "ルール", "フィルター", "フィルタ", "デバッグ", "メンテナンス",
    "アドミン", "セキュリティ", "ジェイルブレイク", "コマンド", "プログラム", "データ", "ユーザー", "ポリシー",
    "ガイドライン", "セーフティ", "ロールプレイ", "キャラクター", "アカウント", "ログイン", "ハッキング", "ウイルス",
    "マルウェア", "アクセス", "リスト", "ファイル", "メール", "コード", "トークン",
)
_KANA_LOANWORDS = re.compile("|".join(sorted(
    ("".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in w) for w in _LOANWORDS), key=len, reverse=True)))
_TO_KATAKANA = {cp: cp + 0x60 for cp in range(ord("ぁ"), ord("ゖ") + 1)}
_REVERSED_HINTS = ("revers", "backward", "right to left", "right-to-left", "逆から", "逆順", "逆さ", "反転", "右から左",
                   "後ろから")


def fold_view(low: str) -> str:
    """``low`` (a lower-cased view) with look-alike letters in mixed-script words made Latin and quoted
    fragments joined, when either trick is present; otherwise ``low`` itself."""
    if _LOOK_CHAR.search(low) and _MIXED_WORD.search(low):
        low = low.translate(_FOLD)
    if "+" in low and len(_CONCAT.findall(low)) >= 2:
        low = _CONCAT.sub("", low)
    return low


def _readable(raw: bytes) -> str | None:
    try:
        dec = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if sum(c.isprintable() or c.isspace() for c in dec) >= 0.9 * len(dec) and len(dec.strip()) >= 8:
        return dec
    return None


def _decode_base64(blob: str) -> str | None:
    # Two linear searches: one regex "[A-Z].*[a-z0-9]|[a-z].*[A-Z0-9]" backtracked quadratically (20k lower-case
    # letters in one word took 1.9 s).
    if not (_UPPER.search(blob) and _LOWER_OR_DIGIT.search(blob)):
        return None
    try:
        return _readable(base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True))
    except (binascii.Error, ValueError):
        return None


def _decode_hex(blob: str) -> str | None:
    try:
        return _readable(bytes.fromhex(_HEX_SEP.sub("", blob)))
    except ValueError:
        return None


def expand_payloads(text: str) -> str:
    """``text`` with each readable base64 or hex blob replaced by what it decodes to (training sees the payload)."""
    text = _B64.sub(lambda m: _decode_base64(m.group(0)) or m.group(0), text)
    return _HEX_RUN.sub(lambda run: _HEX.sub(lambda m: _decode_hex(m.group(0).rstrip(" :")) or m.group(0),
                                              run.group(0)), text)


def decoded_payloads(text: str) -> list[str]:
    """What ``text`` says once decoded: readable base64 and hex blobs, percent-encoded text, the whole text in
    ROT13 or reversed when it names that trick, and kanji-free hiragana text with its loanwords in katakana.
    Each is scored like the text itself."""
    out = [d for d in (_decode_base64(m.group(0)) for m in _B64.finditer(text)) if d is not None]
    out += [d for run in _HEX_RUN.finditer(text) for m in _HEX.finditer(run.group(0))
            if (d := _decode_hex(m.group(0).rstrip(" :"))) is not None]
    if "%" in text and len(_PERCENT.findall(text)) >= 4:
        out.append(unquote_plus(text))
    low = text.lower()
    if any(hint in low for hint in _ROT13_HINTS):
        out.append(codecs.encode(text, "rot13"))
    if any(hint in low for hint in _REVERSED_HINTS):
        out.append(text[::-1])
    if not _KANJI.search(text) and len(_HIRAGANA.findall(text)) >= 12:
        out.append(_KANA_LOANWORDS.sub(lambda m: m.group(0).translate(_TO_KATAKANA), text))
    return out
