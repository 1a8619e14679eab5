"""Write injection_challenge_embedded.jsonl: the seeds of injection_challenge_sources.py as they are, labelled
(1 attack, 0 benign), for evaluation only — training refuses a file whose name says challenge or heldout.

    python examples/guardrails/build_injection_challenge.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import injection_challenge_sources as src
from build_injection_extra import _digest, _heldout_digests, write_rows

OUT = Path(__file__).parent / "injection_challenge_embedded.jsonl"


def build() -> list[dict[str, object]]:
    held = _heldout_digests()
    rows: list[dict[str, object]] = []
    for lang, attacks, benign in (("en", src.ATTACKS_EN, src.BENIGN_EN), ("ja", src.ATTACKS_JA, src.BENIGN_JA)):
        rows += [{"label": 1, "lang": lang, "category": cat, "text": text} for cat, text in attacks]
        rows += [{"label": 0, "lang": lang, "category": "benign", "text": text} for text in benign]
    rows = [r for r in rows if _digest(str(r["text"])) not in held]
    for n, r in enumerate(rows):
        r["id"] = f"chal-{n:04d}"
    return rows


def main() -> int:
    write_rows(OUT, build())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
