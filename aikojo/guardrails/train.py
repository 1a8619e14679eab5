"""Train the injection classifier (``kojo guard train``) and export it as plain JSON weights.

Reads only training-side data: the training split, the extra hand-written training corpus and the PII dev split
as benign business text. The held-out split (examples/guardrails/injection_heldout.jsonl, hash frozen in
HELDOUT.sha256) is for the benchmark and is refused here. The regularisation strength and the decision threshold
are chosen on out-of-fold predictions (folds by seed group), never on held-out data.

Threshold criteria (``criterion``), both on out-of-fold scores and clamped to [0.5, 0.99] (below 0.5 stage 2, fitted
with balanced class weights, rates the text more likely benign):

- ``prompt_corpora`` (the default, shipped): false-positive rate ≤ ``target_fpr`` on the benign prompts pooled —
  the training split's and the ~5.6k hard look-alikes of ``extra``, written to trip the rules. Conservative: the
  stress set decides, so benign questions that use the attacks' words (「システムの初期設定の手順を教えて」) pass.
- ``per_sample``: ≤ ``target_fpr`` on each natural benign sample separately — the training split's benign rows (same
  generator as the held-out split: the in-distribution sample) and the business text (``extra_benign``) — with the
  look-alikes only capped at ``max_lookalike_fpr``. Not pooled: pooled with ~1.3k business texts that almost never
  score high, the ~400 split rows could reach ~8 % within a 2 % budget. Higher recall, and more benign look-alikes
  blocked (see examples/guardrails/README.md for both operating points).

C is the grid value with the highest out-of-fold TPR over all attacks at its own threshold.
The metadata records the false-positive rate on every benign sample at the chosen threshold, and what the other
criterion would pick.

Stacking: stage 1 (n-gram logistic regression) is fitted per fold on the prompts and business text, and the
sentence model per fold on single instructions against business-document sentences; their out-of-fold logits
(whole text, chunk maximum, the sentence model's chunk maximum), the length and the rules that fired train stage 2
(a logistic regression with a weight set per length regime, ``STAGE2_NAMES``), so the rule weights are learned
against n-gram evidence the model has not memorised. Stage 2 also learns from twin long documents
(``train_documents.py``).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from aikojo.guardrails.injection import (
    MODEL_PATH,
    RULE_IDS,
    InjectionDetector,
    InjectionModel,
    expand_payloads,
    log_chars,
    model_view,
    regimes,
)
from aikojo.guardrails.injection_features import BITS, NGRAM_RANGE, text_buckets
from aikojo.guardrails.injection_rules import pattern_hits, prepared_views
from aikojo.guardrails.normalise import normalise
from aikojo.guardrails.train_documents import business_group, long_documents, sentence_corpus

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "guardrails"
DEFAULT_TRAIN = EXAMPLES / "injection_train.jsonl"
# More varied hand-written attacks and benign look-alikes (examples/guardrails/build_injection_extra.py).
DEFAULT_EXTRA = EXAMPLES / "injection_train_extra.jsonl"
# Business text is benign for injection: the PII dev split (never its held-out half) — without it the model
# learned "numbers ⇒ attack" from the few attacks that mention amounts or accounts — and the user turns of the
# shipped tuning datasets (claims, incident reports, customer e-mails) — without them customer e-mails about a
# forgotten password or a missing verification code looked like attacks, whose goals so often name passwords.
DATASETS = EXAMPLES.parent / "datasets"
DEFAULT_EXTRA_BENIGN: tuple[Path, ...] = (EXAMPLES / "pii_dev.jsonl", DATASETS / "claims_ja.jsonl",
                                          DATASETS / "emails.jsonl", DATASETS / "incidents_ja.jsonl")
# Minutes, notices, manuals, threads, clauses (build_documents.py): pasted into the built documents only.
DEFAULT_DOCUMENT_SOURCES: tuple[Path, ...] = (EXAMPLES / "documents_train.jsonl",)
C_GRID = (2.0, 4.0, 8.0, 16.0)
# Pairs of twin long documents (train_documents.py): a benign request or an attack buried at the same spot.
DEFAULT_DOCUMENTS = 400
# Attacks short enough to hide in a document (the longest are whole jailbreak scripts, not a slipped-in line).
_BURIABLE_CHARS = 300
STAGE2_C = 1.0
CRITERIA = ("prompt_corpora", "per_sample")
# per_sample's safety cap on the hard look-alikes: 5 x the default target, so a retrain on a changed corpus cannot
# silently ship a threshold that flags a large share of them.
DEFAULT_MAX_LOOKALIKE_FPR = 0.10


class TrainingDataError(ValueError):
    """The training corpus is missing or malformed; the message names the file, line and field."""


def _refuse_evaluation_set(path: Path) -> None:
    if "heldout" in path.name or "challenge" in path.name:
        raise TrainingDataError(f"{path}: refusing to train on an evaluation set (held-out or challenge)")


def read_corpus(path: Path) -> tuple[list[str], list[int], list[str]]:
    _refuse_evaluation_set(path)
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


def read_extra_benign(paths: Sequence[Path]) -> list[str]:
    """Benign texts: ``{"text"}`` rows, or the user turns of ``{"messages"}`` rows (a tuning dataset)."""
    out: list[str] = []
    for path in paths:
        _refuse_evaluation_set(path)
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out += [row["text"]] if "text" in row else [m["content"] for m in row.get("messages", [])
                                                             if m.get("role") == "user"]
    return out


class _Example:
    __slots__ = ("buckets", "document", "hits", "log_chars", "text", "view")

    def __init__(self, text: str, document: bool = False) -> None:
        # A built long document (train_documents.py) trains stage 2 only (see _fit_stage1).
        self.document = document
        # Encoded payloads are scored decoded at inference (the higher score wins), so train on what they say.
        self.text = expand_payloads(normalise(text).text)
        views = prepared_views(self.text)
        self.hits = pattern_hits(self.text, views)
        self.view = model_view(views)  # what stage 1 reads; scored once per fold and C, so kept
        self.buckets = text_buckets(self.view)
        self.log_chars = log_chars(self.view)


def _fit_stage1(rows: list[_Example], labels: np.ndarray, c: float, max_features: int) -> InjectionModel:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    # Built documents train stage 2 only: stage 1 judges what a sentence says. Fitted on them, it had to give the
    # few n-grams that tell twin documents apart (one sentence in 2 KB) large weights, and generic request words
    # rose with them (「方法を教えて」 0.34 → 0.81).
    labels = labels[[not r.document for r in rows]]
    rows = [r for r in rows if not r.document]

    df = np.zeros(2**BITS, dtype=np.int64)
    for r in rows:
        df[r.buckets] += 1
    keep = np.flatnonzero(df >= 2)
    if len(keep) > max_features:
        keep = keep[np.argsort(-df[keep], kind="stable")[:max_features]]
    n = len(rows)
    idf = np.zeros(2**BITS, dtype=np.float64)
    idf[keep] = np.log((1 + n) / (1 + df[keep])) + 1.0
    col = np.full(2**BITS, -1, dtype=np.int64)
    col[keep] = np.arange(len(keep))
    indptr, indices, data = [0], [], []
    for r in rows:
        b = r.buckets
        b = b[col[b] >= 0]
        v = idf[b]
        norm = math.sqrt(float((v * v).sum())) or 1.0
        indices.extend(col[b].tolist())
        data.extend((v / norm).tolist())
        indptr.append(len(indices))
    x = csr_matrix((data, indices, indptr), shape=(len(rows), len(keep)))
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
    clf.fit(x, labels)
    coef = np.zeros(2**BITS, dtype=np.float64)
    coef[keep] = clf.coef_[0]
    return InjectionModel(idf.astype(np.float32), coef.astype(np.float32), float(clf.intercept_[0]),
                          {"intercept": 0.0, "ngram": 1.0}, 0.5)


STAGE2_BASE = ("bias", "ngram_whole", "ngram", "log_chars", "sentence", *RULE_IDS)
STAGE2_REGIMES = ("", "long:", "document:")
# The base set ("") has no bias (the intercept is one) and no sentence weight (the sentence maximum is 0 for a
# one-chunk text, so its weight would only repeat long:sentence).
STAGE2_NAMES = tuple(prefix + name for prefix in STAGE2_REGIMES for name in STAGE2_BASE
                     if prefix or name not in ("bias", "sentence"))


def _stage2_matrix(z: np.ndarray, rows: list[_Example]) -> np.ndarray:
    """``z``: (n, 4) stage-1 outputs (whole-text logit, chunk-maximum logit, number of chunks, sentence maximum).
    Columns (``STAGE2_NAMES``): a constant, the two logits, the length input, the sentence maximum, one 0/1 column
    per rule; then all of those again for each length regime (``injection.regimes``), zero outside it."""
    feature = {"bias": np.ones(len(rows)), "ngram_whole": z[:, 0], "ngram": z[:, 1],
               "log_chars": np.asarray([r.log_chars for r in rows]), "sentence": z[:, 3],
               **{rule: np.asarray([1.0 if rule in r.hits else 0.0 for r in rows]) for rule in RULE_IDS}}
    inside = {prefix: np.asarray([prefix in regimes(n) for n in z[:, 2]], dtype=np.float64)
              for prefix in STAGE2_REGIMES}
    prefix_of = {prefix + name: prefix for prefix in STAGE2_REGIMES for name in STAGE2_BASE}
    return np.column_stack([feature[name[len(prefix_of[name]):]] * inside[prefix_of[name]] for name in STAGE2_NAMES])


def _fit_stage2(x2: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=STAGE2_C, class_weight="balanced", max_iter=2000)
    clf.fit(x2, labels)
    return {"intercept": float(clf.intercept_[0]), **{n: float(w) for n, w in zip(STAGE2_NAMES, clf.coef_[0],
                                                                                  strict=True)}}


def _probabilities(x2: np.ndarray, combine: dict[str, float]) -> np.ndarray:
    w = np.array([combine[n] for n in STAGE2_NAMES])
    return 1.0 / (1.0 + np.exp(-(combine["intercept"] + x2 @ w)))


def _threshold_for_fpr(scores: np.ndarray, labels: np.ndarray, target_fpr: float) -> float:
    """Smallest threshold whose false-positive rate on benign scores is ≤ target (ties broken upward)."""
    benign = np.sort(scores[labels == 0])[::-1]
    allowed = int(target_fpr * len(benign))
    cut = float(benign[allowed]) if allowed < len(benign) else 0.0
    return min(0.99, max(0.5, cut + 1e-3))


Sentences = tuple[list[_Example], np.ndarray, np.ndarray]  # rows, labels, folds of the sentence model's corpus


def _oof(rows: list[_Example], y: np.ndarray, fold: np.ndarray, folds: int, c: float,
         max_features: int, sentences: Sentences) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold stage-1 logits (scored the way inference does: per chunk) and stage-2 probabilities."""
    s_rows, s_y, s_fold = sentences
    z = np.zeros((len(rows), 4))
    for k in range(folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        m = _fit_stage1([rows[i] for i in tr], y[tr], c, max_features)
        s_tr = np.flatnonzero(s_fold != k)
        m.sentence = _fit_stage1([s_rows[i] for i in s_tr], s_y[s_tr], c, max_features)
        for i in te:
            z[i] = m.ngram_logits(rows[i].view)
    x2 = _stage2_matrix(z, rows)
    p = np.zeros(len(rows))
    for k in range(folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        p[te] = _probabilities(x2[te], _fit_stage2(x2[tr], y[tr]))
    return z, p


def _rate(scores: np.ndarray, threshold: float) -> float | None:
    return round(float((scores >= threshold).mean()), 4) if len(scores) else None


def _choose_threshold(p: np.ndarray, y: np.ndarray, sets: dict[str, np.ndarray], target_fpr: float,
                      max_lookalike_fpr: float | None) -> tuple[float, str]:
    """Smallest threshold meeting every cap (each is monotone in the threshold, so take the largest of the
    per-sample thresholds); returns it with the name of the sample that set it."""
    caps = {"in_distribution": target_fpr, "business_text": target_fpr}
    if max_lookalike_fpr is not None:
        caps["lookalikes"] = max_lookalike_fpr
    found = {name: _threshold_for_fpr(p[sets[name] & (y == 0)], y[sets[name] & (y == 0)], cap)
             for name, cap in caps.items() if (sets[name] & (y == 0)).any()}
    binding = max(found, key=found.__getitem__)
    # _threshold_for_fpr clamps to [0.5, 0.99]: at 0.5 every cap is met with room to spare.
    return found[binding], binding if found[binding] > 0.5 else "floor_0.5"


def _threshold(p: np.ndarray, y: np.ndarray, sets: dict[str, np.ndarray], criterion: str, target_fpr: float,
               max_lookalike_fpr: float | None) -> tuple[float, str]:
    if criterion == "per_sample":
        return _choose_threshold(p, y, sets, target_fpr, max_lookalike_fpr)
    prompt = sets["in_distribution"] | sets["lookalikes"]
    return _threshold_for_fpr(p[prompt], y[prompt], target_fpr), "prompt_corpora"


def _report(p: np.ndarray, y: np.ndarray, sets: dict[str, np.ndarray], threshold: float) -> dict[str, Any]:
    attack = y == 1
    return {
        "cv_tpr": round(float((p[attack] >= threshold).mean()), 4),
        "cv_tpr_in_distribution": _rate(p[sets["in_distribution"] & attack], threshold),
        "cv_fpr_in_distribution": _rate(p[sets["in_distribution"] & ~attack], threshold),
        "cv_fpr_business_text": _rate(p[sets["business_text"]], threshold),
        "cv_fpr_lookalikes": _rate(p[sets["lookalikes"] & ~attack], threshold),
        "cv_fpr_prompt_corpora": _rate(p[(sets["in_distribution"] | sets["lookalikes"]) & ~attack], threshold),
        "cv_tpr_documents": _rate(p[sets["documents"] & attack], threshold),
        "cv_fpr_documents": _rate(p[sets["documents"] & ~attack], threshold),
    }


def train(data: Path = DEFAULT_TRAIN, out: Path = MODEL_PATH, c: float | None = None, max_features: int = 60000,
          target_fpr: float = 0.02, folds: int = 5,
          extra_benign: Sequence[Path] = DEFAULT_EXTRA_BENIGN,
          extra: Path | None = DEFAULT_EXTRA,
          max_lookalike_fpr: float | None = DEFAULT_MAX_LOOKALIKE_FPR,
          criterion: str = "prompt_corpora", documents: int = DEFAULT_DOCUMENTS,
          document_sources: Sequence[Path] = DEFAULT_DOCUMENT_SOURCES) -> dict[str, Any]:
    """Fit on ``data`` (+ ``extra`` + ``extra_benign``; stage 2 also on ``documents`` pairs of twin documents
    pasted from ``extra_benign`` and ``document_sources``), choose C and the threshold by ``folds``-fold grouped
    cross-validation (criterion in the module docstring), write ``out``; returns metadata. ``c=None`` searches
    ``C_GRID``; ``criterion`` is one of ``CRITERIA``; ``max_lookalike_fpr=None`` drops per_sample's cap."""
    if criterion not in CRITERIA:
        raise ValueError(f"criterion {criterion!r}: expected one of {', '.join(CRITERIA)}")
    for name, rate in (("target_fpr", target_fpr), ("max_lookalike_fpr", max_lookalike_fpr)):
        if rate is not None and not 0.0 <= rate < 1.0:
            raise ValueError(f"{name} {rate}: a false-positive rate is at least 0 and below 1 (e.g. 0.02)")
    texts, labels, groups = read_corpus(data)
    n_data = len(texts)
    if extra is not None and extra.exists():
        t2, l2, g2 = read_corpus(extra)
        texts, labels, groups = texts + t2, labels + l2, groups + g2
    n_prompts = len(texts)
    business = read_extra_benign(extra_benign)
    texts, labels = texts + business, labels + [0] * len(business)
    groups += [business_group(t) for t in business]
    n_business_end = len(texts)
    # Whole documents (minutes, manuals, threads) go into the built documents only: as stage-1 rows, whole or cut
    # into sentences, they shifted the n-gram weights short prompts rely on (「方法を教えて」 0.32 → 0.8+).
    pasted = business + read_extra_benign(document_sources)
    # Folds by seed group: variants of one wording stay together, as in the held-out split.
    def fold_of(group: str) -> int:
        return int(hashlib.sha256(group.encode()).hexdigest()[:8], 16) % folds

    short = [i for i in range(n_prompts) if len(texts[i]) <= _BURIABLE_CHARS]
    for text, label, group in long_documents(
            [(t, business_group(t)) for t in pasted],
            [(texts[i], groups[i]) for i in short if labels[i] == 1],
            [(texts[i], groups[i]) for i in short if labels[i] == 0], documents, fold_of, folds):
        texts.append(text)
        labels.append(label)
        groups.append(group)
    rows = [_Example(t, document=i >= n_business_end) for i, t in enumerate(texts)]
    y = np.asarray(labels)
    index = np.arange(len(texts))
    # The training split shares its generator with the held-out split: its benign rows are the in-distribution
    # sample. The extra corpus's benign rows are hard look-alikes (a stress set); the business text is easy.
    sets = {"in_distribution": index < n_data, "lookalikes": (index >= n_data) & (index < n_prompts),
            "business_text": (index >= n_prompts) & (index < n_business_end), "documents": index >= n_business_end}
    fold = np.asarray([fold_of(g) for g in groups])
    s_texts, s_labels, s_groups = sentence_corpus(pasted, [(texts[i], labels[i], groups[i]) for i in short])
    sentences: Sentences = ([_Example(t) for t in s_texts], np.asarray(s_labels),
                            np.asarray([fold_of(g) for g in s_groups]))
    cv: dict[str, Any] = {}
    runs: dict[float, tuple[np.ndarray, np.ndarray, float, str, dict[str, Any]]] = {}
    for cand in (c,) if c is not None else C_GRID:
        z, p = _oof(rows, y, fold, folds, cand, max_features, sentences)
        thr, binding = _threshold(p, y, sets, criterion, target_fpr, max_lookalike_fpr)
        rep = _report(p, y, sets, thr)
        cv[str(cand)] = {"threshold": round(thr, 4), "set_by": binding, **rep}
        runs[cand] = (z, p, thr, binding, rep)
    c_best = max(runs, key=lambda cand: runs[cand][4]["cv_tpr"])
    best_z, best_p, best_thr, best_binding, best_rep = runs[c_best]
    final = _fit_stage1(rows, y, c_best, max_features)
    final.sentence = _fit_stage1(sentences[0], sentences[1], c_best, max_features)
    final.combine = _fit_stage2(_stage2_matrix(best_z, rows), y)
    final.threshold = round(best_thr, 4)
    other = CRITERIA[1 - CRITERIA.index(criterion)]
    other_thr, _ = _threshold(best_p, y, sets, other, target_fpr, max_lookalike_fpr)
    final.meta = {
        "train_files": [data.name] + ([extra.name] if extra is not None and extra.exists() else []),
        "extra_benign": [q.name for q in extra_benign],
        "n_train": len(texts),
        "n_attacks": int(y.sum()), "ngram_range": list(NGRAM_RANGE), "bits": BITS, "C": c_best,
        "max_features": max_features,
        "threshold_criterion": criterion, "target_fpr": target_fpr,
        "max_lookalike_fpr": max_lookalike_fpr, "threshold_set_by": best_binding,
        "n_benign_in_distribution": int((sets["in_distribution"] & (y == 0)).sum()),
        "n_benign_groups_in_distribution": len({g for g, lab in zip(groups[:n_data], labels[:n_data], strict=True)
                                                if lab == 0}),
        "n_lookalikes": int((sets["lookalikes"] & (y == 0)).sum()),
        "n_business_text": int(sets["business_text"].sum()),
        "n_documents": int(sets["documents"].sum()), "n_sentence_corpus": len(s_texts),
        **best_rep,
        "cv_by_C": cv,
        "cv_at_0.5": _report(best_p, y, sets, 0.5),
        # What the other criterion would pick for this model, for comparison.
        f"{other}_threshold": round(other_thr, 4), f"cv_at_{other}_threshold": _report(best_p, y, sets, other_thr),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(final.to_json(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    load_model_cache_clear()
    return {"threshold": final.threshold, **final.meta}


def load_model_cache_clear() -> None:
    from aikojo.guardrails.injection import load_model

    load_model.cache_clear()


__all__ = ["DEFAULT_EXTRA", "DEFAULT_EXTRA_BENIGN", "DEFAULT_TRAIN", "MODEL_PATH", "InjectionDetector",
           "TrainingDataError", "read_corpus", "train"]
