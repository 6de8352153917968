"""``warta demo``: ingest the bundled examples, write a graph view, serve SPARQL and the UI."""

from __future__ import annotations

from pathlib import Path

import click

from ..pipeline import ingest
from ..readers import read_paths
from ..resources import resource_path
from ..store import open_store
from ._util import check_port_free, store_option, user_errors
from .ingest import summary

#: The example articles the package ships (``examples/`` in the repository).
EXAMPLES = resource_path("examples")

MOST_MENTIONED_OFFICIAL = """
SELECT ?name (COUNT(DISTINCT ?article) AS ?n) WHERE {
  GRAPH ?article { ?article <https://schema.org/mentions> ?p . ?p <http://www.w3.org/ns/org#hasMembership> ?m }
  ?p <https://schema.org/name> ?name .
} GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 1
"""


def _next_steps(store, store_spec: str) -> str:
    rows = store.query(MOST_MENTIONED_OFFICIAL).rows
    name = str(rows[0][0]) if rows else "Ali Fitri Noor"
    return (
        "\nTry:\n"
        f'  warta query offices-of-person --param person="{name}" --store {store_spec}\n'
        f"  warta query who-met-whom --store {store_spec}\n"
        f"  warta stats --store {store_spec}\n"
        f'  warta viz --store {store_spec} --entity "{name}" --hops 2 -o ego.html\n'
    )


@click.command(
    "demo",
    epilog="""\b
Examples:
  warta demo                                   # ingest, write the view, serve on 127.0.0.1:8000
  warta demo --no-serve --store /tmp/demo -o /tmp/demo.html
  warta demo --examples my-articles/ --port 8080""",
)
@store_option
@click.option(
    "--examples",
    "examples",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Folder of articles to ingest.  [default: the examples shipped with Warta]",
)
@click.option("-o", "--output", default="warta-graph.html", show_default=True, help="Where to write the graph view.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface the server listens on.")
@click.option("--port", type=int, default=8000, show_default=True, help="TCP port the server listens on.")
@click.option("--serve/--no-serve", default=True, show_default=True, help="Start the SPARQL server and UI at the end.")
@user_errors
def command(store, examples, output, host, port, serve):
    """Ingest the example articles, write a graph view and serve them on 127.0.0.1."""
    if serve:
        check_port_free(host, port)  # say so now, not after the ingest
    with open_store(store) as target:
        report = ingest(read_paths([examples or str(EXAMPLES)]), target)
    click.echo(summary(report))
    for error in report.errors:
        click.echo(f"error: {error}", err=True)

    from ..viz import write_view

    with open_store(store, read_only=True) as source:
        path = write_view(source, Path(output))
        hints = _next_steps(source, store)
    click.echo(f"graph view written to {Path(path).resolve()} (open it in a browser; it works offline)")
    click.echo(hints)
    if not serve:
        return
    from ..server.run import run

    click.echo(f"SPARQL endpoint: http://{host}:{port}/sparql   query page: http://{host}:{port}/   (Ctrl-C stops)")
    run(store, host=host, port=port)
