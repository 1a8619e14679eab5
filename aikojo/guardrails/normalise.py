"""Text normalisation with an offset map back to the original text.

Detectors run on normalised text (NFKC, so full-width ０９０ becomes 090 and ＡＫＩＡ becomes AKIA; invisible
characters removed, so zero-width splitting does not defeat a pattern). Findings must point into the text the
caller sent, so every normalised character remembers the span of original characters it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

# Characters that render as nothing but can split a keyword or a number: zero-width space/joiners, word
# joiner, BOM, soft hyphen, bidi controls, variation selectors and the tag block used to smuggle text.
_INVISIBLE = frozenset(
    [
        0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0,
        *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2070), *range(0xFE00, 0xFE10),
        *range(0xE0000, 0xE0080),
    ]
)


def _is_invisible(ch: str) -> bool:
    cp = ord(ch)
    return cp in _INVISIBLE or 0xE0100 <= cp <= 0xE01EF


# The same set as one character class, so the fast path below is a single C-level search.
_INVISIBLE_RE = re.compile(
    "[" + "".join(re.escape(chr(cp)) for cp in sorted(_INVISIBLE)) + "\U000E0100-\U000E01EF]"
)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text plus, for each normalised character, the original [start, end) it came from."""

    original: str
    text: str
    starts: tuple[int, ...] | None  # None: offsets are the identity (each character became one character)
    ends: tuple[int, ...] | None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to a span of the original text."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def normalise(text: str) -> Normalised:
    """NFKC-normalise ``text`` character by character and drop invisible characters.

    Character-wise NFKC (rather than whole-string) keeps the offset map exact; the composition it would lose, a
    base letter with a separate combining mark, is restored for the kana voicing marks (ｸﾞ → グ), the one case
    detectors depend on.
    """
    # Fast path: most business text is already NFKC with nothing invisible, and the check runs in C.
    if unicodedata.is_normalized("NFKC", text) and _INVISIBLE_RE.search(text) is None and not _has_surrogate(text):
        return Normalised(text, text, None, None)
    out = text.translate(_TABLE)
    odd = [cp for cp in {ord(c) for c in text} if cp >= 0x80 and not _one_char(cp)]
    voiced = "\u3099" in out or "\u309a" in out
    if not odd and not voiced:  # every character became exactly one character: offsets are the identity
        return Normalised(text, out, None, None)
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    lengths = np.ones(len(text), dtype=np.intp)
    for cp in odd:
        lengths[cps == cp] = len(_TABLE[cp] or "")
    starts = np.repeat(np.arange(len(text), dtype=np.intp), lengths)
    if voiced:
        return _compose_voiced(text, out, starts.tolist(), (starts + 1).tolist())
    return Normalised(text, out, tuple(starts.tolist()), tuple((starts + 1).tolist()))


def _compose_voiced(original: str, out: str, starts: list[int], ends: list[int]) -> Normalised:
    """Half-width katakana writes the voicing marks apart (ｸﾞ); character-wise NFKC leaves them as combining
    marks (ク + U+3099), which no tokenizer or pattern reads as グ. Compose each pair into one character whose
    span covers both originals — bank account-holder names are routinely written in half-width kana."""
    chars: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    for i, ch in enumerate(out):
        if ch in "\u3099\u309a" and chars:
            composed = unicodedata.normalize("NFC", chars[-1] + ch)
            if len(composed) == 1:
                chars[-1] = composed
                new_ends[-1] = ends[i]
                continue
        chars.append(ch)
        new_starts.append(starts[i])
        new_ends.append(ends[i])
    return Normalised(original, "".join(chars), tuple(new_starts), tuple(new_ends))


class _CharTable(dict[int, "str | None"]):
    """``str.translate`` table: code point → its character-wise NFKC, or None (deleted) when invisible. Filled
    on first sight of each character, so after warm-up the whole translation runs in C."""

    def __missing__(self, cp: int) -> str | None:
        ch = chr(cp)
        # A lone surrogate (JSON allows "\ud800") cannot be encoded for any detector; U+FFFD keeps its offset.
        value = "\ufffd" if 0xD800 <= cp <= 0xDFFF else None if _is_invisible(ch) else unicodedata.normalize(
            "NFKC", ch)
        if len(self) < 200_000:
            self[cp] = value
        return value


_TABLE = _CharTable()


def _one_char(cp: int) -> bool:
    value = _TABLE[cp]
    return value is not None and len(value) == 1
