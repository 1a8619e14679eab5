"""Who is calling: the key's identity plus everything the pipeline needs about its project (grants, limits,
priority), resolved in one database read and cached for ``ttl_s`` seconds so the hot path does not touch the
database. A revoked key, or a changed limit, takes effect within ``ttl_s`` on every replica."""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from aikojo.db.models import Project
from aikojo.errors import Unauthenticated
from aikojo.platform import Platform
from aikojo.tenancy.key_service import authenticate
from aikojo.tenancy.keys import hash_key
from aikojo.tenancy.roles import Actor


@dataclass(frozen=True)
class ProjectInfo:
    id: int
    tenant: str
    name: str
    rpm: int | None
    tpm: int | None
    max_concurrent: int | None
    priority: int
    default_max_tokens: int | None
    store_bodies: str
    models: frozenset[str]
    adapters: frozenset[str]
    guardrail_policy: str | None

    @property
    def path(self) -> str:
        return f"{self.tenant}/{self.name}"


@dataclass(frozen=True)
class Caller:
    actor: Actor
    project: ProjectInfo | None
    key_rpm: int | None = None
    key_tpm: int | None = None
    key_max_concurrent: int | None = None


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return request.headers.get("api-key")  # Azure-style clients
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthenticated("the Authorization header must be 'Bearer sk-kojo-…'")
    return token.strip()


def load_caller(p: Platform, raw: str | None) -> Caller:
    from aikojo.db.models import ApiKey

    actor = authenticate(p, raw)
    with p.store.read() as s:
        key = s.get(ApiKey, actor.key_id)
        info = None
        if actor.project_id is not None:
            pr = s.execute(select(Project).where(Project.id == actor.project_id)
                           .options(selectinload(Project.grants), selectinload(Project.tenant))).scalar_one()
            info = ProjectInfo(id=pr.id, tenant=pr.tenant.name, name=pr.name, rpm=pr.rpm, tpm=pr.tpm,
                               max_concurrent=pr.max_concurrent, priority=pr.priority,
                               default_max_tokens=pr.default_max_tokens, store_bodies=pr.store_bodies,
                               models=frozenset(g.name for g in pr.grants if g.kind == "model"),
                               adapters=frozenset(g.name for g in pr.grants if g.kind == "adapter"),
                               guardrail_policy=pr.guardrail_policy)
        return Caller(actor=actor, project=info, key_rpm=key.rpm, key_tpm=key.tpm,
                      key_max_concurrent=key.max_concurrent)


class Authenticator:
    def __init__(self, platform: Platform, ttl_s: float = 5.0, max_entries: int = 10_000) -> None:
        self.platform = platform
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self._cache: dict[str, tuple[float, Caller]] = {}

    async def caller(self, request: Request) -> Caller:
        raw = bearer_token(request)
        cache_key = hash_key(raw) if raw else ""
        now = time.monotonic()
        hit = self._cache.get(cache_key)
        if hit is not None and hit[0] > now:
            caller = hit[1]
        else:
            caller = await run_in_threadpool(load_caller, self.platform, raw)
            if len(self._cache) >= self.max_entries:
                self._cache.clear()
            self._cache[cache_key] = (now + self.ttl_s, caller)
        request_id = getattr(request.state, "request_id", None)
        actor = dataclasses.replace(caller.actor, request_id=request_id)
        request.state.caller = caller
        return dataclasses.replace(caller, actor=actor)

    async def actor(self, request: Request) -> Actor:
        return (await self.caller(request)).actor

    def forget(self) -> None:
        """Drop cached callers (after an admin change in this process)."""
        self._cache.clear()
