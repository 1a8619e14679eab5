"""Undo what attackers do to hide an instruction's words from a filter, so rules and the model read the words.

Three kinds; the first two applied to text that ``normalise`` has already put through NFKC (full-width, ligatures and
mathematical letters are plain ASCII by then) and stripped of invisible characters:

- in-place folds of the text before its views are lower-cased (``fold_view``): look-alike Cyrillic and Greek
  letters inside Latin words ("Іgnоrе рrеvіоus іnstruсtіоns", where і, о, е, р, с are Cyrillic), word by word,
  string concatenation ('ign' + 'ore prev' + 'ious') and Japanese spelled one character at a time ("シ ス テ ム",
  one per line). Each only when the sign of evasion is there, so ordinary Russian or Greek text, ordinary code and
  short spaced names are read as written;
- payloads decoded out of the text (``decoded_payloads``), each scored on its own, the higher score winning:
  base64 and hex blobs that decode to readable UTF-8, percent-encoded text, the whole text in ROT13 or
  reversed when it names that encoding and then reads more like language — a model has to be told to decode
  ROT13 or read backwards, and decoding every text blindly would double the work for nothing — Japanese
  spelled in hiragana, its loanwords read as katakana, and garak's encodings: base32, Morse and Braille;
- text hidden in characters that render as nothing (``hidden_payloads``, read from the original text, since
  ``normalise`` drops them): Unicode tag characters and variation selectors.

Stacked combining marks ("Zalgo") are dropped from the views with the other folds.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from collections.abc import Iterator
from urllib.parse import unquote_plus

from aikojo.guardrails.hidden_text import hidden_bytes

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
# Japanese spelled one character at a time ("シ ス テ ム", one per line, or "シ*ス*テ*ム"): six or more kana or kanji,
# each followed by the same separator. Ordinary Japanese never writes single characters so, and n-grams only see
# the words once the separators are gone.
_JA_CHAR = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff々〆ー、。「」『』！？（）"
_SPACED_JA = re.compile(f"[{_JA_CHAR}](\\s+|\\s*[*/・_|.,\\-]\\s*)(?:[{_JA_CHAR}]\\1){{4,}}[{_JA_CHAR}]")
# Combining marks left after NFKC (which composes é, ü and the kana voicing marks) stack on letters only to hide
# them: "Zalgo" text, i̷g̸n̵o̶r̷e̸. The view reads the letters.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# Up to six "=": base32 pads that far, and its blobs are found by this same scan.
_B64 = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{16,}={0,6}(?![A-Za-z0-9+/=])")
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
    # Combining marks first: between a Cyrillic and a Latin letter they hide the mixed-script pair.
    if _COMBINING.search(text):
        text = _COMBINING.sub("", text)
    if _LOOK_CHAR.search(text) and _MIXED_PAIR.search(text):
        text = _WORD.sub(lambda m: m.group(0).translate(_FOLD) if _MIXED_PAIR.search(m.group(0)) else m.group(0), text)
    if "+" in text and len(_CONCAT.findall(text)) >= 2:
        text = _CONCAT.sub("", text)
    if _SPACED_JA.search(text):
        text = _SPACED_JA.sub(lambda m: m.group(0).replace(m.group(1), ""), text)
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


# garak's encoding probes and their kin: Morse, Braille and base32 spell an instruction a filter cannot read but a
# model can. Each is looked for with a quick pattern first, so ordinary text costs a scan or two.
MORSE_CODE = {
    ".-": "a", "-...": "b", "-.-.": "c", "-..": "d", ".": "e", "..-.": "f", "--.": "g", "....": "h", "..": "i",
    ".---": "j", "-.-": "k", ".-..": "l", "--": "m", "-.": "n", "---": "o", ".--.": "p", "--.-": "q", ".-.": "r",
    "...": "s", "-": "t", "..-": "u", "...-": "v", ".--": "w", "-..-": "x", "-.--": "y", "--..": "z",
    "-----": "0", ".----": "1", "..---": "2", "...--": "3", "....-": "4", ".....": "5", "-....": "6", "--...": "7",
    "---..": "8", "----.": "9", ".-.-.-": ".", "--..--": ",", "..--..": "?", "-.-.--": "!", ".----.": "'",
}
_MORSE_MARKS = str.maketrans({"_": "-", "−": "-", "–": "-", "—": "-", "·": ".", "•": "."})
# Eight or more dot-dash groups separated by spaces, a slash or a bar (a word gap).
_MORSE = re.compile(r"(?:[.\-_·•−–—]{1,8}(?: {1,7}|[ \t]*[/|\n][ \t]*)){7,}[.\-_·•−–—]{1,8}")
_MORSE_WORD_GAP = re.compile(r"[ \t]*[/|\n][ \t]*| {3,}")
# Three marks with two gaps: a quick test before the full pattern (which costs five times as much on 1 KB).
_MORSE_HINT = re.compile(r"[.\-_·•−–—] ?[ /|] ?[.\-_·•−–—] ?[ /|] ?[.\-_·•−–—]")
_BRAILLE_CHAR = re.compile("[\u2800-\u28ff]")
# Six or more cells, words apart by the blank cell or an ASCII space (garak writes ASCII spaces between words).
_BRAILLE = re.compile("[\u2801-\u28ff](?:[ \u2800]?[\u2801-\u28ff]){5,}")
# Grade-1 Braille letters by their dot bits (dot n is bit n-1 of the code point after U+2800).
_BRAILLE_DOTS = {
    "a": "1", "b": "12", "c": "14", "d": "145", "e": "15", "f": "124", "g": "1245", "h": "125", "i": "24",
    "j": "245", "k": "13", "l": "123", "m": "134", "n": "1345", "o": "135", "p": "1234", "q": "12345", "r": "1235",
    "s": "234", "t": "2345", "u": "136", "v": "1236", "w": "2456", "x": "1346", "y": "13456", "z": "1356",
}
BRAILLE_LETTERS = {0x2800 + sum(1 << (int(d) - 1) for d in dots): letter for letter, dots in _BRAILLE_DOTS.items()}
BRAILLE_LETTERS.update({0x2800: " ", 0x2802: ",", 0x2832: ".", 0x2826: "?", 0x2816: "!"})
# After the number sign, the letters a–j are the digits 1–9 and 0: BRAILLE_DIGITS[d] is the letter of digit d.
BRAILLE_DIGITS = "jabcdefghi"
# A base64-shaped blob (``_B64``) written in base32's alphabet alone.
_BASE32 = re.compile(r"[A-Z2-7]+=*")


def _decode_morse(run: str) -> str | None:
    words = [w.split() for w in _MORSE_WORD_GAP.split(run.translate(_MORSE_MARKS))]
    tokens = [t for word in words for t in word]
    # Most groups must be letters: a stray ruler ("-.-.-.-") or an ellipsis beside the code is skipped, not fatal.
    if sum(t in MORSE_CODE for t in tokens) < 0.8 * len(tokens):
        return None
    decoded = " ".join("".join(MORSE_CODE.get(t, "") for t in word) for word in words if word).strip()
    # "- - - - - - - -" (a ruler of dashes) is "tttttttt": a payload spells several letters.
    return decoded if len(set(decoded) - set(" .,?!'")) >= 4 else None


def _decode_braille(run: str) -> str | None:
    # The capital sign (dot 6) only capitalises the next letter: reading it as nothing loses no word. The number
    # sign (dots 3456) reads a–j as 1–0 until the word ends.
    out: list[str] = []
    number = False
    for c in run:
        cp = ord(c)
        if cp == 0x2820:
            continue
        if cp == 0x283C:
            number = True
            continue
        letter = " " if c == " " else BRAILLE_LETTERS.get(cp, "")
        number = number and letter != " "
        out.append(str(BRAILLE_DIGITS.index(letter)) if number and letter and letter in BRAILLE_DIGITS else letter)
    decoded = "".join(out)
    return decoded if sum(c.isalpha() for c in decoded) >= 6 else None


def _decode_base32(blob: str) -> str | None:
    try:
        return _readable(base64.b32decode(blob.rstrip("=") + "=" * (-len(blob.rstrip("=")) % 8)))
    except (binascii.Error, ValueError):
        return None


def _decode_blob(blob: str) -> str | None:
    """A ``_B64`` blob decoded as base32 when it is written in that alphabet and reads so, else as base64."""
    return (_decode_base32(blob) if _BASE32.fullmatch(blob) else None) or _decode_base64(blob)


def _spelled_payloads(text: str) -> list[str]:
    """Morse and Braille runs of ``text``, decoded (the ones that decode)."""
    out: list[str | None] = []
    if _MORSE_HINT.search(text):
        out += [_decode_morse(m.group(0)) for m in _MORSE.finditer(text)]
    if _BRAILLE_CHAR.search(text):
        out += [_decode_braille(m.group(0)) for m in _BRAILLE.finditer(text)]
    return [d for d in out if d is not None]


def hidden_payloads(original: str) -> list[str]:
    """Text smuggled into ``original`` (before normalisation) in tag characters or variation selectors, each kind
    read across the whole text (``hidden_text.hidden_bytes``), when it is readable UTF-8 of 8+ characters."""
    return [d for d in map(_readable, hidden_bytes(original)) if d is not None]

# At most this many payloads per text: a text stuffed with blobs must not multiply the scoring work.
MAX_PAYLOADS = 8


def decoded_payloads(text: str, whole_text: bool = True) -> list[str]:
    """What ``text`` says once decoded: readable base64 and hex blobs, and, with ``whole_text``, the text
    percent-decoded, in ROT13 or reversed when it names that trick and reads more like language so, and with its
    hiragana loanwords in katakana. Each is scored like the text itself; none equals ``text``."""
    out = [d for d in (_decode_blob(m.group(0)) for m in _B64.finditer(text)) if d is not None]
    out += [d for _, d in _hex_blobs(text) if d is not None]
    out += _spelled_payloads(text)
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
