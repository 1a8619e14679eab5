"""Who is calling: the key's identity plus everything the pipeline needs about its project (grants, limits,
priority), resolved in one database read and cached for ``ttl_s`` seconds so the hot path does not touch the
database. A revoked key, or a changed limit, takes effect within ``ttl_s`` on every replica."""

from __future__ import annotations

import asyncio
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
from aikojo.tenancy.key_service import authenticate, touch
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

    actor = authenticate(p, raw, touch_after=None)
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
    """Caches callers for ``ttl_s``. Concurrent misses for one key share a single database load, and an
    expired entry is refreshed in the background while requests keep using it (for at most ``ttl_s`` more),
    so neither a burst of new connections nor a TTL expiry stalls the hot path on the database."""

    def __init__(self, platform: Platform, ttl_s: float = 5.0, max_entries: int = 10_000,
                 touch_every_s: float = 60.0) -> None:
        self.platform = platform
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self.touch_every_s = touch_every_s
        self._cache: dict[str, tuple[float, Caller]] = {}
        self._loading: dict[str, asyncio.Future] = {}
        self._touched: dict[str, float] = {}
        self._background: set[asyncio.Task] = set()

    async def caller(self, request: Request) -> Caller:
        raw = bearer_token(request)
        cache_key = hash_key(raw) if raw else ""
        now = time.monotonic()
        hit = self._cache.get(cache_key)
        if hit is None or hit[0] + self.ttl_s <= now:  # unknown, or too stale to serve
            caller = await self._load(cache_key, raw)
        else:
            caller = hit[1]
            if hit[0] <= now and cache_key not in self._loading:  # stale: serve it, refresh behind
                self._spawn(self._load(cache_key, raw))
        self._maybe_touch(caller, now)
        actor = dataclasses.replace(caller.actor, request_id=getattr(request.state, "request_id", None))
        caller = dataclasses.replace(caller, actor=actor)
        request.state.caller = caller
        return caller

    async def _load(self, cache_key: str, raw: str | None) -> Caller:
        pending = self._loading.get(cache_key)
        if pending is not None:
            return await asyncio.shield(pending)
        fut: asyncio.Future = asyncio.get_running_loop().create_future()
        self._loading[cache_key] = fut
        try:
            caller = await run_in_threadpool(load_caller, self.platform, raw)
        except BaseException as exc:
            self._cache.pop(cache_key, None)  # a revoked key must not keep its stale entry
            fut.set_exception(exc)
            fut.exception()  # mark retrieved: waiters re-raise it themselves
            raise
        finally:
            self._loading.pop(cache_key, None)
        if len(self._cache) >= self.max_entries:
            self._cache.clear()
        self._cache[cache_key] = (time.monotonic() + self.ttl_s, caller)
        fut.set_result(caller)
        return caller

    def _maybe_touch(self, caller: Caller, now: float) -> None:
        key_id = caller.actor.key_id
        if key_id and now - self._touched.get(key_id, -1e9) >= self.touch_every_s:
            self._touched[key_id] = now
            self._spawn(run_in_threadpool(touch, self.platform, key_id))

    def _spawn(self, coro) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(lambda t: (self._background.discard(t), t.cancelled() or t.exception()))

    async def actor(self, request: Request) -> Actor:
        return (await self.caller(request)).actor
