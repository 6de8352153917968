"""``warta import``: load an export (backup) back into a store."""

from __future__ import annotations

import click

from ..errors import Errors
from ..store.importing import FORMATS, import_file
from ._util import input_format_option, store_option, user_errors

#: File name endings ``warta export`` writes, and the format each means (``.gz`` is stripped first).
EXTENSIONS = {".nq": "nquads", ".nquads": "nquads", ".trig": "trig"}


def format_of(path: str) -> str | None:
    name = path[:-3] if path.endswith(".gz") else path
    return next((fmt for ending, fmt in EXTENSIONS.items() if name.endswith(ending)), None)


@click.command(
    "import",
    epilog="""\b
Examples:
  warta export -f trig -o backup.trig.gz && warta import backup.trig.gz --store ./restored
  warta import dump.txt --input-format nquads""",
)
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@input_format_option(
    "Input format (default: from the extension: .nq, .nquads, .trig, optionally .gz).",
    choices=list(FORMATS),
    old=("-f", "--format"),
)
@store_option
@user_errors
def command(path, input_format, old_input_format, store):
    """Import an N-Quads or TriG export, rebuilding the deduplicated union graph.

    All or nothing: a file with a syntax error, a triple outside a named graph,
    a blank-node graph name or an RDF 1.2 triple term imports nothing.
    """
    fmt = input_format or old_input_format or format_of(path)
    if fmt is None:
        raise click.BadParameter(Errors.E130.format(path=path), param_hint="'PATH'")
    count = import_file(path, store, fmt)
    click.echo(f"{count} quads imported from {path}")
