"""The red team talks to the target and nothing else: every outbound connection (and name lookup) other than
the target's loopback address and port is refused, proxies in the environment included."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys

import pytest

from tests.gateway.conftest import clean_env, free_port, stop, wait_http


@pytest.fixture
def target():
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "aikojo.testing.vulnerable_upstream", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=clean_env())
    try:
        wait_http(f"http://127.0.0.1:{port}/v1/models", proc)
        yield port
    finally:
        stop(proc)


def test_the_runner_connects_only_to_the_target(target, monkeypatch):
    from aikojo.redteam import session

    allowed = ("127.0.0.1", target)
    seen: list[object] = []
    refused: list[object] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def check(address) -> None:
        seen.append(address)
        if not (isinstance(address, tuple) and tuple(address[:2]) == allowed):
            refused.append(address)
            raise ConnectionRefusedError(f"red team tried to reach {address!r}, not the target")

    def connect(self, address):
        check(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        check(address)
        return real_connect_ex(self, address)

    def create_connection(address, *args, **kwargs):
        check(address)
        raise AssertionError("unreachable")  # check() refuses anything create_connection would be used for here

    def getaddrinfo(host, *args, **kwargs):
        if host not in ("127.0.0.1", b"127.0.0.1"):
            refused.append(host)
            raise socket.gaierror(f"red team tried to resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    # A proxy in the environment must not divert (or leak) attack traffic.
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.setenv(var, "http://10.255.255.1:3128")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    cases = ["di-ja-mushi", "pii-en-phone", "ct-route-other-project", "ct-model-other-base", "bias-en-gender-hire",
             "ea-ja-sokin", "enc-en-b64-injection"]
    results, info = asyncio.run(session.run(f"http://127.0.0.1:{target}/v1", "sk-test", "vulnerable",
                                            case_ids=cases, converters=["fullwidth"], progress=False))

    assert refused == []
    assert seen and all(tuple(a[:2]) == allowed for a in seen)
    assert len(results) == 12 and all(r.verdict.outcome != "error" for r in results)
    assert info.config_hash
