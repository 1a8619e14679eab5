"""Rendered manifests are valid: core kinds against Kubernetes' own schemas (kubernetes-validate, offline,
strict), CRDs against the subset schemas in tests/deploy/schemas, InferenceServices also against KServe's own SDK
models, and they say what the platform needs."""

from __future__ import annotations

import pytest
import yaml

from aikojo.deploy import render, render_objects
from aikojo.deploy.config import DeployConfig, load_config
from aikojo.errors import InvalidInput
from tests.deploy.conftest import CRD_SCHEMAS, K8S_VERSION

TARGETS = ["openshift", "kubernetes"]
# Fields of spec.predictor.model that are KServe's own; every other field is a core Container field.
_MODEL_FIELDS = {"modelFormat", "runtime", "storageUri", "protocolVersion", "storage"}
_PREDICTOR_FIELDS = {"model", "minReplicas", "maxReplicas", "scaleMetric", "scaleTarget", "canaryTrafficPercent",
                     "containerConcurrency", "timeout", "batcher", "logger", "deploymentStrategy", "annotations",
                     "labels", "autoScaling"}


def _kinds(objs, kind):
    return [o for o in objs if o["kind"] == kind]


def _core_validate(obj, version=K8S_VERSION):
    kv = pytest.importorskip("kubernetes_validate")
    kv.validate(obj, version, strict=True)


@pytest.mark.parametrize("target", TARGETS)
def test_core_kinds_validate_strictly_against_kubernetes_schemas(config, target):
    objs = render_objects(target, config)
    core = [o for o in objs if (o["apiVersion"], o["kind"]) not in CRD_SCHEMAS]
    assert {o["kind"] for o in core} >= {"Namespace", "ServiceAccount", "Role", "RoleBinding", "ResourceQuota",
                                         "NetworkPolicy", "Deployment", "Service", "HorizontalPodAutoscaler",
                                         "ConfigMap", "PodDisruptionBudget", "LimitRange"}
    for obj in core:
        _core_validate(obj)


@pytest.mark.parametrize("target", TARGETS)
def test_custom_resources_validate_against_their_schemas(config, target, crd_validators):
    objs = render_objects(target, config)
    crds = [o for o in objs if (o["apiVersion"], o["kind"]) in CRD_SCHEMAS]
    expected = {"InferenceService", "LocalQueue", "ServiceMonitor", "PodMonitor", "PrometheusRule"}
    expected |= {"Route"} if target == "openshift" else set()
    assert {o["kind"] for o in crds} == expected
    for obj in crds:
        errors = sorted(crd_validators[(obj["apiVersion"], obj["kind"])].iter_errors(obj), key=str)
        assert not errors, f"{obj['kind']}/{obj['metadata']['name']}: {errors[0].message} at {errors[0].json_path}"


def test_inference_service_container_and_pod_fields_are_valid_core_fields(config):
    # The predictor embeds a PodSpec and its model a Container: check those parts against the Pod schema.
    for isvc in _kinds(render_objects("kubernetes", config), "InferenceService"):
        predictor = isvc["spec"]["predictor"]
        container = {k: v for k, v in predictor["model"].items() if k not in _MODEL_FIELDS}
        pod_spec = {k: v for k, v in predictor.items() if k not in _PREDICTOR_FIELDS}
        _core_validate({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
                        "spec": {**pod_spec, "containers": [{"name": "kserve-container", "image": "i",
                                                             **container}]}})


def test_a_typo_in_a_custom_resource_is_caught(config, crd_validators):
    isvc = _kinds(render_objects("kubernetes", config), "InferenceService")[0]
    isvc["spec"]["predictor"]["model"]["modelFormat"] = {"nmae": "huggingface"}
    assert list(crd_validators[("serving.kserve.io/v1beta1", "InferenceService")].iter_errors(isvc))


def test_each_tenant_gets_namespace_identity_role_quota_and_local_queue(config):
    objs = render_objects("kubernetes", config)
    for tenant in config.tenants:
        ns = config.tenant_namespace(tenant.name)
        in_ns = {o["kind"] for o in objs if o["metadata"].get("namespace") == ns}
        assert {"ServiceAccount", "Role", "RoleBinding", "ResourceQuota", "LocalQueue", "NetworkPolicy"} <= in_ns
        assert any(o["kind"] == "Namespace" and o["metadata"]["name"] == ns for o in objs)
    quota = next(o for o in objs if o["kind"] == "ResourceQuota" and o["metadata"]["namespace"] == "kojo-acme")
    assert quota["spec"]["hard"]["requests.nvidia.com/gpu"] == "2"


