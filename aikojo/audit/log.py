"""The one audit writer every part of the platform uses.

* ``AuditLog.record(session, entry)`` appends inside the caller's transaction, so an admin change and its
  audit record commit together or not at all (the record is durable before the change reports success).
* ``await AuditLog.commit(entry)`` (from an event loop) or ``AuditLog.submit(entry)`` (a concurrent future) hands
  an inference record to a background group-commit thread: every record that queued up while the previous
  batch committed shares one transaction, one head-row lock and one fsync; the awaiter resumes only after the
  commit. The thread wakes each event loop once per batch (``call_soon_threadsafe``), not once per record.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import Iterable
from concurrent.futures import Future
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from aikojo.audit.chain import AuditEntry, append, append_dbapi, checkpoint_now, mirror_checkpoints
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
        # SimpleQueue: a C queue, no Condition round trip per put on the hot path.
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._conn = None  # the writer thread's own connection (SQLite only), see _write_batch
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

    async def commit(self, entry: AuditEntry) -> None:
        """Queue an entry and wait until its batch has committed (raises what the commit raised).

        Cancelling the waiter does not withdraw the record: it is written all the same."""
        fut = asyncio.get_running_loop().create_future()
        self._ensure_thread()
        self._queue.put((entry, fut))
        await fut

    def _ensure_thread(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="kojo-audit-writer", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        q = self._queue
        while True:
            item = q.get()
            if item is _STOP:
                return
            batch = [item]
            stop = False
            try:
                while len(batch) < self.batch_max:
                    nxt = q.get(timeout=self.batch_wait_s) if self.batch_wait_s else q.get_nowait()
                    if nxt is _STOP:
                        stop = True
                        break
                    batch.append(nxt)
            except queue.Empty:
                pass
            self._commit(batch)
            if stop:
                return

    def _commit(self, batch: list[tuple[AuditEntry, Future | asyncio.Future]]) -> None:
        error: BaseException | None = None
        try:
            self._write_batch([entry for entry, _ in batch])
        except Exception as exc:  # the callers decide (the gateway answers 503); never lose silently
            self.failures += 1
            log.error("audit write of %d records failed: %s", len(batch), exc)
            error = exc
        by_loop: dict[asyncio.AbstractEventLoop, list[asyncio.Future]] = {}
        for _, fut in batch:
            if isinstance(fut, Future):
                fut.set_exception(error) if error is not None else fut.set_result(None)
            else:
                by_loop.setdefault(fut.get_loop(), []).append(fut)
        for loop, futs in by_loop.items():
            try:
                loop.call_soon_threadsafe(_resolve, futs, error)
            except RuntimeError:  # that loop has closed: nobody is waiting any more
                pass

    def _write_batch(self, entries: list[AuditEntry]) -> None:
        """One transaction over a raw pooled connection (see ``append_dbapi`` for why not the Session).

        On SQLite the writer keeps its connection (a file cannot go stale; checkout and the pool's reset cost
        a few hundred microseconds a batch); on PostgreSQL it checks one out per batch, so the pool's pre-ping
        carries it over a server restart."""
        conn, self._conn = self._conn or self.store.engine.raw_connection(), None
        try:
            if self.store.is_sqlite:
                conn.cursor().execute("BEGIN IMMEDIATE")
            written = append_dbapi(conn, "?" if self.store.is_sqlite else "%s", entries, signer=self.signer,
                                   checkpoint_interval=self.checkpoint_interval)
            conn.commit()
        except BaseException:
            try:
                conn.rollback()
            except Exception:
                conn.invalidate()  # a broken connection must not go back to the pool
            conn.close()
            raise
        if self.store.is_sqlite:
            self._conn = conn
        else:
            conn.close()
        if written and self.checkpoint_file is not None:
            mirror_checkpoints(self.checkpoint_file, written)

    def close(self) -> None:
        """Flush queued records, sign a final checkpoint, stop the thread."""
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout=30)
        if self._conn is not None and (self._thread is None or not self._thread.is_alive()):
            self._conn.close()
            self._conn = None
        try:
            self.checkpoint()
        except Exception as exc:  # pragma: no cover - store gone at shutdown
            log.warning("final audit checkpoint failed: %s", exc)


def _resolve(futs: list[asyncio.Future], error: BaseException | None) -> None:
    for fut in futs:
        if not fut.done():  # a waiter cancelled meanwhile (client gone): its record is committed anyway
            fut.set_exception(error) if error is not None else fut.set_result(None)
