"""ASGI middleware for the edges of HTTP: which Host names are trusted, and CORS.

Both run before any route, so every answer, errors included, gets the same
treatment.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import Errors

#: Always trusted besides the bound address: the names of this machine's loopback.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
_WILDCARD_HOSTS = {"0.0.0.0", "::", ""}


def trusted_host_names(bound: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names a server bound to ``bound`` answers: the address, loopback, ``extra``."""
    names = {*LOCAL_HOSTS, *(_bare(h) for h in extra)}
    if bound not in _WILDCARD_HOSTS:
        names.add(_bare(bound))
    return frozenset(names)


def host_name(header: str) -> str:
    """The name in a Host header, without port or IPv6 brackets, lower-cased."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else ""
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _bare(name: str) -> str:
    name = name.strip().lower()
    return name[1:-1] if name.startswith("[") and name.endswith("]") else name


class TrustedHosts:
    """Answers 400 to a request whose Host is not trusted, before any route builds a URL from it.

    Links, redirects and the service description are built from the Host
    header; an untrusted one would let a page or cache be poisoned with another
    site's name. The refusal does not repeat the header.
    """

    def __init__(self, app: ASGIApp, names: frozenset[str]):
        self.app = app
        self.names = names
        self.any = "*" in names

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.any:
            if host_name(Headers(scope=scope).get("host", "")) not in self.names:
                response = PlainTextResponse(Errors.E048 + "\n", status_code=400)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


#: The SPARQL Protocol and Graph Store paths, and the methods each allows cross-origin.
CORS_PATHS = {
    "/sparql": "GET, POST, OPTIONS",
    "/rdf-graphs": "GET, HEAD, PUT, POST, DELETE, OPTIONS",
}
CORS_ALLOW_HEADERS = "Content-Type, Authorization, Accept"
CORS_EXPOSE_HEADERS = "X-Warta-Query-Kind, X-Warta-Truncated, Location, Content-Disposition"
CORS_MAX_AGE = "600"
_TOKEN = set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def cors_methods(path: str) -> str | None:
    """The methods allowed cross-origin on ``path``; graphs addressed by URL are Graph Store paths."""
    if path.startswith("/rdf-graphs/"):
        return CORS_PATHS["/rdf-graphs"]
    return CORS_PATHS.get(path)


def allowed_headers(requested: str | None) -> str:
    """The preflight's Allow-Headers: ours, plus whatever header names the browser asks for.

    Headers grant nothing here (no cookies; writes need the bearer token), so a
    client's own (``X-Requested-With``, a tracing header) is allowed; only
    well-formed header names are echoed.
    """
    names = [n.strip() for n in (requested or "").split(",")]
    extra = [n for n in names if n and len(n) <= 64 and set(n) <= _TOKEN]
    # Header names are case-insensitive: one entry per name, ours first.
    unique: dict[str, str] = {}
    for name in [*CORS_ALLOW_HEADERS.split(", "), *extra]:
        unique.setdefault(name.lower(), name)
    return ", ".join(unique.values())


class Cors:
    """CORS for the protocol endpoints: preflight answered, headers on every answer (4xx/5xx too).

    The data is public and read-only without the token, so any origin may read
    it; writes still need ``Authorization: Bearer``, which a browser never adds
    on its own (no cookies are used), so ``*`` grants a foreign page nothing.
    """

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        methods = cors_methods(scope.get("path", "")) if scope["type"] == "http" else None
        if methods is None:
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS":
            headers = {
                "Allow": methods,
                "Access-Control-Allow-Origin": "*",
                "Access-Control-Allow-Methods": methods,
                "Access-Control-Allow-Headers": allowed_headers(Headers(scope=scope).get("access-control-request-headers")),
                "Access-Control-Max-Age": CORS_MAX_AGE,
            }
            await Response(status_code=204, headers=headers)(scope, receive, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if not k.lower().startswith(b"access-control-")]
                headers.append((b"access-control-allow-origin", b"*"))
                headers.append((b"access-control-expose-headers", CORS_EXPOSE_HEADERS.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_cors)
