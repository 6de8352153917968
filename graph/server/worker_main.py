"""The body of a worker process: open the store, run jobs until the pipe closes.

Query workers open it read-only (the latest snapshot); the one writer worker
opens it read-write and is the only process that does, so an update can be
killed at the timeout like a query (a killed transaction never commits).

Kept apart from the pool so the forkserver preloads only what workers need.
"""

from __future__ import annotations

import resource
import signal

# Imported here so forked workers start with them loaded (the forkserver preloads this module).
import graph.results
import graph.server.entity
import graph.server.search
import graph.server.sparql
import graph.server.views
import graph.store.oxigraph  # noqa: F401
from graph.errors import WartaError

from .isolation import cut_network
from .jobs import Context, Failure, run_job


def _limit_memory(memory_mb: int | None) -> None:
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def serve(conn, spec: str, memory_mb: int | None = None, network: bool = False, writable: bool = False) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle, not ours
    if not network:
        cut_network()  # first thing: the process is still single-threaded
    _limit_memory(memory_mb)
    from graph.store import open_store

    try:
        store = open_store(spec, read_only=not writable)
        if writable:
            store.publish(force=True)  # query workers open the latest snapshot
        context: Context | None = Context(store)
        opening_error = None
    except WartaError as error:
        context, opening_error = None, Failure(500, str(error))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return  # the server closed the pipe or exited
        if context is None:
            conn.send(opening_error)
            continue
        try:
            context.refresh()
            result = run_job(context, job)
        except MemoryError:
            result = Failure(503, "the query needed more memory than a worker may use")
        conn.send(result)
