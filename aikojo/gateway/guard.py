"""Guardrails per project: the project's policy (YAML in the store) or the platform default, compiled once
and reused; a policy change compiles a new one (the cache is keyed by the policy text itself: a str caches its
hash, and the text comes from the cached caller, so the per-request look-up costs nothing)."""

from __future__ import annotations

import threading
from pathlib import Path

from aikojo.guardrails import Guardrails, load_policy


class GuardProvider:
    def __init__(self, *, enabled: bool = True, default_policy: Path | None = None) -> None:
        self.enabled = enabled
        self._default_source = default_policy
        self._default: Guardrails | None = None
        self._by_policy: dict[str, Guardrails] = {}
        self._lock = threading.Lock()

    def default(self) -> Guardrails:
        if self._default is None:
            with self._lock:
                if self._default is None:
                    self._default = Guardrails(load_policy(self._default_source))
        return self._default

    def is_built(self, policy_yaml: str | None) -> bool:
        """False when ``for_policy`` would compile first: a policy with the names detector loads GiNZA (seconds),
        so the gateway calls it off the event loop then."""
        if not self.enabled:
            return True
        if not policy_yaml:
            return self._default is not None
        return policy_yaml in self._by_policy

    def for_policy(self, policy_yaml: str | None) -> Guardrails | None:
        if not self.enabled:
            return None
        if not policy_yaml:
            return self.default()
        g = self._by_policy.get(policy_yaml)
        if g is None:
            with self._lock:
                g = self._by_policy.get(policy_yaml)
                if g is None:
                    g = self._by_policy[policy_yaml] = Guardrails(load_policy(policy_yaml))
        return g
