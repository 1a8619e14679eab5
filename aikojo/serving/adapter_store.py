"""Adapters in the artifact store (KOJO_HOME/artifacts/adapters, or a volume every replica mounts):

    <root>/<name>/v<N>/            PEFT files + kojo-adapter.json {"name", "version", "base_model"}
    <root>/<name>/aliases.json     {"production": 3, ...}
    <root>/<name>/deployments.json {"acme/claims": 3, ...}   the version each project gets for plain ``name``

Versions are immutable once published; aliases and deployments are small files rewritten atomically."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from aikojo.errors import InvalidInput, NotFound
from aikojo.serving.router import AdapterRef
from aikojo.tenancy.names import check_model_name

META = "kojo-adapter.json"


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path}: corrupt JSON ({exc.msg} at line {exc.lineno}); fix or remove the file")


def _write_json(path: Path, data: dict) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True)
    os.replace(tmp, path)  # atomic: a reader sees the old or the new file, never half of one


class AdapterStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def versions(self, name: str) -> list[int]:
        d = self.root / name
        if not d.is_dir():
            return []
        return sorted(int(p.name[1:]) for p in d.iterdir() if p.is_dir() and p.name[1:].isdigit()
                      and (p / META).exists())

    def ref(self, name: str, version: int) -> AdapterRef:
        path = self.root / name / f"v{version}"
        meta = _read_json(path / META)
        if not meta:
            raise NotFound(f"adapter '{name}@{version}' does not exist", param="model")
        return AdapterRef(name=name, version=version, base_model=meta["base_model"], path=str(path))

    def publish(self, name: str, src: Path, base_model: str) -> AdapterRef:
        """Copy a PEFT adapter folder in as the next version."""
        check_model_name(name)
        if not (Path(src) / "adapter_config.json").exists():
            raise InvalidInput(f"{src} is not a PEFT adapter folder (no adapter_config.json)")
        version = (self.versions(name) or [0])[-1] + 1
        dest = self.root / name / f"v{version}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=dest.parent, prefix=".publish-"))
        shutil.copytree(src, tmp, dirs_exist_ok=True)
        (tmp / META).write_text(json.dumps({"name": name, "version": version, "base_model": base_model}))
        os.replace(tmp, dest)
        return self.ref(name, version)

    def set_alias(self, name: str, alias: str, version: int) -> None:
        self.ref(name, version)
        aliases = _read_json(self.root / name / "aliases.json")
        aliases[alias] = version
        _write_json(self.root / name / "aliases.json", aliases)

    def deploy(self, name: str, project: str, version: int | None) -> int | None:
        """Point ``project`` at ``version`` (None removes it); returns the previous version."""
        if version is not None:
            self.ref(name, version)
        path = self.root / name / "deployments.json"
        deployments = _read_json(path)
        previous = deployments.get(project)
        if version is None:
            deployments.pop(project, None)
        else:
            deployments[project] = version
        _write_json(path, deployments)
        return previous

    def resolve(self, name: str, spec: str | None, project: str) -> AdapterRef | None:
        from aikojo.tenancy.names import MODEL_NAME_RE

        if not MODEL_NAME_RE.match(name) or ".." in name or "/" in name:
            return None  # not a name an adapter can have (and never a path to look up)
        versions = self.versions(name)
        if not versions:
            return None
        if spec is None:
            deployed = _read_json(self.root / name / "deployments.json").get(project)
            return self.ref(name, deployed if deployed is not None else versions[-1])
        if spec.isdigit():
            return self.ref(name, int(spec)) if int(spec) in versions else None
        version = _read_json(self.root / name / "aliases.json").get(spec)
        return self.ref(name, version) if version is not None else None
