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

import re
from collections.abc import Iterator, Sequence

from ..errors import Errors, QueryError
from .guard import _parse

_IRI_REF = re.compile(r'<[^<>"{}|^`\\\s]*>')
_WORD = re.compile(r"[A-Za-z0-9_\-.:]+")


def _top_level(sparql: str) -> Iterator[tuple[int, str]]:
    """(offset, ";" or "WHERE") for separators and WHERE keywords outside any group."""
    i, depth, n = 0, 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            i = sparql.find("\n", i)
            i = n if i < 0 else i
        elif c in "\"'":
            quote = sparql[i : i + 3] if sparql[i : i + 3] in ('"""', "'''") else c
            i += len(quote)
            while i < n and not sparql.startswith(quote, i):
                i += 2 if sparql[i] == "\\" else 1
            i += len(quote)
        elif c == "<" and (match := _IRI_REF.match(sparql, i)):
            i = match.end()
        elif c in "{}":
            depth += 1 if c == "{" else -1
            i += 1
        elif c == ";" and depth == 0:
            yield i, ";"
            i += 1
        elif c in "?$@" or (c.isalnum() or c == "_"):
            match = _WORD.match(sparql, i + (c in "?$@"))
            end = match.end() if match else i + 1
            if depth == 0 and c not in "?$@" and sparql[i:end].upper() == "WHERE":
                yield i, "WHERE"
            i = end
        else:
            i += 1


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
    for offset, kind in _top_level(sparql):
        if kind == ";":
            pieces.append([])
        else:
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
