"""Prompt-injection and jailbreak detection: one calibrated score from hand-written rules and a linear model.

Two stages, both fitted by ``aikojo.guardrails.train`` (``kojo guard train``) on the training split only:

1. a logistic regression over hashed character n-grams and Latin words (TF-IDF, binary tf, l2 norm) gives two
   logits: one for the whole text, and the maximum over its sentence chunks, so one injected line in a long
   e-mail is not lost in the benign text around it (indirect injection). Grouped cross-validation on the training
   side preferred having both to the chunk maximum alone (which lets one odd benign sentence decide: TPR at 2 %
   FPR 0.79 against 0.75);
2. a small logistic combination of those logits, the text's length (``log_chars``) and the hand-written rules
   that fired (one weight per rule) gives the probability. The rules are evidence with a fitted weight, not a
   verdict: a benign prompt that trips a rule still scores by everything else it says, so scores do not tie.
   Texts of several chunks and documents (``DOCUMENT_CHUNKS``+) add their own weight sets (``regimes``) and one
   more input: the maximum over the chunks of a second n-gram model, the sentence model, fitted on single
   instructions against the sentences of business documents. Stage 2 is fitted on prompts and on long documents
   built from business text with a buried benign request or attack (``train_documents.py``).

Encoded payloads (base64, base32, hex, percent-encoding, Morse, Braille; ROT13 or reversed text when the text names
the trick; hiragana spelling; text smuggled in tag characters or variation selectors: ``obfuscation.py``) are
decoded and scored the same way; the higher score wins. The model is exported to
``data/injection_model.json`` as plain numbers, so loading executes no pickle and scoring needs no scikit-learn.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from aikojo.guardrails.injection_features import (
    BITS,
    CHUNK_CHARS,
    NGRAM_RANGE,
    chunk_bounds,
    chunk_buckets,
    gram_buckets,
    prepare,
)
from aikojo.guardrails.injection_rules import FAMILIES, RULE_IDS, RULES_SHA, pattern_hits, prepared_views, rule_hits
from aikojo.guardrails.normalise import Normalised, normalise
from aikojo.guardrails.obfuscation import decoded_payloads, expand_payloads, hidden_payloads
from aikojo.guardrails.types import Finding

MODEL_PATH = Path(__file__).parent / "data" / "injection_model.json"
MODEL_FORMAT = "aikojo-injection-stacked/6"
# From this many chunks (four sentences, or ~400+ characters of long ones) a text is a document: a pasted e-mail,
# report or retrieved context.
DOCUMENT_CHUNKS = 4


def regimes(n_chunks: float) -> tuple[str, ...]:
    """The stage-2 weight sets a text of ``n_chunks`` chunks uses: every text the base set (prefix ""), a text
    of several chunks also "long:", a document (``DOCUMENT_CHUNKS`` chunks or more) also "document:"."""
    return ("",) + (("long:",) if n_chunks > 1 else ()) + (("document:",) if n_chunks >= DOCUMENT_CHUNKS else ())


__all__ = ["CHUNK_CHARS", "FAMILIES", "MODEL_PATH", "NGRAM_RANGE", "RULE_IDS", "InjectionDetector", "InjectionModel",
           "chunks", "decoded_payloads", "expand_payloads", "load_model", "log_chars", "model_view"]


@dataclass
class InjectionModel:
    """Stage 1: n-gram weights as dense arrays over the hash buckets (``idf`` 0 = not in the vocabulary), and
    ``sentence``: a second set of the same kind, fitted on single instructions against the sentences of business
    documents, scored per chunk of a long text only.
    Stage 2: ``combine`` = intercept, then per length regime (``regimes``) a bias, weights of the whole-text
    (``ngram_whole``) and chunk-maximum (``ngram``) logits, of the length (``log_chars``) and of the sentence
    maximum (``sentence``), then one weight per rule (``RULE_IDS``; a rule that fired is feature 1)."""

    idf: np.ndarray
    coef: np.ndarray
    intercept: float
    combine: dict[str, float]
    threshold: float
    meta: dict[str, object] = field(default_factory=dict)
    sentence: InjectionModel | None = None

    def __post_init__(self) -> None:
        self._idf2 = (self.idf.astype(np.float64) ** 2).astype(np.float32)
        self._w = (self.idf.astype(np.float64) * self.coef).astype(np.float32)

    def _logit(self, ids: np.ndarray) -> float:
        norm2 = float(self._idf2[ids].sum())
        return self.intercept + (float(self._w[ids].sum()) / math.sqrt(norm2) if norm2 > 0 else 0.0)

    def ngram_logits(self, view: str) -> tuple[float, float, float, float]:
        """Stage-1 logits of a prepared view — the whole text, and the maximum over its sentence chunks — the
        number of chunks, and the sentence model's maximum over the chunks (0.0 for a one-chunk text)."""
        prepared = prepare(view)
        grams = gram_buckets(prepared)
        whole = self._logit(chunk_buckets(grams, 0, len(prepared)))
        bounds = chunk_bounds(prepared)
        if len(bounds) == 1:
            return whole, whole, 1.0, 0.0
        ids = [chunk_buckets(grams, start, end) for start, end in bounds]
        sentence = max(self.sentence._logit(i) for i in ids) if self.sentence is not None else 0.0
        return whole, max(self._logit(i) for i in ids), float(len(bounds)), sentence

    def probability(self, x: tuple[float, ...], hits: dict[str, float]) -> float:
        """Stage 2 on ``x`` = (whole-text logit, chunk-maximum logit, number of chunks, sentence maximum,
        log(1 + characters)) and the rules that fired. Each length regime (``regimes``) adds its own weights
        (``long:…``, ``document:…``): in a document one injected sentence is the chunk maximum and barely moves the
        whole-text logit, and a rule firing somewhere in 2 KB says less than in a one-line prompt; a one-chunk text
        uses the base set alone."""
        c = self.combine
        z = c["intercept"]
        for prefix in regimes(x[2]):
            # The base set ("") has no bias and no sentence weight (train.STAGE2_NAMES).
            z += (c.get(f"{prefix}bias", 0.0) + c[f"{prefix}ngram_whole"] * x[0] + c[f"{prefix}ngram"] * x[1]
                  + c.get(f"{prefix}sentence", 0.0) * x[3] + c[f"{prefix}log_chars"] * x[4]
                  + sum(c.get(prefix + rule, 0.0) for rule in hits))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def _weights_json(self) -> dict[str, object]:
        nz = np.flatnonzero(self.idf)
        # 5 significant digits: the file stays small and scores change by < 1e-4.
        return {"intercept": round(self.intercept, 6), "buckets": nz.tolist(),
                "idf": [float(f"{x:.5g}") for x in self.idf[nz]], "coef": [float(f"{x:.5g}") for x in self.coef[nz]]}

    @staticmethod
    def _weights_from(data: dict[str, object]) -> tuple[np.ndarray, np.ndarray, float]:
        idf = np.zeros(2**BITS, dtype=np.float32)
        coef = np.zeros(2**BITS, dtype=np.float32)
        buckets = np.asarray(data["buckets"], dtype=np.intp)
        idf[buckets] = np.asarray(data["idf"], dtype=np.float32)
        coef[buckets] = np.asarray(data["coef"], dtype=np.float32)
        return idf, coef, float(data["intercept"])  # type: ignore[arg-type]

    def to_json(self) -> dict[str, object]:
        return {
            "format": MODEL_FORMAT, "bits": BITS, "ngram_range": list(NGRAM_RANGE), "rules_sha": RULES_SHA,
            "combine": {k: round(v, 6) for k, v in self.combine.items()}, "threshold": round(self.threshold, 4),
            "meta": self.meta, **self._weights_json(),
            "sentence": self.sentence._weights_json() if self.sentence is not None else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> InjectionModel:
        if data.get("format") != MODEL_FORMAT or data.get("bits") != BITS:
            raise ValueError(f"injection model format {data.get('format')!r} is not {MODEL_FORMAT!r}; "
                             "retrain it with `kojo guard train`")
        if data.get("rules_sha") != RULES_SHA:
            raise ValueError("the injection rules changed since this model was trained (its rule weights would "
                             "apply to the wrong rules); retrain it with `kojo guard train`")
        combine = {str(k): float(v) for k, v in dict(data["combine"]).items()}  # type: ignore[call-overload]
        sentence = data.get("sentence")
        if not isinstance(sentence, dict):
            # Without it every long text would score with a sentence maximum of 0 against a fitted weight.
            raise ValueError("injection model has no sentence model; retrain it with `kojo guard train`")
        return cls(*cls._weights_from(data), combine, float(data["threshold"]),  # type: ignore[arg-type]
                   dict(data.get("meta", {})), cls(*cls._weights_from(sentence), {}, 0.5))  # type: ignore[call-overload]


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_PATH)) -> InjectionModel | None:
    """Load the exported model once per process; None when no model has been trained yet."""
    p = Path(path)
    if not p.exists():
        return None
    return InjectionModel.from_json(json.loads(p.read_text(encoding="utf-8")))


