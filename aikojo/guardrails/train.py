"""Train the injection classifier (``kojo guard train``) and export it as plain JSON weights.

Reads only the training split; the held-out split (examples/guardrails/injection_heldout.jsonl, hash frozen in
HELDOUT.sha256) is for the benchmark and is refused here. The decision threshold is chosen on out-of-fold
predictions of the training split for a target false-positive rate, never on held-out data.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from aikojo.guardrails.injection import MODEL_PATH, NGRAM_RANGE, InjectionDetector, LinearModel, analyzer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "guardrails"
DEFAULT_TRAIN = EXAMPLES / "injection_train.jsonl"
# Business text full of PII (the PII dev split, never its held-out half) is benign for injection: without it
# the model learned "numbers ⇒ attack" from the few attacks that mention amounts or accounts.
DEFAULT_EXTRA_BENIGN = EXAMPLES / "pii_dev.jsonl"


class TrainingDataError(ValueError):
    """The training corpus is missing or malformed; the message names the file, line and field."""


def read_corpus(path: Path) -> tuple[list[str], list[int], list[str]]:
    if "heldout" in path.name:
        raise TrainingDataError(f"{path}: refusing to train on the frozen held-out split")
    if not path.exists():
        raise TrainingDataError(f"{path}: training corpus not found; pass --data FILE.jsonl")
    texts: list[str] = []
    labels: list[int] = []
    groups: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TrainingDataError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
        if not isinstance(row.get("text"), str):
            raise TrainingDataError(f"{path}:{n}: field 'text' must be a string")
        if row.get("label") not in (0, 1):
            raise TrainingDataError(f"{path}:{n}: field 'label' must be 0 (benign) or 1 (attack)")
        texts.append(row["text"])
        labels.append(int(row["label"]))
        groups.append(str(row.get("group", row["text"])))
    if len(set(labels)) < 2:
        raise TrainingDataError(f"{path}: need both benign (0) and attack (1) examples")
    return texts, labels, groups


def _fit(texts: list[str], labels: list[int], c: float, max_features: int) -> LinearModel:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer=analyzer, binary=True, min_df=2, max_features=max_features)
    x = vec.fit_transform(texts)
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    clf.fit(x, labels)
    coef = clf.coef_[0]
    weights = {g: (float(vec.idf_[i]), float(coef[i])) for g, i in vec.vocabulary_.items()}
    return LinearModel(weights, float(clf.intercept_[0]), 0.5, {})


def _threshold_for_fpr(scores: list[float], labels: list[int], target_fpr: float) -> float:
    """Smallest threshold whose false-positive rate on benign scores is ≤ target (ties broken upward)."""
    benign = sorted((s for s, y in zip(scores, labels, strict=True) if y == 0), reverse=True)
    allowed = int(target_fpr * len(benign))
    cut = benign[allowed] if allowed < len(benign) else 0.0
    return min(0.99, max(0.5, cut + 1e-3))


def read_extra_benign(path: Path | None) -> list[str]:
    if path is None or not path.exists():
        return []
    if "heldout" in path.name:
        raise TrainingDataError(f"{path}: refusing to train on the frozen held-out split")
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def train(data: Path = DEFAULT_TRAIN, out: Path = MODEL_PATH, c: float = 4.0, max_features: int = 30000,
          target_fpr: float = 0.01, folds: int = 5, extra_benign: Path | None = DEFAULT_EXTRA_BENIGN) -> dict[str, Any]:
    """Fit on ``data``, pick the threshold by ``folds``-fold cross-validation, write ``out``; returns metadata."""
    texts, labels, groups = read_corpus(data)
    for t in read_extra_benign(extra_benign):
        texts.append(t)
        labels.append(0)
        groups.append(t)
    # Folds by seed group: variants of one wording stay together, as in the held-out split.
    fold = [int(hashlib.sha256(g.encode()).hexdigest()[:8], 16) % folds for g in groups]
    oof = [0.0] * len(texts)
    for k in range(folds):
        tr = [i for i in range(len(texts)) if fold[i] != k]
        te = [i for i in range(len(texts)) if fold[i] == k]
        model = _fit([texts[i] for i in tr], [labels[i] for i in tr], c, max_features)
        det = InjectionDetector(model=model)
        for i in te:
            oof[i] = det.score(texts[i])[0]
    threshold = _threshold_for_fpr(oof, labels, target_fpr)
    tp = sum(1 for s, y in zip(oof, labels, strict=True) if y == 1 and s >= threshold)
    fp = sum(1 for s, y in zip(oof, labels, strict=True) if y == 0 and s >= threshold)
    final = _fit(texts, labels, c, max_features)
    meta = {
        "train_file": data.name, "extra_benign": extra_benign.name if extra_benign else None,
        "n_train": len(texts), "n_attacks": sum(labels), "ngram_range": list(NGRAM_RANGE),
        "C": c, "max_features": max_features, "target_fpr": target_fpr,
        "cv_tpr": round(tp / max(1, sum(labels)), 4), "cv_fpr": round(fp / max(1, len(labels) - sum(labels)), 4),
    }
    payload = {
        "format": "aikojo-injection-linear/1",
        "intercept": round(final.intercept, 6),
        "threshold": round(threshold, 4),
        "meta": meta,
        # Rounded to 5 significant digits: the file stays small and scores change by < 1e-4.
        "weights": {g: [float(f"{idf:.5g}"), float(f"{w:.5g}")] for g, (idf, w) in sorted(final.weights.items())},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {"threshold": threshold, **meta}
