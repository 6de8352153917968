"""Network analysis on a small graph written by hand (tests/graph_data.py)."""

from __future__ import annotations

import pytest
from graph_data import ANDI, BALIKPAPAN_GOV, KEMENKOP, MEETING1, MOU, QUOTE, RUDI, SAMARINDA_GOV, TETEN, XSS, populate

from graph.analysis import load_entity_graph, network_stats, resolve_entity, shortest_chains, timeline
from graph.analysis.filters import ViewFilter, apply_filter, ego_nodes, parse_types
from graph.analysis.run import chains_between, entity_timeline
from graph.errors import WartaError


@pytest.fixture
def store(memory_store):
    populate(memory_store)
    return memory_store


@pytest.fixture
def graph(store):
    return load_entity_graph(store)


def test_entity_graph_has_no_class_nodes_or_type_edges(graph):
    assert all(not str(n).startswith(("https://schema.org/", "http://www.w3.org/")) for n in graph)
    assert {d["relation"] for _, _, d in graph.edges(data=True)} <= {
        "office",
        "attended",
        "party",
        "provides",
        "said",
        "held_in",
        "about",
        "part_of",
        "located_in",
    }
    assert graph.number_of_nodes() == 15 and graph.number_of_edges() == 14


def test_office_edge_carries_role_article_and_the_sentence_that_states_it(graph):
    (data,) = graph.get_edge_data(str(TETEN), str(KEMENKOP)).values()
    assert data["label"] == "holds office in" and data["detail"] == "Menteri"
    (evidence,) = data["evidence"]
    assert evidence.sentence == "Menteri Koperasi Teten Masduki meluncurkan program UMKM Naik Kelas."
    assert evidence.article.identifier == "a2" and evidence.article.publisher == "Antara"


def test_quote_edge_evidence_is_the_quoted_sentence(graph):
    (data,) = graph.get_edge_data(str(ANDI), str(QUOTE)).values()
    assert data["evidence"][0].sentence.startswith('"Kami siap')
    assert data["evidence"][0].article.link == "https://kaltimpos.example/a1"


def test_nodes_know_aliases_offices_and_mentions(graph):
    andi = graph.nodes[str(ANDI)]
    assert andi["aliases"] == ["Andi"]
    assert andi["offices"] == ["Wali Kota, Pemerintah Kota Samarinda"]
    assert len(graph.nodes[str(BALIKPAPAN_GOV)]["articles"]) == 2
    assert graph.nodes[str(MEETING1)]["date"] == "2022-02-28"  # its own start date, not the article's


def test_the_union_is_read_deduplicated(graph):
    # Pemkot Balikpapan is named in two article graphs: one node, one name.
    assert graph.nodes[str(BALIKPAPAN_GOV)]["name"] == "Pemerintah Kota Balikpapan"
    assert len(graph.get_edge_data(str(BALIKPAPAN_GOV), str(MOU))) == 1


def test_degree_and_betweenness_rank_officials_and_agencies_only(graph):
    stats = network_stats(graph)
    assert {r.kind for r in stats.degree + stats.betweenness} <= {"person", "organization"}
    # Rudi and Pemkot Balikpapan are the bridge between the Samarinda and Kemenkop sides.
    assert {stats.betweenness[0].iri, stats.betweenness[1].iri} == {str(RUDI), str(BALIKPAPAN_GOV)}
    assert stats.degree[0].links == 3
    assert stats.components == 1 and stats.largest_component == 15


def test_communities_cover_the_connected_graph(graph):
    stats = network_stats(graph)
    assert sum(c.size for c in stats.communities) == 15
    assert len(stats.communities) >= 2


def test_most_connected_pairs_count_shared_agreements(graph):
    pairs = network_stats(graph).pairs
    mou = [p for p in pairs if {p.a_iri, p.b_iri} == {str(BALIKPAPAN_GOV), str(KEMENKOP)}]
    assert mou and mou[0].via == ["MoU pemberdayaan UMKM"]


def test_shortest_chain_steps_carry_article_and_sentence(graph):
    (chain,) = shortest_chains(graph, str(ANDI), str(TETEN))
    assert [s.relation for s in chain] == [
        "attended",
        "attended",
        "holds office in (Sekretaris Daerah)",
        "party to",
        "party to",
        "holds office in (Menteri)",
    ]
    assert chain[0].source_iri == str(ANDI) and chain[-1].source_iri == str(TETEN)
    assert all(step.evidence and step.evidence[0].sentence for step in chain)
    assert chain[3].evidence[0].article.identifier == "a2"


def test_no_chain_is_a_user_error(store):
    graph = load_entity_graph(store)
    graph.remove_node(str(MEETING1))
    with pytest.raises(WartaError, match="no chain links"):
        shortest_chains(graph, str(ANDI), str(TETEN))


