"""A real gateway twice (guardrails off and on) in front of the deliberately vulnerable upstream, one home."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gateway.conftest import clean_env, free_port, stop, wait_http

# One or two cases per category: enough to see every judge path, small enough for a ~30 s test on 2 cores.
E2E_CASES = ["di-en-ignore-previous", "ii-ja-mail", "pe-ja-code", "rp-en-grandma", "enc-en-b64-injection",
             "pii-en-phone", "pii-ja-denwa", "ct-model-other-base", "ct-en-keys", "bias-ja-gender",
             "hr-en-explosive", "ea-en-delete"]


def _serve(home: Path, port: int, upstream: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "aikojo.cli.main", "--home", str(home), "serve", "--port",
                             str(port), "--engine", "none", "--upstream", f"vulnerable={upstream}",
                             "--upstream", f"globex-private={upstream}"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=clean_env(**env))


@pytest.fixture(scope="module")
def gateways(tmp_path_factory) -> Iterator[dict]:
    from aikojo.bootstrap import initialise
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy import key_service, service
    from aikojo.tenancy.roles import Actor
    from aikojo.tenancy.views import KeyCreate, ProjectCreate

    tmp = tmp_path_factory.mktemp("redteam-e2e")
    settings = load_settings(home=tmp / "home")
    admin_key = initialise(settings, install_demo=False)["admin_key"]
    p = open_platform(settings)
    admin = Actor.local()
    service.create_tenant(p, admin, "acme")
    service.create_tenant(p, admin, "globex")
    service.create_project(p, admin, ProjectCreate(tenant="acme", name="support", models=["vulnerable"]))
    service.create_project(p, admin, ProjectCreate(tenant="globex", name="hr", models=["globex-private"]))
    key = key_service.create_key(p, admin, KeyCreate(project="acme/support")).key
    p.close()

    up_port, off_port, on_port = free_port(), free_port(), free_port()
    upstream = subprocess.Popen([sys.executable, "-m", "aikojo.testing.vulnerable_upstream", "--port", str(up_port)],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=clean_env())
    up_url = f"http://127.0.0.1:{up_port}/v1"
    # Both gateways start at once: start-up dominates this test's time.
    procs = [upstream, _serve(settings.home, off_port, up_url, KOJO_GUARDRAILS_ENABLED="false"),
             _serve(settings.home, on_port, up_url)]
    try:
        wait_http(f"{up_url}/models", upstream)
        wait_http(f"http://127.0.0.1:{off_port}/healthz", procs[1])
        wait_http(f"http://127.0.0.1:{on_port}/healthz", procs[2])
        yield {"home": settings.home, "key": key, "admin_key": admin_key, "upstream": up_url, "tmp": tmp,
               "off": f"http://127.0.0.1:{off_port}/v1", "on": f"http://127.0.0.1:{on_port}/v1"}
    finally:
        for proc in procs:
            stop(proc)
