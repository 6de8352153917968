"""Work sent to query executors: a named function run against a store.

A job names a function by ``module:function`` so it pickles cheaply to a
worker process; the function gets a :class:`Context` (the store and a cache
that lives as long as the store snapshot) and the job's arguments.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from ..errors import QueryError, QueryTimeout, StoreError, WartaError


class NotFound(WartaError):
    """The thing asked for does not exist (HTTP 404)."""


class Overloaded(WartaError):
    """Every worker is busy or a worker died (HTTP 503)."""


@dataclass
class Job:
    function: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


@dataclass
class Failure:
    """A job's error, carried back from a worker as plain data."""

    status: int
    message: str

    def raise_(self):
        kind = {404: NotFound, 503: Overloaded, 400: QueryError}.get(self.status, WartaError)
        error = kind(self.message)
        # The HTTP layer reads a status off whichever error it gets; only some error classes declare one.
        error.status = self.status  # type: ignore[attr-defined]
        raise error


class Context:
    """What a job function sees: the store, and a cache cleared when the store changes."""

    def __init__(self, store):
        self.store = store
        self.cache: dict[str, Any] = {}

    def refresh(self) -> None:
        if self.store.refresh():
            self.cache.clear()


def status_of(error: BaseException) -> int:
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, (QueryTimeout, Overloaded)):
        return 503
    if isinstance(error, StoreError):
        return 500
    if isinstance(error, (WartaError, ValueError, UnicodeError)):
        return 400
    return 500


def run_job(context: Context, job: Job) -> Any:
    """Run ``job``; errors come back as a :class:`Failure` so they cross process boundaries."""
    module, _, name = job.function.partition(":")
    try:
        function = getattr(importlib.import_module(module), name)
        return function(context, *job.args, **job.kwargs)
    except Exception as error:  # every error becomes an HTTP status, never a dead worker
        return Failure(status_of(error), str(error) or type(error).__name__)
