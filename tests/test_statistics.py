"""The statistics graph (graph/store/statistics.py) equals a recomputation from the article graphs.

Random ingests, replacements and removals (hypothesis) go through the store's own write paths
(new articles through the loader, replacements through the diffing transaction, removals);
after each step the statistics graph must equal, exactly, what aggregate queries over the
article graphs compute. The reference queries here are written independently of the
module's Python, so a mistake in either shows.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from pyoxigraph import NamedNode
from statistics_check import STORED, assert_statistics_exact, rows

from graph.store import open_store
from graph.store.oxigraph import OxigraphStore
from graph.store.statistics import STATISTICS_GRAPH

BASE = "http://example.org/"
PERSONS = [f"{BASE}person/p{i}" for i in range(4)]
ORGS = [f"{BASE}organization/o{i}" for i in range(4)]
PLACES = [f"{BASE}place/l{i}" for i in range(2)]
TYPES = {
    **dict.fromkeys(PERSONS, "https://schema.org/Person"),
    **dict.fromkeys(ORGS, "http://www.w3.org/ns/org#Organization"),
    **dict.fromkeys(PLACES, "https://schema.org/Place"),
}
DAYS = ["2023-01-05", "2023-01-20", "2023-02-03", "2023-03-30", None]
S, W, RDF_TYPE = "https://schema.org/", "https://w3id.org/warta/ontology#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def article_ntriples(
    n: int, day: str | None, mentioned: list[str], meetings: list[tuple[list[str], str | None, str | None]]
) -> str:
    """An article graph in the model's vocabulary: mentions, a publication day, meetings."""
    art = f"{BASE}article/{n}"
    lines = [f"<{art}> <{RDF_TYPE}> <{S}NewsArticle> ."]
    if day:
        # One article in two carries a time with an offset, as pages do: the day is what counts.
        stamp = (
            f'"{day}T23:30:00+08:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
            if n % 2
            else f'"{day}"^^<http://www.w3.org/2001/XMLSchema#date>'
        )
        lines.append(f"<{art}> <{S}datePublished> {stamp} .")
    for iri in mentioned:
        lines += [
            f"<{art}> <{S}mentions> <{iri}> .",
            f"<{iri}> <{RDF_TYPE}> <{TYPES[iri]}> .",
            f'<{iri}> <{S}name> "{iri[-2:]}" .',
        ]
    for i, (attendees, place, when) in enumerate(meetings):
        m = f"{BASE}meeting/{n}/{i}"
        lines += [f"<{m}> <{RDF_TYPE}> <{W}Meeting> .", f"<{art}> <{S}mentions> <{m}> ."]
        lines += [f"<{m}> <{S}attendee> <{a}> ." for a in attendees]
        if place:
            lines.append(f"<{m}> <{S}location> <{place}> .")
        if when:
            lines.append(f'<{m}> <{S}startDate> "{when}"^^<http://www.w3.org/2001/XMLSchema#date> .')
    return "\n".join(lines) + "\n"


actors = hs.lists(hs.sampled_from(PERSONS + ORGS), max_size=4, unique=True)
meeting = hs.tuples(actors, hs.sampled_from([*PLACES, None]), hs.sampled_from(DAYS))
article = hs.tuples(
    hs.sampled_from(DAYS),
    hs.lists(hs.sampled_from(PERSONS + ORGS + PLACES), max_size=5, unique=True),
    hs.lists(meeting, max_size=2),
)
step = hs.one_of(
    hs.tuples(hs.just("write"), hs.lists(hs.tuples(hs.integers(0, 7), article), min_size=1, max_size=4)),
    hs.tuples(hs.just("remove"), hs.lists(hs.integers(0, 7), min_size=1, max_size=3)),
)


def write(store, items) -> None:
    graphs = {}
    for n, (day, mentioned, meetings) in items:
        # Attendees and places are mentioned by their article, as the model writes them.
        named = list(dict.fromkeys([*mentioned, *(a for m in meetings for a in m[0]), *(m[1] for m in meetings if m[1])]))
        graphs[f"{BASE}article/{n}"] = article_ntriples(n, day, named, meetings)
    store.write_ntriples(list(graphs.items()))


