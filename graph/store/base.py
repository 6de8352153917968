"""The one interface every store backend implements.

A store holds one named graph per article and a *deduplicated* default graph:
the set union of the article graphs, each distinct triple once, less the NIF
provenance. Queries without ``GRAPH`` run against that union, so a fact
asserted in 3,000 article graphs matches once (Oxigraph's and Virtuoso's
union-default-graph modes count it 3,000 times and make joins explode; see
README, "The store").

NIF strings (an article's text as ``nif:Context``, its sentences and mention
phrases) are provenance of one article: nothing asks about them across
articles, and they were 70% of what the union held. They stay in their
article graph only; queries that want them use ``GRAPH ?article``.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Literal

from rdflib.term import Identifier, Node, URIRef
from rdflib.term import Literal as RdfLiteral

from .scan import group_openings

_UNSAFE_IRI = re.compile(r'[<>"{}|^`\\\s]')

#: NIF strings are named ``<article>#char=begin,end`` (RFC 5147 offsets; graph/model/iris.py):
#: a triple about one of them is provenance, kept in its article graph and out of the union.
NIF_MARK = "#char="
#: The same rule as a SPARQL filter on a triple pattern ``?s ?p ?o``.
IN_UNION_FILTER = f'FILTER (!isIRI(?s) || !CONTAINS(STR(?s), "{NIF_MARK}"))'


def in_union(subject: str) -> bool:
    """Whether triples with this subject (an IRI's text, or a blank node's) belong in the union."""
    return NIF_MARK not in subject


def union_ntriples(ntriples: str) -> str:
    """The lines of an N-Triples text that belong in the union (those not about a NIF string)."""
    # The subject is the line's first token (no N-Triples subject holds a space); 2.5x a regex.
    return "".join(line for line in ntriples.splitlines(keepends=True) if NIF_MARK not in line.partition(" ")[0])


Triple = tuple[Node, Node, Node]
QueryKind = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]


@dataclass
class QueryResult:
    """A SPARQL result as rdflib terms.

    ``rows`` for SELECT (one tuple per solution, ``None`` for unbound),
    ``boolean`` for ASK, ``triples`` for CONSTRUCT/DESCRIBE.
    """

    kind: QueryKind
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Identifier | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Triple] = field(default_factory=list)
    truncated: bool = False
    #: which limit cut the answer: ``"max-rows"`` or ``"max-bytes-out"`` (None: complete)
    truncated_by: str | None = None

    def dicts(self) -> list[dict[str, Identifier | None]]:
        return [dict(zip(self.variables, row)) for row in self.rows]


@dataclass
class SerializedAnswer:
    """A query answer written by the engine's own serialiser, complete and within the limits asked.

    ``fmt`` is a result format name of :mod:`graph.results` (``json``, ``xml``, ``csv``, ``tsv``).
    """

    kind: QueryKind
    fmt: str
    body: bytes


@dataclass
class WriteStats:
    """What a write did: articles new, replaced and unchanged, quads added and removed."""

    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    quads_added: int = 0
    quads_removed: int = 0


class Store(ABC):
    """An RDF dataset of article graphs plus their deduplicated union.

    Callers ask a store what it can do, never which backend it is:
    :attr:`read_only`, :meth:`worker_location` (can another process reopen it),
    and the formats of :mod:`graph.store.formats` for export and import.
    Backends are found by name in ``graph.store.stores``.
    """

    #: Opened to read only: every write raises StoreError.
    read_only: bool = False

    @classmethod
    @abstractmethod
    def open(cls, location: str | None, *, read_only: bool = False, fresh: bool = False) -> Store:
        """Open the store ``location`` names (what it is depends on the backend; None: a new one in memory).

        ``read_only`` refuses writes; ``fresh`` asks a read-only reader for every committed write,
        for backends where readers may otherwise see an older published state.
        """

    @abstractmethod
    def graph_hash(self, graph_iri: str) -> str | None:
        """The ``warta:contentHash`` recorded in an article graph, or None if absent."""

    @abstractmethod
    def write_graphs(self, graphs: Sequence[tuple[str, Iterable[Triple]]]) -> WriteStats:
        """Replace each named graph with the given triples, in one transaction.

        Keeps the default graph the set union of all named graphs.
        """

    def write_ntriples(self, graphs: Sequence[tuple[str, str]]) -> WriteStats:
        """Like :meth:`write_graphs`, with each graph given as N-Triples text (cheap to pass between processes)."""
        from rdflib import Graph

        return self.write_graphs([(iri, Graph().parse(data=text, format="nt")) for iri, text in graphs])

    @abstractmethod
    def remove_graphs(self, graph_iris: Sequence[str]) -> int:
        """Drop named graphs (and union triples no other graph holds); returns quads removed."""

    @abstractmethod
    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Identifier] | None = None,
        default_graph_uris: Sequence[str] | None = None,
        named_graph_uris: Sequence[str] | None = None,
        max_rows: int | None = None,
        max_bytes: int | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run a SPARQL query; ``bindings`` substitute variables safely (never by string pasting).

        ``base_iri`` resolves relative IRIs in the query (the server passes its endpoint URL).

        ``max_rows`` and ``max_bytes`` (about the size of the terms) cut the
        answer while it is collected, so a huge one never sits in memory; the
        result says which limit cut it.
        """

    def query_serialized(
        self,
        sparql: str,
        fmt_for: Callable[[str], str],
        *,
        bindings: Mapping[str, Identifier] | None = None,
        default_graph_uris: Sequence[str] | None = None,
        named_graph_uris: Sequence[str] | None = None,
        max_rows: int | None = None,
        max_bytes: int | None = None,
        base_iri: str | None = None,
    ) -> SerializedAnswer | QueryResult:
        """Run a query and answer with bytes where the engine writes the format itself.

        ``fmt_for(kind)`` names the format wanted for an answer of that kind
        (``SELECT``, ``ASK``, ...), known only once the query runs. A store whose
        engine has its own result writers returns a :class:`SerializedAnswer`
        when the answer is complete within ``max_rows`` and ``max_bytes``;
        otherwise, and by default, :meth:`query`'s result, for the caller to
        serialise and cut. Both give the same answer: this only skips building
        rdflib terms nobody needs.
        """
        return self.query(
            sparql,
            bindings=bindings,
            default_graph_uris=default_graph_uris,
            named_graph_uris=named_graph_uris,
            max_rows=max_rows,
            max_bytes=max_bytes,
            base_iri=base_iri,
        )

    @abstractmethod
    def update(self, sparql: str, base_iri: str | None = None) -> None:
        """Run a SPARQL update (the caller decides whether updates are allowed); ``base_iri`` as in :meth:`query`."""

    @abstractmethod
    def named_graphs(self) -> Iterator[str]:
        """The IRIs of the article graphs."""

    @abstractmethod
    def quad_count(self) -> int:
        """Quads in the named graphs (the union default graph is derived, not counted)."""

    @abstractmethod
    def export(self, out: IO[bytes], fmt: str) -> int:
        """Stream the named graphs (or, for triple formats, the union) to ``out``; returns statements written.

        ``fmt`` names an exporter in :data:`graph.store.formats.exporters`.
        """

    @abstractmethod
    def import_(self, src: IO[bytes], fmt: str) -> int:
        """Load an export in a format that keeps named graphs back, rebuilding the union; returns quads read."""

    @abstractmethod
    def triples(self, graph_iri: str | None = None) -> Iterator[Triple]:
        """Triples of one named graph, or of the union when ``graph_iri`` is None."""

    def worker_location(self) -> str | None:
        """Where a query worker in another process opens this same store (``open_store`` takes it), or
        None to run queries in this process: the store lives only here, or answers from elsewhere."""
        return None

    def existing_subjects(self, iris: Sequence[str]) -> set[str]:
        """Which of ``iris`` the store already names (to tell new entities from merged ones)."""
        if not iris:
            return set()
        return {str(row[0]) for row in self.query(existing_subjects_query(iris)).rows}

    def rebuild_statistics(self) -> None:
        """Recompute the statistics graph (graph/store/statistics.py) from every article graph.

        Writes keep it up to date batch by batch; this is for changes no batch describes
        (a SPARQL Update through the server) and for stores written before it existed.
        """
        raise NotImplementedError

    def publish(self, force: bool = False) -> None:
        """Make committed writes visible to readers in other processes (rate-limited unless ``force``)."""

    def refresh(self) -> bool:
        """Pick up writes made by another process, if the backend needs to; True if it changed."""
        return False

    def close(self) -> None:
        """Release files and connections."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_PROLOGUE = re.compile(r"\s*(?:(?:#[^\n]*\n)|(?:BASE\s*<[^>]*>)|(?:PREFIX\s+[^\s:]*:\s*<[^>]*>)|\s+)*", re.IGNORECASE)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_KINDS: dict[str, QueryKind] = {"SELECT": "SELECT", "ASK": "ASK", "CONSTRUCT": "CONSTRUCT", "DESCRIBE": "DESCRIBE"}


def prologue_end(sparql: str) -> int:
    """The offset just after the query's BASE and PREFIX declarations (and comments)."""
    prologue = _PROLOGUE.match(sparql)  # every part is optional: it matches, if only the empty string
    return prologue.end() if prologue else 0


