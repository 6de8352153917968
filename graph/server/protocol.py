"""The SPARQL 1.1 Protocol's request forms, parsed into one plain object.

Pure: takes the method, query-string pairs, content type and body, so it is
tested without a web server. Every malformed request raises
:class:`ProtocolError` (HTTP 400 or 415), never an unexpected exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from rdflib.term import Identifier

from ..errors import Errors, WartaError
from ..params import param_term

_IRI_FORBIDDEN = set('<>"{}|^`\\ \t\r\n')
PARAM_PREFIX = "param."  # Warta extension: ?param.person=Ali binds ?person safely


class ProtocolError(WartaError):
    def __init__(self, problem: str, status: int = 400):
        super().__init__(Errors.E039.format(problem=problem))
        self.status = status


@dataclass
class SparqlRequest:
    query: str | None = None
    update: str | None = None
    default_graph_uris: list[str] = field(default_factory=list)
    named_graph_uris: list[str] = field(default_factory=list)
    using_graph_uris: list[str] = field(default_factory=list)
    using_named_graph_uris: list[str] = field(default_factory=list)
    bindings: dict[str, Identifier] = field(default_factory=dict)
    fmt: str | None = None

    @property
    def empty(self) -> bool:
        return self.query is None and self.update is None


def _iri(value: str, name: str) -> str:
    if not value or any(c in _IRI_FORBIDDEN for c in value) or ":" not in value:
        raise ProtocolError(Errors.E110.format(name=name, value=value))
    return value


def _single(pairs: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in pairs if k == name]
    if len(values) > 1:
        raise ProtocolError(Errors.E111.format(name=name))
    return values[0] if values else None


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolError(Errors.E112.format(reason=error.reason, start=error.start)) from None


def parse(method: str, query_string: str | bytes, content_type: str | None, body: bytes) -> SparqlRequest:
    """One protocol request: GET, POST form-encoded, POST sparql-query or sparql-update."""
    if isinstance(query_string, bytes):
        query_string = query_string.decode("latin-1")
    try:
        pairs = parse_qsl(query_string, keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise ProtocolError(Errors.E113) from None
    media = (content_type or "").split(";")[0].strip().lower()
    request = SparqlRequest()
    if method == "POST":
        if media == "application/x-www-form-urlencoded":
            try:
                pairs += parse_qsl(_decode(body), keep_blank_values=True, errors="strict")
            except ValueError:
                raise ProtocolError(Errors.E114) from None
        elif media == "application/sparql-query":
            request.query = _decode(body)
        elif media == "application/sparql-update":
            request.update = _decode(body)
        else:
            raise ProtocolError(Errors.E115.format(media=media or "(none)"), status=415)
    elif method not in ("GET", "HEAD"):
        raise ProtocolError(Errors.E116.format(method=method), status=405)
    query, update = _single(pairs, "query"), _single(pairs, "update")
    if query is not None:
        if request.query is not None or request.update is not None:
            raise ProtocolError(Errors.E117)
        request.query = query
    if update is not None:
        if method != "POST":
            raise ProtocolError(Errors.E118)
        if request.query is not None or request.update is not None:
            raise ProtocolError(Errors.E119)
        request.update = update
    for key, value in pairs:
        if key == "default-graph-uri":
            request.default_graph_uris.append(_iri(value, key))
        elif key == "named-graph-uri":
            request.named_graph_uris.append(_iri(value, key))
        elif key == "using-graph-uri":
            request.using_graph_uris.append(_iri(value, key))
        elif key == "using-named-graph-uri":
            request.using_named_graph_uris.append(_iri(value, key))
        elif key.startswith(PARAM_PREFIX) and key[len(PARAM_PREFIX) :]:
            request.bindings[key[len(PARAM_PREFIX) :].lstrip("?$")] = param_term(value)
        elif key == "format":
            request.fmt = value
    if request.update is not None and (request.default_graph_uris or request.named_graph_uris):
        raise ProtocolError(Errors.E120)
    if request.query is not None and (request.using_graph_uris or request.using_named_graph_uris):
        raise ProtocolError(Errors.E121)
    for text in (request.query, request.update):
        if text is not None and not text.strip():
            raise ProtocolError(Errors.E122)
    return request
