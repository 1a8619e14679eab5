"""What ``kojo deploy render`` needs to know: tenants and their projects, models, the gateway image, and where the
dependencies live (as a NetworkPolicy can name them). Read from YAML, optionally completed from the store.

Secrets never appear here: the database and Redis URLs are referenced by Secret name and key, and the manifests
only point at those Secrets.
"""

from __future__ import annotations

import difflib
import hashlib
import ipaddress
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from aikojo.errors import InvalidInput
from aikojo.tenancy.names import NAME_RE, NAME_RULE

Target = Literal["openshift", "kubernetes"]
TARGETS: tuple[str, ...] = ("openshift", "kubernetes")

# Settings that carry credentials: they may only reach the pod through a Secret reference.
SECRET_SETTINGS = frozenset({"database_url", "redis_url", "api_key"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Endpoint(_Strict):
    """A network peer as a NetworkPolicy can name it: an IP block, or pods in a namespace (labels optional)."""

    name: str
    port: int = Field(..., ge=1, le=65535)
    protocol: Literal["TCP", "UDP"] = "TCP"
    cidr: str | None = Field(None, description="e.g. 10.0.12.5/32 for a managed database outside the cluster")
    namespace: str | None = Field(None, description="namespace of in-cluster pods")
    pod_labels: dict[str, str] = Field(default_factory=dict)

    @field_validator("cidr")
    @classmethod
    def _cidr(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                return str(ipaddress.ip_network(v, strict=False))
            except ValueError as exc:
                raise ValueError(f"not a CIDR block ({exc})")
        return v

    @model_validator(mode="after")
    def _one_place(self) -> Endpoint:
        if (self.cidr is None) == (self.namespace is None):
            raise ValueError(f"endpoint '{self.name}': give exactly one of cidr or namespace")
        return self


class SecretRef(_Strict):
    name: str
    key: str = "url"


class Quota(_Strict):
    """A tenant namespace's ResourceQuota (Kubernetes quantities)."""

    cpu: str = "16"
    memory: str = "64Gi"
    gpus: int = Field(1, ge=0)
    pods: int = Field(50, ge=1)


class TenantSpec(_Strict):
    name: str
    projects: list[str] = Field(default_factory=list)
    quota: Quota = Field(default_factory=Quota)
    cluster_queue: str = Field("kojo", description="Kueue ClusterQueue the tenant's LocalQueue feeds")

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        return _dns_label("tenant", v)

    @field_validator("projects")
    @classmethod
    def _projects(cls, v: list[str]) -> list[str]:
        return sorted({_dns_label("project", p) for p in v})


class LoraModule(_Strict):
    """An adapter vLLM loads at start-up, served as ``name`` (kojo serves adapter versions as ``name@N``)."""

    name: str
    path: str = Field(..., description="path inside the predictor pod, or a URI the runtime can read")


class ModelSpec(_Strict):
    """One KServe InferenceService on the vLLM runtime."""

    name: str = Field(..., description="model name callers use (kojo's name)")
    storage_uri: str = Field(..., description="hf://org/model, pvc://claim/path, s3://bucket/path …")
    tenant: str | None = Field(None, description="serve in this tenant's namespace; default: the shared models one")
    resource_name: str | None = Field(None, description="InferenceService name; default derived from name")
    runtime: str = "kserve-huggingfaceserver"
    model_format: str = "huggingface"
    image: str | None = Field(None, description="override the runtime's image (e.g. a pinned vLLM build)")
    gpus: int = Field(1, ge=0)
    cpu: str = "4"
    memory: str = "24Gi"
    min_replicas: int = Field(1, ge=0)
    max_replicas: int = Field(1, ge=1)
    max_model_len: int | None = Field(None, ge=1)
    lora_modules: list[LoraModule] = Field(default_factory=list)
    max_lora_rank: int = Field(16, ge=1)
    max_loras: int = Field(4, ge=1)
    args: list[str] = Field(default_factory=list, description="extra runtime arguments")
    openai_path: str = Field("/openai/v1", description="where the runtime serves the OpenAI API")
    port: int = Field(8080, description="container port of the runtime")

    @model_validator(mode="after")
    def _replicas(self) -> ModelSpec:
        if self.max_replicas < self.min_replicas:
            raise ValueError(f"model '{self.name}': max_replicas < min_replicas")
        return self

    @property
    def k8s_name(self) -> str:
        return self.resource_name or k8s_name(self.name, limit=45)


class ExternalUpstream(_Strict):
    """An OpenAI-compatible server outside kojo's manifests: the gateway routes ``name`` to ``url`` and may
    reach it through the NetworkPolicy egress rule built from cidr/namespace."""

    name: str
    url: str
    upstream_model: str | None = None
    port: int | None = Field(None, description="default: the URL's port")
    cidr: str | None = None
    namespace: str | None = None
    pod_labels: dict[str, str] = Field(default_factory=dict)

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return v

    def endpoint(self) -> Endpoint:
        parts = urlsplit(self.url)
        port = self.port or parts.port or (443 if parts.scheme == "https" else 80)
        return Endpoint(name=f"upstream-{k8s_name(self.name)}", port=port, cidr=self.cidr,
                        namespace=self.namespace, pod_labels=self.pod_labels)


class GatewaySpec(_Strict):
    image: str = "ghcr.io/aikojo/kojo:latest"
    replicas: int = Field(2, ge=1, description="HPA minimum; also the Deployment's starting count")
    max_replicas: int = Field(10, ge=1)
    cpu_target_percent: int = Field(70, ge=1, le=100)
    cpu_request: str = "500m"
    cpu_limit: str = "2"
    memory_request: str = "512Mi"
    memory_limit: str = "2Gi"
    host: str | None = Field(None, description="public host name; OpenShift generates one when unset")
    tls_secret: str | None = Field(None, description="TLS Secret for the Ingress (Kubernetes)")
    ingress_class: str | None = None
    expose_admin: bool = Field(False, description="route /admin through the Ingress/Route as well")
    artifacts_pvc: str | None = Field(None, description="RWX claim mounted as KOJO_HOME/artifacts (adapters)")
    settings: dict[str, Any] = Field(default_factory=dict, description="extra KOJO_* settings (non-secret)")

    @model_validator(mode="after")
    def _check(self) -> GatewaySpec:
        if self.max_replicas < self.replicas:
            raise ValueError("gateway.max_replicas < gateway.replicas")
        from aikojo.settings import Settings

        known = set(Settings.model_fields)
        for key in self.settings:
            if key in SECRET_SETTINGS:
                raise ValueError(f"gateway.settings.{key} is a credential: reference it through a Secret instead")
            if key not in known:
                hint = difflib.get_close_matches(key, sorted(known), n=1)
                raise ValueError(f"gateway.settings: unknown setting '{key}'"
                                 + (f"; did you mean '{hint[0]}'?" if hint else ""))
        return self


class DeployConfig(_Strict):
    gateway_namespace: str = "kojo-system"
    models_namespace: str = "kojo-models"
    tenant_namespace_prefix: str = "kojo-"
    home: str = "/var/lib/kojo"
    gateway: GatewaySpec = Field(default_factory=GatewaySpec)
    database: Endpoint = Field(default_factory=lambda: Endpoint(name="database", port=5432, namespace="kojo-data",
                                                                pod_labels={"app": "postgresql"}))
    redis: Endpoint = Field(default_factory=lambda: Endpoint(name="redis", port=6379, namespace="kojo-data",
                                                             pod_labels={"app": "redis"}))
    database_secret: SecretRef = Field(default_factory=lambda: SecretRef(name="kojo-database"))
    redis_secret: SecretRef = Field(default_factory=lambda: SecretRef(name="kojo-redis"))
    keys_secret: str = Field("kojo-keys", description="Secret with audit-signing.pem and content-hmac.key, "
                                                     "shared by every replica")
    upstreams: list[ExternalUpstream] = Field(default_factory=list)
    gateway_extra_egress: list[Endpoint] = Field(
        default_factory=list, description="more peers the gateway may call (e.g. an object store)")
    intra_namespace_traffic: bool = Field(
        True, description="let pods of one tenant namespace talk to each other (distributed training ranks)")
    tenants: list[TenantSpec] = Field(default_factory=list)
    models: list[ModelSpec] = Field(default_factory=list)
    ingress_namespace_labels: dict[str, str] | None = Field(
        None, description="namespaces the ingress controller runs in; default per target")
    monitoring_namespace_labels: dict[str, str] | None = Field(
        None, description="namespaces Prometheus scrapes from; default per target")

    @model_validator(mode="after")
    def _consistent(self) -> DeployConfig:
        names = [t.name for t in self.tenants]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"tenants listed twice: {', '.join(dupes)}")
        for m in self.models:
            if m.tenant is not None and m.tenant not in names:
                raise ValueError(f"model '{m.name}': tenant '{m.tenant}' is not in tenants")
        isvcs = [(self.model_namespace(m), m.k8s_name) for m in self.models]
        if len(set(isvcs)) != len(isvcs):
            raise ValueError("two models map to the same InferenceService name; set resource_name on one")
        return self

    def tenant_namespace(self, tenant: str) -> str:
        return k8s_name(f"{self.tenant_namespace_prefix}{tenant}")

    def model_namespace(self, model: ModelSpec) -> str:
        return self.tenant_namespace(model.tenant) if model.tenant else self.models_namespace

    def ingress_peers(self, target: Target) -> dict[str, str]:
        if self.ingress_namespace_labels is not None:
            return self.ingress_namespace_labels
        return ({"network.openshift.io/policy-group": "ingress"} if target == "openshift"
                else {"kubernetes.io/metadata.name": "ingress-nginx"})

    def monitoring_peers(self, target: Target) -> dict[str, str]:
        if self.monitoring_namespace_labels is not None:
            return self.monitoring_namespace_labels
        return ({"network.openshift.io/policy-group": "monitoring"} if target == "openshift"
                else {"kubernetes.io/metadata.name": "monitoring"})


_INVALID = re.compile(r"[^a-z0-9-]+")


def k8s_name(name: str, limit: int = 63) -> str:
    """A DNS label for ``name``; too long or altered names get a short hash so two names never collide."""
    clean = _INVALID.sub("-", name.lower()).strip("-") or "x"
    if clean == name and len(clean) <= limit and clean[0].isalpha():
        return clean
    digest = hashlib.sha256(name.encode()).hexdigest()[:6]
    if not clean[0].isalpha():
        clean = f"m-{clean}"
    return f"{clean[: limit - 7].rstrip('-')}-{digest}"


def _dns_label(kind: str, v: str) -> str:
    if not NAME_RE.match(v):
        raise ValueError(f"invalid {kind} name {v!r}: use {NAME_RULE}")
    return v


def load_config(path: Path | None) -> DeployConfig:
    """The deploy config from YAML (defaults when ``path`` is None); errors name the file and the field."""
    if path is None:
        return DeployConfig()
    if not path.exists():
        raise InvalidInput(f"{path}: deploy config not found")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise InvalidInput(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)})")
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: the top level must be a mapping")
    try:
        return DeployConfig.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "(top level)"
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = f"unknown field{_suggest(err['loc'], DeployConfig)}"
        raise InvalidInput(f"{path}: {field}: {msg}", param=field)