def query_kind(sparql: str) -> QueryKind:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the form after the prologue."""
    from ..errors import Errors, QueryError

    match = _FORM.match(sparql, prologue_end(sparql))
    if not match:
        raise QueryError(Errors.E030.format(error="expected SELECT, ASK, CONSTRUCT or DESCRIBE after the prologue"))
    return _KINDS[match.group(1).upper()]


_WHERE = re.compile(r"WHERE\b", re.IGNORECASE)
_CONSTRUCT_SHORT = re.compile(r"CONSTRUCT\s+WHERE\s*$", re.IGNORECASE)
_CONSTRUCT_TEMPLATE = re.compile(r"CONSTRUCT\s*\{", re.IGNORECASE)


def _where_opening(sparql: str) -> int | None:
    """The offset just inside the query's WHERE group, or None if it cannot be found safely."""
    openings = group_openings(sparql)
    if not openings:
        return None
    first = openings[0]
    head = sparql[:first]
    if _CONSTRUCT_SHORT.search(head):
        return None  # CONSTRUCT WHERE { triples } allows nothing but triples inside
    if _CONSTRUCT_TEMPLATE.search(head + "{") and not _WHERE.search(head):
        # CONSTRUCT { template } WHERE { pattern }: the pattern is the second group.
        return openings[1] + 1 if len(openings) > 1 else None
    return first + 1


