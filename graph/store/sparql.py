"""A remote store: any SPARQL 1.1 server with Update and the Graph Store Protocol.

For corpora beyond one machine (docs/scaling.md): Virtuoso, Fuseki, GraphDB.
The layout on the server mirrors the embedded store:

* one named graph per article, written whole with a Graph Store Protocol
  ``PUT`` (N-Triples; the server's loader path, never one INSERT per triple);
* ``urn:warta:union``: the *deduplicated* union of the article graphs, each
  distinct triple once (less NIF provenance, as in graph/store/base.py), sent as the default graph (``default-graph-uri``) of
  every query, so queries without ``GRAPH`` see each fact once (Virtuoso's own
  default graph counts a fact once per graph and makes joins explode);
* ``urn:warta:graphs``: a catalog naming the article graphs, so listing,
  counting and exporting never mistake the server's own system graphs for
  articles;
* the statistics graph (graph/store/statistics.py), changed after each
  batch's article graphs by ``DELETE DATA``/``INSERT DATA`` on the values the
  batch changes. A pending mark is written before the batch and removed with
  the last statistics request; a batch that finds it (a writer stopped
  midway) rebuilds the statistics from the article graphs first.

Not transactional: a batch is several requests. They run in an order that a
re-ingest repairs (union removals, union additions, then the article graphs;
an article whose graph did not land has no content hash and is redone), and
:meth:`SparqlStore.rebuild_union` recomputes the union from scratch.

Virtuoso answers a query that ran past ``MaxQueryExecutionTime`` with partial
results and HTTP 200, flagged only by ``X-SQL-State: S1TAT``; that raises
:class:`~graph.errors.QueryTimeout` here. A result cut at ``ResultSetMaxRows``
(header ``X-SPARQL-MaxRows``) is marked ``truncated``; reads Warta needs in
full (export, listing) page below the limit and split when it is hit.

Configuration (``sparql+http://host:port/path?option=value`` or a TOML file
given as ``--store FILE.toml``; see docs/scaling.md)::

    [sparql]
    query = "http://127.0.0.1:8890/sparql-auth"   # required
    update = "..."        # default: the query URL
    gsp = "..."           # default: Virtuoso's /sparql-graph-crud(-auth) beside /sparql(-auth), else none
    user = "dba"          # or $WARTA_SPARQL_USER
    password = "..."      # or $WARTA_SPARQL_PASSWORD (preferred)
    auth = "digest"       # or "basic"
    timeout = 60          # seconds per query, passed to the server
    union_graph = "urn:warta:union"
    catalog_graph = "urn:warta:graphs"

Without a GSP endpoint, graphs are written with ``INSERT DATA`` in chunks of
``update_chunk`` triples (Virtuoso refuses much more than 1,000 per request).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from typing import IO, Any
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

import httpx
import pyoxigraph as ox
from rdflib.term import Identifier

from ..errors import Errors, QueryError, QueryTimeout, StoreError
from . import statistics as st
from .base import (
    IN_UNION_FILTER,
    QueryResult,
    Store,
    Triple,
    WriteStats,
    query_kind,
    union_ntriples,
    with_base,
    with_bindings,
)
from .base import capped as cap
from .formats import exporter, graph_exporter, serialize_counted
from .terms import from_ox, to_ox_triple

WARTA_CONTENT_HASH = "https://w3id.org/warta/ontology#contentHash"
ARTICLE_GRAPH = "https://w3id.org/warta/ontology#ArticleGraph"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"


@dataclass
class SparqlConfig:
    """Where the server is and how to talk to it (see the module docstring)."""

    query: str
    update: str = ""  # empty: the query endpoint takes updates too
    gsp: str | None = None
    user: str | None = None
    password: str | None = None
    auth: str = "digest"
    timeout: float | None = None
    union_graph: str = "urn:warta:union"
    catalog_graph: str = "urn:warta:graphs"
    page_rows: int = 5_000  # rows per page for reads Warta needs whole; below Virtuoso's default 10,000
    graphs_per_request: int = 20  # article graphs fetched per export request
    post_triples: int = 50_000  # triples per GSP POST to the union
    update_chunk: int = 1_000  # triples per INSERT DATA when there is no GSP endpoint
    parallel: int = 4  # article graphs written at once

    def __post_init__(self) -> None:
        self.update = _resolve(self.query, self.update) if self.update else self.query
        if self.gsp:
            self.gsp = _resolve(self.query, self.gsp)
        elif self.gsp is None:
            self.gsp = _virtuoso_gsp(self.query)
        self.user = self.user or os.environ.get("WARTA_SPARQL_USER")
        self.password = self.password or os.environ.get("WARTA_SPARQL_PASSWORD")
        if self.auth not in ("digest", "basic"):
            raise StoreError(Errors.E054.format(source=self.query, error=f"auth must be digest or basic, not {self.auth!r}"))

    @classmethod
    def from_url(cls, spec: str) -> SparqlConfig:
        """``sparql+http://[user:pass@]host:port/path?update=...&gsp=...&timeout=...``."""
        parts = urlsplit(spec)
        scheme = parts.scheme.removeprefix("sparql+")
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        options: dict[str, Any] = dict(parse_qsl(parts.query))
        if parts.username:
            options.setdefault("user", parts.username)
            options.setdefault("password", parts.password)
        return cls._build(urlunsplit((scheme, netloc, parts.path, "", "")), options, spec)

    @classmethod
    def from_file(cls, path: str) -> SparqlConfig:
        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise StoreError(Errors.E054.format(source=path, error=error)) from error
        options = dict(data.get("sparql", data))
        query = options.pop("query", None) or options.pop("url", None)
        if not query:
            raise StoreError(Errors.E054.format(source=path, error="no 'query' URL under [sparql]"))
        if "password_env" in options:
            options["password"] = os.environ.get(options.pop("password_env"))
        return cls._build(str(query).removeprefix("sparql+"), options, path)

    @classmethod
    def _build(cls, query: str, options: dict[str, Any], source: str) -> SparqlConfig:
        known = {f.name: f.type for f in fields(cls)}
        unknown = set(options) - set(known)
        if unknown:
            raise StoreError(Errors.E054.format(source=source, error=f"unknown option(s) {', '.join(sorted(unknown))}"))
        try:
            for name in ("timeout",):
                if options.get(name) is not None:
                    options[name] = float(options[name])
            for name in ("page_rows", "graphs_per_request", "post_triples", "update_chunk", "parallel"):
                if name in options:
                    options[name] = int(options[name])
        except ValueError as error:
            raise StoreError(Errors.E054.format(source=source, error=error)) from error
        if options.get("gsp") in ("", "none"):
            options["gsp"] = ""  # explicitly none: write with INSERT DATA
        return cls(query=query, **options)


