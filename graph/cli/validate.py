"""``warta validate``: check the store's article graphs against the SHACL shapes."""

from __future__ import annotations

import click

from ..store import open_store
from ..validate import validate_store
from ._util import store_option, user_errors


@click.command(
    "validate",
    epilog="""\b
Examples:
  warta validate --store ./warta-data
  warta validate --warnings --max-results 0 --limit 100""",
)
@store_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Check at most N article graphs.")
@click.option("--warnings", "show_warnings", is_flag=True, help="List warnings too, not only violations.")
@click.option("--max-results", type=click.IntRange(min=0), default=50, show_default=True, help="List at most N results (0: all).")
@user_errors
def command(store, limit, show_warnings, max_results):
    """Check every article graph against the contract's SHACL shapes (ontology/shapes.ttl).

    Each article graph is checked on its own. Exits 1 and lists the violations
    (article, node, property, message) when any graph does not conform.
    """
    with open_store(store, read_only=True, fresh=True) as source:  # committed writes even after a killed writer
        report = validate_store(source, limit=limit)
    click.echo(report.text(max_results=max_results or None, warnings=show_warnings))
    if not report.conforms:
        raise SystemExit(1)
