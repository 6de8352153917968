"""What an article page shows: its text with every extracted mention marked, and the facts read from it.

Runs in a query worker next to :mod:`graph.server.entity`; returns plain data.
The article's own graph (``GRAPH <article>``) says what was extracted from
it; names come from the union graph, where merged entities have their best name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from ..model.namespaces import PREFIXES, sparql_prologue
from .jobs import Context

P = sparql_prologue()

#: Mentions of these kinds become links in the text; facts (offices, quotes, meetings) are marked around them.
ENTITY_CLASSES = {
    PREFIXES["schema"] + "Person": "person",
    PREFIXES["schema"] + "GovernmentOrganization": "organization",
    PREFIXES["org"] + "Organization": "organization",
    PREFIXES["schema"] + "Place": "place",
    PREFIXES["warta"] + "Agreement": "agreement",
    PREFIXES["warta"] + "Program": "program",
}
FACT_CLASSES = {
    PREFIXES["org"] + "Membership": "membership",
    PREFIXES["warta"] + "Meeting": "meeting",
    PREFIXES["schema"] + "Quotation": "quote",
}

HEAD = (
    P
    + """
SELECT ?headline ?date ?url ?dateline ?identifier ?publisher ?publisherName ?text WHERE {
  OPTIONAL { ?e schema:headline ?headline }
  OPTIONAL { ?e schema:datePublished ?date }
  OPTIONAL { ?e schema:url ?url }
  OPTIONAL { ?e warta:dateline ?dateline }
  OPTIONAL { ?e schema:identifier ?identifier }
  OPTIONAL { ?e schema:publisher ?publisher OPTIONAL { ?publisher schema:name ?publisherName } }
  OPTIONAL { GRAPH ?e { ?ctx nif:sourceUrl ?e ; nif:isString ?text } }
} LIMIT 1"""
)
MENTIONS = (
    P
    + """
SELECT ?begin ?end ?target ?class ?label WHERE {
  GRAPH ?e { ?ph nif:referenceContext/nif:sourceUrl ?e ; nif:beginIndex ?begin ; nif:endIndex ?end ;
                 itsrdf:taIdentRef ?target }
  OPTIONAL { ?target a ?class }
  OPTIONAL { ?target schema:name ?label }
} LIMIT 5000"""
)
OFFICES = (
    P
    + """
SELECT DISTINCT ?m ?person ?personName ?written ?generic ?org ?orgName ?acting ?form WHERE {
  GRAPH ?e { ?m org:member ?person ; org:role ?r }
  OPTIONAL { ?person schema:name ?personName }
  OPTIONAL { ?r rdfs:label ?written } OPTIONAL { ?r skos:prefLabel ?generic }
  OPTIONAL { GRAPH ?e { ?m org:organization ?org } OPTIONAL { ?org schema:name ?orgName } }
  OPTIONAL { GRAPH ?e { ?m warta:acting ?acting } }
  OPTIONAL { GRAPH ?e { ?m warta:actingForm ?form } }
} ORDER BY ?personName LIMIT 500"""
)
MEETINGS = (
    P
    + """
SELECT ?meeting ?name ?date ?place ?placeName (COUNT(DISTINCT ?who) AS ?attendees) WHERE {
  GRAPH ?e { ?meeting a warta:Meeting OPTIONAL { ?meeting schema:attendee ?who } }
  OPTIONAL { ?meeting schema:name ?name }
  OPTIONAL { ?meeting schema:startDate ?date }
  OPTIONAL { ?meeting schema:location ?place OPTIONAL { ?place schema:name ?placeName } }
} GROUP BY ?meeting ?name ?date ?place ?placeName ORDER BY ?date LIMIT 200"""
)
QUOTES = (
    P
    + """
SELECT ?quote ?text ?speaker ?speakerName WHERE {
  GRAPH ?e { ?quote a schema:Quotation ; schema:text ?text OPTIONAL { ?quote schema:creator ?speaker } }
  OPTIONAL { ?speaker schema:name ?speakerName }
} ORDER BY ?quote LIMIT 200"""
)
DEALS = (
    P
    + """
