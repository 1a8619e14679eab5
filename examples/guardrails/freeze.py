"""Writing evaluation files once: a held-out split is frozen (its sha256 appended to HELDOUT.sha256) the first time
it is built and never rewritten, so a rebuild cannot change what earlier benchmark runs scored."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def dump(path: Path, rows: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def freeze_once(path: Path, rows: list[dict[str, object]]) -> bool:
    """Write ``rows`` to ``path`` and record its hash, unless it exists; True when it was written."""
    if path.exists():
        print(f"{path.name} is frozen (HELDOUT.sha256); not rewritten")
        return False
    dump(path, rows)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with (HERE / "HELDOUT.sha256").open("a") as fh:
        fh.write(f"{digest}  {path.name}\n")
    return True
