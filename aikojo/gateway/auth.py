"""Authentication of a request's key, with a short cache so the hot path does not hit the database on
every call. A revoked key stops working within ``ttl_s`` seconds on every replica."""

from __future__ import annotations

import dataclasses
import time

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from aikojo.errors import Unauthenticated
from aikojo.platform import Platform
from aikojo.tenancy.key_service import authenticate
from aikojo.tenancy.keys import hash_key
from aikojo.tenancy.roles import Actor


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return request.headers.get("api-key")  # Azure-style clients
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthenticated("the Authorization header must be 'Bearer sk-kojo-…'")
    return token.strip()


class Authenticator:
    def __init__(self, platform: Platform, ttl_s: float = 5.0, max_entries: int = 10_000) -> None:
        self.platform = platform
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self._cache: dict[str, tuple[float, Actor]] = {}

    async def actor(self, request: Request) -> Actor:
        raw = bearer_token(request)
        request_id = getattr(request.state, "request_id", None)
        cache_key = hash_key(raw) if raw else ""
        hit = self._cache.get(cache_key)
        now = time.monotonic()
        if hit is not None and hit[0] > now:
            actor = hit[1]
        else:
            actor = await run_in_threadpool(authenticate, self.platform, raw)
            if len(self._cache) >= self.max_entries:
                self._cache.clear()
            self._cache[cache_key] = (now + self.ttl_s, actor)
        request.state.actor = actor
        return dataclasses.replace(actor, request_id=request_id) if request_id else actor

    def forget(self) -> None:
        self._cache.clear()
