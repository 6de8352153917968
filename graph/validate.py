"""Checking article graphs against the contract's SHACL shapes (``ontology/shapes.ttl``).

Each article graph must conform on its own: entity IRIs are shared between
articles, so only the per-article graphs, not their union, promise "exactly
one ``schema:name``". The shapes are parsed once per process, and pyshacl
runs without inference, which keeps a check in the milliseconds per article.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import IdentifiedNode, Node

from .errors import Errors, WartaError
from .resources import resource_path
from .store.base import Store

SHAPES_FILE = "shapes.ttl"


@dataclass
class ValidationResult:
    """One way a graph breaks the contract.

    Args:
        graph: the article graph's IRI (empty for an unnamed graph).
        focus: the node that breaks a constraint.
        path: the property (or path) constrained, or None for a node constraint.
        message: what is wrong, in words.
        value: the offending value, when there is one.
        severity: ``Violation`` or ``Warning`` (warnings do not break conformance).
    """

    graph: str
    focus: str
    path: str | None
    message: str
    value: str | None = None
    severity: str = "Violation"

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        value = f" (value: {_short(self.value)})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass
class ValidationReport:
    """What a check found: ``conforms`` is False when any result is a violation."""

    graphs_checked: int = 0
    results: list[ValidationResult] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity != "Violation"]

    def extend(self, other: ValidationReport) -> None:
        self.graphs_checked += other.graphs_checked
        self.results.extend(other.results)

    def text(self, max_results: int | None = 50, warnings: bool = False) -> str:
        """A readable report, results grouped by article graph.

        Args:
            max_results: list at most this many results (None for all).
            warnings: list warnings too, not only violations.
        """
        lines = [
            f"conforms: {self.graphs_checked} article graphs checked"
            if self.conforms
            else f"does not conform: {len(self.violations)} violations in "
            f"{len({r.graph for r in self.violations})} of {self.graphs_checked} article graphs checked"
        ]
        if self.warnings:
            lines.append(f"{len(self.warnings)} warnings" + ("" if warnings else " (not listed)"))
        listed = self.results if warnings else self.violations
        shown = listed if max_results is None else listed[:max_results]
        current = None
        for result in shown:
            if result.graph != current:
                current = result.graph
                lines.append(f"{current or '(unnamed graph)'}:")
            lines.append(f"  {result}")
        if len(shown) < len(listed):
            lines.append(f"... and {len(listed) - len(shown)} more")
        return "\n".join(lines)


def ontology_dir() -> Path:
    """The shipped ``ontology/`` folder (see :mod:`graph.resources`)."""
    return resource_path("ontology")


@functools.lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The contract's shapes, parsed once per process."""
    path = ontology_dir() / SHAPES_FILE
    if not path.is_file():
        raise WartaError(Errors.E029.format(path=path))
    return Graph().parse(path, format="turtle")


def validate_graph(data: Graph, graph_iri: str | None = None) -> ValidationReport:
    """Check one article graph against the shapes.

    The check is on the RDF as it would be stored: typed literals are read
    back from their lexical forms first, so ``Literal(0.5, datatype=XSD.decimal)``
    (a float in Python, "0.5" in RDF) is judged by its text like everywhere else.

    Args:
        data: the graph (as the model stage builds it, or as read back from a store).
        graph_iri: the name to report it under; defaults to the graph's identifier.

    Returns:
        A report of one graph checked.
    """
    if graph_iri is None:
        graph_iri = str(data.identifier) if isinstance(data.identifier, URIRef) else ""
    return _check(_as_stored(data, data.identifier), graph_iri)


def validate_store(store: Store, limit: int | None = None) -> ValidationReport:
    """Check every article graph in a store, each on its own.

    Args:
        store: any store backend.
        limit: check at most this many graphs (in the store's order).
    """
    report = ValidationReport()
    for i, iri in enumerate(store.named_graphs()):
        if limit is not None and i >= limit:
            break
        data = _as_stored(_graph_triples(store, iri), URIRef(iri))
        report.extend(_check(data, iri))
    return report


def _graph_triples(store: Store, iri: str) -> Iterable[tuple[Node, Node, Node]]:
    try:
        return list(store.triples(iri))
    except NotImplementedError:
        # Backends without direct graph access still answer SPARQL.
        return store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}").triples


class _CachedQueryGraph(Graph):
    """A graph that parses each SPARQL text once per process.

    pyshacl re-sends a SPARQL-based constraint's text for every focus node, and
    rdflib's parser takes ~60 ms a query: without this, the NIF anchor check on
    a 40-phrase article costs two seconds.
    """

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@functools.lru_cache(maxsize=64)
def _prepared(text: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


def _as_stored(triples: Iterable[tuple[Node, Node, Node]], identifier: IdentifiedNode) -> Graph:
    copy = _CachedQueryGraph(identifier=identifier)
    for s, p, o in triples:
        if isinstance(o, Literal) and o.datatype is not None:
            o = Literal(str(o), datatype=o.datatype)
        copy.add((s, p, o))
    return copy


def _check(data: Graph, graph_iri: str) -> ValidationReport:
    from pyshacl import validate  # imported here: it is slow to import and only this needs it

    _, results_graph, _ = validate(
        data,
        shacl_graph=shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
        advanced=False,
        do_owl_imports=False,
    )
    return ValidationReport(graphs_checked=1, results=list(_results(results_graph, graph_iri)))


def _results(results_graph: Graph, graph_iri: str) -> Iterable[ValidationResult]:
    rows = []
    for node in results_graph.subjects(RDF.type, SH.ValidationResult):
        path = results_graph.value(node, SH.resultPath)
        value = results_graph.value(node, SH.value)
        severity = results_graph.value(node, SH.resultSeverity)
        rows.append(
            ValidationResult(
                graph=graph_iri,
                focus=str(results_graph.value(node, SH.focusNode)),
                path=_path_text(results_graph, path),
                message=str(results_graph.value(node, SH.resultMessage) or "constraint not met"),
                value=None if value is None else str(value),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            )
        )
    # Stable order, so reports and tests do not depend on set iteration.
    return sorted(rows, key=lambda r: (r.focus, r.path or "", r.message, r.value or ""))


def _path_text(results_graph: Graph, path: Node | None) -> str | None:
    if path is None:
        return None
    if isinstance(path, URIRef):
        return _qname(path)
    inverse = results_graph.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{_qname(inverse)}"
    return str(path)


@functools.lru_cache(maxsize=256)
def _qname(iri: URIRef) -> str:
    from .model.namespaces import PREFIXES

    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def _short(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
