"""``warta validate``: check the store's article graphs against the SHACL shapes."""

from __future__ import annotations

import click

from ..store import open_store
from ..validate import validate_store
from ._util import store_option, user_errors


@click.command("validate")
@store_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Check at most N article graphs.")
@user_errors
def command(store, limit):
    """Check every article graph against the contract's SHACL shapes (ontology/shapes.ttl).

    Each article graph is checked on its own. Exits 1 and lists the violations
    (article, node, property, message) when any graph does not conform.
    """
    with open_store(store, read_only=True) as source:
        report = validate_store(source, limit=limit)
    if not report.conforms:
        click.echo(report.text())
        raise SystemExit(1)
    click.echo(report.text())
