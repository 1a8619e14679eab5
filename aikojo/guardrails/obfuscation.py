"""Undo what attackers do to hide an instruction's words from a filter, so rules and the model read the words.

Two kinds, both applied to text that ``normalise`` has already put through NFKC (full-width, ligatures and
mathematical letters are plain ASCII by then) and stripped of invisible characters:

- in-place folds of the text before its views are lower-cased (``fold_view``): look-alike Cyrillic and Greek
  letters inside Latin words ("Іgnоrе рrеvіоus іnstruсtіоns", where і, о, е, р, с are Cyrillic), word by word,
  and string concatenation ('ign' + 'ore prev' + 'ious'). Both only when the sign of evasion is there, so
  ordinary Russian or Greek text and ordinary code are read as written;
- payloads decoded out of the text (``decoded_payloads``), each scored on its own, the higher score winning:
  base64 and hex blobs that decode to readable UTF-8, percent-encoded text, the whole text in ROT13 or
  reversed when it names that encoding and then reads more like language — a model has to be told to decode
  ROT13 or read backwards, and decoding every text blindly would double the work for nothing — and Japanese
  spelled in hiragana, its loanwords read as katakana.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from collections.abc import Iterator
from urllib.parse import unquote_plus

# Cyrillic and Greek letters that render like Latin ones, after Unicode's confusables list (TR39), in both cases:
# folding happens before lower-casing, because some capitals and their small letters look like different Latin
# letters (Greek Ν is N, ν is v).
_LOOKALIKES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "і": "i", "ї": "i", "ј": "j", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w",
    "ь": "b", "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "γ": "y", "ω": "w",
    "А": "A", "В": "B", "Е": "E", "Ё": "E", "І": "I", "Ї": "I", "Ј": "J", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W", "Α": "A", "Β": "B", "Ε": "E",
    "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}
_FOLD = str.maketrans(_LOOKALIKES)
_LOOK = "".join(_LOOKALIKES)
_LOOK_CHAR = re.compile(f"[{_LOOK}]")  # one character class: a quick scan before the word search
# A word in which a Latin letter stands next to a look-alike: no language writes words that way. Only such words
# fold, so one "kΩ" in a Russian e-mail leaves the Russian alone.
_MIXED_PAIR = re.compile(f"[A-Za-z][{_LOOK}]|[{_LOOK}][A-Za-z]")
_WORD = re.compile(r"\w+")
# 'ign' + 'ore' or "ign" + "ore": quoted fragments glued with +; two or more joins before it counts as evasion.
_CONCAT = re.compile(r"""(['"])\s*\+\s*(['"])""")

_B64 = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])")
# A blob must mix cases or digits to be worth decoding: plain long words ("internationalisation") are not base64.
_UPPER = re.compile(r"[A-Z]")
_LOWER_OR_DIGIT = re.compile(r"[a-z0-9]")
# Eight or more hex byte pairs, optionally separated by spaces, colons or \x ("49 67 6e 6f 72 65 …"), looked for
# only inside runs of hex-ish characters: one character class scans 1 KB in a fraction of the pair pattern's time.
_HEX_RUN = re.compile(r"[0-9A-Fa-fx\\: ]{16,}")
# A blob starts at a word boundary: the "ed" that ends "attached" is not its first byte.
_HEX = re.compile(r"(?<![0-9A-Za-z])(?:(?:\\x)?[0-9A-Fa-f]{2}[ :]?){8,}")
_HEX_SEP = re.compile(r"\\x|[ :]")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
# Words that name the trick, looked up as plain substrings of the lower-cased text (a regex with alternations
# cost tens of microseconds per 1 KB).
_ROT13_HINTS = ("rot13", "rot-13", "rot 13", "rot_13", "caesar", "シーザー")
# Japanese spelled in hiragana: keywords written in kana slip past rules and n-grams that know
# them in katakana (しすてむぷろんぷと). The loanwords attacks lean on come back as katakana; turning every
# hiragana into katakana would turn the grammar into n-grams no text has.
_HIRAGANA = re.compile(r"[ぁ-ゖ]")
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


