"""``warta ingest``: read, extract, model and store articles."""

from __future__ import annotations

import json
import sys

import click

from ..executors import make_executor
from ..pipeline import IngestReport, ingest
from ..readers import DEFAULT_MAX_BYTES, read_paths
from ..store import open_store
from ._util import base_iri_option, extractor_option, store_option, user_errors


def _progress(report: IngestReport) -> None:
    if sys.stderr.isatty():
        click.echo(f"\r  {report.articles} articles, {len(report.errors)} errors", nl=False, err=True)


def summary(report: IngestReport) -> str:
    rate = report.articles / report.seconds if report.seconds else 0.0
    return (
        f"{report.articles} articles ({report.new} new, {report.replaced} replaced, {report.unchanged} unchanged), "
        f"{report.quads_added} quads added, {report.quads_removed} removed; "
        f"entities: {report.entities_new} new, {report.entities_merged} merged with stored ones, "
        f"{report.candidate_matches} possible duplicates recorded (not merged); "
        f"{len(report.errors)} errors; {report.seconds:.1f} s ({rate:.0f} articles/s)"
    )


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", help="Reader to use for every file (txt, html, jsonl, json) instead of the extension.")
@store_option
@base_iri_option
@extractor_option
@click.option("--workers", type=int, default=1, show_default=True, help="Extraction processes (one writer).")
@click.option("--dask", "dask_address", help="Run extraction on a Dask cluster at this scheduler address.")
@click.option("--batch-size", type=int, default=64, show_default=True, help="Articles per write transaction.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse input files larger than this.")
@click.option("--lang", help="Only ingest articles in this language (ISO 639-1, e.g. id); others are skipped with a message.")
@click.option("--force", is_flag=True, help="Re-extract articles even when their content is unchanged.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@user_errors
def command(paths, fmt, store, base_iri, extractor, workers, dask_address, batch_size, max_bytes, lang, force, as_json):
    """Ingest articles from files, directories or '-' (stdin).

    Each file that cannot be read is reported and skipped; the rest is stored.
    Exits with 1 when any input failed.
    """
    items = read_paths(paths, fmt=fmt, max_bytes=max_bytes, lang=lang)
    with open_store(store) as target, make_executor(workers, dask_address) as executor:
        report = ingest(
            items,
            target,
            base_iri=base_iri,
            extractor=extractor,
            batch_size=batch_size,
            executor=executor,
            on_progress=_progress,
            force=force,
        )
    if sys.stderr.isatty():
        click.echo("", err=True)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if as_json:
        click.echo(json.dumps({**report.__dict__, "failed": report.failed}, ensure_ascii=False))
    else:
        click.echo(summary(report))
    if report.failed:
        sys.exit(1)
