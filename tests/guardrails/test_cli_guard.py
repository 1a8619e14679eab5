import json
import subprocess
import sys

from typer.testing import CliRunner

from aikojo.cli.guard import app

runner = CliRunner()


def test_scan_follows_the_output_contract(tmp_path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "電話は090-1234-5678です"}\n{"id": "b", "text": "2024-01-15 ¥12,000"}\n',
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["scan", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [set(r) for r in rows] == [{"id", "action", "text", "findings"}] * 2
    assert rows[0]["action"] == "pseudonymize" and "090" not in rows[0]["text"]
    assert rows[0]["findings"] == [{"type": "PHONE", "start": 3, "end": 16, "score": 0.99, "detector": "pii_ja"}]
    assert rows[1] == {"id": "b", "action": "allow", "text": "2024-01-15 ¥12,000", "findings": []}


def test_scan_bad_line_names_file_line_and_field_and_exits_2(tmp_path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text('{"id": 1, "text": "ok"}\n{"id": 2, "txt": "x"}\n', encoding="utf-8")
    # Through the real `kojo` entry point: it maps InvalidInput to exit code 2.
    proc = subprocess.run([sys.executable, "-m", "aikojo.cli.main", "guard", "scan", str(src)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert f"{src}:2: field 'text' must be a string" in " ".join(proc.stderr.split())
    assert proc.stdout == ""


def test_scan_with_policy_file(tmp_path) -> None:
    pol = tmp_path / "p.yaml"
    pol.write_text("input:\n  pii:\n    action: redact\n", encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "mail a@example.com"}\n', encoding="utf-8")
    result = runner.invoke(app, ["scan", str(src), "--policy", str(pol)])
    assert json.loads(result.stdout)["text"] == "mail [REDACTED:EMAIL]"


def test_train_refuses_bad_options_before_any_work(tmp_path) -> None:
    out = tmp_path / "model.json"
    for args, message in ((["--criterion", "strict"], "criterion 'strict': expected one of prompt_corpora, per_sample"),
                          (["--target-fpr", "2"], "target_fpr 2.0: a false-positive rate is at least 0 and below 1")):
        proc = subprocess.run([sys.executable, "-m", "aikojo.cli.main", "guard", "train", "--out", str(out), *args],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2, proc.stderr
        assert message in " ".join(proc.stderr.split())
        assert not out.exists()
