"""The gateway's running parts, built once from settings at start-up (see ``app.build_state``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aikojo.gateway.admission import PriorityGate
from aikojo.gateway.auth import Authenticator
from aikojo.gateway.guard import GuardProvider
from aikojo.gateway.limits import Limiter
from aikojo.gateway.metrics import GatewayMetrics
from aikojo.platform import Platform
from aikojo.serving.router import Route, Router
from aikojo.settings import Settings

if TYPE_CHECKING:
    from aikojo.gateway.tracing import Tracing


@dataclass
class GatewayState:
    settings: Settings
    platform: Platform
    authenticator: Authenticator
    router: Router
    limiter: Limiter
    guards: GuardProvider
    metrics: GatewayMetrics
    hmac_key: bytes
    gates: dict[str, PriorityGate] = field(default_factory=dict)
    capacities: dict[str, int] = field(default_factory=dict)
    tracing: Tracing | None = None  # None unless KOJO_TRACING is on: the pipeline then creates no spans

    def gate(self, route: Route) -> PriorityGate:
        name = route.backend.name
        gate = self.gates.get(name)
        if gate is None:
            gate = self.gates[name] = PriorityGate(self.capacities.get(name, 64))
        return gate
