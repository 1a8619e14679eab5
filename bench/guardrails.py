"""Guardrails benchmark: latency, PII quality, injection quality; Presidio's pattern recognizers side by side.

    python bench/guardrails.py [--quick]

Prints a table and writes bench/results/guardrails.json. Quality is measured on the frozen held-out splits
(examples/guardrails/*_heldout.jsonl, sha256 checked against HELDOUT.sha256) with 95% Wilson intervals.
Presidio (presidio-analyzer) is optional and used only here; without it that column says why it is missing. The
optional GiNZA names/addresses detector (``aikojo[ja-names]``) is measured apart, on names_heldout.jsonl.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aikojo import stats  # noqa: E402
from aikojo.guardrails import Guardrails  # noqa: E402
from aikojo.guardrails.injection import InjectionDetector  # noqa: E402
from aikojo.guardrails.normalise import normalise  # noqa: E402

EX = ROOT / "examples" / "guardrails"
OUT = ROOT / "bench" / "results" / "guardrails.json"
SECRET_TYPES = {"AWS_ACCESS_KEY", "BEARER_TOKEN", "PASSWORD", "SECRET", "JWT", "PRIVATE_KEY"}
PRESIDIO_TYPES = {"EMAIL_ADDRESS": "EMAIL", "CREDIT_CARD": "CREDIT_CARD", "IBAN_CODE": "IBAN", "US_SSN": "US_SSN",
                  "PHONE_NUMBER": "PHONE", "IP_ADDRESS": "IP_ADDRESS"}


def wilson(k: int, n: int) -> tuple[float, float]:
    lo, hi = stats.wilson(k, n)
    return (round(lo, 4), round(hi, 4))


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (EX / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def verify_frozen() -> dict[str, str]:
    out = {}
    for line in (EX / "HELDOUT.sha256").read_text().splitlines():
        digest, name = line.split()
        actual = hashlib.sha256((EX / name).read_bytes()).hexdigest()
        if actual != digest:
            raise SystemExit(f"{name} changed since it was frozen ({actual} != {digest}); refusing to report")
        out[name] = digest
    return out


def one_kb(lang: str) -> str:
    rows = [r["text"] for r in load("pii_dev.jsonl") if r["lang"] == lang]
    text, i = "", 0
    while len(text.encode("utf-8")) < 1024:
        text += rows[i % len(rows)] + ("\n" if lang == "en" else "")
        i += 1
    while len(text.encode("utf-8")) > 1024:
        text = text[:-1]
    return text


def latency(g: Guardrails, text: str, n: int, runs: int = 3) -> dict[str, float]:
    p50s, p99s = [], []
    for _ in range(runs):
        samples = []
        for _ in range(n):
            t0 = time.perf_counter()
            g.scan_text(text)
            samples.append((time.perf_counter() - t0) * 1000)
        samples.sort()
        p50s.append(samples[len(samples) // 2])
        p99s.append(samples[min(len(samples) - 1, int(len(samples) * 0.99))])
    return {"p50_ms": round(statistics.median(p50s), 3), "p99_ms": round(statistics.median(p99s), 3)}


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def pii_quality(items: list[dict], predict) -> dict[str, object]:  # type: ignore[no-untyped-def]
    gold_n = typed_hit = any_hit = pred_n = pred_ok = 0
    look_n = look_ok = 0
    per_type: dict[str, list[int]] = {}
    for it in items:
        preds = predict(it["text"])
        gold = [(e["type"], e["start"], e["end"]) for e in it["entities"]]
        for gt, gs, ge in gold:
            gold_n += 1
            hit_any = any(overlaps((s, e), (gs, ge)) for _, s, e in preds)
            hit_typed = any(overlaps((s, e), (gs, ge)) and t == gt for t, s, e in preds)
            any_hit += hit_any
            typed_hit += hit_typed
            per_type.setdefault(gt, [0, 0])
            per_type[gt][0] += hit_typed
            per_type[gt][1] += 1
        for _, s, e in preds:
            pred_n += 1
            pred_ok += any(overlaps((s, e), (gs, ge)) for _, gs, ge in gold)
        if it["kind"] == "lookalike":
            look_n += 1
            look_ok += not preds
    return {
        "entities": gold_n, "recall_typed": round(typed_hit / gold_n, 4),
        "recall_typed_ci95": wilson(typed_hit, gold_n),
        "values_removed": round(any_hit / gold_n, 4), "values_removed_ci95": wilson(any_hit, gold_n),
        "predictions": pred_n, "precision": round(pred_ok / max(1, pred_n), 4),
        "precision_ci95": wilson(pred_ok, pred_n),
        "lookalike_items": look_n, "lookalikes_intact": round(look_ok / max(1, look_n), 4),
        "lookalikes_intact_ci95": wilson(look_ok, look_n),
        "recall_by_type": {t: round(h / n, 3) for t, (h, n) in sorted(per_type.items())},
    }


def presidio_predictor():  # type: ignore[no-untyped-def]
    # Presidio's e-mail recognizer asks tldextract for the public-suffix list; offline it falls back to its
    # bundled snapshot after logging a traceback, which is noise here.
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)
    os.environ.setdefault("TLDEXTRACT_CACHE", str(Path(tempfile.gettempdir()) / "kojo-tldextract"))
    try:
        from presidio_analyzer import PatternRecognizer
        from presidio_analyzer import predefined_recognizers as pr
    except Exception as exc:
        return None, f"presidio-analyzer not importable: {exc}"
    recognizers = []
    for name in dir(pr):
        cls = getattr(pr, name)
        if isinstance(cls, type) and issubclass(cls, PatternRecognizer) and cls is not PatternRecognizer:
            try:
                recognizers.append(cls())
            except Exception:
                continue
    try:
        recognizers.append(pr.PhoneRecognizer(supported_regions=("US", "UK", "DE", "FR", "JP", "SG")))
    except Exception:
        pass

    def predict(text: str) -> list[tuple[str, int, int]]:
        out = []
        for rec in recognizers:
            for res in rec.analyze(text, entities=rec.supported_entities, nlp_artifacts=None) or []:
                if res.score >= 0.3:
                    out.append((PRESIDIO_TYPES.get(res.entity_type, res.entity_type), res.start, res.end))
        return out

    return predict, f"{len(recognizers)} pattern recognizers (phone regions incl. JP), score ≥ 0.3"


def names_section(n: int) -> tuple[dict[str, object] | None, str]:
    """The optional GiNZA names/addresses detector, measured apart (the issue asks for it separately): its
    latency on the same 1 KB Japanese text and its quality on the frozen names held-out split."""
    from aikojo.guardrails.names_ja import INSTALL_HINT, model_available

    if not model_available("ja_ginza"):
        return None, f"ja_ginza not installed ({INSTALL_HINT})"
    g = Guardrails({"input": {"names": {"enabled": True}, "injection": {"enabled": False}}})
    text = one_kb("ja")
    g.scan_text(text)  # warm-up: the first call allocates the model's work buffers

    def predict(t: str) -> list[tuple[str, int, int]]:
        return [(f.type, f.start, f.end) for f in g.scan_text(t).findings if f.type in ("PERSON", "ADDRESS")]

    items = load("names_heldout.jsonl")
    return {"latency_ja_1KB_with_names_no_injection": latency(g, text, max(20, n // 10)),
            "heldout_items": len(items), "quality": pii_quality(items, predict)}, "GiNZA ja_ginza (tok2vec + ner)"


def group_bootstrap(scored: list[tuple[float, int, dict]], threshold: float, reps: int = 2000) -> dict[str, object]:
    """95% intervals that resample seed groups, not items: the variants of one wording (plain, prefixed, inside a
    document, obfuscated) pass or fail together, so per-item (Wilson) intervals are too narrow. Items without a
    group are their own group."""
    groups: dict[str, list[int]] = {}
    for i, (s, y, it) in enumerate(scored):
        g = groups.setdefault(str(it.get("group", it.get("id", i))), [0, 0, 0, 0])
        g[0 if y == 1 else 2] += s >= threshold
        g[1 if y == 1 else 3] += 1
    counts = np.asarray(list(groups.values()), dtype=np.float64)
    rng = np.random.default_rng(0)
    sums = counts[rng.integers(0, len(counts), size=(reps, len(counts)))].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        tpr, fpr = sums[:, 0] / sums[:, 1], sums[:, 2] / sums[:, 3]

    def interval(x: np.ndarray) -> list[float]:
        return [round(float(q), 4) for q in np.nanpercentile(x, [2.5, 97.5])]

    return {"seed_groups": len(groups), "tpr_ci95_by_group": interval(tpr), "fpr_ci95_by_group": interval(fpr)}


def injection_quality(items: list[dict], threshold: float) -> dict[str, object]:
    det = InjectionDetector()
    scored = [(det.score(normalise(it["text"]).text)[0], it["label"], it) for it in items]
    pos = [s for s, y, _ in scored if y == 1]
    neg = sorted((s for s, y, _ in scored if y == 0), reverse=True)
    tp = sum(s >= threshold for s in pos)
    fp = sum(s >= threshold for s in neg)
    # Best operating point with FPR ≤ 2% on this split (for the ROC-style goal), reported beside the shipped one.
    allowed = int(0.02 * len(neg))
    t2 = (neg[allowed] + 1e-9) if allowed < len(neg) else 0.0
    tp2 = sum(s > t2 - 1e-9 and s >= t2 for s in pos)
    fp2 = sum(s >= t2 for s in neg)
    by_cat: dict[str, list[int]] = {}
    for s, y, it in scored:
        if y == 1:
            key = f"{it['lang']}/{it.get('variant') or it.get('category') or it['genre']}"
            by_cat.setdefault(key, [0, 0])
            by_cat[key][0] += s >= threshold
            by_cat[key][1] += 1
    return {
        "attacks": len(pos), "benign": len(neg), "threshold": round(threshold, 4),
        "tpr": round(tp / len(pos), 4), "tpr_ci95": wilson(tp, len(pos)),
        "fpr": round(fp / len(neg), 4), "fpr_ci95": wilson(fp, len(neg)),
        **group_bootstrap(scored, threshold),
        "tpr_at_fpr_le_2pct": round(tp2 / len(pos), 4), "tpr_at_fpr_le_2pct_ci95": wilson(tp2, len(pos)),
        "fpr_at_that_point": round(fp2 / len(neg), 4),
        "tpr_by_lang_variant": {k: round(h / n, 3) for k, (h, n) in sorted(by_cat.items())},
    }


def main() -> int:
    quick = "--quick" in sys.argv
    hashes = verify_frozen()
    g = Guardrails()
    n = 100 if quick else 400
    lat = {}
    # The injection stage dominates; measuring without it shows what the pattern detectors cost alone.
    g_no_inj = Guardrails({"input": {"injection": {"enabled": False}}})
    for lang in ("ja", "en"):
        text = one_kb(lang)
        g.scan_text(text)  # warm caches
        lat[f"{lang}_1KB"] = latency(g, text, n)
        lat[f"{lang}_1KB_without_injection"] = latency(g_no_inj, text, n)
    pii_items = load("pii_heldout.jsonl")

    def ours(text: str) -> list[tuple[str, int, int]]:
        return [(f.type, f.start, f.end) for f in g.scan_text(text).findings if f.type != "PROMPT_INJECTION"]

    pii_ours = pii_quality(pii_items, ours)
    presidio, presidio_note = presidio_predictor()
    # Presidio has no Japanese identifiers or secrets: compare it on all items, as the seed's figures do.
    pii_presidio = pii_quality(pii_items, presidio) if presidio else None
    inj = injection_quality(load("injection_heldout.jsonl"), g.injection_threshold)
    # A second, harder evaluation set (never trained on): attacks buried in business documents beside near-twin
    # benign documents (examples/guardrails/injection_challenge_sources.py). It measures a known weakness.
    chal = injection_quality(load("injection_challenge_embedded.jsonl"), g.injection_threshold)
    # Long documents written apart from all training data (build_documents.py): benign ones and ones with one
    # injected instruction — what a summarising or RAG project sends.
    docs = injection_quality(load("documents_heldout.jsonl"), g.injection_threshold)
    # Dev sets by authors who read neither the training data nor the detector (build_dev_sets.py). The first two
    # were read while tuning — their misses led to the obfuscation folds and two rules — so they are flattered;
    # the second prompt set is scored by category counts only, never read item by item.
    dev = {name: injection_quality(load(f"{name}.jsonl"), g.injection_threshold)
           for name in ("injection_dev", "documents_dev", "injection_dev2")}
    names, names_note = names_section(n)
    result = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "heldout_sha256": hashes, "eval_sizes": {
            "pii_heldout_items": len(pii_items), "pii_dev_items": len(load("pii_dev.jsonl")),
            "injection_heldout_attacks": inj["attacks"], "injection_heldout_benign": inj["benign"],
            "injection_train_items": len(load("injection_train.jsonl"))},
        "latency_all_detectors": lat,
        "pii": {"aikojo": pii_ours, "presidio": pii_presidio, "presidio_note": presidio_note},
        "injection": inj,
        "injection_challenge_embedded": chal,
        "injection_documents_heldout": docs,
        "injection_dev": dev["injection_dev"], "injection_documents_dev": dev["documents_dev"],
        "injection_dev2": dev["injection_dev2"],
        "names_ja": names, "names_ja_note": names_note,
        # How the shipped model was fitted and its threshold chosen (cross-validation on the training side only).
        "injection_model": g._injection.model.meta if g._injection.model else None,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    rows = [
        ("latency ja 1KB P50 / P99 (ms)", f"{lat['ja_1KB']['p50_ms']} / {lat['ja_1KB']['p99_ms']}", "", "≤2 / ≤10"),
        ("latency en 1KB P50 / P99 (ms)", f"{lat['en_1KB']['p50_ms']} / {lat['en_1KB']['p99_ms']}", "", "≤2 / ≤10"),
        ("  without injection stage P50 / P99 (ja, en)",
         f"{lat['ja_1KB_without_injection']['p50_ms']} / {lat['ja_1KB_without_injection']['p99_ms']}, "
         f"{lat['en_1KB_without_injection']['p50_ms']} / {lat['en_1KB_without_injection']['p99_ms']}", "", ""),
        ("PII recall (typed)", f"{pii_ours['recall_typed']} {pii_ours['recall_typed_ci95']}",
         f"{pii_presidio['recall_typed']}" if pii_presidio else "-", "≥0.99"),
        ("PII values removed", f"{pii_ours['values_removed']} {pii_ours['values_removed_ci95']}",
         f"{pii_presidio['values_removed']}" if pii_presidio else "-", ""),
        ("PII precision", f"{pii_ours['precision']} {pii_ours['precision_ci95']}",
         f"{pii_presidio['precision']}" if pii_presidio else "-", "≥0.98"),
        ("look-alikes intact", f"{pii_ours['lookalikes_intact']} {pii_ours['lookalikes_intact_ci95']}",
         f"{pii_presidio['lookalikes_intact']}" if pii_presidio else "-", ""),
        ("injection TPR @ shipped threshold", f"{inj['tpr']} {inj['tpr_ci95']}", "", "≥0.95"),
        ("  interval by seed group", f"{inj['tpr_ci95_by_group']} ({inj['seed_groups']} groups)", "", ""),
        ("injection FPR @ shipped threshold", f"{inj['fpr']} {inj['fpr_ci95']}", "", "≤0.02"),
        ("  interval by seed group", f"{inj['fpr_ci95_by_group']}", "", ""),
        ("injection TPR @ FPR≤2% (held-out ROC)",
         f"{inj['tpr_at_fpr_le_2pct']} {inj['tpr_at_fpr_le_2pct_ci95']}", "", "≥0.95"),
        (f"challenge (buried, {chal['attacks']}+{chal['benign']}): TPR / FPR", f"{chal['tpr']} / {chal['fpr']}", "",
         ""),
        ("challenge TPR @ FPR≤2% (its ROC)", f"{chal['tpr_at_fpr_le_2pct']} {chal['tpr_at_fpr_le_2pct_ci95']}", "", ""),
        (f"documents ({docs['attacks']}+{docs['benign']}): TPR / FPR", f"{docs['tpr']} / {docs['fpr']}", "", ""),
        *((f"{name} ({d['attacks']}+{d['benign']}, {'unread' if name.endswith('2') else 'read'}): TPR / FPR / ROC@2%",
           f"{d['tpr']} / {d['fpr']} / {d['tpr_at_fpr_le_2pct']}", "", "") for name, d in dev.items()),
    ]
    print(f"held-out: {len(pii_items)} PII items ({pii_ours['entities']} entities, {pii_ours['lookalike_items']} "
          f"look-alike items); injection {inj['attacks']} attacks / {inj['benign']} benign")
    print(f"{'metric':42} {'aikojo':32} {'presidio':10} goal")
    for name, ours_v, pres_v, goal in rows:
        print(f"{name:42} {ours_v:32} {pres_v:10} {goal}")
    if names:
        q, lat_n = names["quality"], names["latency_ja_1KB_with_names_no_injection"]
        for name, value in (
                ("names ja 1KB P50 / P99 (ms), no injection", f"{lat_n['p50_ms']} / {lat_n['p99_ms']}"),
                (f"names recall ({names['heldout_items']} items)", f"{q['recall_typed']} {q['recall_typed_ci95']}"),
                ("names precision", f"{q['precision']} {q['precision_ci95']}"),
                ("names look-alikes intact", f"{q['lookalikes_intact']} {q['lookalikes_intact_ci95']}")):
            print(f"{name:42} {value:32} {'-':10} (optional)")
    print(f"names_ja: {names_note}")
    print(f"presidio: {presidio_note}")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
