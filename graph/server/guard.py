"""Policy on parsed SPARQL: no ``SERVICE`` (a federated call) and no ``LOAD`` unless allowed.

pyoxigraph fetches any URL a query names in ``SERVICE`` (and an update in
``LOAD``), so a public endpoint would become an open proxy and a port scanner.
The decision is made on the parse tree of rdflib's SPARQL 1.1 grammar, built
from the exact text the engine will run (parameters already bound), never on
text patterns: a keyword glued to a ``.``, an escaped ``\\#`` in a prefixed
name or a comment closed by appended text are all read as the grammar reads
them. A query the parser cannot read is refused, not passed on unchecked.

Parsing costs about 10 ms for a typical query and grows faster than linearly
on some inputs, so it runs where the query runs (a killable worker under the
query timeout, or a thread), never on the event loop. It is the first wall;
the second is that query workers have no network at all
(:mod:`graph.server.isolation`).
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import Errors, QueryError

#: Parse-tree node names that make the engine open a network connection.
_FETCHING = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}


def _parse(sparql: str, *, update: bool):
    # Imported on first use: the grammar takes ~0.3 s to build.
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        return parseUpdate(sparql) if update else parseQuery(sparql)
    except RecursionError:
        raise QueryError(Errors.E030.format(error="the query is nested too deeply to be checked")) from None
    except Exception as error:  # pyparsing's ParseException and rdflib's own errors
        raise QueryError(Errors.E030.format(error=_first_line(error))) from None


def _first_line(error: Exception) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0]


def _walk(tree) -> set[str]:
    """Names of fetching operations anywhere in the tree (iterative: trees can be deep)."""
    from pyparsing import ParseResults

    found: set[str] = set()
    seen: set[int] = set()  # named results alias list items: visit each node once
    stack = [tree]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        name = getattr(node, "name", None)
        if isinstance(name, str) and name in _FETCHING:
            found.add(_FETCHING[name])
        if isinstance(node, dict):  # rdflib's CompValue
            stack.extend(node.values())
        elif isinstance(node, ParseResults):  # its list items and its named results
            stack.extend(list(node))
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
    return found


@lru_cache(maxsize=512)
def fetching_operations(sparql: str, *, update: bool = False) -> frozenset[str]:
    """``{"SERVICE", "LOAD"}``-subset of what the query or update would fetch.

    Raises :class:`QueryError` when the text is not SPARQL 1.1 the parser reads.
    Cached: pages and benchmarks send the same text again and again.
    """
    return frozenset(_walk(_parse(sparql, update=update)))


def check_query(sparql: str, *, allow_service: bool) -> None:
    """Refuse a query that calls another endpoint, unless the server allows it."""
    if allow_service:
        return
    if "SERVICE" in fetching_operations(sparql):
        raise QueryError(Errors.E032)


def check_update(sparql: str, *, allow_service: bool) -> None:
    """Refuse ``LOAD`` always (the server never fetches documents) and ``SERVICE`` unless allowed."""
    fetched = fetching_operations(sparql, update=True)
    if "LOAD" in fetched:
        raise QueryError(Errors.E043)
    if "SERVICE" in fetched and not allow_service:
        raise QueryError(Errors.E032)