def apply(store, steps) -> None:
    for kind, payload in steps:
        if kind == "write":
            write(store, payload)
        else:
            store.remove_graphs([f"{BASE}article/{n}" for n in payload])


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(hs.lists(step, min_size=1, max_size=6))
def test_statistics_equal_a_recomputation_after_random_writes_in_memory(steps):
    store = OxigraphStore(None)
    for prefix in range(1, len(steps) + 1):
        apply(store, steps[prefix - 1 : prefix])
        assert_statistics_exact(store)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hs.lists(step, min_size=1, max_size=5))
def test_statistics_equal_a_recomputation_on_disk_through_the_bulk_loader(steps):
    folder = Path(tempfile.mkdtemp(prefix="warta-stats-"))
    try:
        store = OxigraphStore(folder / "store")
        apply(store, steps)
        assert_statistics_exact(store)
        store.close()
        reopened = OxigraphStore(folder / "store")  # nothing pending: opening changes nothing
        assert_statistics_exact(reopened)
        reopened.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_statistics_graph_is_no_article_graph_and_not_exported(tmp_path):
    store = OxigraphStore(tmp_path / "s")
    write(store, [(1, ("2023-01-05", [ORGS[0], ORGS[1]], [([PERSONS[0], ORGS[0]], PLACES[0], "2023-01-04")]))])
    assert list(store.named_graphs()) == [f"{BASE}article/1"]
    out = io.BytesIO()
    store.export(out, "nquads")
    assert STATISTICS_GRAPH not in out.getvalue().decode()
    assert store.quad_count() == len(
        article_ntriples(
            1, "2023-01-05", [ORGS[0], ORGS[1], PERSONS[0], PLACES[0]], [([PERSONS[0], ORGS[0]], PLACES[0], "2023-01-04")]
        ).splitlines()
    )
    store.close()


def test_import_builds_the_statistics_into_a_new_and_an_existing_store(tmp_path):
    source = OxigraphStore(tmp_path / "a")
    write(
        source,
        [
            (
                n,
                (
                    DAYS[n % 4],
                    [ORGS[n % 4], ORGS[(n + 1) % 4], PERSONS[n % 3]],
                    [([PERSONS[n % 4], ORGS[n % 2]], PLACES[n % 2], DAYS[n % 5])],
                ),
            )
            for n in range(6)
        ],
    )
    dump = tmp_path / "dump.nq"
    with dump.open("wb") as out:
        source.export(out, "nquads")
    expected = {name: rows(source, sparql) for name, sparql in STORED.items()}
    source.close()
    from graph.store.importing import import_file

    import_file(dump, str(tmp_path / "new"))  # bulk-loaded aside
    fresh = OxigraphStore(tmp_path / "new")
    assert {name: rows(fresh, sparql) for name, sparql in STORED.items()} == expected
    assert_statistics_exact(fresh)
    fresh.close()
    existing = OxigraphStore(tmp_path / "existing")
    write(existing, [(9, ("2023-03-30", [ORGS[0], ORGS[3]], []))])
    existing.close()
    import_file(dump, str(tmp_path / "existing"))  # one transaction, then the statistics
    with OxigraphStore(tmp_path / "existing") as again:
        assert_statistics_exact(again)
        assert len(list(again.named_graphs())) == 7


def test_importing_a_statistics_quad_is_refused(tmp_path):
    from graph.errors import StoreError
    from graph.store.importing import import_file

    bad = tmp_path / "bad.nq"
    bad.write_text(f'<{BASE}x> <{W}articleCount> "1" <{STATISTICS_GRAPH}> .\n')
    with pytest.raises(StoreError, match="statistics graph"):
        import_file(bad, str(tmp_path / "s"))


def test_a_store_without_statistics_gets_them_on_opening(tmp_path):
    store = OxigraphStore(tmp_path / "s")
    write(
        store,
        [
            (1, ("2023-01-05", [ORGS[0], ORGS[1]], [([PERSONS[0], ORGS[0]], None, "2023-01-04")])),
            (2, ("2023-02-03", [ORGS[1]], [])),
        ],
    )
    # As an older Warta, or a writer killed between the bulk load and its statistics, leaves it:
    store._store.clear_graph(NamedNode(STATISTICS_GRAPH))
    store.close()
    with OxigraphStore(tmp_path / "s") as reopened:
        assert_statistics_exact(reopened)


