"""Where extraction runs: in this process, in a process pool, or on a cluster.

An executor is an ``imap``-like callable ``(func, iterable) -> iterator`` that
yields results in input order. The pipeline never knows which one it got.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager


@contextmanager
def local_executor() -> Iterator[Callable[[Callable, Iterable], Iterator]]:
    yield map


@contextmanager
def process_executor(workers: int, chunksize: int = 8) -> Iterator[Callable[[Callable, Iterable], Iterator]]:
    """A pool of ``workers`` processes; the caller's process stays the only writer."""
    # forkserver: workers start clean instead of inheriting the open store and its threads.
    context = multiprocessing.get_context("forkserver")
    with context.Pool(workers) as pool:
        yield lambda func, items: pool.imap(func, items, chunksize=chunksize)


def make_executor(workers: int = 1, dask_address: str | None = None):
    """The executor for ``--workers N`` / ``--dask ADDRESS``."""
    if dask_address:
        from .dask_executor import dask_executor

        return dask_executor(dask_address)
    if workers > 1:
        return process_executor(workers)
    return local_executor()
