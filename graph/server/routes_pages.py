"""Routes for people: the query page, linked-data pages, search and graph views."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.templating import Jinja2Templates

from ..errors import WartaError
from ..model.namespaces import PREFIXES
from . import conneg
from .entity import DESCRIBE, curie
from .http import VIEW_CSP, error_response
from .library import load_library
from .vocabulary import CONTRACT_TERMS

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))  # autoescapes .html


def local_href(iri: str, base: str) -> str:
    """Where a link to ``iri`` goes: our own page for IRIs under the base, the IRI itself otherwise."""
    if iri.startswith(base):
        return "/resource/" + iri[len(base) :]
    if iri.startswith(("http://", "https://")):
        return iri
    return "/resource?iri=" + quote(iri, safe="")  # never a javascript: or data: link


def render(request: Request, name: str, status: int = 200, **context) -> Response:
    base = request.app.state.config.base_iri
    context.update(href=lambda iri: local_href(iri, base), curie=curie, base_iri=base)
    return templates.TemplateResponse(request, name, context, status_code=status)


async def query_page(request: Request) -> Response:
    return render(request, "query.html", title="Warta SPARQL")


async def query_library(request: Request) -> Response:
    return JSONResponse([q.to_json() for q in load_library(getattr(request.app.state, "queries_dir", None))])


async def prefixes(request: Request) -> Response:
    return JSONResponse(PREFIXES)


async def terms(request: Request) -> Response:
    return JSONResponse(CONTRACT_TERMS)


async def resource(request: Request) -> Response:
    config = request.app.state.config
    service = request.app.state.service
    raw = (request.scope.get("raw_path") or request.url.path.encode()).decode("latin-1")
    if raw.rstrip("/") == "/resource":
        # Any IRI, under the base or not: /resource?iri=...
        iri = request.query_params.get("iri", "")
        if not iri or any(c in iri for c in '<>" {}|\\^`'):
            return Response("give ?iri=IRI\n", status_code=400, media_type="text/plain")
    else:
        # Keep the path's percent-encoding: minted IRIs are percent-encoded the same way.
        iri = config.base_iri + raw[len("/resource/") :]
    accept = request.headers.get("accept")
    fmt = request.query_params.get("format")
    try:
        if fmt or not conneg.wants_html(accept):
            exists = await service.select(EXISTS, bindings={"e": _iri(iri)})
            if not exists.boolean:
                return Response(f"no resource <{iri}> in this store\n", status_code=404, media_type="text/plain")
            reply = await service.call(
                "graph.server.sparql:run_query",
                DESCRIBE,
                bindings={"e": _iri(iri)},
                accept=accept,
                fmt=fmt,
                max_rows=config.max_rows,
            )
            return Response(reply.body, media_type=reply.media_type, headers={"Vary": "Accept"})
        view = await service.call("graph.server.entity:entity_view", iri)
    except WartaError as error:
        if getattr(error, "status", None) == 404:
            return render(request, "notfound.html", status=404, title="Not found", iri=iri)
        return error_response(error)
    from .views import available

    return render(request, "resource.html", title=view.name or curie(iri), view=view, views=available())


EXISTS = "ASK { { ?e ?p ?o } UNION { ?s ?p ?e } }"


def _iri(value: str):
    from rdflib import URIRef

    return URIRef(value)


async def search(request: Request) -> Response:
    service = request.app.state.service
    text = request.query_params.get("q", "")[:200]
    try:
        hits = await service.call("graph.server.search:search", text) if text.strip() else []
    except WartaError as error:
        return error_response(error)
    if request.query_params.get("format") == "json" or "application/json" in (request.headers.get("accept") or ""):
        return JSONResponse([vars(h) for h in hits])
    return render(request, "search.html", title=f"Search: {text}" if text else "Search", q=text, hits=hits)


async def viz(request: Request) -> Response:
    service = request.app.state.service
    config = request.app.state.config
    params = request.query_params
    try:
        if params.get("entity"):
            hops = max(1, min(3, int(params.get("hops", "2")))) if params.get("hops", "2").isdigit() else 2
            page = await service.call("graph.server.views:entity_view", params["entity"], hops, config.base_iri)
        elif params.get("query"):
            page = await service.call(
                "graph.server.views:construct_view",
                params["query"],
                allow_service=config.allow_service,
                max_rows=config.max_rows,
                base_iri=config.base_iri,
            )
        else:
            page = await service.call("graph.server.views:overview", config.base_iri, **_overview_options(params))
    except WartaError as error:
        # A view is often a frame inside another page: answer with a readable page, not plain text.
        from .views import message

        status = getattr(error, "status", None) or 400
        return HTMLResponse(
            message("Nothing to draw", str(error)), status_code=status, headers={"Content-Security-Policy": VIEW_CSP}
        )
    return HTMLResponse(page, headers={"Content-Security-Policy": VIEW_CSP})


def _overview_options(params) -> dict:
    """Overview settings from the query string: ``top``, ``from``, ``to``, ``publisher``."""
    options: dict = {}
    top = params.get("top", "")
    if top.isdigit():
        options["top"] = max(1, min(2000, int(top)))
    for key, name in (("from", "date_from"), ("to", "date_to"), ("publisher", "publisher")):
        if params.get(key):
            options[name] = params[key][:100]
    return options


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)