SELECT ?x ?class ?name (GROUP_CONCAT(DISTINCT ?partyName; separator="; ") AS ?parties) WHERE {
  VALUES ?class { warta:Agreement warta:Program }
  GRAPH ?e { ?x a ?class OPTIONAL { ?x warta:party|schema:provider ?party } }
  OPTIONAL { ?x schema:name ?name }
  OPTIONAL { ?party schema:name ?partyName }
} GROUP BY ?x ?class ?name ORDER BY ?name LIMIT 200"""
)


@dataclass
class Part:
    """One piece of the article text: plain text, or where a marked mention opens or closes."""

    kind: str  # "text", "open", "close"
    text: str = ""
    target: str = ""
    label: str = ""
    category: str = ""  # person, organization... or membership, meeting, quote
    link: bool = False  # an entity: the mention is a link; a fact: marked, with a link after it


@dataclass
class ArticleView:
    headline: str | None = None
    date: str | None = None
    url: str | None = None
    dateline: str | None = None
    identifier: str | None = None
    publisher: tuple[str, str] | None = None  # (iri, name)
    parts: list[Part] = field(default_factory=list)
    mentions: int = 0
    offices: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    deals: list[dict] = field(default_factory=list)


def _s(value) -> str | None:
    return None if value is None else str(value)


def article_view(context: Context, iri: str) -> ArticleView:
    """The article at ``iri``: its heading fields, marked-up text and extracted facts."""
    rows = lambda q: context.store.query(q, bindings={"e": URIRef(iri)}).dicts()  # noqa: E731
    view = ArticleView()
    text = ""
    for r in rows(HEAD):
        view.headline, view.date, view.url = _s(r["headline"]), _s(r["date"]), _s(r["url"])
        view.dateline, view.identifier = _s(r["dateline"]), _s(r["identifier"])
        if r["publisher"] is not None:
            view.publisher = (str(r["publisher"]), _s(r["publisherName"]) or str(r["publisher"]))
        text = _s(r["text"]) or ""
    spans = _spans(rows(MENTIONS))
    view.mentions = len(spans)
    view.parts = mark(text, spans)
    view.offices = [
        {
            "person": (str(r["person"]), _s(r["personName"]) or str(r["person"])),
            "role": _s(r["written"]) or _s(r["generic"]) or "",
            "organization": (str(r["org"]), _s(r["orgName"]) or str(r["org"])) if r["org"] is not None else None,
            "acting": acting_label(_s(r["acting"]), _s(r["form"])),
            "membership": str(r["m"]),
        }
        for r in rows(OFFICES)
    ]
    view.meetings = [
        {
            "meeting": (str(r["meeting"]), _s(r["name"]) or "meeting"),
            "date": _s(r["date"]),
            "place": (str(r["place"]), _s(r["placeName"]) or str(r["place"])) if r["place"] is not None else None,
            "attendees": int(r["attendees"]),
        }
        for r in rows(MEETINGS)
    ]
    view.quotes = [
        {
            "quote": str(r["quote"]),
            "text": _s(r["text"]),
            "speaker": (str(r["speaker"]), _s(r["speakerName"]) or str(r["speaker"])) if r["speaker"] is not None else None,
        }
        for r in rows(QUOTES)
    ]
    view.deals = [
        {
            "x": (str(r["x"]), _s(r["name"]) or str(r["x"])),
            "kind": "agreement" if str(r["class"]).endswith("Agreement") else "programme",
            "parties": _s(r["parties"]) or "",
        }
        for r in rows(DEALS)
    ]
    return view


def acting_label(acting: str | None, form: str | None) -> str:
    """How an acting office reads: the form the article wrote (Plh, Plt, Pj), else "acting"; "" if not acting."""
    if form:
        return form
    return "acting" if acting == "true" else ""


def _spans(rows) -> list[tuple[int, int, str, str, str]]:
    """(begin, end, target, category, label) per mentioned target; a target's most specific class wins."""
    best: dict[tuple[int, int, str], tuple[str, str]] = {}
    for r in rows:
        cls = _s(r["class"]) or ""
        category = ENTITY_CLASSES.get(cls) or FACT_CLASSES.get(cls)
        key = (int(r["begin"]), int(r["end"]), str(r["target"]))
        if category is None:
            best.setdefault(key, ("", ""))
            continue
        current = best.get(key)
        # A meeting is also a schema:Event; an organisation both classes: keep the first category known.
        if current is None or not current[0]:
            best[key] = (category, _s(r["label"]) or "")
    return sorted((b, e, t, c, label) for (b, e, t), (c, label) in best.items() if c)


def mark(text: str, spans: list[tuple[int, int, str, str, str]]) -> list[Part]:
    """``text`` cut into parts, with an open and a close part around each mention.

    Mentions nest (a person inside an office inside a quote); ones that cross
    another's boundary are left out, and an entity is never marked inside another
    entity, because a link inside a link is not valid HTML.
    """
    kept: list[tuple[int, int, str, str, str]] = []
    stack: list[tuple[int, int, str, str, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1], s[3] in FACT_CLASSES.values())):
        begin, end, _, category, _ = span
        if not (0 <= begin < end <= len(text)):
            continue
        while stack and stack[-1][1] <= begin:
            stack.pop()
        if stack and end > stack[-1][1]:
            continue  # crosses the enclosing mention's end
        if any(s[3] in ENTITY_CLASSES.values() for s in stack):
            continue  # nothing is marked inside a link
        if stack and stack[-1][:2] == span[:2] and stack[-1][3] == category:
            continue
        stack.append(span)
        kept.append(span)
    events: list[tuple[int, int, int, tuple]] = []
    for i, span in enumerate(kept):
        events.append((span[0], 1, i, span))
        events.append((span[1], 0, -i, span))
    parts: list[Part] = []
    at = 0
    for pos, opening, _, (begin, end, target, category, label) in sorted(events):
        if pos > at:
            parts.append(Part("text", text[at:pos]))
            at = pos
        is_entity = category in ENTITY_CLASSES.values()
        parts.append(
            Part("open" if opening else "close", target=target, label=label or text[begin:end], category=category, link=is_entity)
        )
    if at < len(text):
        parts.append(Part("text", text[at:]))
    return parts
