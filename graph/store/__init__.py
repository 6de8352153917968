"""Stores: one interface (:class:`~graph.store.base.Store`), backends in a registry.

``open_store(spec)`` picks the backend from the spec: a directory path (the
embedded Oxigraph store, the default), ``memory:`` (a temporary in-memory
store) or a URL scheme registered by another backend (``sparql+http://...``).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import Errors, StoreError
from ..registry import Registry
from .base import QueryResult, Store, WriteStats

DEFAULT_STORE = "./warta-data"

stores: Registry[type[Store]] = Registry("store")
stores.register("oxigraph", "graph.store.oxigraph", "OxigraphStore")
stores.register("sparql+http", "graph.store.sparql", "SparqlStore")
stores.register("sparql+https", "graph.store.sparql", "SparqlStore")


def store_spec(explicit: str | None = None) -> str:
    """The store to use: ``--store``, else ``$WARTA_STORE``, else ``./warta-data``."""
    return explicit or os.environ.get("WARTA_STORE") or DEFAULT_STORE


def open_store(spec: str | None = None, *, read_only: bool = False, fresh: bool = False) -> Store:
    """Open the store ``spec`` names; ``fresh`` (embedded store, read-only) reads past a stale snapshot."""
    spec = store_spec(spec)
    if spec == "memory:":
        return stores.get("oxigraph").open(None)
    if spec.endswith(".toml"):  # a remote store's configuration file (graph/store/sparql.py)
        return stores.get("sparql+http").open(spec, read_only=read_only)
    scheme, sep, _ = spec.partition("://")
    if sep:
        if scheme not in stores:
            raise StoreError(Errors.E022.format(spec=spec, known=", ".join(stores.names())))
        return stores.get(scheme).open(spec, read_only=read_only)
    return stores.get("oxigraph").open(spec, read_only=read_only, fresh=fresh)


def local_directory(spec: str) -> Path | None:
    """The directory of the on-disk embedded store ``spec`` names (one a writer process can own), or
    None: in memory, or remote (read as :func:`open_store` reads it)."""
    if spec == "memory:" or spec.endswith(".toml") or "://" in spec:
        return None
    return Path(spec)


__all__ = ["DEFAULT_STORE", "QueryResult", "Store", "WriteStats", "local_directory", "open_store", "store_spec", "stores"]
