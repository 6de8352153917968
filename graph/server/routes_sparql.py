"""Routes of the SPARQL 1.1 Protocol (/sparql) and the Graph Store Protocol (/rdf-graphs)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from ..errors import Errors, WartaError
from ..results import serialize_graph
from . import conneg
from .http import error_response, read_body
from .protocol import ProtocolError, parse
from .service import SparqlService
from .sparql import service_description


def _service(request: Request) -> SparqlService:
    return request.app.state.service


async def sparql_endpoint(request: Request) -> Response:
    service = _service(request)
    try:
        body = await read_body(request, service.config.max_body) if request.method == "POST" else b""
        parsed = parse(
            request.method, request.scope.get("query_string", b""), request.headers.get("content-type"), body
        )
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
    name, media_type = conneg.choose("CONSTRUCT", accept, fmt)
    return Response(serialize_graph(graph, name), media_type=media_type, headers={"Vary": "Accept"})


def _target(request: Request) -> str | None:
    """The graph a GSP request addresses: ``?graph=IRI`` or ``?default`` (None)."""
    params = request.query_params
    if "default" in params and "graph" in params:
        raise ProtocolError("give either ?default or ?graph=IRI, not both")
    if "default" in params:
        return None
    graph = params.get("graph")
    if not graph or ":" not in graph or any(c in graph for c in '<>" {}|\\^`'):
        raise ProtocolError("name the graph: ?graph=IRI (absolute) or ?default")
    return graph


async def graph_store(request: Request) -> Response:
    service = _service(request)
    try:
        graph = _target(request)
        if request.method in ("GET", "HEAD"):
            reply = await service.call(
                "graph.server.sparql:read_graph",
                graph,
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
        if graph is None:
            raise ProtocolError(Errors.E044)
        if request.method == "DELETE":
            return Response(status_code=204 if await service.delete_graph(graph) else 404)
        body = await read_body(request, service.config.max_body)
        created = await service.put_graph(
            graph, body, request.headers.get("content-type"), merge=request.method == "POST"
        )
        return Response(status_code=201 if created else 204)
    except WartaError as error:
        return error_response(error)
