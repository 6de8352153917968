"""``warta export`` / backup: stream the store to a file."""

from __future__ import annotations

import gzip
import sys

import click

from ..store import open_store
from ..store.formats import exporters
from ._util import output_format_option, store_option, user_errors

_KEEP = "/".join(name for name in exporters.names() if exporters.get(name).keeps_graphs)
_UNION = "/".join(name for name in exporters.names() if not exporters.get(name).keeps_graphs)


@click.command(
    "export",
    epilog="""\b
Examples:
  warta export -f nquads -o graph.nq         # one named graph per article
  warta export -f trig -o backup.trig.gz     # gzip by extension; load it back with warta import
  warta export -f turtle | head""",
)
@output_format_option(
    exporters.names(),
    "nquads",
    f"{_KEEP} keep one named graph per article; {_UNION} write the deduplicated union.",
)
@click.option("-o", "--output", default="-", show_default=True, help="File to write ('-' for stdout); '.gz' compresses.")
@click.option("--gzip", "compress", is_flag=True, help="Compress with gzip (implied by a .gz file name).")
@store_option
@user_errors
def command(fmt, output, compress, store):
    """Export the store (streamed, in constant memory)."""
    compress = compress or output.endswith(".gz")
    # fresh: a backup must hold every committed article, even after a writer was killed before publishing.
    with open_store(store, read_only=True, fresh=True) as source:
        raw = sys.stdout.buffer if output == "-" else open(output, "wb")
        try:
            out = gzip.GzipFile(fileobj=raw, mode="wb") if compress else raw
            count = source.export(out, fmt)
            if compress:
                out.close()
        finally:
            if raw is not sys.stdout.buffer:
                raw.close()
    if output != "-":
        click.echo(f"{count} statements written to {output}", err=True)
