"""The one audit writer every part of the platform uses.

* ``AuditLog.record(session, entry)`` appends inside the caller's transaction, so an admin change and its
  audit record commit together or not at all (the record is durable before the change reports success).
* ``AuditLog.submit(entry)`` hands an inference record to a background group-commit thread: many requests'
  records share one transaction and one head-row lock; the returned future resolves after the commit.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterable
from concurrent.futures import Future
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from aikojo.audit.chain import AuditEntry, append, checkpoint_now, mirror_checkpoints
from aikojo.audit.signing import Signer
from aikojo.db.models import AuditCheckpoint
from aikojo.db.store import Store

log = logging.getLogger(__name__)

_STOP = object()


class AuditLog:
    def __init__(self, store: Store, signer: Signer | None, *, checkpoint_file: Path | None,
                 checkpoint_interval: int = 100, batch_max: int = 256, batch_wait_ms: float = 2.0) -> None:
        self.store = store
        self.signer = signer
        self.checkpoint_file = checkpoint_file
        self.checkpoint_interval = checkpoint_interval
        self.batch_max = batch_max
        self.batch_wait_s = batch_wait_ms / 1000
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.failures = 0  # exported as a metric by the gateway

    # ---- in the caller's transaction -------------------------------------------------------------------
    def record(self, session: Session, *entries: AuditEntry) -> None:
        written = append(session, entries, signer=self.signer, checkpoint_interval=self.checkpoint_interval)
        self._mirror_after_commit(session, written)

    def write(self, entries: Iterable[AuditEntry]) -> None:
        """Append in a transaction of its own, committed before returning."""
        with self.store.write() as session:
            self.record(session, *entries)

    def checkpoint(self) -> AuditCheckpoint | None:
        if self.signer is None:
            return None
        with self.store.write() as session:
            cp = checkpoint_now(session, self.signer)
            self._mirror_after_commit(session, [cp] if cp else [])
        return cp

    def _mirror_after_commit(self, session: Session, written: list[AuditCheckpoint]) -> None:
        if not written or self.checkpoint_file is None:
            return
        path = self.checkpoint_file
        pending = session.info.setdefault("kojo_checkpoints", [])
        if not pending:
            @event.listens_for(session, "after_commit", once=True)
            def _mirror(sess: Session) -> None:
                mirror_checkpoints(path, sess.info.pop("kojo_checkpoints", []))
        pending.extend(written)

    # ---- group commit --------------------------------------------------------------------------------
    def submit(self, entry: AuditEntry) -> Future:
        """Queue an entry; the future resolves (or raises) once its batch has committed."""
        fut: Future = Future()
        self._ensure_thread()
        self._queue.put((entry, fut))
        return fut

    def _ensure_thread(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="kojo-audit-writer", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            batch = [item]
            stop = False
            try:
                while len(batch) < self.batch_max:
                    nxt = self._queue.get(timeout=self.batch_wait_s) if self.batch_wait_s else self._queue.get_nowait()
                    if nxt is _STOP:
                        stop = True
                        break
                    batch.append(nxt)
            except queue.Empty:
                pass
            self._commit(batch)
            if stop:
                return

    def _commit(self, batch: list[tuple[AuditEntry, Future]]) -> None:
        try:
            self.write([entry for entry, _ in batch])
        except Exception as exc:  # the callers decide (the gateway answers 503); never lose silently
            self.failures += 1
            log.error("audit write of %d records failed: %s", len(batch), exc)
            for _, fut in batch:
                fut.set_exception(exc)
            return
        for _, fut in batch:
            fut.set_result(None)

    def close(self) -> None:
        """Flush queued records, sign a final checkpoint, stop the thread."""
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout=30)
        try:
            self.checkpoint()
        except Exception as exc:  # pragma: no cover - store gone at shutdown
            log.warning("final audit checkpoint failed: %s", exc)
