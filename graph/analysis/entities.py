"""The entity graph: who and what is linked to whom, and which sentence says so.

Every node is an entity or fact a reader cares about (a person, an
organisation, a place, a meeting, an agreement, a programme, a quote) and
every edge one relation between two of them, carrying the articles and
sentences that support it. ``rdf:type`` is never an edge: class nodes would
become hubs that every path and centrality runs through (see NOTES, networkx).

Built from the store's deduplicated union graph for names and types, and from
the article graphs (``GRAPH ?g``) for provenance, so each edge knows which
article asserted it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from ..model.namespaces import sparql_prologue
from ..store import Store
from .queries import ALIASES, ARTICLES, MENTIONS, NODES, OFFICES, PHRASES, RELATIONS, values_clause

#: Evidence sentences kept per edge and per node; tooltips stay readable and pages small.
MAX_EVIDENCE = 4

#: rdf:type IRIs → the node kinds users filter on (``--type``), most specific first.
KIND_OF_CLASS = {
    "https://schema.org/Person": "person",
    "https://schema.org/GovernmentOrganization": "organization",
    "http://www.w3.org/ns/org#Organization": "organization",
    "https://schema.org/Place": "place",
    "https://w3id.org/warta/ontology#Meeting": "meeting",
    "https://w3id.org/warta/ontology#Agreement": "agreement",
    "https://w3id.org/warta/ontology#Program": "program",
    "https://schema.org/Quotation": "quote",
}
KINDS = ("person", "organization", "place", "meeting", "agreement", "program", "quote")

#: Relation keys → the label shown on an edge (read as "source LABEL target").
RELATION_LABELS = {
    "office": "holds office in",
    "attended": "attended",
    "party": "party to",
    "provides": "provides",
    "said": "said",
    "held_in": "held in",
    "about": "about",
    "part_of": "part of",
    "located_in": "located in",
}


@dataclass(frozen=True)
class StoredArticle:
    """An article as the store holds it: what a reader needs to find it again (the input is graph.article.Article)."""

    iri: str
    identifier: str = ""
    title: str = ""
    url: str = ""
    date: str = ""
    publisher: str = ""

    @property
    def link(self) -> str:
        """The article's web address when known, else its IRI."""
        return self.url or self.iri


@dataclass(frozen=True)
class Evidence:
    """One sentence of one article that supports a node or an edge."""

    article: StoredArticle
    sentence: str = ""

    def as_dict(self) -> dict:
        a = self.article
        return {
            "article": a.iri,
            "identifier": a.identifier,
            "title": a.title,
            "url": a.link,
            "date": a.date,
            "publisher": a.publisher,
            "sentence": self.sentence,
        }


def passage(sentences: Iterable[tuple[int, str]]) -> str:
    """The text of the sentences one phrase covers, given as ``(begin offset, text)``, in text order.

    A quote over three sentences is backed by all three, not only by the one
    that names its speaker.
    """
    return " ".join(text.strip() for _, text in sorted(set(sentences)))


@dataclass
class _Phrases:
    """Per (node, article) the sentences each phrase covers, and the nodes phrased in each sentence."""

    #: (node, article) -> phrase -> {sentence: (begin, text)}
    of: dict[tuple[str, str], dict[str, dict[str, tuple[int, str]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(dict))
    )
    in_sentence: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, target: str, article: str, phrase: str, sentence: str, begin: int, text: str) -> None:
        self.of[(target, article)][phrase][sentence] = (begin, text)
        self.in_sentence[sentence].add(target)

    def sentences(self, target: str, article: str, *, with_also: Iterable[str] = ()) -> list[str]:
        """Passages phrasing ``target`` in ``article`` (see :func:`passage`), best first.

        Passages with a sentence that also phrases one of ``with_also`` come first
        (only they, when there are any), then longer passages, then earlier ones.
        """
        others = set(with_also)
        ranked = []
        for covered in self.of.get((target, article), {}).values():
            names_other = any(others & self.in_sentence[s] for s in covered)
            first = min(begin for begin, _ in covered.values())
            ranked.append((not names_other, -len(covered), first, passage(covered.values())))
        ranked.sort()
        if ranked and not ranked[0][0]:
            ranked = [r for r in ranked if not r[0]]
        return list(dict.fromkeys(text for *_, text in ranked))