def test_gateway_reads_secrets_by_reference_and_never_as_literals(config):
    objs = render_objects("kubernetes", config)
    assert not _kinds(objs, "Secret")
    dep = _kinds(objs, "Deployment")[0]
    for c in dep["spec"]["template"]["spec"]["containers"] + dep["spec"]["template"]["spec"]["initContainers"]:
        env = {e["name"]: e for e in c["env"]}
        assert env["KOJO_DATABASE_URL"]["valueFrom"]["secretKeyRef"]["name"] == "kojo-database"
        assert env["KOJO_REDIS_URL"]["valueFrom"]["secretKeyRef"]["name"] == "kojo-redis"
        assert all("value" not in e for e in c["env"])
    cm = next(o for o in _kinds(objs, "ConfigMap") if o["metadata"]["name"] == "kojo-gateway")
    assert not {"KOJO_DATABASE_URL", "KOJO_REDIS_URL", "KOJO_API_KEY"} & set(cm["data"])


def test_a_credential_in_gateway_settings_is_refused(tmp_path):
    path = tmp_path / "deploy.yaml"
    path.write_text("gateway:\n  settings: {database_url: 'postgresql://u:p@db/kojo'}\n")
    with pytest.raises(InvalidInput, match="credential"):
        load_config(path)


def test_config_errors_name_the_file_and_field_and_suggest(tmp_path):
    path = tmp_path / "deploy.yaml"
    path.write_text("gateway:\n  replica: 3\n")
    with pytest.raises(InvalidInput, match=r"deploy.yaml: gateway.replica: .*did you mean 'replicas'"):
        load_config(path)


