"""``warta demo``: ingest the bundled examples, write a graph view, serve SPARQL and the UI."""

from __future__ import annotations

from pathlib import Path

import click

from ..pipeline import ingest
from ..readers import read_paths
from ..store import open_store
from ._util import store_option, user_errors
from .ingest import summary

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = ROOT / "examples"
QUERIES = ROOT / "queries"

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
        f"  warta query {QUERIES / 'offices-of-person.rq'} --param person=\"{name}\" --store {store_spec}\n"
        f"  warta query {QUERIES / 'who-met-whom.rq'} --store {store_spec}\n"
        f"  warta stats --store {store_spec}\n"
        f"  warta viz --store {store_spec} --entity \"{name}\" --hops 2 -o ego.html\n"
    )


@click.command("demo")
@store_option
@click.option("--examples", "examples", type=click.Path(exists=True, file_okay=False), default=str(EXAMPLES),
              show_default=True, help="Folder of articles to ingest.")
@click.option("-o", "--output", default="warta-graph.html", show_default=True, help="Where to write the graph view.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--serve/--no-serve", default=True, show_default=True, help="Start the SPARQL server and UI at the end.")
@user_errors
def command(store, examples, output, host, port, serve):
    """Ingest the example articles, write a graph view and serve them on 127.0.0.1."""
    with open_store(store) as target:
        report = ingest(read_paths([examples]), target)
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
    from ..server import run

    click.echo(f"SPARQL endpoint: http://{host}:{port}/sparql   query page: http://{host}:{port}/   (Ctrl-C stops)")
    run(store, host=host, port=port)
