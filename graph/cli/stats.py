"""``warta stats``: what the store holds."""

from __future__ import annotations

import dataclasses
import json

import click

from ..stats import store_stats
from ..store import open_store
from ._util import json_option, output_format_option, store_option, user_errors


def _section(title: str, counts: dict[str, int]) -> list[str]:
    lines = [title]
    width = max((len(k) for k in counts), default=0)
    lines.extend(f"  {key.ljust(width)}  {value:>7}" for key, value in counts.items())
    return lines


@click.command(
    "stats",
    epilog="""\b
Examples:
  warta stats --store ./warta-data
  warta stats --network --json""",
)
@output_format_option(["text", "json"], "text")
@json_option
@click.option("--network", is_flag=True, help="Also: centrality of officials and agencies, communities, most connected pairs.")
@store_option
@user_errors
def command(fmt, as_json, network, store):
    """Counts per class, per publisher and per month."""
    fmt = "json" if as_json else fmt
    with open_store(store, read_only=True, fresh=True) as source:  # committed writes even after a killed writer
        stats = store_stats(source)
        if network:
            _network(source, fmt, stats)
            return
    if fmt == "json":
        click.echo(json.dumps(dataclasses.asdict(stats), ensure_ascii=False, indent=2))
        return
    lines = [f"{stats.graphs} article graphs, {stats.quads} quads"]
    lines += _section("per class:", stats.classes)
    lines += _section("per publisher:", stats.publishers)
    lines += _section("per month:", stats.months)
    click.echo("\n".join(lines))


def _network(source, fmt, stats) -> None:
    """``--network``: the counts, then the network analysis (graph.analysis)."""
    from ..analysis.report import network_text
    from ..analysis.run import store_network_stats

    result = store_network_stats(source)
    if fmt == "json":
        click.echo(json.dumps({**dataclasses.asdict(stats), "network": result.as_dict()}, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{stats.graphs} article graphs, {stats.quads} quads\n" + network_text(result))
