"""Model names → backends. A name is a base model (``demo``), or an adapter: ``name`` (the version deployed
to the caller's project), ``name@alias`` or ``name@N``. A project sees only what is granted to it: an
existing but ungranted name is 403, an unknown one 404."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from aikojo.errors import Forbidden, NotFound
from aikojo.serving.backend import Backend


@dataclass(frozen=True)
class AdapterRef:
    name: str
    version: int
    base_model: str
    path: str

    @property
    def served_name(self) -> str:
        return f"{self.name}@{self.version}"


class AdapterResolver(Protocol):
    def resolve(self, name: str, spec: str | None, project: str) -> AdapterRef | None:
        """The adapter version ``spec`` (None = deployed to ``project``, an alias, or a number), or None when
        no adapter has that name."""
        ...


class NoAdapters:
    def resolve(self, name: str, spec: str | None, project: str) -> AdapterRef | None:
        return None


@dataclass(frozen=True)
class Route:
    requested: str  # what the client asked for (echoed as the response's model)
    base_model: str
    backend: Backend
    adapter: AdapterRef | None = None


class Router:
    def __init__(self, backends: dict[str, Backend], adapters: AdapterResolver | None = None) -> None:
        self.backends = backends
        self.adapters = adapters or NoAdapters()

    def resolve(self, requested: str, *, project: str, granted_models: frozenset[str],
                granted_adapters: frozenset[str]) -> Route:
        name, _, spec = requested.partition("@")
        if name in self.backends and not spec:
            if name not in granted_models:
                raise Forbidden(f"model '{name}' is not granted to project {project}", param="model")
            return Route(requested, name, self.backends[name])
        ref = self.adapters.resolve(name, spec or None, project)
        if ref is None:
            raise NotFound(f"model '{requested}' does not exist; list yours with GET /v1/models", param="model")
        if name not in granted_adapters:
            raise Forbidden(f"adapter '{name}' is not granted to project {project}", param="model")
        backend = self.backends.get(ref.base_model)
        if backend is None:
            raise NotFound(f"adapter '{requested}' needs base model '{ref.base_model}', which this gateway does "
                           "not serve", param="model")
        return Route(requested, ref.base_model, backend, ref)

    def visible(self, granted_models: frozenset[str], granted_adapters: frozenset[str]) -> list[str]:
        return sorted(m for m in granted_models if m in self.backends) + sorted(granted_adapters)

    async def close(self) -> None:
        for backend in self.backends.values():
            await backend.close()