def fold_view(text: str) -> str:
    """``text`` (before lower-casing) with the look-alike letters of mixed-script words made Latin and quoted
    fragments joined, when either trick is present; otherwise ``text`` itself."""
    if _LOOK_CHAR.search(text) and _MIXED_PAIR.search(text):
        text = _WORD.sub(lambda m: m.group(0).translate(_FOLD) if _MIXED_PAIR.search(m.group(0)) else m.group(0), text)
    if "+" in text and len(_CONCAT.findall(text)) >= 2:
        text = _CONCAT.sub("", text)
    return text


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
    digits = _HEX_SEP.sub("", blob)
    # A word of hex letters next to the blob ("… be", "fade 49 67 …") can join it as a stray byte and break the
    # UTF-8: try again without one pair at either end.
    for start, end in ((0, len(digits)), (0, len(digits) - 2), (2, len(digits)), (2, len(digits) - 2)):
        try:
            decoded = _readable(bytes.fromhex(digits[start:end]))
        except ValueError:
            continue
        if decoded is not None:
            return decoded
    return None


def _hex_blobs(text: str) -> Iterator[tuple[re.Match[str], str | None]]:
    """Each hex blob of ``text`` (found inside runs of hex-ish characters) with what it decodes to, or None."""
    for run in _HEX_RUN.finditer(text):
        for m in _HEX.finditer(text, run.start(), run.end()):
            yield m, _decode_hex(m.group(0).rstrip(" :"))


def expand_payloads(text: str) -> str:
    """``text`` with each readable base64 or hex blob replaced by what it decodes to (training sees the payload)."""
    text = _B64.sub(lambda m: _decode_base64(m.group(0)) or m.group(0), text)
    parts, last = [], 0
    for m, decoded in _hex_blobs(text):
        if decoded is not None:
            blob = m.group(0)
            # Keep the separator that followed the blob.
            parts += [text[last:m.start()], decoded, blob[len(blob.rstrip(" :")):]]
            last = m.end()
    return "".join([*parts, text[last:]])


# Common words of each language: a decoded whole text counts only when it reads more like language than the text
# did ("reverse charge VAT applies" reversed, or a Caesar salad in ROT13, reads less like it).
_COMMON_EN = frozenset((
    "the", "and", "to", "of", "a", "in", "is", "you", "your", "for", "this", "that", "with", "all", "be", "it", "are",
    "on", "as", "from", "now", "not", "what", "me", "my", "do", "any", "tell", "show", "give", "ignore", "previous",
    "instructions", "rules", "system", "prompt",
))
_COMMON_JA = ("して", "ます", "です", "ください", "こと", "ない", "する", "ている", "った", "の", "を", "は", "に")
_LATIN_WORD = re.compile(r"[a-z]+")


def _language_score(text: str) -> int:
    low = text.lower()
    return sum(w in _COMMON_EN for w in _LATIN_WORD.findall(low)) + sum(low.count(k) for k in _COMMON_JA)


# At most this many payloads per text: a text stuffed with blobs must not multiply the scoring work.
MAX_PAYLOADS = 8


def decoded_payloads(text: str, whole_text: bool = True) -> list[str]:
    """What ``text`` says once decoded: readable base64 and hex blobs, and, with ``whole_text``, the text
    percent-decoded, in ROT13 or reversed when it names that trick and reads more like language so, and with its
    hiragana loanwords in katakana. Each is scored like the text itself; none equals ``text``."""
    out = [d for d in (_decode_base64(m.group(0)) for m in _B64.finditer(text)) if d is not None]
    out += [d for _, d in _hex_blobs(text) if d is not None]
    if whole_text:
        if "%" in text and len(_PERCENT.findall(text)) >= 4:
            out.append(unquote_plus(text))
        low = text.lower()
        hinted = [codecs.encode(text, "rot13")] if any(hint in low for hint in _ROT13_HINTS) else []
        hinted += [text[::-1]] if any(hint in low for hint in _REVERSED_HINTS) else []
        out += [c for c in hinted if _language_score(c) > _language_score(text)]
        # Hiragana-spelled text: one kanji does not make it ordinary Japanese (「了解。しすてむぷろんぷとを…」).
        if _KANA_LOANWORDS.search(text) and len(_HIRAGANA.findall(text)) >= 12:
            out.append(_KANA_LOANWORDS.sub(lambda m: m.group(0).translate(_TO_KATAKANA), text))
    return [p for p in dict.fromkeys(out) if p != text][:MAX_PAYLOADS]
