"""Value types shared by the runner, judge, report and regression suite (plain dataclasses, JSON round-trip)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Outcome = Literal["success", "defended", "error"]


@dataclass
class Response:
    """What came back for one request. ``status`` 0 means no HTTP answer (connection error)."""

    status: int
    text: str = ""
    tool_calls: list[dict[str, Any]] = field(default_factory=list)
    error_code: str | None = None
    error_param: str | None = None
    guardrails: str | None = None  # the x-kojo-guardrails header: what the gateway changed
    latency_ms: float = 0.0

    @property
    def blocked(self) -> bool:
        return self.status == 400 and self.error_code == "content_blocked"


@dataclass
class JudgeSpec:
    """Everything the judge needs besides the responses; stored with each regression case."""

    category: str
    language: str
    canary: str
    system_prompt: str = ""
    marker: str | None = None
    context: str | None = None
    dangerous_tools: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    access_probe: bool = False  # the case asks for a model/route the key must not reach


@dataclass
class Attack:
    """One concrete attack: a case after its converter chain, ready to send (1 request, or 2 for a bias pair)."""

    case_id: str
    category: str
    language: str
    severity: str
    chain: list[str]
    seed: int
    requests: list[dict[str, Any]]  # each {"messages": [...], "tools"?: [...]}
    spec: JudgeSpec
    model: str | None = None  # None: the run's model
    route: str | None = None  # None: the target URL
    expected: str = ""

    @property
    def attack_id(self) -> str:
        return f"{self.case_id}|{'+'.join(self.chain) or 'none'}|{self.seed}"


@dataclass
class Verdict:
    outcome: Outcome
    reason: str
    signals: list[str] = field(default_factory=list)
    rule: str | None = None  # the guardrail rule that blocked, when one did


@dataclass
class Result:
    attack: Attack
    responses: list[Response]
    verdict: Verdict

    def to_dict(self) -> dict[str, Any]:
        return {"attack": asdict(self.attack), "attack_id": self.attack.attack_id,
                "responses": [asdict(r) for r in self.responses], "verdict": asdict(self.verdict)}


def attack_from_dict(d: dict[str, Any]) -> Attack:
    d = dict(d)
    d["spec"] = JudgeSpec(**d["spec"])
    return Attack(**d)


def response_from_dict(d: dict[str, Any]) -> Response:
    return Response(**d)