def test_gateway_pods_are_hardened_probed_and_sized(config):
    for target in TARGETS:
        dep = _kinds(render_objects(target, config), "Deployment")[0]
        pod = dep["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        gw = next(c for c in pod["containers"] if c["name"] == "gateway")
        sc = gw["securityContext"]
        assert sc["readOnlyRootFilesystem"] is True and sc["capabilities"]["drop"] == ["ALL"]
        assert sc["allowPrivilegeEscalation"] is False
        assert gw["readinessProbe"]["httpGet"]["path"] == "/readyz"
        assert gw["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert gw["resources"]["requests"] and gw["resources"]["limits"]
        # OpenShift's restricted SCC assigns the UID; a fixed one would be refused there.
        assert ("runAsUser" in pod["securityContext"]) == (target == "kubernetes")


def test_gateway_config_routes_each_model_to_its_predictor(config):
    cm = next(o for o in render_objects("kubernetes", config) if o["kind"] == "ConfigMap"
              and o["metadata"]["name"] == "kojo-gateway")
    from aikojo.settings import UpstreamModel

    ups = [UpstreamModel.model_validate(u) for u in yaml.safe_load(cm["data"]["KOJO_UPSTREAMS"])]
    by_name = {u.name: u.url for u in ups}
    assert by_name["acme-7b"] == "http://acme-7b-predictor.kojo-acme.svc.cluster.local/v1"
    assert by_name["qwen2.5-1.5b"].endswith(".kojo-models.svc.cluster.local/openai/v1")
    assert by_name["big"] == "https://vllm.example.com:8443/v1"
    assert cm["data"]["KOJO_ENGINE"] == "none" and cm["data"]["KOJO_LIMITS_BACKEND"] == "redis"


def test_every_configmap_setting_is_a_known_setting(config):
    from aikojo.settings import Settings

    cm = next(o for o in render_objects("kubernetes", config) if o["kind"] == "ConfigMap"
              and o["metadata"]["name"] == "kojo-gateway")
    for key in cm["data"]:
        assert key.removeprefix("KOJO_").lower() in Settings.model_fields, key


def test_every_project_has_an_l7_path_on_both_targets(config):
    want = {"/v1"} | {f"/p/{t.name}/{p}/v1" for t in config.tenants for p in t.projects}
    ing = _kinds(render_objects("kubernetes", config), "Ingress")[0]
    assert {p["path"] for p in ing["spec"]["rules"][0]["http"]["paths"]} == want
    routes = _kinds(render_objects("openshift", config), "Route")
    assert {r["spec"]["path"] for r in routes} == want
    assert {r["spec"]["host"] for r in routes} == {config.gateway.host}


def test_openshift_routes_need_a_shared_host(config):
    no_host = config.model_copy(update={"gateway": config.gateway.model_copy(update={"host": None})})
    with pytest.raises(InvalidInput, match=r"gateway\.host"):
        render_objects("openshift", no_host)


def test_inference_service_runs_vllm_with_its_lora_modules(config):
    isvcs = {i["metadata"]["name"]: i for i in _kinds(render_objects("kubernetes", config), "InferenceService")}
    shared = next(i for i in isvcs.values() if i["metadata"]["namespace"] == "kojo-models")
    args = shared["spec"]["predictor"]["model"]["args"]
    assert "--backend=vllm" in args and "--enable-lora" in args
    assert args[args.index("--lora-modules") + 1] == "claims-bot@3=/mnt/adapters/claims-bot/3"
    assert shared["metadata"]["annotations"]["serving.kserve.io/deploymentMode"] == "RawDeployment"
    dedicated = isvcs["acme-7b"]
    assert dedicated["metadata"]["namespace"] == "kojo-acme"
    assert dedicated["spec"]["predictor"]["model"]["args"][0] == "--served-model-name=acme-7b"


def test_render_writes_files_and_removes_what_a_previous_render_wrote(config, tmp_path):
    out = tmp_path / "out"
    written = render("kubernetes", out, config)
    assert (out / "tenants" / "globex.yaml") in written
    kustomization = yaml.safe_load((out / "kustomization.yaml").read_text())
    assert all((out / r).exists() for r in kustomization["resources"])
    docs = [d for d in yaml.safe_load_all((out / "gateway.yaml").read_text()) if d]
    assert "&id" not in (out / "gateway.yaml").read_text() and docs[0]["kind"] == "ServiceAccount"
    (out / "notes.txt").write_text("mine")
    fewer = config.model_copy(update={"tenants": [t for t in config.tenants if t.name != "globex"]})
    render("kubernetes", out, fewer)
    assert not (out / "tenants" / "globex.yaml").exists()
    assert (out / "notes.txt").read_text() == "mine"


def test_defaults_render_without_a_config_file():
    objs = render_objects("kubernetes", DeployConfig())
    assert _kinds(objs, "Deployment") and not _kinds(objs, "InferenceService")


# ---- KServe's own SDK models -------------------------------------------------------------------------------
# kserve's ApiClient resolves type names in kserve.models only, while an InferenceService embeds core types
# (V1ObjectMeta, V1Container, …) from kubernetes.client.models; so this walks the generated models' openapi_types
# itself and hands core types to the kubernetes client's deserialiser. Serialising the result back must give the
# manifest unchanged: a field the SDK does not know is dropped on the way, so the round trip catches it.

def _kserve_model(data, klass: str):
    import kserve
    from kubernetes import client as k8s

    if data is None:
        return None
    if klass.startswith("list["):
        return [_kserve_model(x, klass[5:-1]) for x in data]
    if klass.startswith("dict("):
        value_type = klass[5:-1].split(", ", 1)[1]
        return {k: _kserve_model(v, value_type) for k, v in data.items()}
    cls = getattr(kserve.models, klass, None)
    if cls is None:  # a core Kubernetes type, or a primitive
        return k8s.ApiClient()._ApiClient__deserialize(data, klass)
    kwargs = {attr: _kserve_model(data[cls.attribute_map[attr]], typ)
              for attr, typ in cls.openapi_types.items() if cls.attribute_map[attr] in data}
    return cls(**kwargs)  # the generated models raise on a missing required field


def _without_added_defaults(back, manifest):
    """``back`` less the empty defaults the SDK fills in where the manifest says nothing (the model's container
    ``name: ''``, which KServe itself sets to kserve-container)."""
    if isinstance(back, dict) and isinstance(manifest, dict):
        return {k: _without_added_defaults(v, manifest.get(k)) for k, v in back.items()
                if k in manifest or v not in ("", None, [], {})}
    if isinstance(back, list) and isinstance(manifest, list):
        return [_without_added_defaults(v, m) for v, m in zip(back, manifest, strict=False)] + back[len(manifest):]
    return back


def _kserve_round_trip(manifest):
    import kserve

    back = kserve.ApiClient().sanitize_for_serialization(_kserve_model(manifest, "V1beta1InferenceService"))
    return _without_added_defaults(back, manifest)


@pytest.mark.parametrize("target", TARGETS)
def test_inference_services_are_valid_for_the_kserve_sdk_models(config, target):
    isvcs = _kinds(render_objects(target, config), "InferenceService")
    assert isvcs
    for isvc in isvcs:
        assert _kserve_round_trip(isvc) == isvc, isvc["metadata"]["name"]


def test_kserve_sdk_round_trip_catches_a_misspelt_field(config):
    # Guards the method: a misspelt KServe field and a misspelt core field inside the predictor both change it.
    isvc = _kinds(render_objects("kubernetes", config), "InferenceService")[0]
    misspelt = yaml.safe_load(yaml.safe_dump(isvc))
    misspelt["spec"]["predictor"]["minReplica"] = 1
    assert _kserve_round_trip(misspelt) != misspelt
    misspelt = yaml.safe_load(yaml.safe_dump(isvc))
    misspelt["spec"]["predictor"]["model"]["argz"] = ["--x"]
    assert _kserve_round_trip(misspelt) != misspelt
    mistyped = yaml.safe_load(yaml.safe_dump(isvc))
    mistyped["spec"]["predictor"]["minReplicas"] = "two"
    with pytest.raises(ValueError):
        _kserve_round_trip(mistyped)
