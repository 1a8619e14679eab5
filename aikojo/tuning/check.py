"""``kojo data check``: validate a dataset file and describe it — format, counts, token lengths, roles,
duplicates, the seeded train/eval split, the PII scan and the poisoning scan — and optionally register it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aikojo.tuning.data import DatasetError, load_dataset, split, stats
from aikojo.tuning.scans import PiiPolicy, pii_scan, poisoning_scan


def check_dataset(path: str | Path, fmt: str = "auto", *, seed: int = 0, eval_fraction: float = 0.1,
                  pii: PiiPolicy = "warn", tokenizer: Any | None = None) -> dict[str, Any]:
    """The report as a dict. Raises :class:`DatasetError` (line-numbered) for unusable files; ``ok`` is
    false when the PII policy is ``fail`` and personal data was found."""
    ds = load_dataset(path, fmt)
    pii_report, samples = pii_scan(ds.samples, pii)
    issues = poisoning_scan(samples)
    train, held_out = split(samples, eval_fraction, seed) if len(samples) >= 2 else (samples, [])
    return {
        "path": str(ds.path), "name": ds.name, "format": ds.format, "version": ds.version,
        "ok": not (pii == "fail" and pii_report["samples_with_pii"]),
        "stats": stats(ds, tokenizer),
        "duplicate_lines": ds.duplicates[:100],
        "split": {"seed": seed, "eval_fraction": eval_fraction, "train": len(train), "eval": len(held_out)},
        "pii": pii_report,
        "poisoning": [i.to_dict() for i in issues],
    }


def load_tokenizer(spec: str | None, settings: Any) -> Any | None:
    """A tokenizer for token-length statistics: 'demo', a model name/folder, or None for characters only."""
    if not spec or spec == "none":
        return None
    from aikojo.tuning.models import resolve_base_model

    try:
        _, path = resolve_base_model(spec, settings)
        from transformers import AutoTokenizer

        return AutoTokenizer.from_pretrained(path, trust_remote_code=settings.trust_remote_code)
    except Exception:  # statistics fall back to characters; the check itself must not fail on this
        return None


__all__ = ["DatasetError", "check_dataset", "load_tokenizer"]
