"""The web server: SPARQL 1.1 Protocol, Graph Store Protocol reads, a query page and linked-data pages.

``create_app(store)`` builds the ASGI app (tested in-process); ``run.run(spec)``
serves it with uvicorn. Web routes are thin: SPARQL execution, limits and
writes live in :mod:`graph.server.service` and the modules it uses.

The names are resolved on first use (PEP 562), so ``warta query`` can read the
query library (:mod:`graph.server.library`) without importing Starlette.
"""

from __future__ import annotations

import importlib

# ``run`` is not re-exported: a package attribute named like its submodule
# ``graph.server.run`` would be either, depending on import order.
_EXPORTS = {"create_app": "app", "ServerConfig": "config"}

__all__ = ["ServerConfig", "create_app"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
