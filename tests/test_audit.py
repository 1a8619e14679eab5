"""The audit chain: intact logs verify; altered, removed, reordered, truncated and rewritten logs do not;
concurrent writers in several processes leave one valid chain."""

from __future__ import annotations

import multiprocessing as mp

import pytest
from sqlalchemy import delete, select, update

from aikojo.audit.chain import GENESIS, AuditEntry, record_hash, verify
from aikojo.audit.service import AuditQuery, export_records, list_records, verify_log
from aikojo.audit.signing import load_verifier
from aikojo.db.models import AuditCheckpoint, AuditHead, AuditRecord
from aikojo.errors import Forbidden
from aikojo.tenancy.roles import Actor, Role


def _fill(p, n: int = 10) -> None:
    p.audit.write([AuditEntry(actor="local:test", action="test.event", target=f"t{i}", details={"i": i})
                   for i in range(n)])


def _verify(p):
    with p.store.read() as s:
        return verify(s, load_verifier(p.settings.signing_key_path), p.settings.checkpoint_log_path)


def test_an_intact_log_verifies(platform):
    _fill(platform, 25)
    report = _verify(platform)
    assert report.ok, report.reason
    assert report.records == 26  # + platform.init


def test_an_altered_record_is_caught_and_named(platform):
    _fill(platform)
    with platform.store.write() as s:
        s.execute(update(AuditRecord).where(AuditRecord.seq == 5).values(actor="local:someone-else"))
    report = _verify(platform)
    assert not report.ok and report.first_bad_seq == 5 and "altered" in report.reason


def test_a_removed_record_is_caught(platform):
    _fill(platform)
    with platform.store.write() as s:
        s.execute(delete(AuditRecord).where(AuditRecord.seq == 4))
    report = _verify(platform)
    assert not report.ok and report.first_bad_seq == 4 and "missing" in report.reason


def test_reordered_records_are_caught(platform):
    _fill(platform)
    with platform.store.write() as s:  # swap the contents of records 3 and 6, keeping seq numbers
        a, b = (s.get(AuditRecord, 3), s.get(AuditRecord, 6))
        fields = ["ts", "actor", "action", "target", "details", "prev_hash", "hash"]
        va, vb = [getattr(a, f) for f in fields], [getattr(b, f) for f in fields]
        for f, x, y in zip(fields, vb, va, strict=True):
            setattr(a, f, x)
            setattr(b, f, y)
    report = _verify(platform)
    assert not report.ok and report.first_bad_seq == 3


def test_a_cut_off_tail_is_caught_by_the_head_and_the_signed_checkpoint(platform):
    _fill(platform, 10)
    platform.audit.checkpoint()
    with platform.store.write() as s:
        s.execute(delete(AuditRecord).where(AuditRecord.seq > 8))
    assert not _verify(platform).ok
    with platform.store.write() as s:  # a careful attacker also rewinds the head row
        last = s.get(AuditRecord, 8)
        s.execute(update(AuditHead).values(seq=8, hash=last.hash))
        s.execute(delete(AuditCheckpoint))  # and deletes the database's checkpoints
    report = _verify(platform)  # the checkpoint file outside the database still says 11
    assert not report.ok and "tail cut off" in report.reason


def test_a_wholesale_rewrite_with_recomputed_hashes_is_caught_by_the_signature(platform):
    _fill(platform, 10)
    platform.audit.checkpoint()
    with platform.store.write() as s:
        prev = GENESIS
        for rec in s.execute(select(AuditRecord).order_by(AuditRecord.seq)).scalars():
            if rec.seq == 3:
                rec.actor = "local:innocent"
            fields = {k: getattr(rec, k) for k in ("seq", "ts", "actor", "action", "target", "tenant", "project",
                                                   "request_id", "status", "details")}
            rec.prev_hash, rec.hash = prev, record_hash(prev, fields)
            prev = rec.hash
        s.execute(update(AuditHead).values(hash=prev))
        for cp in s.execute(select(AuditCheckpoint)).scalars():
            cp.head_hash = prev if cp.seq == 11 else cp.head_hash
    report = _verify(platform)
    assert not report.ok
    assert "signature" in report.reason or "rewritten" in report.reason


def test_checkpoints_are_signed_every_interval(platform):
    interval = platform.settings.audit_checkpoint_interval
    _fill(platform, interval + 5)
    with platform.store.read() as s:
        seqs = s.execute(select(AuditCheckpoint.seq).order_by(AuditCheckpoint.seq)).scalars().all()
    # one from `kojo init` closing (record 1), then one when the batch crossed the interval
    assert seqs == [1, interval + 6]
    assert platform.settings.checkpoint_log_path.read_text().count("\n") == len(seqs)


def test_group_commit_writer_commits_before_the_future_resolves(platform):
    futures = [platform.audit.submit(AuditEntry(actor="key:kid_1", action="inference", target="demo"))
               for _ in range(50)]
    for f in futures:
        f.result(timeout=30)
    with platform.store.read() as s:
        assert s.execute(select(AuditRecord).where(AuditRecord.action == "inference")).scalars().all().__len__() == 50
    assert _verify(platform).ok


def test_reading_and_exporting_the_log_is_itself_audited(platform, admin):
    _fill(platform, 3)
    list_records(platform, admin, AuditQuery(limit=10))
    lines = list(export_records(platform, admin, AuditQuery()))
    assert any('"audit.read"' in line for line in lines)
    newest = [r.action for r in list_records(platform, admin, AuditQuery(action="audit.*"))]
    assert newest[:3] == ["audit.read", "audit.export", "audit.read"]  # this read is recorded before it runs
    verify_log(platform, admin)
    assert list_records(platform, admin, AuditQuery(action="audit.verify"))


def test_only_audit_readers_may_read(platform):
    user = Actor(principal="key:kid_u", role=Role.USER, tenant="acme", project="claims", project_id=1)
    with pytest.raises(Forbidden):
        list_records(platform, user, AuditQuery())
    auditor = Actor(principal="key:kid_a", role=Role.AUDITOR)
    assert list_records(platform, auditor, AuditQuery(limit=5))


# ---- several processes writing at once ------------------------------------------------------------------
def _writer(home: str, db_url: str, worker: int, n: int) -> None:
    from aikojo.audit.chain import AuditEntry
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings

    p = open_platform(load_settings(home=home, database_url=db_url, audit_checkpoint_interval=7))
    futures = [p.audit.submit(AuditEntry(actor=f"key:w{worker}", action="inference", target=str(i)))
               for i in range(n)]
    for i in range(0, n, 5):  # and some single-record transactions, like admin operations
        p.audit.write([AuditEntry(actor=f"local:w{worker}", action="admin.op", target=str(i))])
    for f in futures:
        f.result(timeout=120)
    p.close()


def test_concurrent_writer_processes_leave_one_valid_chain(platform):
    workers, n = 4, 40
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(platform.settings.home), platform.settings.db_url, w, n))
             for w in range(workers)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=180)
        assert proc.exitcode == 0
    report = _verify(platform)
    assert report.ok, report.reason
    with platform.store.read() as s:
        inference = s.execute(select(AuditRecord).where(AuditRecord.action == "inference")).scalars().all()
    assert len(inference) == workers * n
    assert report.checkpoints >= 3
