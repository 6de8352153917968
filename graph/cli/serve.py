"""``warta serve``: the SPARQL endpoint, query page and linked-data pages over HTTP."""

from __future__ import annotations

import os

import click

from ..server.config import (
    DEFAULT_MAX_BODY,
    DEFAULT_MAX_BYTES_OUT,
    DEFAULT_MAX_ROWS,
    DEFAULT_MEMORY_MB,
    DEFAULT_TIMEOUT,
    ServerConfig,
)
from ._util import base_iri_option, check_port_free, store_option, user_errors


@click.command(
    "serve",
    epilog="""\b
Examples:
  warta serve --store ./warta-data                 # http://127.0.0.1:8000/
  WARTA_UPDATE_TOKEN=s3cret warta serve --allow-update --port 8080
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 3' http://127.0.0.1:8000/sparql""",
)
@store_option
@base_iri_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (loopback only by default).")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port to listen on.")
@click.option(
    "--timeout",
    default=DEFAULT_TIMEOUT,
    show_default=True,
    type=float,
    help="Seconds a query may run before its worker process is killed.",
)
@click.option(
    "--max-rows",
    default=DEFAULT_MAX_ROWS,
    show_default=True,
    type=int,
    help="Most rows (or triples) a result returns; more are cut and flagged in X-Warta-Truncated.",
)
@click.option(
    "--max-bytes-out",
    default=DEFAULT_MAX_BYTES_OUT,
    show_default=True,
    type=int,
    help="Largest query answer or GSP read in bytes (0: none); longer ones are cut and flagged in X-Warta-Truncated.",
)
@click.option("--max-body", default=DEFAULT_MAX_BODY, show_default=True, type=int, help="Largest request body in bytes.")
@click.option("--workers", default=2, show_default=True, type=int, help="Query worker processes.")
@click.option(
    "--memory-mb",
    default=DEFAULT_MEMORY_MB,
    show_default=True,
    type=int,
    help="Address-space cap per query worker (0: none).",
)
@click.option(
    "--allow-update",
    is_flag=True,
    help="Accept SPARQL Update and Graph Store writes from clients with the bearer token in WARTA_UPDATE_TOKEN.",
)
@click.option("--allow-service", is_flag=True, help="Allow SERVICE in queries (the server then fetches other hosts' URLs).")
@click.option(
    "--trusted-host",
    "trusted_hosts",
    multiple=True,
    metavar="NAME",
    help="Answer requests whose Host header names NAME (repeatable; '*' for any). "
    "Always trusted: the --host address, localhost, 127.0.0.1, [::1]; other Hosts get 400.",
)
@user_errors
def command(
    store,
    base_iri,
    host,
    port,
    timeout,
    max_rows,
    max_bytes_out,
    max_body,
    workers,
    memory_mb,
    allow_update,
    allow_service,
    trusted_hosts,
):
    """Serve the store: SPARQL 1.1 Protocol at /sparql, the query page at /,
    entity pages under /resource/, search at /search.

    Read-only unless --allow-update; then writes need
    "Authorization: Bearer $WARTA_UPDATE_TOKEN".
    """
    from ..server.run import check_settings, run

    config = ServerConfig(
        timeout=timeout,
        max_rows=max_rows if max_rows > 0 else None,
        max_bytes_out=max_bytes_out if max_bytes_out > 0 else None,
        max_body=max_body,
        allow_update=allow_update,
        update_token=os.environ.get("WARTA_UPDATE_TOKEN") or None,
        allow_service=allow_service,
        base_iri=base_iri,
        workers=workers,
        memory_mb=memory_mb,
        host=host,
        trusted_hosts=tuple(trusted_hosts),
    )
    for warning in check_settings(host, config):
        click.echo(f"Warning: {warning}", err=True)
    check_port_free(host, port)  # before the endpoint line: a busy port must not look like a started server
    click.echo(f"Warta SPARQL endpoint: http://{host}:{port}/sparql  ·  query page: http://{host}:{port}/", err=True)
    run(store, host=host, port=port, config=config)
