"""Deploying adapters to projects: grant + point the project's plain ``name`` at a version + load it where it
is served. The local engine loads an adapter on first use; a vLLM upstream gets ``/v1/load_lora_adapter`` on
every replica endpoint now, and the gateway's reconciler re-loads deployed adapters when an upstream
restarts. Every deployment and rollback is audited with the previous version, and kept in a history file
beside the adapter so rollback needs nothing but the artifact store."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

from aikojo.errors import InvalidInput, NotFound
from aikojo.platform import Platform
from aikojo.serving.adapter_store import AdapterStore
from aikojo.serving.router import AdapterRef
from aikojo.settings import Settings, UpstreamModel
from aikojo.tenancy import service as tenancy
from aikojo.tenancy.names import split_project_path
from aikojo.tenancy.roles import Actor
from aikojo.tenancy.service import entry, find_project

log = logging.getLogger(__name__)


class DeploymentView(BaseModel):
    adapter: str
    version: int
    served_name: str
    project: str
    previous: int | None
    loaded_on: list[str]


def _history_path(store: AdapterStore, name: str) -> Path:
    return store.root / name / "deploy-history.jsonl"


def history(store: AdapterStore, name: str, project: str | None = None) -> list[dict]:
    path = _history_path(store, name)
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if project is None or r["project"] == project]


def _resolve(store: AdapterStore, spec: str, project: str) -> AdapterRef:
    name, _, version = spec.partition("@")
    ref = store.resolve(name, version or None, project)
    if ref is None:
        raise NotFound(f"adapter '{spec}' does not exist; see `kojo registry list`", param="adapter")
    return ref


def upstreams_for(settings: Settings, base_model: str) -> list[UpstreamModel]:
    return [u for u in settings.upstreams if u.name == base_model]


async def load_on_upstreams(settings: Settings, ref: AdapterRef) -> list[str]:
    """``/v1/load_lora_adapter`` on every replica endpoint of the upstreams serving the base model."""
    from aikojo.serving.openai_upstream import OpenAIUpstream

    loaded: list[str] = []
    for cfg in upstreams_for(settings, ref.base_model):
        for url in [cfg.url, *cfg.replicas]:
            backend = OpenAIUpstream(cfg.model_copy(update={"url": url}))
            try:
                await backend.load_adapter(ref.served_name, ref.path)
                loaded.append(url)
            finally:
                await backend.close()
    return loaded


def deploy_adapter(p: Platform, actor: Actor, spec: str, project: str, *, action: str = "adapter.deploy"
                   ) -> DeploymentView:
    actor.require_admin("deploying an adapter")
    split_project_path(project)
    store = AdapterStore(p.settings.adapters_dir)
    ref = _resolve(store, spec, project)
    with p.store.read() as s:
        find_project(s, project)
    loaded = asyncio.run(load_on_upstreams(p.settings, ref)) if upstreams_for(p.settings, ref.base_model) else []
    view = tenancy.grant(p, actor, project, ref.name, kind="adapter")
    previous = store.deploy(ref.name, project, ref.version)
    with _history_path(store, ref.name).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"project": project, "version": ref.version, "previous": previous, "action": action,
                             "by": actor.principal, "at": datetime.now(UTC).isoformat()}) + "\n")
    with p.store.write() as s:
        p.audit.record(s, entry(actor, action, f"adapter:{ref.served_name}", tenant=view.tenant, project=view.name,
                                before={"version": previous}, after={"version": ref.version, "loaded_on": loaded,
                                                                     "base_model": ref.base_model}))
    return DeploymentView(adapter=ref.name, version=ref.version, served_name=ref.served_name, project=project,
                          previous=previous, loaded_on=loaded)


def rollback(p: Platform, actor: Actor, name: str, project: str) -> DeploymentView:
    """Back to the version deployed before the current one."""
    actor.require_admin("rolling back a deployment")
    store = AdapterStore(p.settings.adapters_dir)
    current = [h for h in history(store, name, project)]
    if not current or current[-1].get("previous") is None:
        raise InvalidInput(f"adapter '{name}' has no earlier version deployed to {project} to roll back to",
                           param="adapter")
    return deploy_adapter(p, actor, f"{name}@{current[-1]['previous']}", project, action="adapter.rollback")


class Reconciler:
    """Runs inside the gateway: keeps every deployed adapter loaded on the vLLM upstreams that serve its base
    model, re-loading after an upstream restart (seen as a health flip from down to up)."""

    def __init__(self, settings: Settings, backends: dict) -> None:
        self.settings = settings
        self.backends = backends
        self.store = AdapterStore(settings.adapters_dir)
        self._was_up: dict[str, bool] = {}
        self._loaded: set[tuple[str, str]] = set()

    def deployed(self) -> list[AdapterRef]:
        refs: dict[str, AdapterRef] = {}
        if not self.store.root.exists():
            return []
        for adapter_dir in self.store.root.iterdir():
            path = adapter_dir / "deployments.json"
            if path.exists():
                for version in set(json.loads(path.read_text()).values()):
                    ref = self.store.ref(adapter_dir.name, int(version))
                    refs[ref.served_name] = ref
        return list(refs.values())

    async def reconcile_once(self) -> int:
        count = 0
        for name, backend in self.backends.items():
            if not hasattr(backend, "breaker"):
                continue  # the local engine loads adapters on first use
            up = await backend.health()
            if up and not self._was_up.get(name, False):  # (re)started: everything must be loaded again
                self._loaded = {x for x in self._loaded if x[0] != name}
            self._was_up[name] = up
            if not up:
                continue
            for ref in self.deployed():
                if ref.base_model == name and (name, ref.served_name) not in self._loaded:
                    try:
                        await backend.load_adapter(ref.served_name, ref.path)
                        self._loaded.add((name, ref.served_name))
                        count += 1
                    except Exception as exc:  # keep going; retried next round
                        log.warning("loading %s on %s failed: %s", ref.served_name, name, exc)
        return count

    async def run(self, every_s: float = 10.0) -> None:
        while True:
            try:
                await self.reconcile_once()
            except Exception as exc:  # pragma: no cover - never let the loop die
                log.warning("adapter reconcile failed: %s", exc)
            await asyncio.sleep(every_s)
