"""What a linked-data page shows about one resource, gathered with a few SPARQL queries.

Runs in a query worker; returns plain data (strings, lists, dicts) for the
template, so nothing here knows HTML and everything crosses a process
boundary cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import overload

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from ..analysis.entities import passage
from ..errors import Errors
from ..model.namespaces import PREFIXES, sparql_prologue
from .article import ArticleView, acting_label
from .jobs import Context, NotFound

P = sparql_prologue()
_LABEL = "OPTIONAL { ?x schema:name|skos:prefLabel|schema:headline|rdfs:label ?xl }"

OUTGOING = (
    P
    + """
SELECT ?p ?o ?ol WHERE { ?e ?p ?o
  OPTIONAL { ?o schema:name|skos:prefLabel|schema:headline|rdfs:label ?ol } } LIMIT 400"""
)
INCOMING = (
    P
    + """
SELECT ?s ?p ?sl WHERE { ?s ?p ?e
  FILTER(?p NOT IN (itsrdf:taIdentRef, schema:mentions, org:member, org:organization, schema:creator, schema:attendee))
  OPTIONAL { ?s schema:name|skos:prefLabel|schema:headline|rdfs:label ?sl } } LIMIT 200"""
)
OFFICES = (
    P
    + """
SELECT DISTINCT ?m ?role ?org ?orgName ?acting ?form WHERE {
  ?m org:member ?e ; org:role/skos:prefLabel ?role .
  OPTIONAL { ?m org:organization ?org OPTIONAL { ?org schema:name ?orgName } }
  OPTIONAL { ?m warta:acting ?acting } OPTIONAL { ?m warta:actingForm ?form } } ORDER BY ?role LIMIT 200"""
)
MEMBERS = (
    P
    + """
SELECT DISTINCT ?m ?person ?personName ?role ?acting ?form WHERE {
  ?m org:organization ?e ; org:member ?person ; org:role/skos:prefLabel ?role .
  OPTIONAL { ?person schema:name ?personName }
  OPTIONAL { ?m warta:acting ?acting } OPTIONAL { ?m warta:actingForm ?form } } ORDER BY ?personName LIMIT 200"""
)
MEETINGS = (
    P
    + """
SELECT DISTINCT ?meeting ?name ?date ?place ?placeName WHERE {
  ?meeting a warta:Meeting ; schema:attendee|schema:location|schema:about ?e .
  OPTIONAL { ?meeting schema:name ?name }
  OPTIONAL { ?meeting schema:startDate ?date }
  OPTIONAL { ?meeting schema:location ?place OPTIONAL { ?place schema:name ?placeName } }
} ORDER BY DESC(?date) LIMIT 200"""
)
QUOTES = (
    P
    + """
SELECT DISTINCT ?quote ?text ?article ?headline WHERE {
  ?quote schema:creator ?e ; schema:text ?text .
  OPTIONAL { ?quote schema:isPartOf ?article OPTIONAL { ?article schema:headline ?headline } }
} LIMIT 200"""
)
ARTICLES = (
    P
    + """
SELECT DISTINCT ?article ?headline ?date WHERE {
  { ?article schema:mentions ?e } UNION { GRAPH ?article { ?phrase itsrdf:taIdentRef ?e ; nif:referenceContext/nif:sourceUrl ?article } }
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:datePublished ?date }
} ORDER BY DESC(?date) LIMIT 100"""
)
HOLDERS = (
    P
    + """
SELECT DISTINCT ?m ?person ?personName ?written ?org ?orgName ?acting ?form WHERE {
  { ?m org:role ?e } UNION { ?m org:role/skos:broader ?e }
  ?m org:member ?person ; org:role ?r .
  OPTIONAL { ?person schema:name ?personName }
  OPTIONAL { ?r rdfs:label ?written }
  OPTIONAL { ?m org:organization ?org OPTIONAL { ?org schema:name ?orgName } }
  OPTIONAL { ?m warta:acting ?acting }
  OPTIONAL { ?m warta:actingForm ?form }
} ORDER BY ?personName LIMIT 500"""
)
EVIDENCE = (
    P
    + """
