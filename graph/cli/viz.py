"""``warta viz``: write an interactive graph view as one self-contained HTML file."""

from __future__ import annotations

import click

from ..errors import Errors
from ..store import open_store
from ._util import base_iri_option, iso_date, store_option, user_errors


@click.command(
    "viz",
    epilog="""\b
Examples:
  warta viz -o graph.html
  warta viz --entity "Pemprov Kaltim" --hops 2 -o kaltim.html
  warta viz --type person,organization --from 2024-01-01 --to 2024-06-30
  warta viz --query queries/who-met-whom.rq -o met.html""",
)
@click.option(
    "-o", "--output", default="warta-graph.html", show_default=True, type=click.Path(dir_okay=False), help="HTML file to write."
)
@click.option("--entity", metavar="NAME|IRI", help="Centre the view on this entity (name, alias or IRI).")
@click.option("--hops", type=click.IntRange(0, 6), default=2, show_default=True, help="Links to follow from --entity.")
@click.option(
    "--query",
    "query_file",
    type=click.Path(exists=True, dir_okay=False),
    metavar="FILE.rq",
    help="Draw a CONSTRUCT's triples, or the nodes a SELECT's columns name.",
)
@click.option(
    "--type",
    "types",
    metavar="KINDS",
    help="Keep only these kinds (comma-separated): person, organization, place, meeting, agreement, program, quote "
    "('all' draws every node).",
)
@click.option(
    "--from", "date_from", metavar="YYYY-MM-DD", callback=iso_date, help="Only what articles published on or after this date say."
)
@click.option(
    "--to", "date_to", metavar="YYYY-MM-DD", callback=iso_date, help="Only what articles published on or before this date say."
)
@click.option("--publisher", help="Only what this publisher's articles say (part of its name).")
@click.option(
    "--size-by",
    type=click.Choice(["mentions", "degree"]),
    default="mentions",
    show_default=True,
    help="Node size: articles naming it, or its number of links.",
)
@click.option("--title", help="Page heading.")
@store_option
@base_iri_option
@user_errors
def command(output, entity, hops, query_file, types, date_from, date_to, publisher, size_by, title, store, base_iri):
    """Write an interactive graph view (opens offline in any browser) and print its path.

    Without --entity, --query or --type it is the overview: the most central
    officials and agencies, grouped, with the rest one click away.
    Nodes are coloured and shaped by kind and sized by mentions; hover a node or
    link for its sources, click for links to the articles, and type part of a
    name in the search box to find an official.
    """
    if date_from and date_to and date_from > date_to:
        raise click.BadParameter(Errors.E132.format(date_from=date_from, date_to=date_to), param_hint="'--from'")
    from ..viz import write_view  # the page assets load only when a view is written

    query = None
    if query_file:
        with open(query_file, encoding="utf-8") as handle:
            query = handle.read()
    with open_store(store, read_only=True) as source:
        path = write_view(
            source,
            output,
            entity=entity,
            hops=hops,
            query=query,
            types=types,
            date_from=date_from,
            date_to=date_to,
            publisher=publisher,
            base_iri=base_iri,
            title=title,
            size_by=size_by,
        )
    click.echo(str(path.resolve()))
