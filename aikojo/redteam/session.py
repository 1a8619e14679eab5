"""One red-team session end to end: corpus → attacks → runner → judge, and replays of stored cases.

These are the functions the CLI and the tests call; each talks only to the ``target`` it is given.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

from aikojo.redteam.attacks import build_attacks
from aikojo.redteam.converters import parse_chain
from aikojo.redteam.corpus import load_corpus
from aikojo.redteam.regression import attack_of
from aikojo.redteam.runner import RunInfo, Target, run_attacks
from aikojo.redteam.types import Result


def default_canary(target: str, model: str) -> str:
    """Stable per target and model, so a canary rule added by ``harden`` keeps matching later runs."""
    return "KOJO-CANARY-" + hashlib.sha256(f"{target.rstrip('/')}|{model}".encode()).hexdigest()[:12].upper()


async def run(target: str, key: str, model: str, *, categories: list[str] | None = None,
              languages: list[str] | None = None, converters: list[str] | None = None, concurrency: int = 4,
              seed: int = 0, canary: str | None = None, corpus: Path | None = None, case_ids: list[str] | None = None,
              progress: bool = True) -> tuple[list[Result], RunInfo]:
    """Run the corpus (filtered) against ``target``; ``converters`` are chains like ``"base64"`` or
    ``"fullwidth+zero_width"``, each case is sent as written plus once per chain."""
    cases = load_corpus(corpus, categories, languages)
    if case_ids:
        cases = [c for c in cases if c.id in set(case_ids)]
    chains = [parse_chain(c) for c in converters or []]
    canary = canary or default_canary(target, model)
    tgt = Target(target, key, model)
    try:
        info = RunInfo(target=tgt.target, model=model, seed=seed, canary=canary, config_hash=await tgt.config_hash())
        t0 = time.perf_counter()
        results = await run_attacks(tgt, build_attacks(cases, chains, seed, canary), concurrency, progress)
        info.duration_s = round(time.perf_counter() - t0, 3)
    finally:
        await tgt.aclose()
    return results, info


async def replay(target: str, key: str, model: str, cases: list[dict[str, Any]], *, concurrency: int = 4,
                 progress: bool = True) -> list[tuple[dict[str, Any], Result]]:
    """Send stored cases exactly as recorded and judge them again."""
    tgt = Target(target, key, model)
    try:
        results = await run_attacks(tgt, [attack_of(c) for c in cases], concurrency, progress)
    finally:
        await tgt.aclose()
    return list(zip(cases, results, strict=True))
