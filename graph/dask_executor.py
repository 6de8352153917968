"""Extraction on a Dask cluster: ``warta ingest --dask ADDRESS``.

The pipeline's extraction and modelling (``process_article``) are pure
functions of an article, so they can run on any worker; this process stays
the only writer. Results come back in input order, and at most
``max_in_flight`` chunks are submitted ahead of the one being waited on, so
memory stays flat however large the corpus is (the reader is consumed lazily).

Every worker needs the same ``warta`` installed (``pip install 'warta[scale]'``).
``ADDRESS`` is a scheduler address (``tcp://10.0.0.5:8786``) or ``local:N``
for a ``LocalCluster`` of N processes on this machine.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any


def _run_chunk(func: Callable, items: list) -> list:
    return [func(item) for item in items]


@contextmanager
def dask_executor(
    address: Any, *, chunksize: int = 8, max_in_flight: int | None = None
) -> Iterator[Callable[[Callable, Iterable], Iterator]]:
    """An ``imap``-like executor over a ``dask.distributed.Client``.

    Args:
        address: a scheduler address, a ``LocalCluster`` (or anything
            ``Client`` accepts), or ``local:N`` to start N local worker processes.
        chunksize: articles per task (a task costs about a millisecond of
            scheduler time; one article's extraction a few).
        max_in_flight: chunks submitted but not yet collected; default four
            per worker thread.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:  # pragma: no cover - depends on the install
        from .errors import WartaError

        raise WartaError("--dask needs Dask: pip install 'warta[scale]'") from error

    cluster = None
    if isinstance(address, str) and address.startswith("local"):
        workers = int(address.partition(":")[2] or 2)
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        address = cluster
    client = Client(address)
    try:
        threads = sum(client.nthreads().values()) or 1
        limit = max_in_flight or 4 * threads

        def imap(func: Callable, items: Iterable) -> Iterator:
            iterator = iter(items)
            pending: deque = deque()
            while True:
                while len(pending) < limit:
                    chunk = list(islice(iterator, chunksize))
                    if not chunk:
                        break
                    pending.append(client.submit(_run_chunk, func, chunk, pure=False))
                if not pending:
                    return
                future = pending.popleft()
                results = future.result()
                future.release()
                yield from results

        yield imap
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
