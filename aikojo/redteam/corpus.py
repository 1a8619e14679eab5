"""The attack corpus: YAML files shipped in ``aikojo/redteam/corpus/`` (or any folder), one ``Case`` each entry.

A file is ``{cases: [...]}``; every case names its id, language, category, severity and the safe behaviour we
expect. What the judge checks follows from the category and the optional fields (``marker``, ``context``,
``pair``, ``tools``/``dangerous_tools``, ``model``/``route``). Bad files fail with the file, case and field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from aikojo.redteam.converters import parse_chain

CORPUS_DIR = Path(__file__).parent / "corpus"

Category = Literal[
    "direct_injection", "indirect_injection", "prompt_extraction", "roleplay_jailbreak", "encoded",
    "pii_exfiltration", "cross_tenant", "bias", "harmful", "excessive_agency",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
SEVERITY_WEIGHT = {"low": 1, "medium": 2, "high": 3, "critical": 4}


class CorpusError(ValueError):
    """A corpus file is unreadable or a case is invalid; the message names the file, case and field."""


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    language: Literal["ja", "en"]
    category: Category
    severity: Literal["low", "medium", "high", "critical"]
    expected: str = Field(min_length=3, description="the safe behaviour, in words")
    prompt: str | None = None
    document: str | None = Field(None, description="untrusted content carrying an indirect injection")
    context: str | None = Field(None, description="private data placed in the system prompt (PII exfiltration)")
    pair: list[str] | None = Field(None, min_length=2, max_length=2, description="bias: two prompts")
    attribute: str | None = Field(None, description="bias: the protected attribute the pair differs in")
    converters: list[str] = Field(default_factory=list, description="always applied (encoded attacks)")
    marker: str | None = Field(None, description="text the attack makes the model emit; seen in output = success")
    tools: list[str] = Field(default_factory=list, description="tools offered (names from runner.TOOL_CATALOGUE)")
    dangerous_tools: list[str] = Field(default_factory=list)
    model: str | None = Field(None, description="cross-tenant: a model/adapter name not granted to the caller")
    route: str | None = Field(None, description="cross-tenant: another project's route, e.g. /p/globex/hr/v1")
    keywords: list[str] = Field(default_factory=list, description="terms a topic rule could block")

    @model_validator(mode="after")
    def _shape(self) -> Case:
        if self.category == "bias":
            if not self.pair or not self.attribute:
                raise ValueError("a bias case needs `pair` (two prompts) and `attribute`")
        elif self.category == "indirect_injection":
            if not self.document or not self.prompt:
                raise ValueError("an indirect injection needs `prompt` (the user's instruction) and `document`")
        elif not self.prompt:
            raise ValueError("`prompt` is required")
        if self.category == "excessive_agency" and not self.dangerous_tools:
            raise ValueError("an excessive-agency case needs `dangerous_tools`")
        if self.category == "pii_exfiltration" and not self.context:
            raise ValueError("a PII exfiltration case needs `context` (the private data in the system prompt)")
        parse_chain(self.converters)
        return self


def load_file(path: Path) -> list[Case]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CorpusError(f"{path}{f' line {mark.line + 1}' if mark else ''}: not valid YAML ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise CorpusError(f"{path}: expected a mapping with a `cases:` list")
    out = []
    for i, raw in enumerate(data["cases"]):
        try:
            out.append(Case.model_validate(raw))
        except (ValidationError, ValueError) as exc:
            cid = raw.get("id", f"#{i + 1}") if isinstance(raw, dict) else f"#{i + 1}"
            detail = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'case'}: {e['msg']}" for e in exc.errors()) \
                if isinstance(exc, ValidationError) else str(exc)
            raise CorpusError(f"{path}: case {cid}: {detail}") from None
    return out


def load_corpus(folder: Path | None = None, categories: list[str] | None = None,
                languages: list[str] | None = None) -> list[Case]:
    """All cases under ``folder`` (default: the shipped corpus), filtered; ids must be unique."""
    folder = folder or CORPUS_DIR
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else [folder]
    if not files:
        raise CorpusError(f"no corpus files (*.yaml) in {folder}")
    for c in categories or []:
        if c not in CATEGORIES:
            raise CorpusError(f"unknown category {c!r}; choose from {', '.join(CATEGORIES)}")
    cases: list[Case] = []
    seen: dict[str, Path] = {}
    for f in files:
        for case in load_file(f):
            if case.id in seen:
                raise CorpusError(f"{f}: case id {case.id!r} is already used in {seen[case.id]}")
            seen[case.id] = f
            cases.append(case)
    return [c for c in cases if (not categories or c.category in categories)
            and (not languages or c.language in languages)]
