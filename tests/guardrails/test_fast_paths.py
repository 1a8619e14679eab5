"""Fast paths must give the same answers as the straightforward code they replace."""

from __future__ import annotations

import random
import unicodedata

from aikojo.guardrails.normalise import _is_invisible, normalise


def _reference(text: str) -> tuple[str, list[int], list[int]]:
    out, starts, ends = [], [], []
    for i, ch in enumerate(text):
        if _is_invisible(ch):
            continue
        for n in unicodedata.normalize("NFKC", ch):
            # Half-width voicing marks (ｶﾞ) compose with the kana before them into one character spanning both.
            if n in "\u3099\u309a" and out and len(unicodedata.normalize("NFC", out[-1] + n)) == 1:
                out[-1] = unicodedata.normalize("NFC", out[-1] + n)
                ends[-1] = i + 1
                continue
            out.append(n)
            starts.append(i)
            ends.append(i + 1)
    return "".join(out), starts, ends


def test_normalise_matches_the_character_loop() -> None:
    r = random.Random(7)
    alphabet = "aZ09 -　０９ＡＺ－ｱｶﾞ㍿ﬁ①㈱（）。電話\u200b\u200d\ufeff\u00ad\U000e0041é"
    for _ in range(500):
        text = "".join(r.choice(alphabet) for _ in range(r.randint(0, 40)))
        n = normalise(text)
        ref_text, ref_starts, ref_ends = _reference(text)
        assert n.text == ref_text
        starts = list(n.starts) if n.starts is not None else list(range(len(text)))
        assert starts == ref_starts
        for i in range(len(n.text)):
            assert n.to_original(i, i + 1) == (ref_starts[i], ref_ends[i])


def test_card_context_vouches_for_unlisted_issuer_prefix(guard) -> None:
    def cards(text: str) -> list[str]:
        return [text[f.start : f.end] for f in guard.scan_text(text).findings if f.type == "CREDIT_CARD"]

    assert cards("Charge it to 3596-2335-3794-8201, exp 08/28.") == ["3596-2335-3794-8201"]
    assert cards("カード番号は3523-1895-7077-8871です") == ["3523-1895-7077-8871"]
    assert cards("Reference 3596-2335-3794-8201 was filed.") == []  # no context, unknown issuer: a look-alike
    assert cards("Charge it to 3596-2335-3794-8202, exp 08/28.") == []  # fails Luhn