def _resolve(base: str, url: str) -> str:
    return urljoin(base, url)


def _virtuoso_gsp(query: str) -> str | None:
    """Virtuoso serves the Graph Store Protocol beside its SPARQL endpoint."""
    parts = urlsplit(query)
    if parts.path in ("/sparql", "/sparql/"):
        return urlunsplit((parts.scheme, parts.netloc, "/sparql-graph-crud", "", ""))
    if parts.path in ("/sparql-auth", "/sparql-auth/"):
        return urlunsplit((parts.scheme, parts.netloc, "/sparql-graph-crud-auth", "", ""))
    return None


class SparqlStore(Store):
    """A store on a SPARQL 1.1 server (Query, Update, Graph Store Protocol).

    Args:
        config: endpoints, credentials and limits.
        read_only: refuse writes (``warta query``/``serve``/``export`` open stores so).
    """

    def __init__(self, config: SparqlConfig, *, read_only: bool = False):
        self.config = config
        self.read_only = read_only
        self.url = config.query
        auth: httpx.Auth | None = None
        if config.user:
            auth = (httpx.DigestAuth if config.auth == "digest" else httpx.BasicAuth)(config.user, config.password or "")
        read = None if config.timeout is None else config.timeout + 30  # the server stops first and says so
        self._http = httpx.Client(auth=auth, timeout=httpx.Timeout(30.0, read=read), follow_redirects=True)
        self._virtuoso: bool | None = None
        self._pool: ThreadPoolExecutor | None = None

    @classmethod
    def open(cls, location: str | None, *, read_only: bool = False, fresh: bool = False) -> SparqlStore:
        """``sparql+http(s)://...`` or a ``.toml`` configuration file; every read is fresh."""
        if location is None:
            raise ValueError("a remote store has no in-memory form: give its URL or configuration file")
        if location.endswith(".toml"):
            return cls.from_config(location, read_only=read_only)
        return cls.from_url(location, read_only=read_only)

    @classmethod
    def from_url(cls, spec: str, *, read_only: bool = False) -> SparqlStore:
        return cls(SparqlConfig.from_url(spec), read_only=read_only)

    @classmethod
    def from_config(cls, path: str, *, read_only: bool = False) -> SparqlStore:
        return cls(SparqlConfig.from_file(path), read_only=read_only)

    # --- HTTP ------------------------------------------------------------
    def _request(self, method: str, url: str, **kwargs) -> httpx.Response:
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.TimeoutException as error:
            raise QueryTimeout(Errors.E031.format(seconds=self.config.timeout)) from error
        except httpx.HTTPError as error:
            raise StoreError(Errors.E051.format(url=url, error=error)) from error
        if self._virtuoso is None:
            self._virtuoso = "virtuoso" in response.headers.get("server", "").lower()
        if response.status_code >= 400:
            message = " ".join(response.text.split())[:500]
            if "estimated execution time" in message:  # Virtuoso refuses before running: the same remedy as a timeout
                raise QueryTimeout(Errors.E052.format(url=url, message=message))
            if response.status_code == 400 or "syntax" in message.lower() or "SP030" in message:
                raise QueryError(Errors.E050.format(url=url, status=response.status_code, message=message))
            raise StoreError(Errors.E050.format(url=url, status=response.status_code, message=message))
        if response.headers.get("x-sql-state") == "S1TAT":
            raise QueryTimeout(Errors.E052.format(url=url, message=response.headers.get("x-sql-message", "S1TAT")))
        return response

    def _post_query(
        self, sparql: str, accept: str, default_graphs: Sequence[str] | None, named_graphs: Sequence[str] | None
    ) -> httpx.Response:
        data: dict[str, str | list[str]] = {"query": sparql}
        if default_graphs is None and named_graphs is None:
            default_graphs, named_graphs = self._dataset(sparql)
        if default_graphs:
            data["default-graph-uri"] = list(default_graphs)
        if named_graphs:
            data["named-graph-uri"] = list(named_graphs)
        if self.config.timeout and self._virtuoso is not False:
            data["timeout"] = str(int(self.config.timeout * 1000))  # Virtuoso: milliseconds
        return self._request("POST", self.url, data=data, headers={"Accept": accept})

    def _dataset(self, sparql: str) -> tuple[list[str], list[str]]:
        """The protocol dataset for a query: the union as default graph, named graphs kept reachable.

        With ``default-graph-uri`` alone, Virtuoso still lets ``GRAPH ?g`` range
        over every graph but answers ``GRAPH <iri>`` with nothing unless the IRI
        is also a ``named-graph-uri``; so constant graphs are passed as named
        graphs (when no ``GRAPH ?var`` needs all of them).
        """
        masked = _SKIP.sub(lambda m: " " * len(m.group(0)), sparql)
        constants, variable = [], False
        for match in re.finditer(r"\bGRAPH\b", masked, re.IGNORECASE):
            rest = sparql[match.end() :].lstrip()
            if rest.startswith("<"):
                constants.append(rest[1 : rest.index(">")])
            elif rest[:1] in "?$":
                variable = True
        return [self.config.union_graph], [] if variable else constants

    def _select(self, sparql: str, *, whole: bool = True) -> tuple[list[str], list[dict]]:
        """Variables and JSON bindings of an internal SELECT (explicit GRAPH patterns only); ``whole`` forbids truncation."""
        response = self._post_query(sparql, _RESULTS_JSON, [], [])
        if whole and "x-sparql-maxrows" in response.headers:
            raise StoreError(Errors.E053.format(url=self.url, limit=response.headers["x-sparql-maxrows"]))
        body = response.json()
        return body["head"].get("vars", []), body.get("results", {}).get("bindings", [])

    def _update(self, sparql: str) -> None:
        self._check_writable()
        self._request("POST", self.config.update, data={"update": sparql})

    def _gsp(self, method: str, graph: str, ntriples: str) -> None:
        assert self.config.gsp
        self._request(
            method,
            self.config.gsp,
            params={"graph": graph},
            content=ntriples.encode("utf-8"),
            headers={"Content-Type": _NTRIPLES},
        )

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(Errors.E055.format(url=self.url))

    # --- writing -----------------------------------------------------------
    def graph_hash(self, graph_iri: str) -> str | None:
        _, rows = self._select(f"SELECT ?h WHERE {{ GRAPH <{graph_iri}> {{ <{graph_iri}> <{WARTA_CONTENT_HASH}> ?h }} }} LIMIT 1")
        return rows[0]["h"]["value"] if rows else None

    def _graph_sizes(self, graph_iris: Iterable[str]) -> dict[str, int]:
        """Quads in each of the given article graphs that exist."""
        sizes: dict[str, int] = {}
        iris = list(graph_iris)
        for start in range(0, len(iris), 200):
            values = " ".join(f"<{g}>" for g in iris[start : start + 200])
            _, rows = self._select(
                f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
            )
            sizes.update({row["g"]["value"]: int(row["n"]["value"]) for row in rows})
        return sizes

    def write_graphs(self, graphs: Sequence[tuple[str, Iterable[Triple]]]) -> WriteStats:
        return self._write({iri: _ntriples(triples) for iri, triples in dict(graphs).items()})

    def write_ntriples(self, graphs: Sequence[tuple[str, str]]) -> WriteStats:
        # Already N-Triples: sent as they are (one line per triple), only deduplicated.
        latest = {}
        for iri, text in dict(graphs).items():
            lines = dict.fromkeys(line + "\n" for line in text.splitlines() if line.strip())
            latest[iri] = ("".join(lines), len(lines))
        return self._write(latest)

    def _write(self, latest: dict[str, tuple[str, int]]) -> WriteStats:
        self._check_writable()
        st.refuse_statistics_graph(latest)
        stats = WriteStats()
        if not latest:
            return stats
        old = self._graph_sizes(latest)
        changes = self._begin_statistics()
        for facts in self._stored_facts(list(old)).values():
            changes.remove(facts)
        for iri, (text, _count) in latest.items():
            changes.add(st.facts_from_ntriples(iri, text))
        for iri, (_text, count) in latest.items():
            if iri in old:
                stats.replaced += 1
                stats.quads_removed += old[iri]
            else:
                stats.new += 1
            stats.quads_added += count
        # Order matters when a request fails midway: see the module docstring.
        if old:
            self._remove_orphans(list(old))
        self._add_to_union(text for text, _ in latest.values())
        self._add_to_catalog([iri for iri in latest if iri not in old])
        self._parallel(self._put_graph, [(iri, text) for iri, (text, _) in latest.items()])
        self._finish_statistics(changes)
        return stats

    # --- statistics (graph/store/statistics.py) ---------------------------------
    def _begin_statistics(self) -> st.Changes:
        """Mark the statistics pending for a batch, rebuilding them first if an earlier batch stopped midway."""
        if self._pending_statistics() or not self._has_statistics_version():
            self.rebuild_statistics()
        self._statistics_data("INSERT", [st.pending_quad()])
        return st.Changes()

    def _finish_statistics(self, changes: st.Changes) -> None:
        """Compute the batch's statistics against the stored values (before the pending mark goes)."""
        remove, add = changes.quads(self._statistics_values(changes.nodes()), st.recompute_days_with(self._union_rows))
        self._statistics_data("DELETE", remove)
        self._statistics_data("INSERT", add)
        self._statistics_data("DELETE", [st.pending_quad()])

    def _pending_statistics(self) -> bool:
        return self._ask_statistics(st.PENDING)

    def _has_statistics_version(self) -> bool:
        return self._ask_statistics(st.STATISTICS_VERSION)

    def _ask_statistics(self, prop: str) -> bool:
        graph = st.STATISTICS_GRAPH
        _, rows = self._select(f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ <{graph}> <{prop}> ?o }} }} LIMIT 1")
        return bool(rows)

    def _statistics_values(self, nodes: Sequence[str]) -> dict[str, dict[str, st.Term]]:
        values: dict[str, dict[str, st.Term]] = {}
        graph = st.STATISTICS_GRAPH

        def query(chunk: Sequence[str]) -> str:
            listed = " ".join(f"<{n}>" for n in chunk)
            return f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ VALUES ?s {{ {listed} }} ?s ?p ?o }} }}"

        for row in self._select_split(query, nodes, 100):
            values.setdefault(row["s"]["value"], {})[row["p"]["value"]] = _canonical(json_term(row["o"]))
        return values

    def _select_split(self, query: Callable[[Sequence[str]], str], items: Sequence[str], size: int) -> Iterator[dict]:
        """JSON rows of ``query`` over ``items`` in chunks, halving a chunk whose answer the server cut."""
        pending = [items[i : i + size] for i in range(0, len(items), size)]
        while pending:
            chunk = pending.pop()
            response = self._post_query(query(chunk), _RESULTS_JSON, [], [])
            if "x-sparql-maxrows" in response.headers:
                if len(chunk) == 1:
                    raise StoreError(Errors.E053.format(url=self.url, limit=response.headers["x-sparql-maxrows"]))
                half = len(chunk) // 2
                pending += [chunk[:half], chunk[half:]]
                continue
            yield from response.json()["results"]["bindings"]

    def _union_rows(self, sparql: str) -> list[dict[str, str | None]]:
        result = self.query(sparql)
        return [{v: (None if t is None else str(t)) for v, t in zip(result.variables, row)} for row in result.rows]

    def _stored_facts(self, graphs: Sequence[str]) -> dict[str, st.ArticleFacts]:
        """The statistics facts of stored article graphs (only the triples they are made of)."""
        predicates = " ".join(f"<{p}>" for p in st.RELEVANT_PREDICATES)
        found: dict[str, list[ox.Triple]] = {g: [] for g in graphs}

        def query(chunk: Sequence[str]) -> str:
            listed = " ".join(f"<{g}>" for g in chunk)
            return f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {listed} }} VALUES ?p {{ {predicates} }} GRAPH ?g {{ ?s ?p ?o }} }}"

        for row in self._select_split(query, graphs, 20):
            found[row["g"]["value"]].append(ox.Triple(json_term(row["s"]), json_term(row["p"]), json_term(row["o"])))
        return {g: st.facts_from_triples(g, triples) for g, triples in found.items()}

    def _statistics_data(self, verb: str, quads: Sequence[ox.Quad]) -> None:
        step = self.config.update_chunk
        for start in range(0, len(quads), step):
            body = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads[start : start + step])
            self._update(f"{verb} DATA {{ GRAPH <{st.STATISTICS_GRAPH}> {{\n{body}}} }}")

    def rebuild_statistics(self) -> None:
        self._check_writable()
        self._update(f"DROP SILENT GRAPH <{st.STATISTICS_GRAPH}>")
        self._statistics_data("INSERT", [st.pending_quad()])
        changes = st.Changes()
        for page in self._catalog_pages():
            for facts in self._stored_facts(page).values():
                changes.add(facts)
        _, add = changes.quads({}, lambda *_: {})
        self._statistics_data("INSERT", [*add, st.version_quad()])
        self._statistics_data("DELETE", [st.pending_quad()])

    def _parallel(self, func, calls: list[tuple]) -> None:
        """Run independent requests a few at a time (servers load several graphs at once)."""
        if self.config.parallel <= 1 or len(calls) <= 1:
            for args in calls:
                func(*args)
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.config.parallel, thread_name_prefix="warta-sparql")
        for future in [self._pool.submit(func, *args) for args in calls]:
            future.result()  # the first failure is raised, after every request has finished

    def _remove_orphans(self, leaving: Sequence[str]) -> None:
        """Drop from the union every triple that only the ``leaving`` graphs hold."""
        union, catalog = self.config.union_graph, self.config.catalog_graph
        for start in range(0, len(leaving), 50):
            chunk = leaving[start : start + 50]
            listed = ", ".join(f"<{g}>" for g in chunk)
            self._update(
                f"DELETE {{ GRAPH <{union}> {{ ?s ?p ?o }} }} WHERE {{ "
                f"VALUES ?g {{ {' '.join(f'<{g}>' for g in chunk)} }} GRAPH ?g {{ ?s ?p ?o }} "
                f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} "
                f"FILTER (?h != <{union}> && ?h != <{catalog}> && ?h NOT IN ({listed})) }} }}"
            )

    def _add_to_union(self, texts: Iterable[str]) -> None:
        buffer: list[str] = []
        size = 0
        limit = self.config.post_triples if self.config.gsp else self.config.update_chunk
        for text in map(union_ntriples, texts):  # NIF provenance stays in its article graph
            buffer.append(text)
            size += text.count("\n")
            if size >= limit:
                self._append(self.config.union_graph, "".join(buffer))
                buffer, size = [], 0
        if buffer:
            self._append(self.config.union_graph, "".join(buffer))

    def _add_to_catalog(self, iris: Sequence[str]) -> None:
        if iris:
            self._append(self.config.catalog_graph, "".join(f"<{g}> <{RDF_TYPE}> <{ARTICLE_GRAPH}> .\n" for g in iris))

    def _append(self, graph: str, ntriples: str) -> None:
        if self.config.gsp:
            self._gsp("POST", graph, ntriples)
            return
        lines = ntriples.splitlines(keepends=True)
        step = self.config.update_chunk
        for start in range(0, len(lines), step):
            self._update(f"INSERT DATA {{ GRAPH <{graph}> {{\n{''.join(lines[start : start + step])}}} }}")

    def _put_graph(self, graph: str, ntriples: str) -> None:
        if self.config.gsp:
            self._gsp("PUT", graph, ntriples)
        else:
            self._update(f"DROP SILENT GRAPH <{graph}>")
            self._append(graph, ntriples)

    def remove_graphs(self, graph_iris: Sequence[str]) -> int:
        self._check_writable()
        sizes = self._graph_sizes(graph_iris)
        if not sizes:
            return 0
        leaving = list(sizes)
        changes = self._begin_statistics()
        for facts in self._stored_facts(leaving).values():
            changes.remove(facts)
        self._finish_statistics(changes)  # before the graphs go: days are recomputed without them
        self._remove_orphans(leaving)
        catalog = self.config.catalog_graph
        for start in range(0, len(leaving), 200):
            chunk = leaving[start : start + 200]
            entries = "".join(f"<{g}> <{RDF_TYPE}> <{ARTICLE_GRAPH}> .\n" for g in chunk)
            drops = " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in chunk)
            self._update(f"DELETE DATA {{ GRAPH <{catalog}> {{\n{entries}}} }} ;\n{drops}")
        return sum(sizes.values())

    def rebuild_union(self) -> None:
        """Recompute the union from the article graphs (after a failed batch, or an import by other tools)."""
        union, catalog = self.config.union_graph, self.config.catalog_graph
        self._update(f"DROP SILENT GRAPH <{union}>")
        for page in self._catalog_pages():
            values = " ".join(f"<{g}>" for g in page)
            self._update(
                f"INSERT {{ GRAPH <{union}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{catalog}> {{ VALUES ?g {{ {values} }} }} "
                f"GRAPH ?g {{ ?s ?p ?o }} {IN_UNION_FILTER} }}"
            )

    def update(self, sparql: str, base_iri: str | None = None) -> None:
        # The caller decides whether updates are allowed; the union is theirs to keep right.
        try:
            self._update(with_base(sparql, base_iri))
        except QueryError as error:
            raise QueryError(Errors.E030.format(error=error)) from error

    # --- reading -----------------------------------------------------------
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
        kind = query_kind(sparql)
        if bindings:
            sparql = with_bindings(sparql, bindings)
        sparql = with_base(sparql, base_iri)
        accept = _NTRIPLES if kind in ("CONSTRUCT", "DESCRIBE") else _RESULTS_JSON
        response = self._post_query(sparql, accept, default_graph_uris, named_graph_uris)
        capped = "x-sparql-maxrows" in response.headers
        if kind in ("CONSTRUCT", "DESCRIBE"):
            found = (
                (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
                for t in ox.parse(response.content, _response_format(response))
            )
            triples, cut = cap(found, max_rows, max_bytes)
            return QueryResult(
                kind, triples=triples, truncated=capped or cut is not None, truncated_by=cut or ("max-rows" if capped else None)
            )
        body = response.json()
        if kind == "ASK":
            return QueryResult("ASK", boolean=bool(body.get("boolean")))
        variables = body["head"].get("vars", [])
        bindings_json = body.get("results", {}).get("bindings", [])
        solutions = (tuple(from_ox(json_term(b[v])) if v in b else None for v in variables) for b in bindings_json)
        rows, cut = cap(solutions, max_rows, max_bytes)
        return QueryResult(
            "SELECT",
            variables=variables,
            rows=rows,
            truncated=capped or cut is not None,
            truncated_by=cut or ("max-rows" if capped else None),
        )

    def named_graphs(self) -> Iterator[str]:
        for page in self._catalog_pages():
            yield from page

    def _catalog_pages(self) -> Iterator[list[str]]:
        """The article graphs, a page at a time, in IRI order (keyset paging: no OFFSET sorts)."""
        after = ""
        catalog = self.config.catalog_graph
        while True:
            keyset = f'FILTER (STR(?g) > "{_escape(after)}")' if after else ""
            _, rows = self._select(
                f"SELECT ?g WHERE {{ GRAPH <{catalog}> {{ ?g <{RDF_TYPE}> <{ARTICLE_GRAPH}> }} {keyset} }} "
                f"ORDER BY STR(?g) LIMIT {self.config.page_rows}"
            )
            page = [row["g"]["value"] for row in rows]
            if page:
                yield page
            if len(page) < self.config.page_rows:
                return
            after = page[-1]

    def quad_count(self) -> int:
        catalog = self.config.catalog_graph
        _, rows = self._select(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{catalog}> {{ ?g <{RDF_TYPE}> <{ARTICLE_GRAPH}> }} GRAPH ?g {{ ?s ?p ?o }} }}"
        )
        return int(rows[0]["n"]["value"]) if rows else 0

    def triples(self, graph_iri: str | None = None) -> Iterator[Triple]:
        if graph_iri is not None:
            quads: Iterable[ox.Quad] = self._graph_quads([graph_iri])
        else:
            quads = self._union_quads()
        for q in quads:
            yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)

    def _graph_quads(self, graphs: Sequence[str], *, first_holder_only: bool = False) -> Iterator[ox.Quad]:
        """Quads of the given graphs, fetched in requests small enough not to hit the server's row limit.

        ``first_holder_only`` keeps a triple only in the article graph with the
        smallest IRI that holds it, and no NIF provenance: the union, deduplicated on the server.
        """
        union, catalog = self.config.union_graph, self.config.catalog_graph
        dedupe = (
            f"{IN_UNION_FILTER} "
            f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h != <{union}> && ?h != <{catalog}> && STR(?h) < STR(?g)) }}"
            if first_holder_only
            else ""
        )
        pending = [
            list(graphs[i : i + self.config.graphs_per_request]) for i in range(0, len(graphs), self.config.graphs_per_request)
        ]
        while pending:
            chunk = pending.pop(0)
            values = " ".join(f"<{g}>" for g in chunk)
            query = f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} {dedupe} }}"
            response = self._post_query(query, _RESULTS_JSON, [], [])
            if "x-sparql-maxrows" in response.headers:  # too big for one answer
                if len(chunk) == 1:
                    yield from self._paged_graph_quads(chunk[0], dedupe)
                else:
                    half = len(chunk) // 2
                    pending[:0] = [chunk[:half], chunk[half:]]
                continue
            for row in response.json()["results"]["bindings"]:
                yield ox.Quad(json_term(row["s"]), json_term(row["p"]), json_term(row["o"]), ox.NamedNode(row["g"]["value"]))

    def _paged_graph_quads(self, graph: str, dedupe: str) -> Iterator[ox.Quad]:
        """One graph, in pages ordered by a stable key (only graphs larger than a page get here twice)."""
        offset, page = 0, self.config.page_rows
        g = ox.NamedNode(graph)
        while True:
            query = (
                f"SELECT ?s ?p ?o WHERE {{ {{ SELECT ?s ?p ?o WHERE {{ VALUES ?g {{ <{graph}> }} GRAPH ?g {{ ?s ?p ?o }} {dedupe} }} "
                f"ORDER BY ?s ?p ?o }} }} LIMIT {page} OFFSET {offset}"
            )
            _, rows = self._select(query)
            for row in rows:
                yield ox.Quad(json_term(row["s"]), json_term(row["p"]), json_term(row["o"]), g)
            if len(rows) < page:
                return
            offset += page

    def _union_quads(self) -> Iterator[ox.Quad]:
        for page in self._catalog_pages():
            for q in self._graph_quads(page, first_holder_only=True):
                yield ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())

    def export(self, out: IO[bytes], fmt: str) -> int:
        writer = exporter(fmt)
        if writer.keeps_graphs:
            return serialize_counted((q for page in self._catalog_pages() for q in self._graph_quads(page)), out, writer)
        return serialize_counted((q.triple for q in self._union_quads()), out, writer)

    def import_(self, src: IO[bytes], fmt: str) -> int:
        self._check_writable()
        graph_exporter(fmt)
        from .importing import checked_quads

        if src.seekable():
            # The server commits batch by batch: check the whole file before sending any.
            for _ in checked_quads(src, fmt):
                pass
            src.seek(0)
        count = 0
        batch: dict[str, list[str]] = {}
        size = 0
        for quad in checked_quads(src, fmt):
            count += 1
            size += 1
            graph = quad.graph_name
            assert isinstance(graph, ox.NamedNode)  # checked_quads refuses default-graph and blank-node graph names
            batch.setdefault(graph.value, []).append(f"{quad.subject} {quad.predicate} {quad.object} .\n")
            if size >= self.config.post_triples:
                self._import_batch(batch)
                batch, size = {}, 0
        if batch:
            self._import_batch(batch)
        self.rebuild_statistics()  # an import may add to stored articles: recount (not transactional anyway)
        return count

    def _import_batch(self, batch: dict[str, list[str]]) -> None:
        self._add_to_union("".join(lines) for lines in batch.values())
        self._add_to_catalog(list(batch))
        for graph, lines in batch.items():
            self._append(graph, "".join(lines))  # append: a graph may span batches

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
        self._http.close()


