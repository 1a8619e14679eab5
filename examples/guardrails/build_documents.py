"""Build the long-document files for injection training and evaluation.

    python examples/guardrails/build_documents.py   # writes documents_train.jsonl and, once, documents_heldout.jsonl

- ``documents_train.jsonl`` — benign business documents (minutes, notices, manuals, threads, clauses, reports,
  chat logs, tables, specifications: ``documents_train{,2}_{ja,en}_sources.py``; documents about AI, chatbots, IT
  administration and security that quote attacks as examples: ``documents_train3_{ja,en}_sources.py``),
  ``{"text", "lang", "genre"}``: pasted into the training documents and cut into sentences for the sentence
  model. Stage 1 had seen only short prompts and a few genres of business text (claims, e-mails, incident notes),
  so a sentence from meeting minutes could score like an attack, and in a document of ten chunks one such sentence
  is the maximum.
- ``documents_heldout.jsonl`` — an evaluation set written apart, by someone who saw neither the training data nor
  the detector (``documents_heldout_sources.py``): benign documents and documents with one injected instruction,
  ``{"id", "text", "label", "lang", "genre"}``. Frozen in HELDOUT.sha256 before the detector was scored on it; for
  the benchmark only (training refuses it by name).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import documents_heldout_sources as heldout  # noqa: E402
import documents_train2_en_sources as train2_en  # noqa: E402
import documents_train2_ja_sources as train2_ja  # noqa: E402
import documents_train3_en_sources as train3_en  # noqa: E402
import documents_train3_ja_sources as train3_ja  # noqa: E402
import documents_train_en_sources as train_en  # noqa: E402
import documents_train_ja_sources as train_ja  # noqa: E402
from freeze import dump, freeze_once  # noqa: E402


def main() -> int:
    train = [{"text": text, "lang": lang, "genre": genre}
             for lang, docs in (("ja", train_ja.DOCS), ("en", train_en.DOCS), ("ja", train2_ja.DOCS),
                                ("en", train2_en.DOCS), ("ja", train3_ja.DOCS), ("en", train3_en.DOCS))
             for genre, text in docs]
    dump(HERE / "documents_train.jsonl", train)
    freeze_once(HERE / "documents_heldout.jsonl",
                [{"id": f"documents-heldout-{i:03d}", "text": text, "label": label, "lang": lang, "genre": genre}
                 for i, (label, (lang, genre, text)) in enumerate(
                     [(0, d) for d in heldout.BENIGN] + [(1, d) for d in heldout.INJECTED])])
    print(f"documents: train {len(train)}, held-out {len(heldout.BENIGN)} benign + {len(heldout.INJECTED)} injected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
