"""Value types shared by detectors, actions, the engine and callers (the gateway, the CLI)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Protocol

from aikojo.guardrails.normalise import Normalised

Direction = Literal["input", "output"]

# Ordered weakest → strongest; "the strongest action taken" is the max over this order.
ACTIONS: tuple[str, ...] = (
    "allow", "log", "mask", "pseudonymize", "redact", "hash", "redirect", "clarify", "block",
)
ACTION_RANK: dict[str, int] = {a: i for i, a in enumerate(ACTIONS)}


def strongest(actions: list[str] | tuple[str, ...] | set[str]) -> str:
    """The strongest of ``actions`` by ACTIONS order; ``allow`` when empty."""
    return max(actions, key=ACTION_RANK.__getitem__, default="allow")


@dataclass(frozen=True, slots=True)
class Finding:
    """One detection. ``start``/``end`` index the ORIGINAL text the caller passed in (not the normalised one)."""

    type: str
    start: int
    end: int
    score: float
    detector: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ScanResult:
    """Outcome of ``Guardrails.scan_text``: the strongest action, the sanitised text and what was found."""

    action: str
    text: str
    findings: list[Finding]
    rule: str | None = None
    message: str | None = None
    actions_taken: list[str] = field(default_factory=list)
    summary: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class InputDecision:
    """Outcome of ``Guardrails.check_input``.

    ``messages`` is a sanitised deep copy safe to send to the backend. ``message`` is the text to return to the
    caller for block/redirect/clarify. ``vault`` maps pseudonym placeholders to original values and must stay
    inside the gateway process (never logged). ``summary`` holds only types and counts.
    """

    action: str
    messages: list[dict[str, Any]]
    actions_taken: list[str]
    rule: str | None
    message: str | None
    vault: dict[str, str]
    summary: dict[str, int]


@dataclass(slots=True)
class OutputDecision:
    """Outcome of ``Guardrails.check_output``. When ``reask`` is true the gateway should call the backend again
    with ``reask_hint`` appended as a user message (JSON/JSON-Schema failures), up to the policy's max_reasks."""

    action: str
    text: str
    actions_taken: list[str]
    rule: str | None
    message: str | None
    summary: dict[str, int]
    reask: bool = False
    reask_hint: str | None = None


class GuardrailBlocked(Exception):
    """Raised by the stream filter when output must stop mid-stream. ``rule`` names the policy rule;
    ``message`` is safe to show (it never contains the blocked content)."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


class Detector(Protocol):
    """A detector finds spans in normalised text; the engine maps them back to original offsets."""

    name: str

    def detect(self, norm: Normalised) -> list[Finding]:
        """Return findings with offsets into ``norm.original`` (use ``norm.to_original``)."""
        ...
