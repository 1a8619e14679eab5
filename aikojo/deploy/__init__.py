"""Kubernetes / OpenShift manifests, Grafana dashboard and Prometheus alert rules for a kojo installation.

``render(target, out_dir, config)`` writes them; ``render_objects`` returns them for inspection and tests."""

from aikojo.deploy.config import DeployConfig, from_platform, load_config, with_projects
from aikojo.deploy.render import render, render_files, render_objects

__all__ = ["DeployConfig", "from_platform", "load_config", "render", "render_files", "render_objects",
           "with_projects"]
