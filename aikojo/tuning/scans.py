"""Dataset scans run before any training: PII (the gateway's own guardrail detectors) and data poisoning.

Poisoning checks are heuristics that point a reviewer at lines to read, never a proof:

* ``injection``     — an instruction-override / prompt-injection pattern inside a sample (guardrails detector);
* ``trigger``       — a phrase that appears in a few samples whose answers are (nearly) all the same rare answer,
                      the shape of a backdoor: "when you see X, say Y";
* ``contradiction`` — the same prompt with different answers;
* ``length_outlier``— an answer far longer or shorter than the rest (median ± 8 × MAD).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from typing import Any, Literal

from aikojo.tuning.data import Sample

PiiPolicy = Literal["fail", "mask", "warn"]
# Trigger search: phrases seen in at least this many samples, but in at most this share of them (a phrase in a
# large share of the data is the task's vocabulary, not a trigger)
TRIGGER_MIN_SAMPLES = 3
TRIGGER_MAX_SHARE = 0.05
TRIGGER_ANSWER_AGREEMENT = 0.8
TRIGGER_ANSWER_MAX_SHARE = 0.05
_WORD = re.compile(r"[A-Za-z0-9_\-]{3,}|[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]{2,}")


@dataclass
class Issue:
    kind: str
    lines: list[int]
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---- PII ------------------------------------------------------------------------------------------------
def pii_scan(samples: list[Sample], policy: PiiPolicy = "warn") -> tuple[dict[str, Any], list[Sample]]:
    """Scan every message with the guardrail PII/secrets detectors. Returns a report (finding types and
    counts, lines — never the values) and the samples to train on: masked (``<PHONE>``…) when ``policy`` is
    ``mask``, else unchanged. ``fail`` is enforced by the caller, which refuses a dataset with findings."""
    from aikojo.guardrails import Guardrails

    guard = Guardrails(None)
    counts: Counter[str] = Counter()
    lines: list[int] = []
    out: list[Sample] = []
    for s in samples:
        new_messages = []
        hit = False
        for m in s.messages:
            findings = [f for f in guard.scan_text(m["content"], direction="output").findings
                        if not f.detector.startswith("injection")]
            if findings:
                hit = True
                counts.update(f.type for f in findings)
            new_messages.append({**m, "content": _mask(m["content"], findings)} if policy == "mask" else m)
        if hit:
            lines.append(s.line)
        out.append(Sample(s.line, new_messages))
    report = {"policy": policy, "samples_with_pii": len(lines), "types": dict(counts), "lines": lines[:100],
              "action": ("refused" if policy == "fail" else "masked" if policy == "mask" else "warned") if lines
              else "none"}
    return report, out


def _mask(text: str, findings: list[Any]) -> str:
    # Right to left so earlier offsets stay valid; overlapping findings keep the first (leftmost) span.
    last_start = len(text) + 1
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        if f.end > last_start:
            continue
        text = text[: f.start] + f"<{f.type}>" + text[f.end:]
        last_start = f.start
    return text


# ---- poisoning ------------------------------------------------------------------------------------------
def poisoning_scan(samples: list[Sample]) -> list[Issue]:
    return [*_injections(samples), *_triggers(samples), *_contradictions(samples), *_length_outliers(samples)]


def _injections(samples: list[Sample]) -> list[Issue]:
    from aikojo.guardrails import Guardrails

    guard = Guardrails(None)
    # Like the gateway, only text from outside (user turns) is checked: a system prompt is an instruction by
    # design, and "ignore the rules" inside an answer is what the length/trigger checks are for.
    hits = [s.line for s in samples
            if any(f.detector.startswith("injection") for m in s.messages if m["role"] == "user"
                   for f in guard.scan_text(m["content"], direction="input").findings)]
    return [Issue("injection", hits, f"{len(hits)} sample(s) contain instruction-override text; "
                                     "read them and drop any that teach the model to obey such text")] if hits else []


def _triggers(samples: list[Sample]) -> list[Issue]:
    n = len(samples)
    if n < 20:
        return []  # too few samples to tell a rare phrase from ordinary vocabulary
    answer_share = Counter(s.answer.strip() for s in samples)
    where: dict[str, set[int]] = defaultdict(set)
    for i, s in enumerate(samples):
        for w in set(_WORD.findall(s.user_text)):
            where[w].add(i)
    groups: dict[frozenset[int], str] = {}
    for phrase, idx in where.items():
        if not TRIGGER_MIN_SAMPLES <= len(idx) <= max(TRIGGER_MIN_SAMPLES, TRIGGER_MAX_SHARE * n):
            continue
        answers = Counter(samples[i].answer.strip() for i in idx)
        top, count = answers.most_common(1)[0]
        elsewhere = answer_share[top] - count
        if count / len(idx) >= TRIGGER_ANSWER_AGREEMENT and elsewhere <= TRIGGER_ANSWER_MAX_SHARE * n:
            key = frozenset(idx)
            if len(phrase) > len(groups.get(key, "")):
                groups[key] = phrase  # one issue per set of samples, named by its longest phrase
    return [Issue("trigger", sorted(samples[i].line for i in idx),
                  f"phrase {phrase!r} appears in {len(idx)} samples that nearly all share one rare answer "
                  "(a possible backdoor trigger)") for idx, phrase in groups.items()]


def _contradictions(samples: list[Sample]) -> list[Issue]:
    by_prompt: dict[str, list[Sample]] = defaultdict(list)
    for s in samples:
        by_prompt["\n".join(m["content"].strip() for m in s.prompt_messages)].append(s)
    issues = []
    for group in by_prompt.values():
        if len({s.answer.strip() for s in group}) > 1:
            issues.append(Issue("contradiction", [s.line for s in group],
                                f"the same prompt has {len({s.answer.strip() for s in group})} different answers"))
    return issues


def _length_outliers(samples: list[Sample]) -> list[Issue]:
    lengths = [len(s.answer) for s in samples]
    if len(lengths) < 10:
        return []
    median = statistics.median(lengths)
    mad = statistics.median(abs(v - median) for v in lengths) or 1.0
    hits = [s.line for s, v in zip(samples, lengths, strict=True) if abs(v - median) > 8 * mad + 10]
    return [Issue("length_outlier", hits, f"answers far from the median length of {median:.0f} characters "
                                          f"(MAD {mad:.0f})")] if hits else []
