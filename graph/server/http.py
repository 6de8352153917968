"""Small HTTP helpers shared by the routes: bounded bodies, error responses, security headers."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import Errors, WartaError
from .jobs import status_of

log = logging.getLogger("warta.server")

#: Pages load scripts, styles and frames from this server only; nothing inline, nothing remote.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'self'"
)
#: Graph views are self-contained pages with inline scripts; they may run those and nothing else
#: (connect-src 'none': a view cannot fetch anything, so it works offline by construction).
VIEW_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
)


class BodyTooLarge(WartaError):
    status = 413


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) past ``limit`` bytes without reading the rest."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(Errors.E038.format(limit=limit))
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(Errors.E038.format(limit=limit))
        chunks.append(chunk)
    return b"".join(chunks)


def error_response(error: Exception) -> Response:
    """A user-facing error as plain text with the right status (400 for the client's mistakes)."""
    status = getattr(error, "status", None) or status_of(error)
    headers = {"WWW-Authenticate": 'Bearer realm="warta"'} if status == 401 else None
    return PlainTextResponse(str(error) + "\n", status_code=status, headers=headers)


def answers_every_error(endpoint: Callable[[Request], Awaitable[Response]]):
    """Wrap a route so even an unexpected exception is an answer (500), not a dropped connection.

    Starlette re-raises an unhandled exception after its 500 page, and uvicorn
    then closes the connection: a client's next request on it fails too.
    """

    @functools.wraps(endpoint)
    async def answered(request: Request) -> Response:
        try:
            return await endpoint(request)
        except WartaError as error:
            return error_response(error)
        except Exception:
            log.exception("%s %s failed", request.method, request.url.path)
            return PlainTextResponse(Errors.E083 + "\n", status_code=500)

    return answered


class SecurityHeaders:
    """Adds CSP and friends to every response that does not set its own."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                for name, value in (
                    (b"content-security-policy", PAGE_CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"SAMEORIGIN"),
                ):
                    if name not in names:
                        headers.append((name, value))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