# --- helpers ------------------------------------------------------------------
def _ntriples(triples: Iterable[Triple]) -> tuple[str, int]:
    lines = {f"{to_ox_triple(s, p, o)} .\n" for s, p, o in triples}
    return "".join(lines), len(lines)


_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def _canonical(term: st.Term) -> st.Term:
    """A value as Warta wrote it: servers answer integers with other integer types (Virtuoso: xsd:int)."""
    if (
        isinstance(term, ox.Literal)
        and term.datatype.value.startswith("http://www.w3.org/2001/XMLSchema#")
        and (term.datatype.value.endswith(("int", "integer", "long", "short")))
    ):
        return ox.Literal(term.value, datatype=ox.NamedNode(_INTEGER))
    return term


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _response_format(response: httpx.Response) -> ox.RdfFormat:
    mime = response.headers.get("content-type", _NTRIPLES).split(";")[0].strip()
    return {"text/turtle": ox.RdfFormat.TURTLE, "application/rdf+xml": ox.RdfFormat.RDF_XML}.get(mime, ox.RdfFormat.N_TRIPLES)


def json_term(binding: dict) -> Any:
    """A SPARQL JSON results term as a pyoxigraph term (SPARQL 1.0 ``typed-literal`` too)."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", value.removeprefix("nodeID://")))
    language = binding.get("xml:lang")
    if language:
        return ox.Literal(value, language=language)
    datatype = binding.get("datatype")
    if datatype:
        if datatype == _XSD + "boolean" and value in ("1", "0"):
            value = "true" if value == "1" else "false"  # Virtuoso answers booleans as 1/0
        return ox.Literal(value, datatype=ox.NamedNode(datatype))
    return ox.Literal(value)


_SKIP = re.compile(r"<[^<>\s]*>|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|#[^\n]*")
