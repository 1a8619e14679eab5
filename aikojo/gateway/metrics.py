"""Prometheus metrics. Each gateway app owns its registry (tests build many apps in one process).

Names are a contract with the shipped Grafana dashboards and alert rules (deploy/), which a test checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
OVERHEAD_BUCKETS = (0.0002, 0.0005, 0.001, 0.002, 0.003, 0.005, 0.01, 0.025, 0.05, 0.1)


class GatewayMetrics:
    def __init__(self) -> None:
        r = self.registry = CollectorRegistry()
        self.requests = Counter("kojo_requests", "Inference requests by outcome",
                                ["project", "model", "status"], registry=r)
        self.latency = Histogram("kojo_request_latency_seconds", "End-to-end request latency",
                                 ["project", "model"], buckets=LATENCY_BUCKETS, registry=r)
        self.ttft = Histogram("kojo_time_to_first_token_seconds", "Time to first token (streams)",
                              ["project", "model"], buckets=LATENCY_BUCKETS, registry=r)
        self.overhead = Histogram("kojo_gateway_overhead_seconds", "Time spent in the gateway, backend excluded",
                                  buckets=OVERHEAD_BUCKETS, registry=r)
        self.tokens = Counter("kojo_tokens", "Tokens processed", ["project", "model", "direction"], registry=r)
        self.in_flight = Gauge("kojo_requests_in_flight", "Requests being processed", registry=r)
        self.rate_limited = Counter("kojo_rate_limited", "Requests refused by limits (429)", ["project"],
                                    registry=r)
        self.upstream_errors = Counter("kojo_upstream_errors", "Backend failures", ["backend", "kind"], registry=r)
        self.guardrail_actions = Counter("kojo_guardrail_actions", "Guardrail actions taken",
                                         ["project", "direction", "action", "type"], registry=r)
        self.audit_failures = Counter("kojo_audit_write_failures", "Audit records that failed to commit",
                                      registry=r)
        self.dependency_up = Gauge("kojo_dependency_up", "1 when a dependency answers (store, limits)",
                                   ["dependency"], registry=r)

    def add_collector(self, collector: Collector) -> None:
        self.registry.register(collector)


class CallbackCollector(Collector):
    """Gauges read at scrape time from live objects (circuit states, adapter cache counters, GPU)."""

    def __init__(self, read: Callable[[], Iterable[tuple[str, str, dict[str, str], float]]]) -> None:
        self._read = read

    def collect(self):
        families: dict[str, GaugeMetricFamily] = {}
        for name, doc, labels, value in self._read():
            fam = families.get(name)
            if fam is None:
                fam = families[name] = GaugeMetricFamily(name, doc, labels=sorted(labels))
            fam.add_metric([labels[k] for k in sorted(labels)], value)
        yield from families.values()


def gpu_samples() -> Iterable[tuple[str, str, dict[str, str], float]]:
    """GPU utilisation and memory through NVML when the optional ``nvidia-ml-py`` is installed."""
    try:
        import pynvml  # type: ignore[import-not-found]
    except ImportError:
        return []
    try:
        pynvml.nvmlInit()
        out = []
        for i in range(pynvml.nvmlDeviceGetCount()):
            h = pynvml.nvmlDeviceGetHandleByIndex(i)
            util = pynvml.nvmlDeviceGetUtilizationRates(h)
            mem = pynvml.nvmlDeviceGetMemoryInfo(h)
            labels = {"gpu": str(i)}
            out += [("kojo_gpu_utilization_ratio", "GPU utilisation (0-1)", labels, util.gpu / 100),
                    ("kojo_gpu_memory_used_bytes", "GPU memory used", labels, float(mem.used)),
                    ("kojo_gpu_memory_total_bytes", "GPU memory total", labels, float(mem.total))]
        return out
    except Exception:  # no driver / no GPU: export nothing rather than fail the scrape
        return []
