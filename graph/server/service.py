"""The server's engine room, independent of HTTP: runs jobs with limits, applies writes.

Routes call these coroutines; each blocking step runs in a thread so the event
loop keeps answering other requests while a query works or is being killed.

With ``--allow-update`` on an on-disk store, writes run in one writer process
that alone opens the store read-write (this process never does): an update
past the timeout, or one that exhausts the writer's memory or crashes it, is
killed like a query, commits nothing (a pyoxigraph transaction is written at
commit only), and a fresh writer takes over.
"""

from __future__ import annotations

import hmac
import logging
import threading
from typing import Any

from starlette.concurrency import run_in_threadpool

from ..errors import Errors, QueryError, QueryTimeout, WartaError
from ..store import Store, local_directory, open_store
from . import updates
from .config import ServerConfig
from .executors import InlineExecutor, ProcessPool
from .jobs import Job, Overloaded
from .protocol import SparqlRequest
from .sparql import Reply

log = logging.getLogger("warta.server")


class Forbidden(WartaError):
    """A write without updates enabled or without the right token (HTTP 401/403)."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


class SparqlService:
    """Jobs, limits and writes over one store.

    Args:
        store: a store object, or a spec for ``open_store``.
        config: limits and switches.
    """

    def __init__(self, store: Store | str, config: ServerConfig):
        self.config = config
        self._spec: str | None = None  # set when a writer process owns the store
        self.store: Store | None  # None while a writer process owns the store
        if isinstance(store, str) and config.allow_update and local_directory(store) is not None:
            self._spec, self.store = store, None
        elif isinstance(store, str):
            self.store = open_store(store, read_only=not config.allow_update)
        else:
            self.store = store
        self._write_lock = threading.Lock()
        self._executor: ProcessPool | InlineExecutor | None = None
        self._writer: ProcessPool | None = None
        self._start_lock = threading.Lock()

    # --- executing ------------------------------------------------------
    @property
    def executor(self) -> ProcessPool | InlineExecutor:
        # Started on first use, not at import: a TestClient used without `with`
        # never runs the lifespan, and `warta serve --help` must stay instant.
        with self._start_lock:
            if self._executor is None and self._spec is not None:
                self._start_writer(self._spec)  # it publishes the snapshot the query workers open
                self._executor = ProcessPool(
                    self._spec,
                    size=self.config.workers,
                    memory_mb=self.config.memory_mb or None,
                    network=self.config.allow_service,
                )
            if self._executor is None:
                store = self.store
                assert store is not None  # no writer process, so the service opened the store itself
                spec = store.worker_location()
                if spec is None:
                    self._executor = InlineExecutor(store, size=self.config.workers + 2)
                else:
                    if not store.read_only:
                        store.publish(force=True)  # workers read the published snapshot
                    self._executor = ProcessPool(
                        spec,
                        size=self.config.workers,
                        memory_mb=self.config.memory_mb or None,
                        network=self.config.allow_service,
                    )
            return self._executor

    def _start_writer(self, spec: str) -> None:
        self._writer = ProcessPool(
            spec,
            size=1,
            memory_mb=self.config.memory_mb or None,
            network=self.config.allow_service,
            writable=True,
        )
        # Opening (and recovering) a large store can take longer than a query may.
        try:
            self._writer.call(Job("graph.server.updates:ready"), max(self.config.timeout, 60.0))
        except WartaError as error:
            # Another process holds the store (warta ingest): reads still work from its
            # snapshots; each write answers with this error until the writer can open it.
            log.warning("the writer cannot open the store: %s", error)

    async def call(self, function: str, *args, **kwargs) -> Any:
        job = Job(function, args, kwargs)
        # self.executor in the thread too: starting the writer waits for it to open the store.
        return await run_in_threadpool(lambda: self.executor.call(job, self.config.timeout))

    async def query(self, request: SparqlRequest, accept: str | None, base_iri: str | None = None) -> Reply:
        assert request.query is not None
        # The SERVICE check parses the query: it runs in the worker, not on the event loop.
        return await self.call(
            "graph.server.sparql:run_query",
            request.query,
            bindings=request.bindings,
            default_graph_uris=request.default_graph_uris,
            named_graph_uris=request.named_graph_uris,
            accept=accept,
            fmt=request.fmt,
            max_rows=self.config.max_rows,
            max_bytes=self.config.max_bytes_out,
            allow_service=self.config.allow_service,
            base_iri=base_iri,
        )

    async def select(self, sparql: str, bindings: dict | None = None, max_rows: int | None = None):
        return await self.call("graph.server.sparql:select", sparql, bindings=bindings, max_rows=max_rows)

    # --- writing ----------------------------------------------------------
    def authorize(self, authorization: str | None) -> None:
        if not self.config.allow_update:
            raise Forbidden(Errors.E033, 403)
        token = self.config.update_token
        scheme, _, given = (authorization or "").partition(" ")
        if not token or scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise Forbidden(Errors.E040, 401)

    def _call_writer(self, job: Job) -> Any:
        self.executor  # noqa: B018 - starts the writer (and the query workers) on first use
        assert self._writer is not None
        return self._writer.call(job, self.config.timeout)

    async def update(self, sparql: str, **options) -> None:
        """Run an update; ``options`` as :func:`graph.server.updates.apply_update` takes them."""
        options["allow_service"] = self.config.allow_service
        if self._spec is not None:
            await self._write("update_job", sparql, **options)
            return
        await run_in_threadpool(self._locked, updates.apply_update, self.store, sparql, **options)

    async def put_graph(
        self, graph_iri: str, body: bytes, content_type: str | None, merge: bool, base_iri: str | None = None
    ) -> bool:
        if self._spec is not None:
            return await self._write("put_graph_job", graph_iri, body, content_type, merge=merge, base_iri=base_iri)
        graph = await run_in_threadpool(updates.parse_graph, body, content_type, base_iri)
        return await run_in_threadpool(self._locked, updates.put_graph, self.store, graph_iri, graph, merge=merge)

    async def delete_graph(self, graph_iri: str) -> bool:
        if self._spec is not None:
            return await self._write("delete_graph_job", graph_iri)
        return await run_in_threadpool(self._locked, updates.delete_graph, self.store, graph_iri)

    async def _write(self, job: str, *args, **kwargs) -> Any:
        """Run a write job in the writer process, under the query timeout and memory bound."""
        try:
            return await run_in_threadpool(self._call_writer, Job(f"graph.server.updates:{job}", args, kwargs))
        except QueryTimeout:
            raise QueryTimeout(Errors.E079.format(seconds=f"{self.config.timeout:g}")) from None
        except Overloaded as error:
            if str(error) == Errors.E037:
                raise Overloaded(Errors.E080) from None
            raise

    def _locked(self, function, *args, **kwargs):
        if self.store is not None and self.store.read_only:
            raise QueryError(Errors.E033)
        with self._write_lock:  # one writer at a time, as the store requires
            return function(*args, **kwargs)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.close()
            self._executor = None
        if self._writer is not None:
            self._writer.close()
            self._writer = None