def with_bindings(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """Bind variables with a ``VALUES`` block built from escaped RDF terms.

    The block goes first inside the WHERE group, so it is joined before any
    grouping: a parameter filters an aggregate query even when it is not a
    group key, and the engine can start its joins from the bound value. When
    that place cannot be found, it becomes a trailing VALUES clause (joined
    after grouping, SPARQL 1.1 18.2.4.3). The user's values are serialised as
    terms (quotes and angle brackets escaped), never pasted into the query text.
    """
    from ..errors import Errors, QueryError

    for name, term in bindings.items():
        if not name.isidentifier():
            raise QueryError(Errors.E044.format(name=name, problem="not a SPARQL variable name"))
        if isinstance(term, URIRef) and _UNSAFE_IRI.search(str(term)):
            raise QueryError(Errors.E044.format(name=name, problem=f"{str(term)!r} is not a valid IRI"))
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(term.n3() for term in bindings.values())
    block = f"VALUES ({names}) {{ ({values}) }}"
    inside = _where_opening(sparql)
    if inside is None:
        return f"{sparql}\n{block}\n"
    return f"{sparql[:inside]} {block}\n{sparql[inside:]}"


def with_base(sparql: str, base_iri: str | None) -> str:
    """``sparql`` with a leading ``BASE`` (on the same line: error positions keep their line)."""
    if not base_iri:
        return sparql
    if _UNSAFE_IRI.search(base_iri):
        raise ValueError(f"invalid base IRI {base_iri!r}")
    return f"BASE <{base_iri}> {sparql}"


def existing_subjects_query(iris: Sequence[str]) -> str:
    """A query listing which of ``iris`` already have a name in the union graph."""
    values = " ".join(f"<{iri}>" for iri in iris)
    return f"SELECT DISTINCT ?s WHERE {{ VALUES ?s {{ {values} }} ?s <https://schema.org/name> ?n }}"


# Per-term overhead of the wordiest result format (SPARQL JSON: type, value, datatype keys).
_TERM_OVERHEAD = 48


def term_bytes(term: Identifier | None) -> int:
    """About what a term costs in a serialised answer (its UTF-8 text plus format overhead)."""
    if term is None:
        return 8
    size = len(str(term).encode("utf-8", "surrogatepass")) + _TERM_OVERHEAD
    if isinstance(term, RdfLiteral):
        size += len(term.datatype or "") + len(term.language or "")
    return size


def capped(items: Iterable[tuple], max_rows: int | None, max_bytes: int | None) -> tuple[list[tuple], str | None]:
    """The first items (rows or triples) within both limits, and the limit that cut them, if any.

    Stops reading ``items`` at the limit: the rest is never materialised.
    """
    kept: list[tuple] = []
    used = 0
    for item in items:
        if max_rows is not None and len(kept) >= max_rows:
            return kept, "max-rows"
        if max_bytes is not None:
            used += sum(term_bytes(term) for term in item)
            if used > max_bytes:
                return kept, "max-bytes-out"
        kept.append(item)
    return kept, None
