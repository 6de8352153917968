"""``warta import``: load an export (backup) back into a store."""

from __future__ import annotations

import gzip

import click

from ..store import open_store
from ._util import store_option, user_errors


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("-f", "--format", "fmt", type=click.Choice(["nquads", "trig"]), default=None,
              help="Input format (default: from the extension).")
@store_option
@user_errors
def command(path, fmt, store):
    """Import an N-Quads or TriG export, rebuilding the deduplicated union graph."""
    name = path[:-3] if path.endswith(".gz") else path
    fmt = fmt or ("trig" if name.endswith(".trig") else "nquads")
    opener = gzip.open if path.endswith(".gz") else open
    with open_store(store) as target, opener(path, "rb") as src:
        count = target.import_(src, fmt)
        target.publish(force=True)
    click.echo(f"{count} quads imported from {path}")
