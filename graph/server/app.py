"""The ASGI application: a route table over :class:`~graph.server.service.SparqlService`."""

from __future__ import annotations

import contextlib
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..store import Store
from . import routes_pages, routes_sparql
from .config import ServerConfig
from .http import SecurityHeaders
from .middleware import Cors, TrustedHosts, trusted_host_names
from .service import SparqlService

STATIC = Path(__file__).parent / "static"


def create_app(store: Store | str, config: ServerConfig | None = None, **settings) -> Starlette:
    """The Warta web app over ``store`` (a store object or a spec).

    Args:
        store: what to serve. An on-disk Oxigraph store is queried by worker
            processes that can be killed at the timeout; other stores are
            queried in threads.
        config: a :class:`ServerConfig`; or pass its fields as keywords
            (``timeout=30, max_rows=10_000, allow_update=False, update_token=None,
            allow_service=False, base_iri=..., workers=2``).
    """
    config = config or ServerConfig(**settings)
    service = SparqlService(store, config)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        service.close()

    routes = [
        Route("/", routes_pages.query_page, methods=["GET"]),
        Route("/sparql", routes_sparql.sparql_endpoint, methods=["GET", "POST"]),
        Route("/rdf-graphs", routes_sparql.graph_store, methods=["GET", "HEAD", "PUT", "POST", "DELETE"]),
        Route("/rdf-graphs/{path:path}", routes_sparql.graph_store, methods=["GET", "HEAD", "PUT", "POST", "DELETE"]),
        Route("/resource/{path:path}", routes_pages.resource, methods=["GET", "HEAD"]),
        Route("/resource", routes_pages.resource, methods=["GET", "HEAD"]),
        Route("/search", routes_pages.search, methods=["GET"]),
        Route("/viz", routes_pages.viz, methods=["GET"]),
        Route("/api/queries", routes_pages.query_library, methods=["GET"]),
        Route("/api/prefixes", routes_pages.prefixes, methods=["GET"]),
        Route("/api/terms", routes_pages.terms, methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [
        Middleware(TrustedHosts, names=trusted_host_names(config.host, config.trusted_hosts)),
        Middleware(Cors),
        Middleware(SecurityHeaders),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.service = service
    app.state.config = config
    return app
