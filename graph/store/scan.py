"""One linear scan of a SPARQL text's top level: where its groups open, its operations end, its WHEREs are.

Comments, strings (all four quote forms), IRIs and words are skipped whole, so a
brace or keyword inside them never counts. Used to place a VALUES block
(:func:`graph.store.base.with_bindings`) and USING clauses
(:mod:`graph.server.using`); what the query *is* always comes from a parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

_IRI_REF = re.compile(r'<[^<>"{}|^`\\\s]*>')
_WORD = re.compile(r"[A-Za-z0-9_\-.:]+")

TopLevel = Literal["{", ";", "WHERE"]


def top_level(sparql: str) -> Iterator[tuple[int, TopLevel]]:
    """(offset, what) for each ``{`` opening a top-level group, each top-level ``;`` and ``WHERE``."""
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
        elif c == "{":
            if depth == 0:
                yield i, "{"
            depth += 1
            i += 1
        elif c == "}":
            depth -= 1
            i += 1
        elif c == ";" and depth == 0:
            yield i, ";"
            i += 1
        elif c in "?$@" or c.isalnum() or c == "_":
            match = _WORD.match(sparql, i + (c in "?$@"))
            end = match.end() if match else i + 1
            if depth == 0 and c not in "?$@" and sparql[i:end].upper() == "WHERE":
                yield i, "WHERE"
            i = end
        else:
            i += 1


def group_openings(sparql: str) -> list[int]:
    """Offsets of the ``{`` that open top-level groups."""
    return [offset for offset, what in top_level(sparql) if what == "{"]
