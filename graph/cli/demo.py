"""``warta demo``: ingest the bundled examples, write a graph view, serve SPARQL and the UI."""

from __future__ import annotations

from pathlib import Path

import click

from ..pipeline import ingest
from ..readers import read_paths
from ..store import open_store
from ._util import store_option, user_errors
from .ingest import summary

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"


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
    click.echo(f"graph view written to {Path(path).resolve()} (open it in a browser; it works offline)")
    click.echo(
        "\nTry:\n"
        f"  warta query queries/officials-of-organization.rq --store {store}\n"
        f"  warta stats --store {store}\n"
        f"  warta viz --store {store} --entity 'Sekretaris Daerah' -o ego.html\n"
    )
    if not serve:
        return
    from ..server import run

    click.echo(f"SPARQL endpoint: http://{host}:{port}/sparql   query page: http://{host}:{port}/   (Ctrl-C stops)")
    run(store, host=host, port=port)
