"""Hidden text: characters that render as nothing but carry text a model can read.

Two encodings have no business in a prompt or an answer: the Unicode tag block (U+E0000–E007F) spells ASCII
("ASCII smuggling"), and variation selectors carry one byte each ("emoji smuggling": VS1–16 are 0–15, VS17–256
are 16–255). Both are invisible in every user interface, so a pasted e-mail or a retrieved web page can carry
instructions nobody saw, and a model can hide data in its answer the same way. ``normalise`` drops them so
detectors read the visible text; this detector reports them, in the original text's offsets, so the policy's action
(``redact`` by default) keeps them from reaching the model or the caller whether or not what they say scores as an
injection, and ``hidden_payloads`` gives the injection detector what they spell, read across the whole text (an
attacker can break the runs up with other invisible characters or spread one selector per visible character).

What stays: the three RGI subdivision flags (🏴 + "gbeng", "gbsct" or "gbwls" + cancel tag, the one legitimate use
of tags), a text or emoji presentation selector (VS15/VS16) after a character, even doubled as some emoji pickers
do (❤️), and an ideographic variation selector after a kanji (葛󠄀: names registries use them).
"""

from __future__ import annotations

import re

from aikojo.guardrails.normalise import Normalised
from aikojo.guardrails.types import Finding

_TAG_RUN = re.compile("[\U000e0000-\U000e007f]+")
_SELECTOR_RUN = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]+")
# An RGI subdivision flag: the black flag, the region code in tag letters, the cancel tag.
_FLAG = re.compile("\U0001f3f4(?:\U000e0067\U000e0062(?:\U000e0065\U000e006e\U000e0067|\U000e0073\U000e0063"
                   "\U000e0074|\U000e0077\U000e006c\U000e0073))\U000e007f")
_PRESENTATION = frozenset("\ufe0e\ufe0f")


def _ideograph(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3134F


def _selectors_hide(text: str, start: int, run: str) -> bool:
    if all(c in _PRESENTATION for c in run):
        return False
    if len(run) == 1 and ord(run) >= 0xE0100:
        return not (start > 0 and _ideograph(text[start - 1]))
    return True


def hidden_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each run of hidden text in ``text``; kind is "tags" or "selectors"."""
    if text.isascii():
        return []
    flags = [(m.start() + 1, m.end()) for m in _FLAG.finditer(text)] if "\U0001f3f4" in text else []
    out = [(m.start(), m.end(), "tags") for m in _TAG_RUN.finditer(text) if (m.start(), m.end()) not in flags]
    out += [(m.start(), m.end(), "selectors") for m in _SELECTOR_RUN.finditer(text)
            if _selectors_hide(text, m.start(), m.group(0))]
    return sorted(out)


def _selector_byte(c: str) -> int:
    cp = ord(c)
    return cp - 0xFE00 if cp <= 0xFE0F else cp - 0xE0100 + 16


def hidden_bytes(text: str) -> list[bytes]:
    """What the hidden runs of ``text`` carry, each kind read across the whole text: the tag characters as ASCII,
    the selectors one byte each (the caller judges whether the bytes read as text)."""
    spans = hidden_spans(text)
    tags = bytes(ord(c) - 0xE0000 for s, e, k in spans if k == "tags" for c in text[s:e]
                 if 0xE0020 <= ord(c) <= 0xE007E)
    data = bytes(_selector_byte(c) for s, e, k in spans if k == "selectors" for c in text[s:e])
    return [b for b in (tags, data) if b]


class HiddenText:
    name = "hidden_text"

    def detect(self, norm: Normalised) -> list[Finding]:
        if norm.original is norm.text:  # normalise's fast path: nothing invisible was there
            return []
        return [Finding("HIDDEN_TEXT", s, e, 1.0, f"{self.name}.{kind}") for s, e, kind in hidden_spans(norm.original)]
