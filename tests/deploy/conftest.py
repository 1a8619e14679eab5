"""Fixtures for the deploy tests: one realistic config (two tenants, a shared model with a LoRA adapter, a
tenant-dedicated model, an external upstream) and the JSON schemas shipped as test data for the CRDs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aikojo.deploy import load_config

HERE = Path(__file__).parent
SCHEMAS = HERE / "schemas"
# Newest Kubernetes minor whose schemas kubernetes-validate ships offline and that current clusters run.
K8S_VERSION = "1.33.0"

CRD_SCHEMAS = {
    ("serving.kserve.io/v1beta1", "InferenceService"): "inferenceservice_v1beta1.json",
    ("route.openshift.io/v1", "Route"): "route_v1.json",
    ("kueue.x-k8s.io/v1beta1", "LocalQueue"): "localqueue_v1beta1.json",
    ("monitoring.coreos.com/v1", "ServiceMonitor"): "servicemonitor_v1.json",
    ("monitoring.coreos.com/v1", "PodMonitor"): "podmonitor_v1.json",
    ("monitoring.coreos.com/v1", "PrometheusRule"): "prometheusrule_v1.json",
}


@pytest.fixture(scope="session")
def config():
    return load_config(HERE / "sample-config.yaml")


@pytest.fixture(scope="session")
def crd_validators():
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    common = Resource.from_contents(json.loads((SCHEMAS / "_common.json").read_text()),
                                    default_specification=DRAFT202012)
    registry = Registry().with_resource("kojo-test:common", common)
    out = {}
    for key, name in CRD_SCHEMAS.items():
        schema = json.loads((SCHEMAS / name).read_text())
        Draft202012Validator.check_schema(schema)
        out[key] = Draft202012Validator(schema, registry=registry)
    return out