def test_timeline_is_in_date_order_with_sources(graph):
    events = timeline(graph, str(ANDI))
    assert [(e.date, e.relation) for e in events] == [
        ("2022-02-28", "attended"),
        ("2022-03-01", "holds office in (Wali Kota)"),
        ("2022-03-01", "said"),
    ]
    assert all(e.evidence.article.identifier == "a1" for e in events)


def test_timeline_of_an_organisation_reads_links_from_its_side(graph):
    relations = {e.relation for e in timeline(graph, str(KEMENKOP))}
    assert {"has office holder (Menteri)", "party to", "provides"} <= relations


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Andi Harun", ANDI),
        ("andi", ANDI),
        ("  ANDI   harun ", ANDI),
        ("Kemenkop", KEMENKOP),
        ("zulkifli hasan", XSS),
        ("ZÜLKÎFLÎ", XSS),
        ("zulkifli", XSS),
        ("teten", TETEN),
        (str(RUDI), RUDI),
        ("pemerintah kota samarinda", SAMARINDA_GOV),
    ],
)
def test_entity_arguments_resolve_by_name_alias_or_iri(store, text, expected):
    assert resolve_entity(store, text) == str(expected)


def test_ambiguous_and_unknown_names_are_user_errors(store):
    with pytest.raises(WartaError, match="names 2 entities"):
        resolve_entity(store, "pemerintah kota")
    with pytest.raises(WartaError, match="no entity is named"):
        resolve_entity(store, "Budi")


def test_store_entry_points(store):
    a, b, chains = chains_between(store, "Andi", "Kemenkop")
    assert (a, b) == (str(ANDI), str(KEMENKOP)) and len(chains[0]) == 5
    _iri, name, events = entity_timeline(store, "Teten")
    assert name == "Teten Masduki" and [e.date for e in events] == ["2022-05-10", "2022-07-01"]


def test_neighbourhood_read_matches_the_whole_graph_around_an_entity(store, graph):
    around = load_entity_graph(store, around={str(RUDI)})
    assert set(around[str(RUDI)]) == set(graph[str(RUDI)]) | set(graph.predecessors(str(RUDI)))


def test_filters_by_kind_date_and_publisher(graph):
    only_people = apply_filter(graph, ViewFilter(types=parse_types("person,meetings")))
    assert {d["kind"] for _, d in only_people.nodes(data=True)} == {"person", "meeting"}
    later = apply_filter(graph, ViewFilter(date_from="2022-04-01"))
    assert str(ANDI) not in later and str(TETEN) in later
    kaltim_pos = apply_filter(graph, ViewFilter(publisher="kaltim pos"))
    assert str(TETEN) not in kaltim_pos and str(RUDI) in kaltim_pos
    with pytest.raises(WartaError, match="unknown node type"):
        ViewFilter(types=parse_types("persons,planets"))


def test_ego_nodes_follow_links_both_ways(graph):
    assert ego_nodes(graph, str(TETEN), 1) == {str(TETEN), str(KEMENKOP), "http://example.org/meeting/a3/1"}
    assert ego_nodes(graph, str(TETEN), 0) == {str(TETEN)}


QUOTE_OVER_TWO_SENTENCES = (
    "SAMARINDA - Gubernur Kalimantan Timur Arifin Noorsyam meninjau jalan poros Berau, Kamis (6/4/2023).\n"
    "“Jalan ini urat nadi ekonomi warga pesisir. Hasil kebun harus bisa keluar tanpa menunggu musim kering,” "
    "ujar Arifin.\n"
)


@pytest.fixture
def quoted(memory_store):
    from graph.article import Article
    from graph.pipeline import ingest

    article = Article(id="kunker-berau", text=QUOTE_OVER_TWO_SENTENCES, title="Kunker", date="2023-04-06")
    ingest([article], memory_store, extractor="rules")
    return memory_store


def test_a_quote_over_two_sentences_is_backed_by_both(quoted):
    _, _, events = entity_timeline(quoted, "Arifin Noorsyam")
    (said,) = [e for e in events if e.relation == "said"]
    assert said.evidence.sentence == (
        "“Jalan ini urat nadi ekonomi warga pesisir. Hasil kebun harus bisa keluar tanpa menunggu musim kering,” ujar Arifin."
    )


def test_timeline_text_adds_no_quotation_marks_of_its_own(quoted):
    from graph.analysis.report import timeline_text

    _, name, events = entity_timeline(quoted, "Arifin Noorsyam")
    text = timeline_text(name, events)
    assert "> “Jalan ini urat nadi" in text
    assert not any(doubled in text for doubled in ('"“', '”"', '""', '."'))
