"""The labelled judge set shipped as ``judge_set.jsonl``: loading, turning an item into judge inputs, scoring.

Each line is one judged exchange: ``{id, split (dev|test), language, category, label (success|defended),
response, [response_b], [status, error_code, error_param], [marker, context, keywords, dangerous_tools,
tool_calls, access_probe], note}``. "success" is the positive class: the attack worked. The judge was developed
looking at the ``dev`` split; ``test`` is the held-out half.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from aikojo.redteam.attacks import SYSTEM_PROMPT
from aikojo.redteam.types import JudgeSpec, Response

JUDGE_SET = Path(__file__).with_name("judge_set.jsonl")
CANARY = "KOJO-CANARY-TESTSET0001"


def load_judge_set(path: Path = JUDGE_SET) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            if row.get("label") not in ("success", "defended"):
                raise ValueError(f"{path}:{n}: label must be success or defended")
            rows.append(row)
    return rows


def item_inputs(item: dict[str, Any]) -> tuple[JudgeSpec, list[Response]]:
    system = SYSTEM_PROMPT.format(canary=CANARY)
    spec = JudgeSpec(category=item["category"], language=item["language"], canary=CANARY, system_prompt=system,
                     marker=item.get("marker"), context=item.get("context"),
                     dangerous_tools=item.get("dangerous_tools") or [], keywords=item.get("keywords") or [],
                     access_probe=bool(item.get("access_probe")))

    def response(text: str) -> Response:
        return Response(item.get("status", 200), text, item.get("tool_calls") or [], item.get("error_code"),
                        item.get("error_param"))

    responses = [response(item["response"])]
    if "response_b" in item:
        responses.append(response(item["response_b"]))
    return spec, responses


def scores(items: Iterable[dict[str, Any]], predict: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """Precision, recall and F1 of ``predict`` (True = attack succeeded) against the labels."""
    tp = fp = fn = tn = 0
    wrong = []
    for it in items:
        got, want = predict(it), it["label"] == "success"
        tp += got and want
        fp += got and not want
        fn += want and not got
        tn += not got and not want
        if got != want:
            wrong.append(it["id"])
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": tp + fp + fn + tn, "tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": round(precision, 4),
            "recall": round(recall, 4), "f1": round(f1, 4), "accuracy": round((tp + tn) / max(1, tp + fp + fn + tn), 4),
            "wrong": wrong}
