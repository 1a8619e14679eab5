"""The tamper-evident audit chain: append and verify.

Every record holds its fields, the previous record's hash and its own hash, SHA-256 over a canonical JSON
encoding. Appends lock one head row (``FOR UPDATE`` on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), so
concurrent writers in many processes can never fork the chain; the lock is held only for the few inserts
of one transaction, and the gateway's writer appends whole batches per transaction (group commit).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from aikojo.audit.signing import Signer, Verifier
from aikojo.db.models import AuditCheckpoint, AuditHead, AuditRecord

GENESIS = "0" * 64
HASHED_FIELDS = ("seq", "ts", "actor", "action", "target", "tenant", "project", "request_id", "status", "details")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


@dataclass
class AuditEntry:
    """What a caller records; the chain adds seq, prev_hash and hash."""

    actor: str
    action: str
    target: str | None = None
    status: str = "ok"
    tenant: str | None = None
    project: str | None = None
    request_id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    ts: str = field(default_factory=now_iso)


def record_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    payload = canonical_json({k: fields[k] for k in HASHED_FIELDS})
    return hashlib.sha256(f"{prev_hash}\n{payload}".encode()).hexdigest()


def _fields(rec: AuditRecord) -> dict[str, Any]:
    return {k: getattr(rec, k) for k in HASHED_FIELDS}


def _lock_head(session: Session) -> tuple[int, str, int]:
    row = session.execute(select(AuditHead.seq, AuditHead.hash, AuditHead.checkpoint_seq)
                          .where(AuditHead.id == 1).with_for_update()).one()
    return row.seq, row.hash, row.checkpoint_seq


def chain_rows(seq: int, prev: str, entries: Iterable[AuditEntry]) -> list[dict[str, Any]]:
    """The rows that extend a chain whose head is (seq, prev): consecutive seqs, each linked to the last."""
    rows = []
    for entry in entries:
        seq += 1
        fields = {"seq": seq, "ts": entry.ts, "actor": entry.actor, "action": entry.action,
                  "target": entry.target, "tenant": entry.tenant, "project": entry.project,
                  "request_id": entry.request_id, "status": entry.status,
                  "details": canonical_json(entry.details)}
        digest = record_hash(prev, fields)
        rows.append({**fields, "prev_hash": prev, "hash": digest})
        prev = digest
    return rows


def append(session: Session, entries: Iterable[AuditEntry], *, signer: Signer | None,
           checkpoint_interval: int) -> list[AuditCheckpoint]:
    """Append entries in the caller's transaction; returns the checkpoints written (to mirror after commit).

    Core inserts (one executemany per batch), not ORM objects. The gateway's group-commit writer uses
    ``append_dbapi`` instead, which writes the same rows with a fraction of the Python work."""
    seq, prev, checkpoint_seq = _lock_head(session)
    rows = chain_rows(seq, prev, entries)
    if not rows:
        return []
    seq, prev = rows[-1]["seq"], rows[-1]["hash"]
    session.execute(insert(AuditRecord), rows)
    written: list[AuditCheckpoint] = []
    if signer is not None and seq - checkpoint_seq >= checkpoint_interval:
        written.append(_checkpoint(session, seq, prev, signer))
        checkpoint_seq = seq
    session.execute(update(AuditHead).where(AuditHead.id == 1)
                    .values(seq=seq, hash=prev, checkpoint_seq=checkpoint_seq))
    return written


_RECORD_COLS = (*HASHED_FIELDS, "prev_hash", "hash")
_CHECKPOINT_COLS = ("seq", "head_hash", "ts", "key_id", "signature")


def append_dbapi(conn: Any, placeholder: str, entries: list[AuditEntry], *, signer: Signer | None,
                 checkpoint_interval: int) -> list[AuditCheckpoint]:
    """``append`` over a raw DB-API connection already inside a write transaction (SQLite ``BEGIN
    IMMEDIATE``; PostgreSQL's implicit one): the same rows, locks and checkpoints, in five statements.

    Why not the Session: on the gateway's hot path the ORM/Core layers cost ~5 ms of Python per batch, all
    of it holding the GIL the event loop needs; the chain format and locking are unchanged."""
    ph = placeholder
    cur = conn.cursor()
    try:
        lock = "" if ph == "?" else " FOR UPDATE"  # SQLite: BEGIN IMMEDIATE already holds the write lock
        cur.execute(f"SELECT seq, hash, checkpoint_seq FROM audit_head WHERE id = 1{lock}")
        seq, prev, checkpoint_seq = cur.fetchone()
        rows = chain_rows(seq, prev, entries)
        if not rows:
            return []
        seq, prev = rows[-1]["seq"], rows[-1]["hash"]
        cur.executemany(f"INSERT INTO audit_records ({', '.join(_RECORD_COLS)}) "
                        f"VALUES ({', '.join([ph] * len(_RECORD_COLS))})",
                        [tuple(r[c] for c in _RECORD_COLS) for r in rows])
        written: list[AuditCheckpoint] = []
        if signer is not None and seq - checkpoint_seq >= checkpoint_interval:
            values = checkpoint_values(seq, prev, signer)
            cur.execute(f"INSERT INTO audit_checkpoints ({', '.join(_CHECKPOINT_COLS)}) "
                        f"VALUES ({', '.join([ph] * len(_CHECKPOINT_COLS))})",
                        tuple(values[c] for c in _CHECKPOINT_COLS))
            written.append(AuditCheckpoint(**values))
            checkpoint_seq = seq
        cur.execute(f"UPDATE audit_head SET seq = {ph}, hash = {ph}, checkpoint_seq = {ph} WHERE id = 1",
                    (seq, prev, checkpoint_seq))
        return written
    finally:
        cur.close()


def checkpoint_now(session: Session, signer: Signer) -> AuditCheckpoint | None:
    """Sign the current head (e.g. on shutdown or on demand); None when there is nothing new."""
    seq, head_hash, checkpoint_seq = _lock_head(session)
    if seq == 0 or seq == checkpoint_seq:
        return None
    cp = _checkpoint(session, seq, head_hash, signer)
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(checkpoint_seq=seq))
    return cp


def checkpoint_values(seq: int, head_hash: str, signer: Signer) -> dict[str, Any]:
    ts = now_iso()
    return {"seq": seq, "head_hash": head_hash, "ts": ts, "key_id": signer.key_id,
            "signature": signer.sign(seq, head_hash, ts)}


def _checkpoint(session: Session, seq: int, head_hash: str, signer: Signer) -> AuditCheckpoint:
    values = checkpoint_values(seq, head_hash, signer)
    session.execute(insert(AuditCheckpoint), values)
    return AuditCheckpoint(**values)  # transient copy, for mirroring to the file after commit


def mirror_checkpoints(path: Path, checkpoints: Iterable[AuditCheckpoint]) -> None:
    """Append checkpoints to a file outside the database (after commit), one JSON line each."""
    lines = [canonical_json({"seq": c.seq, "head_hash": c.head_hash, "ts": c.ts, "key_id": c.key_id,
                             "signature": c.signature}) + "\n" for c in checkpoints]
    if not lines:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_APPEND keeps whole short lines intact with several writer processes.
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("".join(lines))


# ---- verification ---------------------------------------------------------------------------------------
@dataclass
class VerifyReport:
    ok: bool
    records: int
    checkpoints: int
    first_bad_seq: int | None = None
    reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "records": self.records, "checkpoints": self.checkpoints,
                "first_bad_seq": self.first_bad_seq, "reason": self.reason}


def _iter_records(session: Session) -> Iterator[AuditRecord]:
    yield from session.execute(select(AuditRecord).order_by(AuditRecord.seq).execution_options(yield_per=2000)
                               ).scalars()


def _file_checkpoints(path: Path | None) -> list[dict[str, Any]]:
    if path is None or not path.exists():
        return []
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                out.append({"seq": -1, "bad_line": n})
    return out


def verify(session: Session, verifier: Verifier | None, checkpoint_file: Path | None = None) -> VerifyReport:
    """Walk the chain; report the first record that was altered, removed or reordered, and any checkpoint
    (in the database or the file outside it) that is forged or points past a cut-off tail."""
    cps = [{"seq": c.seq, "head_hash": c.head_hash, "ts": c.ts, "key_id": c.key_id, "signature": c.signature,
            "source": "database"} for c in session.execute(select(AuditCheckpoint)).scalars()]
    cps += [dict(c, source=str(checkpoint_file)) for c in _file_checkpoints(checkpoint_file)]
    wanted = {c["seq"] for c in cps}
    hashes: dict[int, str] = {}  # only at checkpointed positions, so memory stays flat on long logs
    expected_seq, prev, count = 1, GENESIS, 0

    def bad(seq: int | None, reason: str) -> VerifyReport:
        return VerifyReport(False, count, len(cps), seq, reason)

    for rec in _iter_records(session):
        if rec.seq != expected_seq:
            kind = "removed" if rec.seq > expected_seq else "reordered or duplicated"
            return bad(expected_seq, f"record {expected_seq} is missing: found {rec.seq} next ({kind})")
        if rec.prev_hash != prev:
            return bad(rec.seq, f"record {rec.seq} does not link to record {rec.seq - 1} (removed or reordered)")
        if record_hash(prev, _fields(rec)) != rec.hash:
            return bad(rec.seq, f"record {rec.seq} was altered: its content does not match its hash")
        if rec.seq in wanted:
            hashes[rec.seq] = rec.hash
        prev, expected_seq, count = rec.hash, expected_seq + 1, count + 1

    last = expected_seq - 1
    head = session.get(AuditHead, 1)
    if head is not None and (head.seq != last or head.hash != prev):
        return bad(last + 1 if head.seq > last else head.seq,
                   f"the chain head says {head.seq} records but the log ends at {last} (tail cut off)")

    for cp in sorted(cps, key=lambda c: c["seq"]):
        if "bad_line" in cp:
            return bad(None, f"{cp['source']} line {cp['bad_line']} is not a valid checkpoint")
        seq = cp["seq"]
        if verifier is not None and not verifier.valid(seq, cp["head_hash"], cp["ts"], cp["signature"]):
            return bad(seq, f"checkpoint at record {seq} ({cp['source']}) has an invalid signature (forged)")
        if seq > last:
            return bad(last + 1, f"signed checkpoint at record {seq} ({cp['source']}) but the log ends at "
                                 f"{last} (tail cut off)")
        if hashes.get(seq) != cp["head_hash"]:
            return bad(seq, f"record {seq} does not match its signed checkpoint ({cp['source']}): rewritten")
    return VerifyReport(True, count, len({c["seq"] for c in cps}))