def load_entity_graph(store: Store, *, around: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """Read the entity graph from ``store``.

    Args:
        store: any Warta store.
        around: when given, only relations touching these IRIs (and the nodes at
            their other ends) are read, for ego views of a large store.

    Returns:
        A ``MultiDiGraph`` whose nodes are IRIs with attributes ``kind``, ``name``,
        ``aliases``, ``articles`` (set of article IRIs mentioning it), ``offices``,
        ``date``, ``government`` and ``evidence``; and whose edges carry
        ``relation``, ``label``, ``detail``, ``fact``, ``articles`` and ``evidence``.
    """
    focus = sorted(set(around)) if around is not None else None
    articles = _articles(store)
    graph = nx.MultiDiGraph(articles=articles)
    rows = _relations(store, focus)
    wanted = None if focus is None else set(focus) | {r[0] for r in rows} | {r[1] for r in rows}
    _add_nodes(store, graph, wanted)
    phrases = _phrases(store, None if wanted is None else wanted | {r[3] for r in rows if r[3]})
    _add_edges(graph, rows, articles, phrases)
    _add_node_evidence(graph, articles, phrases)
    return graph


def _select(store: Store, query: str) -> list[tuple]:
    return store.query(sparql_prologue() + query).rows


def _s(term) -> str:
    return "" if term is None else str(term)


def _articles(store: Store) -> dict[str, StoredArticle]:
    out = {}
    for iri, ident, title, url, date, publisher in _select(store, ARTICLES):
        out[str(iri)] = StoredArticle(str(iri), _s(ident), _s(title), _s(url), _s(date)[:10], _s(publisher))
    return out


def _relations(store: Store, focus: list[str] | None) -> list[tuple[str, str, str, str, str, str]]:
    """Rows (source, target, relation, fact, article, detail), read per relation."""
    rows = []
    for relation, body in RELATIONS.items():
        parts = [body] if focus is None else [values_clause("s", focus) + body, values_clause("o", focus) + body]
        for part in parts:
            query = f"SELECT DISTINCT ?s ?o ?fact ?g ?detail WHERE {{ {part} }}"
            for s, o, fact, g, detail in _select(store, query):
                rows.append((str(s), str(o), relation, _s(fact), _s(g), _s(detail)))
    return sorted(set(rows))


def _add_nodes(store: Store, graph: nx.MultiDiGraph, wanted: set[str] | None) -> None:
    restrict = "" if wanted is None else values_clause("x", sorted(wanted))
    rank = {cls: i for i, cls in enumerate(KIND_OF_CLASS)}
    best: dict[str, tuple[int, str]] = {}
    names: dict[str, str] = {}
    government: set[str] = set()
    for x, cls, name in _select(store, NODES.replace("#RESTRICT", restrict)):
        x, cls = str(x), str(cls)
        if cls.endswith("GovernmentOrganization"):
            government.add(x)
        if x not in best or rank[cls] < best[x][0]:
            best[x] = (rank[cls], KIND_OF_CLASS[cls])
        # Several names can survive a merge; the shortest canonical one reads best.
        name = _s(name)
        if name and (x not in names or (len(name), name) < (len(names[x]), names[x])):
            names[x] = name
    for x, (_, kind) in best.items():
        graph.add_node(
            x,
            kind=kind,
            name=names.get(x, x),
            aliases=[],
            articles=set(),
            offices=[],
            date="",
            government=x in government,
            evidence=[],
        )
    for x, alias in _select(store, ALIASES.replace("#RESTRICT", restrict)):
        node = graph.nodes.get(str(x))
        if node is not None and str(alias) != node["name"] and str(alias) not in node["aliases"]:
            node["aliases"].append(str(alias))
    for x, article, date in _select(store, MENTIONS.replace("#RESTRICT", restrict)):
        node = graph.nodes.get(str(x))
        if node is not None:
            node["articles"].add(str(article))
            if date is not None and (not node["date"] or str(date) < node["date"]):
                node["date"] = str(date)[:10]
    for person, role, org, acting, form in _select(store, OFFICES.replace("#RESTRICT", restrict.replace("?x", "?p"))):
        node = graph.nodes.get(str(person))
        if node is not None:
            office = acting_prefix(_s(acting), _s(form)) + str(role) + (f", {org}" if org is not None else "")
            if office not in node["offices"]:
                node["offices"].append(office)
    for node in graph.nodes.values():
        node["aliases"].sort()
        node["offices"].sort()


def acting_prefix(acting: str, form: str) -> str:
    """What goes before an office: the acting title the article wrote ("Plh "), "acting " when it wrote none."""
    if form:
        return form + " "
    return "acting " if acting == "true" else ""


def _phrases(store: Store, wanted: set[str] | None) -> _Phrases:
    restrict = "" if wanted is None else values_clause("target", sorted(wanted))
    phrases = _Phrases()
    for target, article, phrase, sentence, begin, text in _select(store, PHRASES.replace("#RESTRICT", restrict)):
        # A sentence without offsets (data not written by Warta) sorts first.
        phrases.add(str(target), str(article), str(phrase), str(sentence), int(begin or 0), str(text))
    return phrases


def _add_edges(graph: nx.MultiDiGraph, rows, articles: dict[str, StoredArticle], phrases: _Phrases) -> None:
    merged: dict[tuple[str, str, str, str], dict] = {}
    for s, o, relation, fact, article, detail in rows:
        if s not in graph or o not in graph or s == o:
            continue  # an endpoint without a name or class is not something to show
        key = (s, o, relation, detail)
        edge = merged.setdefault(
            key,
            {
                "relation": relation,
                "label": RELATION_LABELS[relation],
                "detail": detail,
                "fact": fact,
                "articles": set(),
                "evidence": [],
            },
        )
        edge["articles"].add(article)
        if len(edge["evidence"]) >= MAX_EVIDENCE or article not in articles:
            continue
        # The fact node's own sentences (a membership's, a meeting's) say why the link is
        # there; prefer those that also name the other end. Structural links
        # (part of, located in) have no fact node: use sentences naming both ends.
        holder = fact or s
        others = tuple(x for x in (s, o) if x != holder)
        texts = phrases.sentences(holder, article, with_also=others) or phrases.sentences(s, article, with_also=(o,))
        edge["evidence"].append(Evidence(articles[article], texts[0] if texts else ""))
    for (s, o, _, _), data in merged.items():
        graph.add_edge(s, o, **data)


def _add_node_evidence(graph: nx.MultiDiGraph, articles: dict[str, StoredArticle], phrases: _Phrases) -> None:
    for x, data in graph.nodes(data=True):
        for article in sorted(data["articles"], key=lambda a: articles.get(a, StoredArticle(a)).date):
            if len(data["evidence"]) >= MAX_EVIDENCE:
                break
            if article in articles:
                texts = phrases.sentences(x, article)
                data["evidence"].append(Evidence(articles[article], texts[0] if texts else ""))
