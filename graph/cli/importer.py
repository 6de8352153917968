"""``warta import``: load an export (backup) back into a store."""

from __future__ import annotations

import click

from ..store.importing import FORMATS, import_file
from ._util import store_option, user_errors


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Input format (default: from the extension).")
@store_option
@user_errors
def command(path, fmt, store):
    """Import an N-Quads or TriG export, rebuilding the deduplicated union graph.

    All or nothing: a file with a syntax error, a triple outside a named graph,
    a blank-node graph name or an RDF 1.2 triple term imports nothing.
    """
    count = import_file(path, store, fmt)
    click.echo(f"{count} quads imported from {path}")
