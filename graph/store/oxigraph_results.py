"""SELECT and ASK answers written by pyoxigraph's own result serialisers, within the limits.

Building an rdflib term for every value of a result and serialising it in Python
cost more than the query itself for answers of a thousand rows; the server
needs only bytes. pyoxigraph writes SPARQL JSON, XML, CSV and TSV results natively,
but writes a whole answer: it cannot stop at ``max_rows``. So the writer it is
given counts, while the bytes stream in, a bound on the rows written (a pattern
that occurs at least once in every row of the format, and elsewhere only adds to
the count) and stops it when the bytes pass ``max_bytes`` or the bound passes
``max_rows``. An answer stopped that way, or holding an RDF 1.2 triple term
(Warta shows those as ``warta:TripleTerm`` literals, see :mod:`graph.store.terms`),
is not sent: the caller runs the query again through the rdflib path, which cuts
exactly and says which limit cut. Small and medium answers, the common case, are
written once, natively.
"""

from __future__ import annotations

from typing import IO, cast

import pyoxigraph as ox

from .base import SerializedAnswer

#: Result formats pyoxigraph writes, by graph.results' names.
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
#: ASK has no CSV or TSV form in SPARQL; those take the rdflib path (which refuses them).
BOOLEAN_FORMATS = {"json", "xml"}

#: Per format, (pattern, sign) pairs whose weighted count, less the format's fixed part, is
#: at least the number of rows. JSON: every ``{`` opens a row unless ``:`` precedes it (a
#: term, the head, the results object; a ``:{`` inside a string takes back only that
#: string's own ``{``), and the outer object is one. XML: ``<result>`` opens each row (text
#: escapes ``<``). CSV and TSV: a line per row after the header line (a newline inside a
#: CSV literal only adds one).
_ROW_BOUND = {
    "json": ((b"{", 1), (b":{", -1)),
    "xml": ((b"<result>", 1),),
    "csv": ((b"\n", 1),),
    "tsv": ((b"\n", 1),),
}
_FIXED = {"json": 1, "xml": 0, "csv": 1, "tsv": 1}
#: Where a triple term shows in each format's output (``<<`` is over-inclusive for TSV: a
#: literal holding it also takes the slow path, which is correct, only slower). CSV has no
#: syntax for one: pyoxigraph writes its three terms, space-separated, and so does Warta.
_TRIPLE_TERM = {"json": b'"type":"triple"', "xml": b"<triple>", "tsv": b"<<"}


class _Stop(Exception):
    """The answer passed a limit: the writer stops pyoxigraph's serialiser."""


class _BoundedOutput:
    """A binary file for pyoxigraph's serialiser that keeps the bytes and stops at the limits."""

    def __init__(self, fmt: str, max_rows: int | None, max_bytes: int | None):
        self.chunks: list[bytes] = []
        self.size = 0
        self.rows_bound = -_FIXED[fmt]
        self.max_rows = max_rows
        self.max_bytes = max_bytes
        self.patterns = _ROW_BOUND[fmt]
        self.tail = b""  # the previous chunk's last bytes: a pattern may straddle two chunks

    def write(self, chunk) -> int:
        chunk = bytes(chunk)
        self.size += len(chunk)
        if self.max_bytes is not None and self.size > self.max_bytes:
            raise _Stop
        if self.max_rows is not None:
            for pattern, sign in self.patterns:
                straddling = self.tail[-(len(pattern) - 1) :] + chunk[: len(pattern) - 1] if len(pattern) > 1 else b""
                self.rows_bound += sign * (chunk.count(pattern) + straddling.count(pattern))
            if self.rows_bound > self.max_rows:
                raise _Stop
            self.tail = (self.tail + chunk)[-8:]
        self.chunks.append(chunk)
        return len(chunk)

    def flush(self) -> None:
        pass


def write_solutions(
    solutions: ox.QuerySolutions, fmt: str, max_rows: int | None, max_bytes: int | None
) -> SerializedAnswer | None:
    """``solutions`` in ``fmt``, or None when the answer passed a limit or holds a triple term.

    Raises:
        RuntimeError: the engine failed while evaluating (the caller reports it as the query's error).
    """
    out = _BoundedOutput(fmt, max_rows, max_bytes)
    try:
        # pyoxigraph writes to any object with write(); its stub names only IO[bytes].
        solutions.serialize(cast(IO[bytes], out), format=RESULT_FORMATS[fmt])
    except _Stop:
        return None
    body = b"".join(out.chunks)
    if fmt in _TRIPLE_TERM and _TRIPLE_TERM[fmt] in body:
        return None
    return SerializedAnswer("SELECT", fmt, body)


def write_boolean(answer: ox.QueryBoolean, fmt: str) -> SerializedAnswer | None:
    if fmt not in BOOLEAN_FORMATS:
        return None
    body = answer.serialize(format=RESULT_FORMATS[fmt])
    assert body is not None  # serialize() without an output returns the bytes
    return SerializedAnswer("ASK", fmt, body)
