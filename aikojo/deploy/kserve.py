"""A KServe ``InferenceService`` per model on the vLLM runtime, with its LoRA adapters loaded at start-up.

RawDeployment mode: the predictor is a plain Deployment + Service, so the gateway calls it directly and the
NetworkPolicies see gateway → predictor traffic (Serverless mode would insert Knative's activator in between).
"""

from __future__ import annotations

from typing import Any

from aikojo.deploy.config import DeployConfig, ModelSpec
from aikojo.deploy.meta import TENANT_LABEL, meta
from aikojo.deploy.namespaces import TENANT_SA


def runtime_args(m: ModelSpec) -> list[str]:
    """Arguments for the runtime. KServe's Hugging Face server takes its own flags and hands the rest to vLLM;
    any other runtime (e.g. OpenShift AI's ``vllm-runtime``) is vLLM's OpenAI server itself."""
    if "huggingfaceserver" in m.runtime:
        args = [f"--model_name={m.name}", "--backend=vllm"]
    else:
        args = [f"--served-model-name={m.name}"]
    if m.max_model_len:
        args.append(f"--max-model-len={m.max_model_len}")
    if m.lora_modules:
        # kojo serves adapter versions as name@N; vLLM serves each module under the name given here.
        args += ["--enable-lora", f"--max-lora-rank={m.max_lora_rank}", f"--max-loras={m.max_loras}",
                 "--lora-modules", *(f"{lm.name}={lm.path}" for lm in m.lora_modules)]
    return [*args, *m.args]


def inference_service(config: DeployConfig, m: ModelSpec) -> dict[str, Any]:
    resources = {"cpu": m.cpu, "memory": m.memory}
    if m.gpus:
        resources["nvidia.com/gpu"] = str(m.gpus)
    model: dict[str, Any] = {
        "modelFormat": {"name": m.model_format},
        "runtime": m.runtime,
        "storageUri": m.storage_uri,
        "args": runtime_args(m),
        "resources": {"requests": dict(resources), "limits": dict(resources)},
        # vLLM writes compile and download caches under $HOME and /tmp, so the root fs stays writable here.
        "securityContext": {"runAsNonRoot": True, "allowPrivilegeEscalation": False,
                            "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}},
    }
    if m.image:
        model["image"] = m.image
    predictor: dict[str, Any] = {"minReplicas": m.min_replicas, "maxReplicas": m.max_replicas, "model": model}
    extra: dict[str, str] = {"aikojo.io/model": _label_value(m.name)}
    if m.tenant:
        predictor["serviceAccountName"] = TENANT_SA
        extra[TENANT_LABEL] = m.tenant
    return {
        "apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService",
        "metadata": meta(m.k8s_name, config.model_namespace(m), "model", annotations={
            "serving.kserve.io/deploymentMode": "RawDeployment",
            "serving.kserve.io/enable-prometheus-scraping": "true",
            "aikojo.io/model-name": m.name}, **extra),
        "spec": {"predictor": predictor},
    }


def _label_value(name: str) -> str:
    # Label values: ≤63 of [A-Za-z0-9._-]; the exact model name is kept in an annotation.
    clean = "".join(c if c.isalnum() or c in "._-" else "-" for c in name)[:63]
    return clean.strip("._-") or "model"


def model_objects(config: DeployConfig) -> list[dict[str, Any]]:
    return [inference_service(config, m) for m in config.models]
