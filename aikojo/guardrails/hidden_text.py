"""Hidden text: characters that render as nothing but carry text a model can read.

Two encodings have no business in a prompt or an answer: the Unicode tag block (U+E0000–E007F) spells ASCII
("ASCII smuggling"), and a run of variation selectors carries one byte per selector ("emoji smuggling"). Both are
invisible in every user interface, so a pasted e-mail or a retrieved web page can carry instructions nobody saw,
and a model can hide data in its answer the same way. ``normalise`` drops them so detectors read the visible text;
this detector reports them, in the original text's offsets, so the policy's action (``redact`` by default) keeps
them from reaching the model or the caller — whether or not what they say scores as an injection (the injection
detector scores the decoded text separately: ``obfuscation.hidden_payloads``).

What stays: a flag's tag sequence (🏴 + "gbeng" + cancel tag, the one legitimate use of tags) and a single
variation selector after a character (❤️ is U+2764 U+FE0F).
"""

from __future__ import annotations

import re

from aikojo.guardrails.normalise import Normalised
from aikojo.guardrails.types import Finding

TAG_CHARS = "\U000e0000-\U000e007f"
SELECTOR_CHARS = "\ufe00-\ufe0f\U000e0100-\U000e01ef"
_TAG_RUN = re.compile(f"[{TAG_CHARS}]+")
_SELECTOR_RUN = re.compile(f"[{SELECTOR_CHARS}]{{2,}}")
# A subdivision flag: the black flag, 2–6 tag letters or digits (a region code), the cancel tag.
_FLAG_TAGS = re.compile("[\U000e0030-\U000e0039\U000e0061-\U000e007a]{2,6}\U000e007f")
_BLACK_FLAG = "\U0001f3f4"


class HiddenText:
    name = "hidden_text"

    def detect(self, norm: Normalised) -> list[Finding]:
        text = norm.original
        if text is norm.text:  # normalise's fast path: nothing invisible was there
            return []
        out = []
        for m in _TAG_RUN.finditer(text):
            if m.start() > 0 and text[m.start() - 1] == _BLACK_FLAG and _FLAG_TAGS.fullmatch(m.group(0)):
                continue
            out.append(Finding("HIDDEN_TEXT", m.start(), m.end(), 1.0, f"{self.name}.tags"))
        out += [Finding("HIDDEN_TEXT", m.start(), m.end(), 1.0, f"{self.name}.selectors")
                for m in _SELECTOR_RUN.finditer(text)]
        return out
