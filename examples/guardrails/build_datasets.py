"""Build and freeze the guardrails evaluation data.

    python examples/guardrails/build_datasets.py            # writes *.jsonl, refuses to change frozen files
    python examples/guardrails/build_datasets.py --check    # verifies the held-out files against HELDOUT.sha256

The held-out split is chosen by a hash of each item's seed group (never by position), frozen before any tuning,
and its sha256 is recorded in HELDOUT.sha256. Training (``kojo guard train``) reads only injection_train.jsonl.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import build_injection
import build_pii

HERE = Path(__file__).parent
HELDOUT_FRACTION = 0.5


def _heldout(group: str, salt: str) -> bool:
    h = int(hashlib.sha256(f"{salt}:{group}".encode()).hexdigest()[:8], 16)
    return h / 0xFFFFFFFF < HELDOUT_FRACTION


def _dump(path: Path, rows: list[dict[str, object]]) -> bytes:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    path.write_bytes(data)
    return data


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check() -> bool:
    ok = True
    for line in (HERE / "HELDOUT.sha256").read_text().splitlines():
        digest, name = line.split()
        actual = sha256_file(HERE / name)
        if actual != digest:
            print(f"{name}: sha256 {actual} != frozen {digest}")
            ok = False
    return ok


def main() -> int:
    if "--check" in sys.argv:
        return 0 if check() else 1
    if (HERE / "HELDOUT.sha256").exists() and "--force" not in sys.argv:
        print("held-out split is frozen (HELDOUT.sha256 exists); use --check, or --force to rebuild deliberately")
        return 1
    inj = build_injection.build()
    for n, it in enumerate(inj):
        it["id"] = f"inj-{n:04d}"
    train = [it for it in inj if not _heldout(str(it["group"]), "inj")]
    held = [it for it in inj if _heldout(str(it["group"]), "inj")]
    pii = build_pii.build()
    pii_dev = [it for it in pii if not _heldout(str(it["id"]), "pii")]
    pii_held = [it for it in pii if _heldout(str(it["id"]), "pii")]
    _dump(HERE / "injection_train.jsonl", train)
    _dump(HERE / "injection_heldout.jsonl", held)
    _dump(HERE / "pii_dev.jsonl", pii_dev)
    _dump(HERE / "pii_heldout.jsonl", pii_held)
    lines = [f"{sha256_file(HERE / n)}  {n}" for n in ("injection_heldout.jsonl", "pii_heldout.jsonl")]
    (HERE / "HELDOUT.sha256").write_text("\n".join(lines) + "\n")
    for name, rows in (("injection_train", train), ("injection_heldout", held), ("pii_dev", pii_dev),
                       ("pii_heldout", pii_held)):
        pos = sum(1 for r in rows if r.get("label") == 1 or r.get("kind") == "positive")
        print(f"{name}: {len(rows)} items ({pos} attacks/PII positives, {len(rows) - pos} benign/look-alikes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
