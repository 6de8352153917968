"""The protocol's ``using-graph-uri`` / ``using-named-graph-uri``, applied to an update's text.

pyoxigraph takes no dataset for updates, so the parameters become ``USING`` /
``USING NAMED`` clauses in each ``DELETE/INSERT ... WHERE`` operation: the
SPARQL 1.1 Protocol (2.2.3) gives them exactly that meaning. What each
operation is comes from rdflib's parse tree; where the clauses go comes from
one linear scan that skips comments, strings and IRIs and finds, for each
operation (split at top-level ``;``), its top-level ``WHERE`` keyword. Any
disagreement between the two is refused, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import Errors, QueryError
from ..store.scan import top_level
from .guard import _parse


def with_dataset(sparql: str, using: Sequence[str] = (), using_named: Sequence[str] = ()) -> str:
    """``sparql`` with ``USING <g>`` / ``USING NAMED <g>`` in each operation that has a WHERE clause.

    Raises :class:`QueryError` (400) when an operation names its own dataset
    (``USING``/``WITH``: the protocol leaves the conflict to the server, which
    refuses it), for ``DELETE WHERE`` (its grammar has no place for USING), or
    when the text is not an update the parser reads.
    """
    if not using and not using_named:
        return sparql
    operations = list(_parse(sparql, update=True).request)
    clauses = " ".join([*(f"USING <{g}>" for g in using), *(f"USING NAMED <{g}>" for g in using_named)])
    pieces: list[list[int]] = [[]]
    for offset, kind in top_level(sparql):
        if kind == ";":
            pieces.append([])
        elif kind == "WHERE":
            pieces[-1].append(offset)
    # A trailing ';' may be followed by nothing (the grammar allows it): one empty piece more.
    if len(pieces) not in (len(operations), len(operations) + 1):
        raise QueryError(Errors.E081.format(problem="cannot tell its operations apart"))
    inserts = []
    for operation, wheres in zip(operations, pieces):
        if operation.name == "DeleteWhere":
            raise QueryError(Errors.E081.format(problem="DELETE WHERE cannot take USING; write DELETE { ... } WHERE { ... }"))
        if operation.name != "Modify":
            continue
        if "using" in operation or "withClause" in operation:
            raise QueryError(Errors.E081.format(problem="the update names its own dataset with USING or WITH"))
        if len(wheres) != 1:
            raise QueryError(Errors.E081.format(problem="cannot find the WHERE of an operation"))
        inserts.append(wheres[0])
    for offset in reversed(inserts):
        sparql = f"{sparql[:offset]}{clauses} {sparql[offset:]}"
    return sparql
