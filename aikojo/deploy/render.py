"""``render(target, out_dir, config)``: every object, grouped in files, plus a kustomization so that
``kubectl apply -k OUTDIR`` (or ``oc apply -k``) installs the lot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from aikojo.deploy import gateway, kserve, monitoring, namespaces, network
from aikojo.deploy.config import TARGETS, DeployConfig, Target
from aikojo.errors import InvalidInput

INDEX = ".kojo-render"


class _Dumper(yaml.SafeDumper):
    """No ``&id001`` anchors: objects shared between containers are written out in full, as people expect."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def to_yaml(objs: list[dict[str, Any]]) -> str:
    return yaml.dump_all(objs, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
  # files the last render wrote, so a re-render removes what no longer exists


def render_files(target: Target, config: DeployConfig) -> dict[str, list[dict[str, Any]]]:
    """Relative file name → the objects it holds, in apply order."""
    if target not in TARGETS:
        raise InvalidInput(f"unknown target {target!r}: use {' or '.join(TARGETS)}", param="target")
    files: dict[str, list[dict[str, Any]]] = {}
    ns_objs = [namespaces.namespace(config.gateway_namespace, "gateway")]
    shared = [m for m in config.models if m.tenant is None]
    if shared:
        ns_objs.append(namespaces.namespace(config.models_namespace, "model"))
    files["namespaces.yaml"] = ns_objs
    for t in config.tenants:
        ns = config.tenant_namespace(t.name)
        ports = [m.port for m in config.models if m.tenant == t.name]
        ns_obj, *objs = namespaces.tenant_objects(config, t)
        ns_objs.append(ns_obj)
        files[f"tenants/{t.name}.yaml"] = [*objs, *network.workload_namespace(config, ns, target, ports)]
    network_objs = network.gateway_namespace(config, target)
    if shared:
        network_objs += network.workload_namespace(config, config.models_namespace, target,
                                                   [m.port for m in shared])
    files["network.yaml"] = network_objs
    files["gateway.yaml"] = gateway.gateway_objects(config, target)
    if config.models:
        files["models.yaml"] = kserve.model_objects(config)
    files["monitoring.yaml"] = monitoring.monitoring_objects(config)
    return files


def render_objects(target: Target, config: DeployConfig) -> list[dict[str, Any]]:
    return [obj for objs in render_files(target, config).values() for obj in objs]


def render(target: Target, out_dir: Path, config: DeployConfig) -> list[Path]:
    """Write the manifests under ``out_dir``; returns the files written. Files a previous render wrote there
    and this one does not (a removed tenant, say) are deleted; nothing else in ``out_dir`` is touched."""
    files = render_files(target, config)
    out_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / INDEX
    previous = index.read_text(encoding="utf-8").split() if index.exists() else []
    written: list[Path] = []
    for rel, objs in files.items():
        written.append(_write(out_dir / rel, to_yaml(objs)))
    # The raw dashboard and rules, for importing by hand into an existing Grafana / Prometheus.
    written.append(_write(out_dir / monitoring.DASHBOARD_FILE, monitoring._asset_text(monitoring.DASHBOARD_FILE)))
    written.append(_write(out_dir / "prometheus" / "kojo-alerts.yaml",
                          to_yaml([monitoring.prometheus_rule(config)])))
    kustomization = {"apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization",
                     "resources": list(files)}
    written.append(_write(out_dir / "kustomization.yaml", to_yaml([kustomization])))
    rels = sorted(str(p.relative_to(out_dir)) for p in written)
    for stale in set(previous) - set(rels):
        path = out_dir / stale
        if path.is_file() and path.resolve().is_relative_to(out_dir.resolve()):
            path.unlink()
    index.write_text("\n".join(rels) + "\n", encoding="utf-8")
    return written


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
