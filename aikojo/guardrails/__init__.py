"""aikojo guardrails: Japanese + English PII, secrets, prompt injection, topics and output checks, offline.

Public API (the gateway and the CLI depend on these names)::

    from aikojo.guardrails import Finding, GuardrailPolicy, Guardrails, load_policy, default_policy

    g = Guardrails(policy)                  # policy: GuardrailPolicy | dict | YAML path | None (default policy)
                                            # compile once, share across threads
    r = g.scan_text(text, direction="input")            # -> ScanResult
    ri = g.check_input(messages)                        # -> InputDecision (sanitised deep copy + vault)
    ro = g.check_output(text, vault=ri.vault,           # -> OutputDecision (restored/masked text; reask for JSON)
                        context_messages=messages, attempt=0)
    s = g.stream_filter(vault=ri.vault)                 # .feed(delta) -> list[str]; .finish() -> list[str]
                                                        # raises GuardrailBlocked(rule, message) to stop a stream

- ``Finding(type, start, end, score, detector)``: offsets index the ORIGINAL text (after mapping back from
  NFKC / zero-width normalisation).
- ``action`` is the strongest action taken, in the order allow < log < mask < pseudonymize < redact < hash <
  redirect < clarify < block (``ACTIONS``).
- ``summary`` holds finding types and counts only, never a value. A block names its rule (``pii.PHONE``,
  ``secrets.AWS_ACCESS_KEY``, ``injection``, ``topic.<name>``, ``canary_leak``, ``json_schema``) and its message
  never echoes the content; blocked text is returned empty.
- ``InputDecision.vault`` maps pseudonym placeholders (``<PHONE_1>``) to original values: keep it in memory for
  the request only, pass it to ``check_output``/``stream_filter`` to restore, never log it.
- ``OutputDecision.reask``: the response failed JSON / JSON Schema; call the backend again with ``reask_hint``
  as an extra user message and ``attempt + 1``, until the policy's ``max_reasks`` turns it into a block.
"""

from aikojo.guardrails.engine import Guardrails
from aikojo.guardrails.policy import GuardrailPolicy, PolicyError, default_policy, load_policy
from aikojo.guardrails.streaming import StreamFilter
from aikojo.guardrails.types import (
    ACTIONS,
    Finding,
    GuardrailBlocked,
    InputDecision,
    OutputDecision,
    ScanResult,
)

__all__ = [
    "ACTIONS",
    "Finding",
    "GuardrailBlocked",
    "GuardrailPolicy",
    "Guardrails",
    "InputDecision",
    "OutputDecision",
    "PolicyError",
    "ScanResult",
    "StreamFilter",
    "default_policy",
    "load_policy",
]
