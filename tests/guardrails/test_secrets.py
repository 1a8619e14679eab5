from aikojo.guardrails import Guardrails


def test_cloud_keys_tokens_and_key_blocks(guard, found) -> None:
    assert found(guard, "key AKIAIOSFODNN7EXAMPLE", "AWS_ACCESS_KEY") == ["AKIAIOSFODNN7EXAMPLE"]
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
    assert found(guard, f"token {jwt}", "JWT") == [jwt]
    assert found(guard, "Authorization: Bearer abcdefghijklmnop1234", "BEARER_TOKEN")
    block = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"
    assert found(guard, block, "PRIVATE_KEY") == [block]


def test_assigned_secrets_need_entropy_but_passwords_do_not(guard, found) -> None:
    assert found(guard, 'api_key="9f8e7d6c5b4a39281706f5e4d3c2b1a0"', "SECRET")
    assert found(guard, "パスワードは Sakura2024! です", "PASSWORD") == ["Sakura2024!"]
    assert found(guard, "api_key = your-api-key-here", "SECRET") == []
    assert found(guard, "the token is valid for one hour", "SECRET") == []


def test_secret_in_output_blocks_by_default() -> None:
    r = Guardrails().check_output("here you go: AKIAIOSFODNN7EXAMPLE")
    assert r.action == "block" and r.rule == "secrets.AWS_ACCESS_KEY"
    assert "AKIA" not in (r.message or "") and r.text == ""
