"""The model stage: plain extraction results in, one rdflib Graph per article out.

Names are resolved on first use (PEP 562): readers of the store and the server
import :mod:`graph.model.namespaces` for prefixes, and must not pull in the
builder, which imports the extractor's types.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "GraphBuilder": "build",
    "content_hash": "build",
    "IriMinter": "iris",
    "slug": "iris",
    "DEFAULT_BASE_IRI": "namespaces",
    "ITSRDF": "namespaces",
    "NIF": "namespaces",
    "ORG": "namespaces",
    "PREFIXES": "namespaces",
    "SCHEMA": "namespaces",
    "WARTA": "namespaces",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
