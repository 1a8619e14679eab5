"""Build the independent dev sets for the injection detector.

    python examples/guardrails/build_dev_sets.py   # writes injection_dev.jsonl and documents_dev.jsonl

Both were written by helper sessions that read neither the training data nor the detector
(``injection_dev_sources.py``: short prompts by category; ``documents_dev_sources.py``: long documents, benign or
with one injected instruction). Unlike the held-out splits they are *read*: their misses showed which obfuscations
the detector did not undo and which document injections it missed, so their scores after those fixes are
flattered and reported as dev numbers. Not used for training (``kojo guard train`` does not read them).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import documents_dev_sources as documents  # noqa: E402
import injection_dev2_sources as prompts2  # noqa: E402
import injection_dev_sources as prompts  # noqa: E402
from freeze import dump  # noqa: E402


def main() -> int:
    dump(HERE / "injection_dev.jsonl",
         [{"id": f"injection-dev-{i:03d}", "text": text, "label": label, "lang": lang, "category": category}
          for i, (label, lang, category, text) in enumerate(prompts.ITEMS)])
    dump(HERE / "documents_dev.jsonl",
         [{"id": f"documents-dev-{i:03d}", "text": text, "label": label, "lang": lang, "genre": genre}
          for i, (label, (lang, genre, text)) in enumerate(
              [(0, d) for d in documents.BENIGN] + [(1, d) for d in documents.INJECTED])])
    dump(HERE / "injection_dev2.jsonl",
         [{"id": f"injection-dev2-{i:03d}", "text": text, "label": label, "lang": lang, "category": category}
          for i, (label, lang, category, text) in enumerate(prompts2.ITEMS)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
