"""One settings model for the whole platform.

Precedence, highest first: explicit overrides (CLI flags) → ``KOJO_*`` environment variables →
``kojo.yaml`` (``KOJO_CONFIG`` or ``./kojo.yaml``) → defaults. ``KOJO_HOME`` (default ``./.kojo``) holds
the SQLite database, models, adapters, logs, keys and the tracking store.
"""

from __future__ import annotations

import difflib
import os
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from aikojo.errors import InvalidInput
from aikojo.factory.executors.kubeflow_manifests import KubeflowConfig


class UpstreamModel(BaseModel):
    """An OpenAI-compatible server (vLLM, KServe, another kojo) that serves ``name``."""

    model_config = {"extra": "forbid"}
    name: str
    url: str
    api_key: str | None = None
    api_key_env: str | None = Field(None, description="name of an env var holding the key (e.g. from a Secret)")
    upstream_model: str | None = Field(None, description="model name on the upstream; defaults to name")
    ca_bundle: str | None = None
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 120.0
    max_concurrent: int = 64
    replicas: list[str] = Field(default_factory=list,
                                description="each replica's own URL (pods behind `url`): LoRA loads go to all")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KOJO_", extra="forbid", validate_default=True)

    home: Path = Path(".kojo")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default: SQLite in KOJO_HOME")
    default_models: list[str] = Field(default_factory=lambda: ["demo"])

    # audit
    audit_checkpoint_interval: int = Field(100, ge=1, description="sign a checkpoint every N records")
    audit_signing_key: Path | None = Field(None, description="Ed25519 PEM; default KOJO_HOME/keys/audit-signing.pem")
    audit_batch_max: int = Field(256, ge=1)
    # 0 = natural group commit: the writer takes whatever queued up while the previous batch committed,
    # so a lone request never waits for company and a busy gateway still shares one commit among many.
    audit_batch_wait_ms: float = Field(0.0, ge=0)

    # remote CLI mode: act on a gateway's admin API instead of the local store
    url: str | None = None
    api_key: str | None = None

    # gateway
    host: str = "127.0.0.1"
    port: int = 8000
    max_body_bytes: int = 1_000_000
    default_max_tokens: int = 256
    limits_backend: Literal["memory", "redis"] = "memory"
    redis_url: str = "redis://127.0.0.1:6379/0"
    limits_fail_open: bool = False
    engine: Literal["local", "none"] = "local"
    demo_model_path: Path | None = None
    models: dict[str, str] = Field(default_factory=dict, description="local model name -> HF id or path")
    upstreams: list[UpstreamModel] = Field(default_factory=list)
    guardrails_enabled: bool = True
    guardrail_policy: Path | None = Field(None, description="platform default guardrail policy YAML")
    trust_remote_code: bool = False
    allow_pickle_weights: bool = False
    adapter_cache_size: int = Field(8, ge=1)
    kubeflow: KubeflowConfig = Field(default_factory=KubeflowConfig)
    # tracing (gateway/tracing.py): off by default, and then the request path creates no span objects
    tracing: Literal["none", "console", "otlp"] = Field(
        "none", description="OpenTelemetry spans per pipeline stage: none, console (stdout) or otlp (OTLP/HTTP; "
                            "pip install 'aikojo[tracing]')")
    otlp_endpoint: str | None = Field(
        None, description="OTLP/HTTP collector, e.g. http://otel-collector:4318 (/v1/traces is appended); default: "
                          "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT / OTEL_EXPORTER_OTLP_ENDPOINT, else localhost:4318")

    # tuning and tracking
    tracker: Literal["mlflow", "wandb", "none"] = "mlflow"
    tracking_uri: str | None = Field(None, description="MLflow tracking URI; default SQLite in KOJO_HOME/tracking")
    wandb_project: str = "aikojo"
    wandb_mode: Literal["offline", "online", "disabled"] = "offline"
    tune_num_threads: int | None = Field(None, ge=1, description="torch CPU threads for training (None: torch's)")
    engine_max_batch: int = Field(8, ge=1)
    engine_cpu_threads: int | None = Field(None, ge=1, description="torch threads of the local engine on CPU; "
                                           "1 is fastest on small shared machines")

    @field_validator("home", mode="after")
    @classmethod
    def _absolute_home(cls, v: Path) -> Path:
        return v.expanduser().resolve()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _YamlSource(settings_cls))

    # ---- derived paths -------------------------------------------------------------------------------
    @cached_property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'kojo.db'}"

    @property
    def keys_dir(self) -> Path:
        return self.home / "keys"

    @property
    def signing_key_path(self) -> Path:
        return self.audit_signing_key or self.keys_dir / "audit-signing.pem"

    @property
    def hmac_key_path(self) -> Path:
        return self.keys_dir / "content-hmac.key"

    @property
    def checkpoint_log_path(self) -> Path:
        return self.home / "audit" / "checkpoints.jsonl"

    @property
    def models_dir(self) -> Path:
        return self.home / "models"

    @property
    def adapters_dir(self) -> Path:
        return self.home / "artifacts" / "adapters"

    @property
    def logs_dir(self) -> Path:
        return self.home / "logs"


class _YamlSource(PydanticBaseSettingsSource):
    """Reads ``KOJO_CONFIG`` or ``./kojo.yaml``; unknown keys are reported with the closest valid key."""

    def __init__(self, settings_cls: type[BaseSettings]) -> None:
        super().__init__(settings_cls)
        self._data = _read_yaml_config(settings_cls)

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self._data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return dict(self._data)


def config_path() -> Path | None:
    explicit = os.environ.get("KOJO_CONFIG")
    if explicit:
        return Path(explicit)
    default = Path("kojo.yaml")
    return default if default.exists() else None


def _read_yaml_config(settings_cls: type[BaseSettings]) -> dict[str, Any]:
    path = config_path()
    if path is None:
        return {}
    if not path.exists():
        raise InvalidInput(f"{path}: config file not found (KOJO_CONFIG points at it); create it or unset KOJO_CONFIG")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f":{line + 1}" if line is not None else ""
        raise InvalidInput(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)})")
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: the top level must be a mapping of setting names to values")
    known = set(settings_cls.model_fields)
    for key in data:
        if key not in known:
            hint = difflib.get_close_matches(str(key), sorted(known), n=1)
            did_you_mean = f"; did you mean '{hint[0]}'?" if hint else ""
            raise InvalidInput(f"{path}: unknown setting '{key}'{did_you_mean}", param=str(key))
    return data


def load_settings(**overrides: Any) -> Settings:
    """Build settings; a bad value becomes one clear :class:`InvalidInput` naming the field."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**clean)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise InvalidInput(f"setting '{field}': {err['msg']} (set it with KOJO_{field.upper()} or in kojo.yaml)",
                           param=field)