SELECT DISTINCT ?article ?phrase ?begin ?end ?anchor ?sentenceBegin ?sentence WHERE {
  # NIF provenance lives in its article's graph only (graph/store/base.py).
  GRAPH ?article {
    ?phrase itsrdf:taIdentRef ?e ; nif:referenceContext/nif:sourceUrl ?article ;
            nif:anchorOf ?anchor ; nif:beginIndex ?begin ; nif:endIndex ?end .
    OPTIONAL { ?phrase nif:sentence ?s . ?s nif:anchorOf ?sentence OPTIONAL { ?s nif:beginIndex ?sentenceBegin } }
  }
} ORDER BY ?article ?begin LIMIT 500"""
)


@dataclass
class Term:
    """A value on a page: an IRI (with a label if known) or a literal."""

    value: str
    iri: bool = False
    label: str | None = None
    datatype: str | None = None
    lang: str | None = None

    @property
    def text(self) -> str:
        return self.label or self.value


@dataclass
class EntityView:
    iri: str
    name: str | None = None
    types: list[Term] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    properties: list[tuple[Term, Term]] = field(default_factory=list)
    incoming: list[tuple[Term, Term]] = field(default_factory=list)
    offices: list[dict] = field(default_factory=list)
    members: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)
    kind: str = "other"  # article, role, membership, quote, meeting, publisher, person, organization...
    title: str | None = None  # what the page's heading says
    summary: list[tuple[str, list[Term]]] = field(default_factory=list)
    holders: list[dict] = field(default_factory=list)
    article: ArticleView | None = None  # for articles


def curie(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


@overload
def term(node: Identifier, label: object = None) -> Term: ...
@overload
def term(node: Identifier | None, label: object = None) -> Term | None: ...
def term(node: Identifier | None, label: object = None) -> Term | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        return Term(str(node), iri=True, label=str(label) if label is not None else None)
    if isinstance(node, Literal):
        return Term(str(node), datatype=str(node.datatype) if node.datatype else None, lang=node.language)
    return Term(str(node))


def _text(node) -> str | None:
    return None if node is None else str(node)


def _rows(context: Context, sparql: str, iri: str):
    return context.store.query(sparql, bindings={"e": URIRef(iri)}).dicts()


def entity_view(context: Context, iri: str) -> EntityView:
    """Everything a page shows about ``iri``; raises NotFound when the store has nothing on it."""
    view = EntityView(iri)
    seen = set()
    for row in _rows(context, OUTGOING, iri):
        key = (str(row["p"]), str(row["o"]))
        if key in seen:
            continue
        seen.add(key)
        predicate, obj = str(row["p"]), row["o"]
        if obj is None:  # the pattern binds ?o; this tells the type checker
            continue
        if predicate == PREFIXES["schema"] + "name" and view.name is None:
            view.name = str(obj)
        elif predicate == PREFIXES["skos"] + "altLabel":
            view.aliases.append(str(obj))
        elif predicate == PREFIXES["rdf"] + "type":
            view.types.append(Term(str(obj), iri=True, label=curie(str(obj))))
            continue
        view.properties.append((Term(predicate, iri=True, label=curie(predicate)), term(obj, row["ol"])))
    incoming_seen = set()
    for row in _rows(context, INCOMING, iri):
        key = (str(row["s"]), str(row["p"]))
        subject = row["s"]
        if key not in incoming_seen and subject is not None:  # the pattern binds ?s
            incoming_seen.add(key)
            view.incoming.append((term(subject, row["sl"]), Term(str(row["p"]), iri=True, label=curie(str(row["p"])))))
    if not view.properties and not view.types and not view.incoming:
        raise NotFound(Errors.E042.format(iri=iri))
    view.aliases.sort()
    view.offices = [
        {
            "role": _text(r["role"]),
            "organization": term(r["org"], r["orgName"]),
            "acting": acting_label(_text(r["acting"]), _text(r["form"])),
            "membership": term(r["m"]),
        }
        for r in _rows(context, OFFICES, iri)
    ]
    view.members = [
        {
            "person": term(r["person"], r["personName"]),
            "role": _text(r["role"]),
            "acting": acting_label(_text(r["acting"]), _text(r["form"])),
            "membership": term(r["m"]),
        }
        for r in _rows(context, MEMBERS, iri)
    ]
    view.meetings = [
        {"meeting": term(r["meeting"], r["name"]), "date": _text(r["date"]), "place": term(r["place"], r["placeName"])}
        for r in _rows(context, MEETINGS, iri)
    ]
    view.quotes = [{"text": _text(r["text"]), "article": term(r["article"], r["headline"])} for r in _rows(context, QUOTES, iri)]
    view.articles = _articles(context, iri)
    view.kind = _kind(view)
    view.summary = _summary(view)
    if view.kind == "role":
        view.holders = _holders(context, iri)
    elif view.kind == "article":
        from .article import article_view

        view.article = article_view(context, iri)
    view.title = _title(view)
    return view


#: rdf:type → the kind of page, most specific first.
PAGE_KINDS = (
    (PREFIXES["schema"] + "NewsArticle", "article"),
    (PREFIXES["org"] + "Role", "role"),
    (PREFIXES["org"] + "Membership", "membership"),
    (PREFIXES["schema"] + "Quotation", "quote"),
    (PREFIXES["warta"] + "Meeting", "meeting"),
    (PREFIXES["warta"] + "Agreement", "agreement"),
    (PREFIXES["warta"] + "Program", "program"),
    (PREFIXES["schema"] + "NewsMediaOrganization", "publisher"),
    (PREFIXES["schema"] + "Person", "person"),
    (PREFIXES["schema"] + "GovernmentOrganization", "organization"),
    (PREFIXES["org"] + "Organization", "organization"),
    (PREFIXES["schema"] + "Place", "place"),
)

#: Properties shown at the top of a page, in this order, with a reader's name for each.
SUMMARY = (
    ("schema:creator", "Speaker"),
    ("org:member", "Person"),
    ("org:role", "Role"),
    ("org:organization", "Organisation"),
    ("warta:actingForm", "Acting as"),
    ("schema:startDate", "Date"),
    ("warta:meetingType", "Kind"),
    ("schema:location", "Place"),
    ("schema:about", "About"),
    ("schema:attendee", "Attendees"),
    ("warta:party", "Parties"),
    ("schema:provider", "Provided by"),
    ("schema:isPartOf", "Article"),
    ("skos:broader", "Office"),
    ("schema:containedInPlace", "In"),
    ("org:subOrganizationOf", "Part of"),
)


def _kind(view: EntityView) -> str:
    types = {t.value for t in view.types}
    return next((kind for cls, kind in PAGE_KINDS if cls in types), "other")


def _summary(view: EntityView) -> list[tuple[str, list[Term]]]:
    by_predicate: dict[str, list[Term]] = {}
    for p, o in view.properties:
        by_predicate.setdefault(p.label or "", []).append(o)
    return [(label, sorted(by_predicate[key], key=lambda t: t.text.lower())) for key, label in SUMMARY if key in by_predicate]


def _first(view: EntityView, key: str) -> str | None:
    return next((o.text for p, o in view.properties if p.label == key), None)


def _title(view: EntityView) -> str:
    """A heading a reader understands: the name, headline or label; for facts, what they say."""
    if view.kind == "article" and view.article is not None:
        a = view.article
        return a.headline or a.identifier or _opening(a) or curie(view.iri)
    if view.kind == "membership":
        person, role, org = _first(view, "org:member"), _first(view, "org:role"), _first(view, "org:organization")
        acting = _first(view, "warta:actingForm")
        office = " ".join(x for x in (acting, role) if x) or "office"
        return f"{person or 'someone'}: {office}" + (f", {org}" if org else "")
    if view.kind == "quote":
        speaker = _first(view, "schema:creator")
        return f"Quote by {speaker}" if speaker else "Quote"
    return (
        view.name
        or _first(view, "schema:headline")
        or _first(view, "rdfs:label")
        or _first(view, "skos:prefLabel")
        or curie(view.iri)
    )


def _opening(article) -> str | None:
    words = "".join(p.text for p in article.parts if p.kind == "text").split()[:12]
    return " ".join(words) + "…" if words else None


def _holders(context: Context, iri: str) -> list[dict]:
    return [
        {
            "person": term(r["person"], r["personName"]),
            "role": _text(r["written"]) or "",
            "organization": term(r["org"], r["orgName"]),
            "acting": acting_label(_text(r["acting"]), _text(r["form"])),
            "membership": term(r["m"]),
        }
        for r in _rows(context, HOLDERS, iri)
    ]


def _articles(context: Context, iri: str) -> list[dict]:
    """Articles that mention the resource, each with the sentences that do (NIF provenance)."""
    articles: dict[str, dict] = {}
    for r in _rows(context, ARTICLES, iri):
        articles.setdefault(
            str(r["article"]), {"article": term(r["article"], r["headline"]), "date": _text(r["date"]), "evidence": []}
        )
    # A phrase (a long quote) may cover several sentences: show them together, in text order.
    covered: dict[tuple[str, str], list] = {}
    for r in _rows(context, EVIDENCE, iri):
        if str(r["article"]) in articles:
            covered.setdefault((str(r["article"]), str(r["phrase"])), []).append(r)
    for (article, _), rows in covered.items():
        first = rows[0]
        sentences = [(int(r["sentenceBegin"] or 0), _text(r["sentence"]) or "") for r in rows if r["sentence"] is not None]
        anchor = _text(first["anchor"]) or ""
        sentence = passage(sentences) or anchor
        item = {"sentence": sentence, "anchor": anchor, "begin": int(first["begin"]), "end": int(first["end"])}
        # Highlight the mention inside its sentence when it is there.
        at = sentence.find(anchor) if anchor else -1
        item["parts"] = [sentence[:at], anchor, sentence[at + len(anchor) :]] if at >= 0 else [sentence, "", ""]
        evidence = articles[article]["evidence"]
        if not any(e["sentence"] == sentence and e["anchor"] == anchor for e in evidence):
            evidence.append(item)
    return list(articles.values())


DESCRIBE = P + "CONSTRUCT { ?e ?p ?o . ?s ?q ?e } WHERE { { ?e ?p ?o } UNION { ?s ?q ?e } }"
