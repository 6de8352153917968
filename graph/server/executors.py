"""Where queries run: worker processes that can be killed, or a thread for in-memory stores.

pyoxigraph cannot interrupt a running query, so a timeout that only stopped
waiting would leave the query burning a core. :class:`ProcessPool` runs each
job in a worker process that opens the store read-only (the latest published
snapshot, refreshed before every job); at the timeout the worker is killed
and a fresh one forked from a preloaded forkserver, so the next query is
answered at once by another worker while the replacement starts.

:class:`InlineExecutor` is for stores a second process cannot open (``memory:``,
a store object built in a test): it runs jobs in threads and can only stop
waiting at the timeout.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from ..errors import Errors, QueryTimeout
from .jobs import Context, Failure, Job, Overloaded, run_job

log = logging.getLogger("warta.server")

_CONTEXT = None


def _mp_context():
    # A forkserver forks workers from a clean process that has already imported
    # the heavy modules: ~10 ms per worker instead of ~1 s for a fresh spawn,
    # and no threads or open stores of the server inherited by the child.
    global _CONTEXT
    if _CONTEXT is None:
        _CONTEXT = multiprocessing.get_context("forkserver")
        _CONTEXT.set_forkserver_preload(["graph.server.worker_main"])
    return _CONTEXT


class _Worker:
    def __init__(self, spec: str, memory_mb: int | None, network: bool, writable: bool = False):
        from .worker_main import serve

        parent, child = _mp_context().Pipe()
        self.conn = parent
        self.process = _mp_context().Process(target=serve, args=(child, spec, memory_mb, network, writable), daemon=True)
        self.process.start()
        child.close()

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.join(2)
        finally:
            self.conn.close()


class ProcessPool:
    """A fixed number of worker processes over one store directory.

    Args:
        spec: the store spec each worker opens read-only.
        size: worker processes (queries answered in parallel).
        memory_mb: address-space limit per worker, so one runaway query cannot
            take the machine's memory; None for no limit.
        network: let workers open network connections (only with
            ``--allow-service``; see :mod:`graph.server.isolation`).
        writable: open the store read-write (the writer: use ``size=1``, since
            one process at a time may hold the database).
    """

    def __init__(self, spec: str, size: int = 2, memory_mb: int | None = None, network: bool = False, writable: bool = False):
        self.spec = spec
        self.size = max(1, size)
        self.memory_mb = memory_mb
        self.network = network
        self.writable = writable
        self.killed = 0  # workers killed at a timeout (for tests and /stats)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(self.size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self.spec, self.memory_mb, self.network, self.writable)
        with self._lock:
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.kill()
        if not self._closed:
            self._add()

    def call(self, job: Job, timeout: float) -> Any:
        """Run ``job`` in a worker; blocks the calling thread (call it from a thread pool)."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise Overloaded(Errors.E036.format(seconds=timeout)) from None
        try:
            worker.conn.send(job)
            if not worker.conn.poll(timeout):
                self.killed += 1
                log.warning("query ran past %s s: worker %s killed", timeout, worker.process.pid)
                self._replace(worker)
                worker = None
                raise QueryTimeout(Errors.E031.format(seconds=_seconds(timeout)))
            result = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            # The worker died mid-job (out of memory, a crash): replace it, report, carry on.
            if worker is not None:
                self._replace(worker)
                worker = None
            raise Overloaded(Errors.E037) from None
        finally:
            if worker is not None:
                self._idle.put(worker)
        if isinstance(result, Failure):
            result.raise_()
        return result

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.kill()

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid is not None]


class InlineExecutor:
    """Jobs in threads of this process, over a store object (no real cancellation)."""

    def __init__(self, store, size: int = 4):
        self.context = Context(store)
        self.killed = 0
        self._threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="warta-query")

    def call(self, job: Job, timeout: float) -> Any:
        future = self._threads.submit(self._run, job)
        try:
            result = future.result(timeout=timeout)
        except FutureTimeout:
            raise QueryTimeout(Errors.E031.format(seconds=_seconds(timeout))) from None
        if isinstance(result, Failure):
            result.raise_()
        return result

    def _run(self, job: Job) -> Any:
        self.context.refresh()
        return run_job(self.context, job)

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)


def _seconds(value: float) -> str:
    return f"{value:g}"
