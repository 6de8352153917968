"""Routes of the SPARQL 1.1 Protocol (/sparql) and the Graph Store Protocol (/rdf-graphs)."""

from __future__ import annotations

import uuid

from starlette.requests import Request
from starlette.responses import Response

from ..errors import Errors, WartaError
from ..results import serialize_graph
from . import conneg
from .http import answers_every_error, error_response, read_body
from .protocol import ProtocolError, parse
from .routes_pages import render
from .service import SparqlService
from .service_page import service_summary
from .sparql import service_description


def _service(request: Request) -> SparqlService:
    return request.app.state.service


@answers_every_error
async def sparql_endpoint(request: Request) -> Response:
    service = _service(request)
    try:
        body = await read_body(request, service.config.max_body) if request.method == "POST" else b""
        parsed = parse(request.method, request.scope.get("query_string", b""), request.headers.get("content-type"), body)
        accept = request.headers.get("accept")
        if parsed.empty:
            return _description(request, accept, parsed.fmt)
        base_iri = str(request.url.replace(query=""))  # relative IRIs resolve against the endpoint
        if parsed.update is not None:
            service.authorize(request.headers.get("authorization"))
            await service.update(
                parsed.update,
                base_iri=base_iri,
                using=parsed.using_graph_uris,
                using_named=parsed.using_named_graph_uris,
            )
            return Response(status_code=204)
        reply = await service.query(parsed, accept, base_iri)
    except WartaError as error:
        return error_response(error)
    return Response(reply.body, media_type=reply.media_type, headers={**reply.headers, "Vary": "Accept"})


def _description(request: Request, accept: str | None, fmt: str | None) -> Response:
    config = _service(request).config
    endpoint = str(request.url.replace(query=""))
    graph = service_description(endpoint, allow_update=config.allow_update, allow_service=config.allow_service)
    if not fmt and conneg.wants_html(accept):
        # A browser following the "Service description" link reads a page, not a download.
        limits = {"timeout": f"{config.timeout:g}", "max_rows": config.max_rows or "any number of"}
        page = render(request, "service.html", title="SPARQL endpoint", summary=service_summary(graph), limits=limits)
        page.headers["Vary"] = "Accept"
        return page
    name, media_type = conneg.choose("CONSTRUCT", accept, fmt)
    return Response(serialize_graph(graph, name), media_type=media_type, headers={"Vary": "Accept"})


#: Where the Graph Store Protocol lives; graphs under it are addressed directly by their URL.
GSP_PATH = "/rdf-graphs"


def _endpoint(request: Request) -> str:
    return str(request.url.replace(path=GSP_PATH, query=""))


def _target(request: Request) -> str | None:
    """The graph a GSP request addresses, or None for the default graph.

    ``/rdf-graphs/any/path`` names the graph whose IRI is that URL (direct
    identification); ``?graph=IRI`` names any graph; ``?default`` the default
    graph. A POST to the bare endpoint creates a graph (see :func:`graph_store`).
    """
    params = request.query_params
    if "default" in params and "graph" in params:
        raise ProtocolError(Errors.E123)
    if request.path_params.get("path"):
        if "default" in params or "graph" in params:
            raise ProtocolError(Errors.E124)
        return str(request.url.replace(query=""))
    if "default" in params:
        return None
    graph = params.get("graph")
    if not graph or ":" not in graph or any(c in graph for c in '<>" {}|\\^`'):
        raise ProtocolError(Errors.E125)
    return graph


def _creates(request: Request) -> bool:
    """A POST to the bare endpoint: make a new graph and say where (201, Location)."""
    return request.method == "POST" and not request.path_params.get("path") and not request.url.query


@answers_every_error
async def graph_store(request: Request) -> Response:
    service = _service(request)
    try:
        graph: str | None
        if _creates(request):
            graph, created = f"{_endpoint(request)}/{uuid.uuid4().hex}", True
        else:
            graph, created = _target(request), False
        # ``?default`` is one resource for every method: the named graph that holds the default
        # graph's own triples, part of the union queries see. So a PUT reads back as written
        # and a DELETE leaves it empty, as HTTP asks of one resource (the union is read with
        # SPARQL). Oxigraph serving a union default graph does the same.
        target = graph if graph is not None else service.config.default_write_graph
        if request.method in ("GET", "HEAD"):
            reply = await service.call(
                "graph.server.sparql:read_graph",
                target,
                always_exists=graph is None,
                accept=request.headers.get("accept"),
                fmt=request.query_params.get("format"),
                max_rows=service.config.max_rows,
                max_bytes=service.config.max_bytes_out,
            )
            body = b"" if request.method == "HEAD" else reply.body
            headers = {**reply.headers, "Vary": "Accept"}
            if request.method == "HEAD":
                headers["Content-Length"] = str(len(reply.body))
            return Response(body, media_type=reply.media_type, headers=headers)
        service.authorize(request.headers.get("authorization"))
        if request.method == "DELETE":
            found = await service.delete_graph(target)
            return Response(status_code=204 if found or graph is None else 404)
        body = await read_body(request, service.config.max_body)
        new = await service.put_graph(
            target,
            body,
            request.headers.get("content-type"),
            merge=request.method == "POST",
            base_iri=graph if graph is not None else _endpoint(request),
        )
        if created:
            return Response(status_code=201, headers={"Location": target})
        return Response(status_code=201 if new else 204)
    except WartaError as error:
        return error_response(error)