def _suggest(loc: tuple[Any, ...], model: type[BaseModel]) -> str:
    """'; did you mean X?' for a misspelt key, walking the models along ``loc``."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part)
        ann = field.annotation if field else None
        args = getattr(ann, "__args__", None) or ()
        current = next((a for a in (ann, *args) if isinstance(a, type) and issubclass(a, BaseModel)), None)
    if current is None:
        return ""
    hint = difflib.get_close_matches(str(loc[-1]), sorted(current.model_fields), n=1)
    return f" '{loc[-1]}'; did you mean '{hint[0]}'?" if hint else f" '{loc[-1]}'"


def with_projects(config: DeployConfig, projects: Iterable[Any], tenants: Iterable[str] = ()) -> DeployConfig:
    """Add the store's tenants and projects (``ProjectView``-like: ``.tenant``, ``.name``) to the config.
    Tenants already in the config keep their quota and queue; their project lists are merged."""
    by_tenant: dict[str, set[str]] = {t: set() for t in tenants}
    for p in projects:
        by_tenant.setdefault(p.tenant, set()).add(p.name)
    merged = {t.name: t for t in config.tenants}
    for name, names in by_tenant.items():
        existing = merged.get(name)
        if existing is None:
            merged[name] = TenantSpec(name=name, projects=sorted(names))
        else:
            merged[name] = existing.model_copy(update={"projects": sorted(set(existing.projects) | names)})
    return config.model_copy(update={"tenants": [merged[n] for n in sorted(merged)]})


def from_platform(config: DeployConfig, platform: Any, actor: Any) -> DeployConfig:
    """``with_projects`` fed by the control-plane store through the service layer (so it is authorised)."""
    from aikojo.tenancy import service

    tenants = [t.name for t in service.list_tenants(platform, actor)]
    return with_projects(config, service.list_projects(platform, actor), tenants)