def log_chars(view: str) -> float:
    """The length input of stage 2. A short text has few n-grams, and its l2-normalised vector lets two or three
    of them decide ("田中氏名義の口座" looked like an attack); with the length beside the logits, stage 2 learns
    how much a short text's logit is worth (grouped CV: TPR 0.880 → 0.890 at the same false-positive rate)."""
    return math.log1p(len(prepare(view)))


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Sentence-aligned chunks of at most ``size`` characters (a sentence longer than that is cut)."""
    return [text[s:e] for s, e in chunk_bounds(text, size)]


def model_view(views: list[str]) -> str:
    """One view for the model: the de-obfuscated one when obfuscation was seen, else the plain one."""
    return views[-1]


class InjectionDetector:
    """Reports one ``PROMPT_INJECTION`` finding over the whole text when the combined score is high enough
    to matter (≥0.05); the policy's threshold decides the action."""

    name = "injection"

    def __init__(self, model: InjectionModel | None = None, use_model: bool = True) -> None:
        self.model = model if model is not None else (load_model() if use_model else None)

    def features(self, text: str) -> tuple[tuple[float, ...], dict[str, float]]:
        """Stage-2 inputs — the stage-1 logits (whole text, chunk maximum), the number of chunks, the sentence
        model's chunk maximum and the length as log(1 + characters) — and the rules (``RULE_IDS``) that fired on
        normalised ``text``, with their hand-set strengths."""
        views = prepared_views(text)
        patterns = pattern_hits(text, views)
        view = model_view(views)
        z = self.model.ngram_logits(view) if self.model is not None else (0.0, 0.0, 0.0, 0.0)
        return (*z, log_chars(view)), patterns

    def score(self, text: str, _depth: int = 0) -> tuple[float, str | None]:
        """Probability that ``text`` (already normalised) is an injection, and the rule family behind it."""
        z, patterns = self.features(text)
        hits = rule_hits(text, patterns=patterns)
        # Without a model (policy use_model: false), rules alone: the strongest hit's hand-set strength.
        p = max(hits.values(), default=0.0) if self.model is None else self.model.probability(z, patterns)
        category = max(hits, key=hits.__getitem__) if hits else ("model" if p >= 0.5 else None)
        if _depth < 2:
            # A payload is normalised like any input (a zero-width space hidden inside the encoding survives
            # decoding); whole-text transforms only at the top level, so hints cannot stack across levels.
            p, category = self._best(decoded_payloads(text, whole_text=_depth == 0), _depth + 1, "encoded",
                                     p, category)
        return p, category

    def _best(self, payloads: list[str], depth: int, kind: str, p: float,
              category: str | None) -> tuple[float, str | None]:
        """The higher of (``p``, ``category``) and each payload's own score, its category prefixed by ``kind``."""
        for payload in payloads:
            inner, inner_cat = self.score(normalise(payload).text, depth)
            if inner > p:
                p, category = inner, f"{kind}_{inner_cat or 'model'}"
        return p, category

    def detect(self, norm: Normalised) -> list[Finding]:
        score, category = self.score(norm.text)
        if norm.text != norm.original:
            # Normalising dropped invisible characters: text smuggled in them is read as its own payload.
            score, category = self._best(hidden_payloads(norm.original), 1, "hidden", score, category)
        if score < 0.05:
            return []
        detector = f"{self.name}.{category}" if category else self.name
        return [Finding("PROMPT_INJECTION", 0, len(norm.original), round(score, 4), detector)]

