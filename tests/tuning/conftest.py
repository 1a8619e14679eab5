"""Fixtures for the tuning tests: a small slice of the claims dataset, a migrated platform shared by a
module, the demo model loaded once per session, and a recipe builder sized for a 2-core CPU."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
CLAIMS = REPO / "examples" / "datasets" / "claims_ja.jsonl"


@pytest.fixture(scope="session")
def claims_small(tmp_path_factory) -> Path:
    """80 claims: enough for a 10-step run and an 8-sample evaluation, small enough to scan in a second."""
    path = tmp_path_factory.mktemp("data") / "claims_small.jsonl"
    path.write_text("".join(CLAIMS.read_text(encoding="utf-8").splitlines(keepends=True)[:80]), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def demo_model() -> tuple[Any, Any]:
    from aikojo.serving.loading import load_causal_lm, resolve_demo_assets

    assets = resolve_demo_assets()
    if assets is None:
        pytest.skip("the demo model is not bundled in this checkout")
    return load_causal_lm(assets, device="cpu")


@pytest.fixture(scope="module")
def tune_platform(tmp_path_factory) -> Iterator[Any]:
    from aikojo.bootstrap import initialise
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings

    settings = load_settings(home=tmp_path_factory.mktemp("home"))
    initialise(settings, install_demo=False)
    p = open_platform(settings)
    yield p
    p.close()