def test_memory_spec_keeps_statistics():
    store = open_store("memory:")
    write(store, [(1, ("2023-01-05", [ORGS[0], ORGS[1]], []))])
    assert_statistics_exact(store)


def test_a_sparql_update_through_the_server_leaves_exact_statistics_and_a_clean_union():
    from graph.server.updates import apply_update

    store = OxigraphStore(None)
    write(
        store,
        [
            (1, ("2023-01-05", [ORGS[0], ORGS[1]], [([PERSONS[0], PERSONS[1]], PLACES[0], "2023-01-04")])),
            (2, ("2023-02-03", [ORGS[1]], [])),
        ],
    )
    apply_update(store, f"DELETE DATA {{ GRAPH <{BASE}article/1> {{ <{BASE}article/1> <{S}mentions> <{ORGS[0]}> }} }}")
    assert_statistics_exact(store)
    assert rows(store, f"SELECT ?s WHERE {{ ?s <{W}articleCount> ?n }}") == set(), "statistics copied into the union"
    assert rows(store, f"SELECT ?n WHERE {{ GRAPH <{STATISTICS_GRAPH}> {{ <{ORGS[1]}> <{W}articleCount> ?n }} }}") == {("2",)}
    assert rows(store, f"SELECT ?n WHERE {{ GRAPH <{STATISTICS_GRAPH}> {{ <{ORGS[0]}> <{W}articleCount> ?n }} }}") == set()


def test_every_statistics_term_is_declared_in_the_ontology():
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    from graph.store import statistics as module
    from graph.validate import ontology_dir

    ontology = Graph().parse(ontology_dir() / "warta.ttl", format="turtle")
    used = {value for value in vars(module).values() if isinstance(value, str) and value.startswith(W) and value != W}
    used |= {p for kinds in (module.CO_MENTION, module.CO_ATTENDANCE) for p in kinds.values()}
    assert len(used) >= 15
    for term in used:
        assert (URIRef(term), RDF.type, None) in ontology, f"{term} is not declared in ontology/warta.ttl"


def test_writing_the_statistics_graph_as_an_article_is_refused():
    from graph.errors import StoreError

    store = OxigraphStore(None)
    with pytest.raises(StoreError, match="statistics graph"):
        store.write_ntriples([(STATISTICS_GRAPH, f'<{BASE}x> <{W}articleCount> "9" .\n')])
    assert rows(store, f"SELECT ?s WHERE {{ GRAPH <{STATISTICS_GRAPH}> {{ ?s <{W}articleCount> ?n }} }}") == set()


def test_a_short_lived_reader_reads_the_snapshot_while_statistics_are_pending(tmp_path):
    from pyoxigraph import Quad

    from graph.store.statistics import pending_quad

    store = OxigraphStore(tmp_path / "s")
    write(store, [(1, ("2023-01-05", [ORGS[0], ORGS[1]], []))])
    store.publish_snapshot()
    write(store, [(2, ("2023-02-03", [ORGS[1]], []))])  # committed, not published
    mark = pending_quad()
    store._store.add(Quad(mark.subject, mark.predicate, mark.object, mark.graph_name))  # as a writer killed mid-batch leaves it
    store.close()
    with OxigraphStore(tmp_path / "s", read_only=True, fresh=True) as reader:
        assert list(reader.named_graphs()) == [f"{BASE}article/1"]  # the snapshot: whole, with its statistics
        assert_statistics_exact(reader)
    with OxigraphStore(tmp_path / "s") as writer:  # rebuilt on opening
        assert len(list(writer.named_graphs())) == 2
        assert_statistics_exact(writer)
    with OxigraphStore(tmp_path / "s", read_only=True, fresh=True) as reader:  # the mark is gone: the database itself
        assert len(list(reader.named_graphs())) == 2
