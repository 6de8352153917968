"""``warta path`` and ``warta timeline``: how two entities are linked, and what one did when."""

from __future__ import annotations

import json

import click

from ..analysis.report import chains_text, timeline_text
from ..analysis.run import chains_between, entity_timeline
from ..store import open_store
from ._util import json_option, output_format_option, store_option, user_errors


@click.command(
    "path",
    epilog="""\b
Examples:
  warta path "Arifin Noorsyam" "Kementerian Koperasi dan UKM"
  warta path "Pemprov Kaltim" "Berau" --limit 5 --json""",
)
@click.argument("a")
@click.argument("b")
@click.option("--limit", type=click.IntRange(1, 50), default=3, show_default=True, help="Most chains to show.")
@output_format_option(["text", "json"], "text")
@json_option
@store_option
@user_errors
def path_command(a, b, limit, fmt, as_json, store):
    """The shortest chains linking entities A and B (names, aliases or IRIs).

    Each link comes with the article and sentence that support it.
    """
    with open_store(store, read_only=True) as source:
        iri_a, iri_b, chains = chains_between(source, a, b, limit=limit)
    if fmt == "json" or as_json:
        out = {"from": iri_a, "to": iri_b, "chains": [[step.as_dict() for step in chain] for chain in chains]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(chains_text(chains))


@click.command(
    "timeline",
    epilog="""\b
Examples:
  warta timeline "Arifin Noorsyam"
  warta timeline "Pemkab Paser" -f json""",
)
@click.argument("entity")
@output_format_option(["text", "json"], "text")
@json_option
@store_option
@user_errors
def timeline_command(entity, fmt, as_json, store):
    """Meetings, offices, quotes, agreements and programmes of ENTITY in date order."""
    with open_store(store, read_only=True) as source:
        iri, name, events = entity_timeline(source, entity)
    if fmt == "json" or as_json:
        out = {"entity": iri, "name": name, "events": [event.as_dict() for event in events]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(timeline_text(name, events))


commands = [path_command, timeline_command]
