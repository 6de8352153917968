"""The embedded store: Oxigraph (RocksDB on disk) through pyoxigraph.

Chosen on measurements (README, "The store"): at 100k quads it answered the
six typical questions 5-120x faster than rdflib's memory store and loaded 10x
faster; it reopens a 1M-quad store in 15 ms.

Layout of a store directory::

    DIR/db/                 the read-write database (one writer at a time)
    DIR/snapshots/<n>/      read-only checkpoints published after writes
    DIR/snapshots/LATEST    the name of the newest snapshot

Oxigraph forbids reading a database another process is writing, so readers in
other processes (``warta serve`` while ``warta ingest`` runs) open the latest
snapshot instead; a snapshot is a RocksDB checkpoint made of hard links, so
publishing one is cheap, and readers switch to a newer one with ``refresh()``.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib.term import Identifier

from ..errors import Errors, QueryError, StoreError
from . import statistics as st
from .base import (
    NIF_MARK,
    QueryKind,
    QueryResult,
    SerializedAnswer,
    Store,
    Triple,
    WriteStats,
    capped,
    in_union,
    query_kind,
    union_ntriples,
    with_bindings,
)
from .formats import exporter, graph_exporter, prefixes, serialize_counted
from .oxigraph_results import RESULT_FORMATS, write_boolean, write_solutions
from .terms import from_ox, to_ox_triple

WARTA_CONTENT_HASH = ox.NamedNode("https://w3id.org/warta/ontology#contentHash")
DEFAULT = ox.DefaultGraph()
STATISTICS = st.GRAPH_NODE
_NIF_PROBES = [  # every NIF string Warta writes has one of these (phrases and sentences anchorOf, the context sourceUrl)
    ox.NamedNode(f"http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#{name}") for name in ("anchorOf", "sourceUrl")
]

_KEEP_SNAPSHOTS = 3
_SNAPSHOT_GRACE_SECONDS = 60  # longer than the server's default query timeout
_PUBLISH_EVERY_SECONDS = 5.0
_PUBLISH_COST_RATIO = 9  # wait nine times as long as the last publish took
# Oxigraph's bulk loader turns up to 1,000,000 quads into one set of sorted files and ingests
# them with one RocksDB call (atomic across its column families); a bigger input becomes several
# ingestions, which a crash could split. Batches stay well under it, or take the transaction.
_BULK_MAX_QUADS = 500_000


class OxigraphStore(Store):
    """Embedded Oxigraph store.

    Args:
        path: the store directory, or None for a temporary in-memory store.
        read_only: open the latest published snapshot instead of the database
            (for readers in other processes); falls back to the database
            itself, read-only, when no snapshot exists yet.
        fresh: with ``read_only``, read the database itself when no writer
            holds it, for short-lived readers (export): a writer killed
            between two publishes leaves committed articles the snapshot
            lacks. Long-lived readers (the server) keep to snapshots, which a
            writer starting later cannot compact away underneath them.
    """

    #: Write batches of new articles with the bulk loader (on disk); False: one ``load`` transaction.
    bulk_load_fresh = True
    #: Maintain the statistics graph (graph/store/statistics.py); False only to measure what it costs.
    keep_statistics = True

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False, fresh: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self.fresh = fresh
        self._snapshot: str | None = None
        self._last_publish = 0.0
        self._last_publish_cost = 0.0
        self._store = self._open()

    @classmethod
    def open(cls, location: str | None, *, read_only: bool = False, fresh: bool = False) -> OxigraphStore:
        return cls(location, read_only=read_only, fresh=fresh)

    def worker_location(self) -> str | None:
        """The store directory: query workers open its published snapshots (an in-memory store has none)."""
        return str(self.path) if self.path is not None else None

    # --- opening and snapshots ---------------------------------------
    def _open(self) -> ox.Store:
        if self.path is None:
            self._store = ox.Store()
            self._settle_statistics()
            return self._store
        db = self.path / "db"
        try:
            if not self.read_only:
                self.path.mkdir(parents=True, exist_ok=True)
                store = ox.Store(str(db))
                _drop_provenance_from_union(store)
                self._store = store
                self._settle_statistics()
                return store
            snapshot = self._latest_snapshot()
            if self.fresh and db.exists() and not self._writer_active():
                store = ox.Store.read_only(str(db))
                # A writer killed between its bulk load and its statistics left articles without
                # them: read the last snapshot (complete) until a writer settles them.
                if snapshot is None or not _has_pending(store):
                    self._snapshot = snapshot  # refresh() moves on only when a writer publishes again
                    return store
            if snapshot is not None:
                self._snapshot = snapshot
                return ox.Store.read_only(str(self.path / "snapshots" / snapshot))
            if not db.exists():
                raise StoreError(Errors.E020.format(path=self.path, error="no store here yet (run warta ingest)"))
            return ox.Store.read_only(str(db))
        except OSError as error:
            message = str(error)
            if "lock" in message.lower():
                raise StoreError(Errors.E021.format(path=self.path, error=message)) from error
            raise StoreError(Errors.E020.format(path=self.path, error=message)) from error

    def _writer_active(self) -> bool:
        """Whether some process holds the database's write lock (RocksDB's POSIX lock on ``db/LOCK``).

        Read from ``/proc/locks`` rather than probed with fcntl: closing any
        descriptor of the lock file would drop a lock this process holds.
        """
        assert self.path is not None
        try:
            info = (self.path / "db" / "LOCK").stat()
            locks = Path("/proc/locks").read_text()
        except OSError:
            return True  # cannot tell: read the snapshot, as a reader beside a writer must
        device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
        return any(len(f) > 5 and f[5] == device for f in (line.split() for line in locks.splitlines()))

    def _latest_snapshot(self) -> str | None:
        assert self.path is not None
        try:
            name = (self.path / "snapshots" / "LATEST").read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name if name and (self.path / "snapshots" / name).is_dir() else None

    def publish(self, force: bool = False) -> None:
        # A snapshot per batch would be wasteful; readers see progress every few seconds,
        # and never at more than a tenth of the writer's time (a flush and checkpoint of a
        # large store take a while).
        now = time.monotonic()
        wait = max(_PUBLISH_EVERY_SECONDS, _PUBLISH_COST_RATIO * self._last_publish_cost)
        if force or now - self._last_publish >= wait:
            self.publish_snapshot()
            self._last_publish = time.monotonic()
            self._last_publish_cost = self._last_publish - now

    def publish_snapshot(self) -> str | None:
        """Make the current state visible to readers in other processes."""
        if self.path is None or self.read_only:
            return None
        self._store.flush()
        snapshots = self.path / "snapshots"
        snapshots.mkdir(exist_ok=True)
        name = f"{time.time_ns()}"
        self._store.backup(str(snapshots / name))
        pointer = snapshots / "LATEST.tmp"
        pointer.write_text(name, encoding="utf-8")
        os.replace(pointer, snapshots / "LATEST")  # atomic: readers see the old or the new name
        self._prune_snapshots(keep=name)
        return name

    def _prune_snapshots(self, keep: str) -> None:
        assert self.path is not None
        snapshots = sorted(
            (p for p in (self.path / "snapshots").iterdir() if p.is_dir() and p.name.isdigit()),
            key=lambda p: int(p.name),
        )
        now = time.time_ns()
        # Readers may still hold an older snapshot open: keep a few, and any recent one.
        for old in snapshots[:-_KEEP_SNAPSHOTS]:
            if old.name != keep and now - int(old.name) > _SNAPSHOT_GRACE_SECONDS * 1e9:
                shutil.rmtree(old, ignore_errors=True)

    def refresh(self) -> bool:
        if not self.read_only or self.path is None:
            return False
        latest = self._latest_snapshot()
        if latest is None or latest == self._snapshot:
            return False
        self._store = self._open()
        return True

    # --- writing -----------------------------------------------------
    def graph_hash(self, graph_iri: str) -> str | None:
        node = ox.NamedNode(graph_iri)
        for quad in self._store.quads_for_pattern(node, WARTA_CONTENT_HASH, None, node):
            if isinstance(quad.object, ox.Literal):
                return quad.object.value
        return None

    def write_graphs(self, graphs: Sequence[tuple[str, Iterable[Triple]]]) -> WriteStats:
        st.refuse_statistics_graph(iri for iri, _ in graphs)
        return self._write({iri: {_stored_form(to_ox_triple(s, p, o)) for s, p, o in triples} for iri, triples in graphs})

    def write_ntriples(self, graphs: Sequence[tuple[str, str]]) -> WriteStats:
        self._check_writable()
        st.refuse_statistics_graph(iri for iri, _ in graphs)
        latest = dict(graphs)
        fresh = {iri: text for iri, text in latest.items() if not self._store.contains_named_graph(ox.NamedNode(iri))}
        stats = self._load_fresh(fresh) if fresh else WriteStats()
        rest = {
            iri: {_stored_form(t) for t in ox.parse(text.encode("utf-8"), ox.RdfFormat.N_TRIPLES)}
            for iri, text in latest.items()
            if iri not in fresh
        }
        if rest:
            more = self._write(rest)
            for name in ("new", "replaced", "unchanged", "quads_added", "quads_removed"):
                setattr(stats, name, getattr(stats, name) + getattr(more, name))
        return stats

    def _load_fresh(self, graphs: dict[str, str]) -> WriteStats:
        """Articles not stored yet: one N-Quads load into their graphs and the union, all or nothing.

        Nothing needs removing, so text manipulation replaces building a Python
        object per quad; the loader parses in Rust. The loader cannot remove, so
        the batch's statistics are split: their new values ride in the same
        ingestion as the articles, with a pending mark, and one transaction
        right after removes the values they replace and the mark. Readers
        never see the state between: other processes read snapshots published
        after both, a short-lived ``fresh`` reader reads the snapshot while the
        mark is there, and a writer opening a store a killed writer left with
        the mark rebuilds the statistics from the article graphs
        (:meth:`_settle_statistics`), which is exact whatever was left. On disk, the bulk loader
        writes sorted files and hands them to RocksDB in one ingestion: 2x the
        transactional ``load`` here, with nothing left in the memtable for the
        next publish to flush. It is safe because only new graphs are written
        (no read-modify-write to isolate), this writer holds the database alone
        (readers in other processes read snapshots), and one ingestion is atomic
        (tests/test_reliability_ingest.py kills the writer mid-batch).
        """
        parts: list[str] = []
        quads = 0
        for iri, text in graphs.items():
            lines = text.splitlines(keepends=True)
            quads += len(lines)
            suffix = f"<{iri}> .\n"
            parts.extend(line[: line.rindex(".")] + suffix for line in lines)
            parts.append(union_ntriples(text))  # the default graph: the union (set semantics), without NIF
        remove: list[ox.Quad] = []
        if self.keep_statistics:
            changes = st.Changes()
            for iri, text in graphs.items():
                changes.add(st.facts_from_ntriples(iri, text))
            remove, add = self._statistics_quads(changes)  # read before the load: the batch is not counted yet
            remove.append(st.pending_quad())
            parts.extend(f"{q} .\n" for q in [*add, st.pending_quad()])
        data = "".join(parts).encode("utf-8")
        if self.bulk_load_fresh and self.path is not None and data.count(b"\n") < _BULK_MAX_QUADS:
            self._store.bulk_load(data, ox.RdfFormat.N_QUADS)
        else:
            self._store.load(data, ox.RdfFormat.N_QUADS)
        if remove:
            self._apply([], remove)  # the values replaced, and the pending mark: one transaction
        return WriteStats(new=len(graphs), quads_added=quads)

    def _write(self, latest: dict[str, set[ox.Triple]]) -> WriteStats:
        """Replace each named graph with its new triples, in one transaction.

        ``latest`` is a dict, so the same article twice in one batch keeps its last version.
        Triples with blank nodes cannot be named in ``DELETE DATA`` (SPARQL forbids it), so a
        graph whose blank-node triples change has all of them removed by pattern and added
        again (see :meth:`_apply`); ground triples are diffed.
        """
        self._check_writable()
        stats = WriteStats()
        to_add: list[ox.Quad] = []
        to_remove: list[ox.Quad] = []
        gone_from_union: set[ox.Triple] = set()
        replaced: set[ox.NamedNode] = set()
        blank_leaving: set[ox.NamedNode] = set()
        changes = st.Changes()
        for graph_iri, new in latest.items():
            g = ox.NamedNode(graph_iri)
            union = {t for t in new if _in_union(t)}
            if self._store.contains_named_graph(g):
                old = {q.triple for q in self._store.quads_for_pattern(None, None, None, g)}
                if old == new:
                    stats.unchanged += 1
                    continue
                stats.replaced += 1
                changes.remove(st.facts_from_triples(graph_iri, old))
                changes.add(st.facts_from_triples(graph_iri, new))
                replaced.add(g)
                old_blank, new_blank = {t for t in old if _has_blank(t)}, {t for t in new if _has_blank(t)}
                if old_blank == new_blank:
                    # Kept as they are, union copies too (INSERT DATA would make second copies).
                    union = {t for t in union if not _has_blank(t)}
                    old_blank = new_blank = set()
                else:
                    blank_leaving.add(g)
                gone = (old - old_blank) - new
                added = (new - old) | new_blank
                to_remove.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in gone)
                to_add.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in added)
                stats.quads_removed += len(gone) + len(old_blank)
                stats.quads_added += len(added)
                gone_from_union.update(t for t in gone if _in_union(t))
            else:
                stats.new += 1
                to_add.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in new)
                stats.quads_added += len(new)
                changes.add(st.facts_from_triples(graph_iri, new))
            # Union additions are idempotent; they also restore any triple removed below
            # that the new version of an article still asserts.
            to_add.extend(ox.Quad(t.subject, t.predicate, t.object, DEFAULT) for t in union)
        to_remove.extend(self._orphaned_union_quads(gone_from_union, replaced))
        remove, add = self._statistics_quads(changes)  # read before the write, applied with it
        if to_remove or blank_leaving:
            self._apply(to_add + add, to_remove + remove, blank_leaving=blank_leaving)
        elif remove:
            # Only statistics to replace: the additions go through extend() (a SPARQL INSERT DATA
            # of them parsed at a fifth of its speed), as on the bulk path, with the pending mark.
            self._store.extend([*to_add, *add, st.pending_quad()])
            self._apply([], [*remove, st.pending_quad()])
        else:
            self._apply(to_add + add, [])
        return stats

    # --- statistics (graph/store/statistics.py) ----------------------
    def _statistics_quads(self, changes: st.Changes) -> tuple[list[ox.Quad], list[ox.Quad]]:
        """What ``changes`` remove from and add to the statistics graph, given what it holds now."""
        if not self.keep_statistics:
            return [], []
        current = {}
        for node in changes.nodes():
            props = {
                q.predicate.value: q.object
                for q in self._store.quads_for_pattern(ox.NamedNode(node), None, None, STATISTICS)
                if not isinstance(q.object, ox.Triple)  # the statistics hold no triple terms
            }
            if props:
                current[node] = props
        return changes.quads(current, st.recompute_days_with(self._select))

    def _select(self, sparql: str) -> list[dict[str, str | None]]:
        results = self._store.query(sparql)
        assert isinstance(results, ox.QuerySolutions)  # only SELECT queries come here
        names = [v.value for v in results.variables]
        return [{n: (None if row[n] is None else row[n].value) for n in names} for row in results]

    def _stored_facts(self, graph_iri: str) -> st.ArticleFacts:
        g = ox.NamedNode(graph_iri)
        return st.facts_from_triples(
            graph_iri,
            (q for p in st.RELEVANT_PREDICATES for q in self._store.quads_for_pattern(None, ox.NamedNode(p), None, g)),
        )

    def _settle_statistics(self) -> None:
        """On opening for writing: build the statistics if they are missing or a write was cut short.

        A store written before statistics existed has no version mark; a writer killed between a
        bulk load and the transaction completing its statistics left the pending mark. Either
        way they are computed once from every article graph.
        """
        if not self.keep_statistics:
            return
        version = next(
            iter(self._store.quads_for_pattern(STATISTICS, ox.NamedNode(st.STATISTICS_VERSION), None, STATISTICS)), None
        )
        if version is not None and not _has_pending(self._store):
            return
        self.rebuild_statistics()

    def rebuild_statistics(self) -> None:
        """Recompute the statistics graph from every article graph, in one transaction."""
        changes = st.Changes()
        for g in self.named_graphs():
            changes.add(self._stored_facts(g))
        _, add = changes.quads({}, lambda *_: {})  # from nothing: no day can have left
        # Three transactions, so the new values load through extend() (INSERT DATA parses at a
        # fifth of its speed); the pending mark covers the two gaps (a crash: rebuilt on opening).
        pending = st.pending_quad()
        self._store.update(f"DROP SILENT GRAPH {STATISTICS} ; INSERT DATA {{ {_quads_as_sparql_data([pending])} }}")
        self._store.extend([*add, st.version_quad()])
        self._store.remove(pending)

    def _orphaned_union_quads(self, gone: Iterable[ox.Triple], leaving: set[ox.NamedNode]) -> Iterator[ox.Quad]:
        """Union triples that no named graph other than those ``leaving`` still holds."""
        for t in gone:
            holders = (
                q.graph_name
                for q in self._store.quads_for_pattern(t.subject, t.predicate, t.object, None)
                if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name not in leaving
            )
            if next(holders, None) is None:
                yield ox.Quad(t.subject, t.predicate, t.object, DEFAULT)

    def _apply(
        self,
        to_add: list[ox.Quad],
        to_remove: list[ox.Quad],
        drop: Iterable[ox.NamedNode] = (),
        blank_leaving: Iterable[ox.NamedNode] = (),
    ) -> None:
        """Remove, drop graphs, then add: atomically.

        ``to_remove`` holds ground quads only. The blank-node triples of the
        ``blank_leaving`` and ``drop`` graphs leave by pattern (with their union
        copies no other graph holds), since no SPARQL text can name a stored blank
        node. ``INSERT DATA`` gives blank nodes fresh identities, the same label
        the same node within the operation: the graph and its union copies stay
        one node, isomorphic to what was written.
        """
        drop, blank_leaving = list(drop), list(blank_leaving)
        if not to_remove and not drop and not blank_leaving:
            if to_add:
                self._store.extend(to_add)  # one transaction, blank nodes kept as they are
            return
        # Removals, drops and additions in a single SPARQL update: one transaction.
        parts = _blank_removals([*blank_leaving, *drop])
        parts += [f"DROP SILENT GRAPH {g}" for g in drop]
        if to_remove:
            parts.append("DELETE DATA {\n" + _quads_as_sparql_data(to_remove) + "}")
        if to_add:
            parts.append("INSERT DATA {\n" + _quads_as_sparql_data(to_add) + "}")
        self._store.update(" ;\n".join(parts))

    def remove_graphs(self, graph_iris: Sequence[str]) -> int:
        self._check_writable()
        leaving = {ox.NamedNode(iri) for iri in graph_iris if iri != st.STATISTICS_GRAPH}
        gone: set[ox.Triple] = set()
        removed = 0
        changes = st.Changes()
        for g in leaving:
            if self._store.contains_named_graph(g):
                changes.remove(self._stored_facts(g.value))
            for quad in self._store.quads_for_pattern(None, None, None, g):
                if not _has_blank(quad.triple) and _in_union(quad.triple):  # blank ones leave by pattern in _apply
                    gone.add(quad.triple)
                removed += 1
        remove, add = self._statistics_quads(changes)
        self._apply(add, list(self._orphaned_union_quads(gone, leaving)) + remove, drop=leaving)
        return removed

    def update(self, sparql: str, base_iri: str | None = None) -> None:
        self._check_writable()
        try:
            self._store.update(sparql, base_iri=base_iri)
        except SyntaxError as error:
            raise QueryError(Errors.E030.format(error=error)) from error

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(Errors.E020.format(path=self.path, error="opened read-only"))

    # --- reading -----------------------------------------------------
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
        results = self.raw_query(
            sparql,
            bindings=bindings,
            default_graph_uris=default_graph_uris,
            named_graph_uris=named_graph_uris,
            base_iri=base_iri,
        )
        if isinstance(results, ox.QueryBoolean):
            return QueryResult("ASK", boolean=bool(results))
        try:
            return self._collect(sparql, results, max_rows, max_bytes)
        except RuntimeError as error:  # evaluation errors surface while iterating, too
            raise QueryError(Errors.E077.format(error=error)) from None

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
        """SELECT and ASK answers in pyoxigraph's own result formats (see :mod:`.oxigraph_results`)."""
        datasets = {"default_graph_uris": default_graph_uris, "named_graph_uris": named_graph_uris}
        results = self.raw_query(sparql, bindings=bindings, base_iri=base_iri, **datasets)
        if isinstance(results, ox.QueryBoolean):
            return write_boolean(results, fmt_for("ASK")) or QueryResult("ASK", boolean=bool(results))
        try:
            if isinstance(results, ox.QuerySolutions) and (fmt := fmt_for("SELECT")) in RESULT_FORMATS:
                answer = write_solutions(results, fmt, max_rows, max_bytes)
                if answer is not None:
                    return answer
                # Past a limit (or a triple term): the rdflib path cuts exactly and names the limit.
                return self.query(
                    sparql, bindings=bindings, max_rows=max_rows, max_bytes=max_bytes, base_iri=base_iri, **datasets
                )
            return self._collect(sparql, results, max_rows, max_bytes)
        except RuntimeError as error:  # evaluation errors surface while iterating, too
            raise QueryError(Errors.E077.format(error=error)) from None

    @staticmethod
    def _collect(sparql: str, results, max_rows: int | None, max_bytes: int | None) -> QueryResult:
        if isinstance(results, ox.QuerySolutions):
            variables = [v.value for v in results.variables]
            solutions = (tuple(from_ox(solution[v]) for v in variables) for solution in results)
            rows, cut = capped(solutions, max_rows, max_bytes)
            return QueryResult("SELECT", variables=variables, rows=rows, truncated=cut is not None, truncated_by=cut)
        found = ((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in results)
        triples, cut = capped(found, max_rows, max_bytes)
        kind: QueryKind = "DESCRIBE" if query_kind(sparql) == "DESCRIBE" else "CONSTRUCT"
        return QueryResult(kind, triples=triples, truncated=cut is not None, truncated_by=cut)

    def raw_query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Identifier] | None = None,
        default_graph_uris: Sequence[str] | None = None,
        named_graph_uris: Sequence[str] | None = None,
        base_iri: str | None = None,
    ):
        """The query's pyoxigraph result, for callers that serialise it directly (the server)."""
        options: dict = {"prefixes": prefixes(), "base_iri": base_iri}
        if bindings:
            sparql = with_bindings(sparql, bindings)
        if default_graph_uris:
            options["default_graph"] = [ox.NamedNode(u) for u in default_graph_uris]
        if named_graph_uris:
            options["named_graphs"] = [ox.NamedNode(u) for u in named_graph_uris]
        try:
            return self._store.query(sparql, **options)
        except SyntaxError as error:
            raise QueryError(Errors.E030.format(error=error)) from error
        except RuntimeError as error:
            # pyoxigraph's evaluation errors ("The custom function <urn:f> is not supported"):
            # the query's fault, not the store's.
            raise QueryError(Errors.E077.format(error=error)) from None

    def named_graphs(self) -> Iterator[str]:
        for g in self._store.named_graphs():
            if g != STATISTICS:  # derived, not an article
                yield g.value

    def quad_count(self) -> int:
        solutions = self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != {STATISTICS}) }}")
        assert isinstance(solutions, ox.QuerySolutions)  # a SELECT answers with solutions
        return int(next(iter(solutions))["n"].value)

    def triples(self, graph_iri: str | None = None) -> Iterator[Triple]:
        g = ox.NamedNode(graph_iri) if graph_iri else DEFAULT
        for q in self._store.quads_for_pattern(None, None, None, g):
            yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)

    def export(self, out: IO[bytes], fmt: str) -> int:
        writer = exporter(fmt)
        if writer.keeps_graphs:
            quads = (  # the article graphs; the union and the statistics are rebuilt on import
                q
                for q in self._store.quads_for_pattern(None, None, None, None)
                if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name != STATISTICS
            )
            return serialize_counted(quads, out, writer)
        return serialize_counted((q.triple for q in self._store.quads_for_pattern(None, None, None, DEFAULT)), out, writer)

    def import_(self, src: IO[bytes], fmt: str, *, bulk: bool = False) -> int:
        """Import named-graph quads in one transaction: a bad quad anywhere commits nothing.

        With ``bulk``, through the bulk loader instead: faster, but a file over a million
        quads is several ingestions, so only for a store nobody sees until the import has
        finished (:func:`~graph.store.importing.import_file` loads a new store aside).
        """
        from .importing import checked_quads

        self._check_writable()
        graph_exporter(fmt)
        count = 0
        stored = set(self._store.named_graphs())
        imported: set[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = set()
        pending = st.pending_quad()

        def with_union() -> Iterator[ox.Quad]:
            nonlocal count
            for quad in checked_quads(src, fmt):
                count += 1
                imported.add(quad.graph_name)
                yield quad
                if _in_union(quad.triple):
                    yield ox.Quad(quad.subject, quad.predicate, quad.object, DEFAULT)
            if self.keep_statistics:
                yield pending  # in the import's own transaction: statistics follow in the next one

        if bulk and self.path is not None:
            self._store.bulk_extend(with_union())
        else:
            # extend() is one transaction; an exception from the iterator aborts it.
            self._store.extend(with_union())
        if not self.keep_statistics:
            return count
        if imported & stored:
            # Quads added to stored articles change what they counted: recount everything.
            self.rebuild_statistics()
            return count
        changes = st.Changes()
        for g in imported:
            if isinstance(g, ox.NamedNode):  # checked_quads lets only named graphs through
                changes.add(self._stored_facts(g.value))
        remove, add = self._statistics_quads(changes)
        self._apply(add, [*remove, pending])
        return count

    def close(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()
        # Dropping the last reference is how pyoxigraph closes RocksDB's files; nothing reads it after.
        self._store = None  # type: ignore[assignment]


_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_STORED_AS_INTEGER = {ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")}


def _stored_form(triple: ox.Triple) -> ox.Triple:
    """The triple as Oxigraph will store it: it keeps xsd:nonNegativeInteger (NIF offsets) as
    xsd:integer, so comparing new triples with stored ones must do the same."""
    o = triple.object
    if isinstance(o, ox.Literal) and o.datatype in _STORED_AS_INTEGER:
        return ox.Triple(triple.subject, triple.predicate, ox.Literal(o.value, datatype=_XSD_INTEGER))
    return triple


def _drop_provenance_from_union(store: ox.Store) -> None:
    """Stores written before the union left NIF out hold it there: remove it once, on opening.

    Two index look-ups tell whether there is any.
    """
    if any(next(iter(store.quads_for_pattern(None, p, None, DEFAULT)), None) for p in _NIF_PROBES):
        store.update(f'DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER (isIRI(?s) && CONTAINS(STR(?s), "{NIF_MARK}")) }}')


def _has_pending(store: ox.Store) -> bool:
    """Whether a bulk write left articles whose statistics are not applied yet."""
    marker = ox.NamedNode(st.PENDING)
    return next(iter(store.quads_for_pattern(STATISTICS, marker, None, STATISTICS)), None) is not None


def _in_union(triple: ox.Triple) -> bool:
    return not isinstance(triple.subject, ox.NamedNode) or in_union(triple.subject.value)


def _has_blank(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


def _blank_removals(graphs: Sequence[ox.NamedNode]) -> list[str]:
    """Updates removing the blank-node triples of ``graphs`` and their union copies no other graph holds."""
    if not graphs:
        return []
    names = " ".join(str(g) for g in graphs)
    # VALUES first: the engine reads only these graphs, not the whole store.
    leaving = f"VALUES ?g {{ {names} }} GRAPH ?g {{ ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }}"
    others = f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h NOT IN ({names.replace(' ', ', ')})) }}"
    return [
        f"DELETE {{ ?s ?p ?o }} WHERE {{ {leaving} {others} }}",
        f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ {leaving} }}",
    ]


def _quads_as_sparql_data(quads: Iterable[ox.Quad]) -> str:
    """Quads as the body of INSERT DATA / DELETE DATA (N-Quads-like terms are valid SPARQL)."""
    lines = []
    for q in quads:
        triple = f"{q.subject} {q.predicate} {q.object} ."
        if isinstance(q.graph_name, ox.DefaultGraph):
            lines.append(triple)
        else:
            lines.append(f"GRAPH {q.graph_name} {{ {triple} }}")
    return "\n".join(lines) + "\n"
