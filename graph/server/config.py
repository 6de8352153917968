"""The server's settings, in one object the app factory and the CLI share."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.namespaces import DEFAULT_BASE_IRI

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 10_000
DEFAULT_MAX_BODY = 1_000_000  # bytes; a long query is a few KB, a GSP upload of one article graph ~100 KB
DEFAULT_MEMORY_MB = 4096
DEFAULT_MAX_BYTES_OUT = 50 * 1024 * 1024  # a result or graph larger than this is cut (X-Warta-Truncated)


@dataclass
class ServerConfig:
    """Limits and switches of one server.

    Args:
        timeout: seconds a query may run before its worker is killed.
        max_rows: solutions (or triples) returned at most; more are cut and
            flagged with the ``X-Warta-Truncated`` header.
        max_bytes_out: bytes a query answer or GSP read holds at most (None:
            no limit); a longer answer is cut and flagged like ``max_rows``.
        max_body: request bodies larger than this are refused (413).
        allow_update: accept SPARQL Update and Graph Store writes (with the token).
        update_token: the bearer token writes must carry.
        allow_service: let queries use ``SERVICE`` (the server then fetches URLs).
        base_iri: the base of entity IRIs; ``/resource/<path>`` maps to ``base_iri + path``.
        workers: query worker processes.
        memory_mb: address-space cap per worker process (0: none).
        host: the address the server is bound to; a trusted Host name.
        trusted_hosts: more Host names to answer for (``*``: any); the bound
            address, ``localhost``, ``127.0.0.1`` and ``[::1]`` always are.
    """

    timeout: float = DEFAULT_TIMEOUT
    max_rows: int | None = DEFAULT_MAX_ROWS
    max_body: int = DEFAULT_MAX_BODY
    max_bytes_out: int | None = DEFAULT_MAX_BYTES_OUT
    allow_update: bool = False
    update_token: str | None = None
    allow_service: bool = False
    base_iri: str = DEFAULT_BASE_IRI
    workers: int = 2
    memory_mb: int = DEFAULT_MEMORY_MB
    host: str = "127.0.0.1"
    trusted_hosts: tuple[str, ...] = ()

    @property
    def default_write_graph(self) -> str:
        """The named graph GSP writes to the default graph go to (the default graph is the union)."""
        return self.base_iri + "graph/default"
