"""``warta ingest``: read, extract, model and store articles."""

from __future__ import annotations

import json
import sys
import time
from typing import TextIO

import click

from ..executors import make_executor
from ..pipeline import IngestReport, ingest
from ..readers import DEFAULT_MAX_BYTES, read_paths
from ..store import open_store
from ._util import base_iri_option, extractor_option, input_format_option, json_option, store_option, user_errors


class Progress:
    """Progress on stderr: one line rewritten in place on a terminal, else a line every ``every`` seconds.

    A long ingest run by cron, CI or ``nohup`` would otherwise say nothing for hours.
    Called once per article read (stored, unchanged or skipped as unreadable is counted by
    the report); the count is of articles read, which runs ahead of the stored count by
    up to one batch.
    """

    def __init__(self, stream: TextIO | None = None, every: float = 5.0, clock=time.monotonic):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.every = every
        self.clock = clock
        self.started = self.last = clock()
        self.read = 0

    def __call__(self, report: IngestReport) -> None:
        self.read += 1
        now = self.clock()
        if self.tty:
            click.echo(f"\r  {self.line(report, now)}", nl=False, file=self.stream)
        elif now - self.last >= self.every:
            self.last = now
            click.echo(f"ingest: {self.line(report, now)}", file=self.stream)

    def line(self, report: IngestReport, now: float) -> str:
        elapsed = now - self.started
        rate = self.read / elapsed if elapsed > 0 else 0.0
        return f"{self.read} articles read, {rate:.1f}/s, {len(report.errors)} errors"

    def done(self) -> None:
        if self.tty and self.read:
            click.echo("", file=self.stream)


def summary(report: IngestReport) -> str:
    rate = report.articles / report.seconds if report.seconds else 0.0
    return (
        f"{report.articles} articles ({report.new} new, {report.replaced} replaced, {report.unchanged} unchanged), "
        f"{report.quads_added} quads added, {report.quads_removed} removed; "
        f"entities: {report.entities_new} new, {report.entities_shared} shared between articles of this run, "
        f"{report.entities_merged} merged with stored ones, "
        f"{report.candidate_matches} possible duplicates recorded (not merged); "
        f"{len(report.errors)} errors; {report.seconds:.1f} s ({rate:.0f} articles/s)"
    )


@click.command(
    "ingest",
    epilog="""\b
Examples:
  warta ingest examples/ --store ./warta-data
  warta ingest crawl/*.html --workers 2 --lang id
  cat articles.jsonl | warta ingest - --input-format jsonl --json""",
)
@click.argument("paths", nargs=-1, required=True)
@input_format_option("Reader to use for every file (txt, html, jsonl, json) instead of the extension.")
@store_option
@base_iri_option
@extractor_option
@click.option("--workers", type=int, default=1, show_default=True, help="Extraction processes (one writer).")
@click.option("--dask", "dask_address", help="Run extraction on a Dask cluster at this scheduler address.")
@click.option("--batch-size", type=int, default=64, show_default=True, help="Articles per write transaction.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse input files larger than this.")
@click.option("--lang", help="Only ingest articles in this language (ISO 639-1, e.g. id); others are skipped with a message.")
@click.option("--force", is_flag=True, help="Re-extract articles even when their content is unchanged.")
@json_option
@user_errors
def command(
    paths,
    input_format,
    old_input_format,
    store,
    base_iri,
    extractor,
    workers,
    dask_address,
    batch_size,
    max_bytes,
    lang,
    force,
    as_json,
):
    """Ingest articles from files, directories or '-' (stdin).

    Each file that cannot be read is reported and skipped; the rest is stored.
    Progress goes to stderr (a line every few seconds when it is not a terminal).
    Exits with 1 when any input failed.
    """
    items = read_paths(paths, fmt=input_format or old_input_format, max_bytes=max_bytes, lang=lang)
    progress = Progress()
    with open_store(store) as target, make_executor(workers, dask_address) as executor:
        report = ingest(
            items,
            target,
            base_iri=base_iri,
            extractor=extractor,
            batch_size=batch_size,
            executor=executor,
            on_progress=progress,
            force=force,
        )
    progress.done()
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
