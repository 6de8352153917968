"""The web server: SPARQL 1.1 Protocol, Graph Store Protocol reads, a query page and linked-data pages.

``create_app(store)`` builds the ASGI app (tested in-process); ``run(spec)``
serves it with uvicorn. Web routes are thin: SPARQL execution, limits and
writes live in :mod:`graph.server.service` and the modules it uses.
"""

from __future__ import annotations

from .app import create_app
from .config import ServerConfig
from .run import run

__all__ = ["ServerConfig", "create_app", "run"]
