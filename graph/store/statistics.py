"""Aggregates maintained, not recomputed: the statistics graph.

Questions such as "the top organisations by articles" or "which agencies attend
the same meetings most" cost a scan of every article when asked of the union
(bench queries b and c: 250-700 ms at 1M quads). Every store therefore keeps
their answers in one named graph, :data:`STATISTICS_GRAPH`, changed with every
batch written for exactly the entities, meetings and pairs the batch touched:

* on an entity (a person, organisation or place an article mentions, or a
  meeting attendee): ``warta:articleCount`` (articles mentioning it),
  ``warta:meetingCount`` (meetings it attended), ``warta:hostedMeetingCount``
  (meetings held at it), ``warta:firstMentioned`` / ``warta:lastMentioned``
  (the first and last publication day, ``xsd:date``);
* on a month node of a person (``warta:statisticsOf`` the person,
  ``warta:month`` "YYYY-MM"): ``warta:articlesInMonth``;
* on a pair node (``warta:pairFirst`` < ``warta:pairSecond`` by IRI): the
  meetings both attended, as ``warta:personCoAttendance`` (two persons) or
  ``warta:organizationCoAttendance`` (two organisations), with
  ``warta:lastMeeting`` (the latest dated one); and
  ``warta:organizationCoMention`` (articles mentioning both of two organisations).

The changes are computed from plain data of the batch: each article's
:class:`ArticleFacts` (read from its new N-Triples, and from its stored graph
when it is replaced or removed), netted, then added to the values stored for
the touched nodes. Counts are exact sums. A first/last day is recomputed
only when an article leaving the store held that extreme (one scoped query
per such entity or pair, over the other articles). So a batch costs what its
articles touch, never a pass over the corpus.

Why here, in Python over plain facts, rather than SPARQL updates that recount
the touched entities: under Zipf popularity the most-named officials and
agencies are in most batches and most articles, so recounting them is a pass
over much of the corpus per batch, and pairs of them more so; adding the
batch's deltas costs the same at 1k and 1M articles. Every store shares this
code and only supplies the reads (stored values, stored facts) and the writes.

Stores apply the resulting removals and additions in the batch's own
transaction where the backend allows (graph/store/oxigraph.py explains the
bulk path and its pending markers; graph/store/sparql.py the remote one).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

#: A stored value (pyoxigraph's stubs name no common type for terms).
Term = ox.NamedNode | ox.BlankNode | ox.Literal

#: The named graph holding the statistics (derived data: not an article graph, not in the union).
STATISTICS_GRAPH = "https://w3id.org/warta/statistics"
#: Pair and month nodes are named under it (deterministic, so a batch can address them).
_NODE_BASE = STATISTICS_GRAPH + "/"

_SCHEMA = "https://schema.org/"
_WARTA = "https://w3id.org/warta/ontology#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD = "http://www.w3.org/2001/XMLSchema#"

MENTIONS = _SCHEMA + "mentions"
DATE_PUBLISHED = _SCHEMA + "datePublished"
ATTENDEE = _SCHEMA + "attendee"
START_DATE = _SCHEMA + "startDate"
LOCATION = _SCHEMA + "location"
MEETING = _WARTA + "Meeting"
#: The classes whose members get entity statistics, and which of them pair by co-mention.
ENTITY_CLASSES = {
    _SCHEMA + "Person": "person",
    "http://www.w3.org/ns/org#Organization": "organization",
    _SCHEMA + "Place": "place",
}

ARTICLE_COUNT = _WARTA + "articleCount"
MEETING_COUNT = _WARTA + "meetingCount"
HOSTED_MEETING_COUNT = _WARTA + "hostedMeetingCount"
# Months and each kind of pair count with a property of their own: "the top pairs of
# organisations" then reads exactly those pairs (an index range) and sorts them, with no join
# to tell them from the rest (2 ms instead of 19 at 200k quads, measured).
ARTICLES_IN_MONTH = _WARTA + "articlesInMonth"
CO_MENTION = {"organization": _WARTA + "organizationCoMention"}
# Pairs of one kind only, and months for persons only: what the questions ask (who met whom,
# which agencies meet or appear together, officials per month); the other pairs and months
# would triple what each batch writes (measured: the writer fell to 0.37x with them).
CO_ATTENDANCE = {"organization": _WARTA + "organizationCoAttendance", "person": _WARTA + "personCoAttendance"}
MONTHLY_KINDS = {"person"}
_PAIR_MEETING_COUNTS = tuple(CO_ATTENDANCE.values())
_COUNTS = (ARTICLE_COUNT, MEETING_COUNT, HOSTED_MEETING_COUNT, ARTICLES_IN_MONTH, *CO_MENTION.values(), *_PAIR_MEETING_COUNTS)
FIRST_MENTIONED = _WARTA + "firstMentioned"
LAST_MENTIONED = _WARTA + "lastMentioned"
LAST_MEETING = _WARTA + "lastMeeting"
PAIR_FIRST = _WARTA + "pairFirst"
PAIR_SECOND = _WARTA + "pairSecond"
STATISTICS_OF = _WARTA + "statisticsOf"
MONTH = _WARTA + "month"
#: Written with a batch whose statistics are completed by a second transaction (the bulk path,
#: imports) and removed by it: while present, the graph may not match the articles (see oxigraph.py).
PENDING = _WARTA + "statisticsPending"
#: Present once the graph holds statistics for every article (a store written before them has none).
STATISTICS_VERSION = _WARTA + "statisticsVersion"
VERSION = 1

RELEVANT_PREDICATES = (MENTIONS, DATE_PUBLISHED, ATTENDEE, START_DATE, LOCATION, _RDF_TYPE)
# An N-Triples line whose predicate is one of them (the subject holds no space): found by the
# regex engine over the whole text, 5x a per-line test in Python.
_RELEVANT_LINE = re.compile(r"^\S+ <(?:" + "|".join(re.escape(p) for p in RELEVANT_PREDICATES) + r")> .*$", re.MULTILINE)
_INTEGER = ox.NamedNode(_XSD + "integer")
_DATE = ox.NamedNode(_XSD + "date")
GRAPH_NODE = ox.NamedNode(STATISTICS_GRAPH)


@dataclass
class MeetingFacts:
    day: str | None = None
    attendees: dict[str, str] = field(default_factory=dict)  # IRI -> kind ("person", "organization", "" if neither)
    locations: set[str] = field(default_factory=set)


@dataclass
class ArticleFacts:
    """What one article contributes to the statistics, as plain strings."""

    article: str
    day: str | None = None  # YYYY-MM-DD of schema:datePublished
    entities: dict[str, str] = field(default_factory=dict)  # IRI -> kind, for the entities it mentions
    meetings: dict[str, MeetingFacts] = field(default_factory=dict)


def _day(literal: str) -> str | None:
    """The YYYY-MM-DD a date or dateTime starts with (its own day, whatever its offset), or None."""
    day = literal[:10]
    if len(day) == 10 and day[4] == "-" and day[7] == "-" and day[:4].isdigit():
        return day
    return None


def facts_from_triples(article: str, triples: Iterable[ox.Triple | ox.Quad]) -> ArticleFacts:
    """An article's facts from its graph's triples (others are ignored)."""
    mentioned: set[str] = set()
    types: dict[str, set[str]] = defaultdict(set)
    meeting_parts: dict[str, MeetingFacts] = defaultdict(MeetingFacts)
    facts = ArticleFacts(article)
    for t in triples:
        s, p, o = t.subject, t.predicate.value, t.object
        if not isinstance(s, ox.NamedNode):
            continue
        if p == _RDF_TYPE and isinstance(o, ox.NamedNode):
            types[s.value].add(o.value)
        elif p == MENTIONS and s.value == article and isinstance(o, ox.NamedNode):
            mentioned.add(o.value)
        elif p == DATE_PUBLISHED and s.value == article and isinstance(o, ox.Literal):
            facts.day = _day(o.value)
        elif p == ATTENDEE and isinstance(o, ox.NamedNode):
            meeting_parts[s.value].attendees[o.value] = ""
        elif p == LOCATION and isinstance(o, ox.NamedNode):
            meeting_parts[s.value].locations.add(o.value)
        elif p == START_DATE and isinstance(o, ox.Literal):
            meeting_parts[s.value].day = _day(o.value)
    for iri in mentioned:
        kinds = [ENTITY_CLASSES[c] for c in types.get(iri, ()) if c in ENTITY_CLASSES]
        if kinds:
            facts.entities[iri] = sorted(kinds)[0]
    facts.meetings = {m: parts for m, parts in meeting_parts.items() if MEETING in types.get(m, ())}
    for meeting in facts.meetings.values():
        for iri in meeting.attendees:
            kinds = sorted(ENTITY_CLASSES[c] for c in types.get(iri, ()) if c in ENTITY_CLASSES)
            meeting.attendees[iri] = kinds[0] if kinds else ""
    return facts


def facts_from_ntriples(article: str, ntriples: str) -> ArticleFacts:
    """:func:`facts_from_triples` over N-Triples text, parsing only the lines that can matter."""
    lines = _RELEVANT_LINE.findall(ntriples)
    return facts_from_triples(article, ox.parse("\n".join(lines).encode("utf-8"), ox.RdfFormat.N_TRIPLES))


def pair_node(a: str, b: str) -> str:
    return f"{_NODE_BASE}pair/{hashlib.sha1(f'{a} {b}'.encode()).hexdigest()[:24]}"


def month_node(entity: str, month: str) -> str:
    return f"{_NODE_BASE}month/{hashlib.sha1(entity.encode()).hexdigest()[:24]}/{month}"


def _pairs(iris: Iterable[str]) -> Iterable[tuple[str, str]]:
    ordered = sorted(set(iris))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            yield a, b


class Changes:
    """The net change a batch makes to the statistics: articles leaving (-1) and arriving (+1)."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], int] = Counter()  # (node, property) -> delta
        self.links: dict[str, tuple[tuple[str, str], ...]] = {}  # node -> the triples naming what it is about
        self.days_in: dict[tuple[str, str], set[str]] = defaultdict(set)  # (node, "mention"|"meeting") -> days arriving
        self.days_out: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.leaving: set[str] = set()  # articles whose stored graph leaves or is replaced

    def remove(self, facts: ArticleFacts) -> None:
        self.leaving.add(facts.article)
        self._count(facts, -1)

    def add(self, facts: ArticleFacts) -> None:
        self._count(facts, +1)

    def _count(self, facts: ArticleFacts, sign: int) -> None:
        days = self.days_in if sign > 0 else self.days_out
        for entity in facts.entities:
            self.counts[entity, ARTICLE_COUNT] += sign
            if facts.day:
                days[entity, "mention"].add(facts.day)
            if facts.day and facts.entities[entity] in MONTHLY_KINDS:
                month = month_node(entity, facts.day[:7])
                self.counts[month, ARTICLES_IN_MONTH] += sign
                self.links[month] = ((STATISTICS_OF, entity), (MONTH, facts.day[:7]))
        for kind, prop in CO_MENTION.items():
            for a, b in _pairs(e for e, k in facts.entities.items() if k == kind):
                node = pair_node(a, b)
                self.counts[node, prop] += sign
                self.links[node] = ((PAIR_FIRST, a), (PAIR_SECOND, b))
        for meeting in facts.meetings.values():
            for attendee in meeting.attendees:
                self.counts[attendee, MEETING_COUNT] += sign
            for place in meeting.locations:
                self.counts[place, HOSTED_MEETING_COUNT] += sign
            for kind, prop in CO_ATTENDANCE.items():
                for a, b in _pairs(iri for iri, k in meeting.attendees.items() if k == kind):
                    node = pair_node(a, b)
                    self.counts[node, prop] += sign
                    self.links[node] = ((PAIR_FIRST, a), (PAIR_SECOND, b))
                    if meeting.day:
                        days[node, "meeting"].add(meeting.day)

    def nodes(self) -> list[str]:
        """The nodes whose stored statistics this change reads."""
        touched = {node for (node, _), delta in self.counts.items() if delta}
        touched.update(node for node, _ in self.days_in)
        touched.update(node for node, _ in self.days_out)
        return sorted(touched)

    def quads(
        self,
        current: Mapping[str, Mapping[str, Term]],
        recompute_days: Callable[[list[str], list[tuple[str, str]], set[str]], dict[str, tuple[str | None, str | None]]],
    ) -> tuple[list[ox.Quad], list[ox.Quad]]:
        """The quads to remove from and add to the statistics graph.

        Args:
            current: node -> property -> stored value, for :meth:`nodes`.
            recompute_days: given entities and pairs whose stored first/last day
                may have left with an article, and the leaving articles, their
                first and last days over the other articles (see :func:`days_queries`).
        """
        remove: list[ox.Quad] = []
        add: list[ox.Quad] = []
        values: dict[str, dict[str, Term]] = {node: dict(props) for node, props in current.items()}
        for (node, prop), delta in self.counts.items():
            if delta:
                stored = values.get(node, {}).get(prop)
                count = (int(stored.value) if stored is not None else 0) + delta
                _set(values, node, prop, ox.Literal(str(count), datatype=_INTEGER) if count > 0 else None)
        # First/last days: widened by days arriving; recomputed where a leaving day was an extreme.
        redo_entities, redo_pairs = [], []
        for key in set(self.days_in) | set(self.days_out):
            node, kind = key
            first_prop, last_prop = (FIRST_MENTIONED, LAST_MENTIONED) if kind == "mention" else (None, LAST_MEETING)
            props = values.get(node, {})
            extremes = {props[p].value for p in (first_prop, last_prop) if p and p in props}
            if self.days_out.get(key, set()) & extremes:
                if kind == "mention":
                    redo_entities.append(node)
                else:
                    links = dict(self.links[node])
                    redo_pairs.append((links[PAIR_FIRST], links[PAIR_SECOND]))
                continue
            arriving = self.days_in.get(key, set())
            if arriving:
                if first_prop:
                    _widen(values, node, first_prop, min(arriving), min)
                _widen(values, node, last_prop, max(arriving), max)
        if redo_entities or redo_pairs:
            days = recompute_days(redo_entities, redo_pairs, self.leaving)
            for entity in redo_entities:
                first, last = days.get(entity, (None, None))
                arriving = self.days_in.get((entity, "mention"), set())
                first = min(filter(None, [first, *arriving]), default=None)
                last = max(filter(None, [last, *arriving]), default=None)
                _set(values, entity, FIRST_MENTIONED, _date(first))
                _set(values, entity, LAST_MENTIONED, _date(last))
            for a, b in redo_pairs:
                node = pair_node(a, b)
                _, last = days.get(node, (None, None))
                last = max(filter(None, [last, *self.days_in.get((node, "meeting"), set())]), default=None)
                _set(values, node, LAST_MEETING, _date(last))
        for node in self.nodes():
            before, after = current.get(node, {}), _finished(node, values.get(node, {}), self.links.get(node, ()))
            g_node = ox.NamedNode(node)
            for prop in before.keys() | after.keys():
                old, new = before.get(prop), after.get(prop)
                if old == new:
                    continue
                if old is not None:
                    remove.append(ox.Quad(g_node, ox.NamedNode(prop), old, GRAPH_NODE))
                if new is not None:
                    add.append(ox.Quad(g_node, ox.NamedNode(prop), new, GRAPH_NODE))
        return remove, add


def _set(values: dict[str, dict[str, Term]], node: str, prop: str, value: Term | None) -> None:
    props = values.setdefault(node, {})
    if value is None:
        props.pop(prop, None)
    else:
        props[prop] = value


def _widen(values: dict[str, dict[str, Term]], node: str, prop: str, day: str, pick) -> None:
    stored = values.get(node, {}).get(prop)
    _set(values, node, prop, _date(day if stored is None else pick(stored.value, day)))


def _date(day: str | None) -> ox.Literal | None:
    return None if day is None else ox.Literal(day, datatype=_DATE)


def _finished(node: str, props: dict[str, Term], links: tuple[tuple[str, str], ...]) -> dict[str, Term]:
    """A node's properties as they should be stored: dates only beside their counts, links only while it counts."""
    props = dict(props)
    if ARTICLE_COUNT not in props:
        props.pop(FIRST_MENTIONED, None)
        props.pop(LAST_MENTIONED, None)
    if not any(p in props for p in _PAIR_MEETING_COUNTS):
        props.pop(LAST_MEETING, None)
    counted = any(p in props for p in _COUNTS)
    for prop, value in links:
        if counted and prop not in props:
            props[prop] = ox.NamedNode(value) if prop != MONTH else ox.Literal(value)
    if not counted:
        for prop in (PAIR_FIRST, PAIR_SECOND, STATISTICS_OF, MONTH):
            props.pop(prop, None)
    return props


def days_queries(entities: Sequence[str], pairs: Sequence[tuple[str, str]], leaving: set[str]) -> list[tuple[str, str]]:
    """SPARQL over the union giving first/last days of entities and pairs, without the ``leaving`` articles.

    Returns (kind, query) pairs: "entity" rows are ``?node ?first ?last``, "pair" rows ``?a ?b ?last``.
    Each reads only the articles that mention the entity or meetings the pair attended (index look-ups).
    """
    excluded = f"FILTER (?article NOT IN ({', '.join(f'<{a}>' for a in sorted(leaving))}))" if leaving else ""
    queries = []
    for start in range(0, len(entities), 100):
        values = " ".join(f"<{e}>" for e in entities[start : start + 100])
        queries.append(
            (
                "entity",
                f"SELECT ?node (MIN(?day) AS ?first) (MAX(?day) AS ?last) WHERE {{ VALUES ?node {{ {values} }} "
                f"?article <{MENTIONS}> ?node ; <{DATE_PUBLISHED}> ?date . {excluded} "
                f"BIND (SUBSTR(STR(?date), 1, 10) AS ?day) }} GROUP BY ?node",
            )
        )
    for start in range(0, len(pairs), 100):
        values = " ".join(f"(<{a}> <{b}>)" for a, b in pairs[start : start + 100])
        queries.append(
            (
                "pair",
                f"SELECT ?a ?b (MAX(?day) AS ?last) WHERE {{ VALUES (?a ?b) {{ {values} }} "
                f"?meeting <{ATTENDEE}> ?a, ?b ; a <{MEETING}> ; <{START_DATE}> ?date . ?article <{MENTIONS}> ?meeting . "
                f"{excluded} BIND (SUBSTR(STR(?date), 1, 10) AS ?day) }} GROUP BY ?a ?b",
            )
        )
    return queries


def recompute_days_with(select: Callable[[str], list[dict[str, str | None]]]):
    """A ``recompute_days`` for :meth:`Changes.quads` running :func:`days_queries` through ``select``.

    ``select`` runs a SELECT over the union and gives rows as variable -> lexical value.
    """

    def recompute(
        entities: list[str], pairs: list[tuple[str, str]], leaving: set[str]
    ) -> dict[str, tuple[str | None, str | None]]:
        found: dict[str, tuple[str | None, str | None]] = {}
        for kind, query in days_queries(entities, pairs, leaving):
            for row in select(query):
                if kind == "entity":
                    found[row["node"] or ""] = (_day(row.get("first") or ""), _day(row.get("last") or ""))
                else:
                    found[pair_node(row["a"] or "", row["b"] or "")] = (None, _day(row.get("last") or ""))
        return found

    return recompute


def refuse_statistics_graph(graph_iris: Iterable[str]) -> None:
    """Article writes never name the statistics graph (it would be counted as an article)."""
    from ..errors import Errors, StoreError

    if STATISTICS_GRAPH in graph_iris:
        raise StoreError(Errors.E085.format(graph=STATISTICS_GRAPH))


def pending_quad() -> ox.Quad:
    return ox.Quad(GRAPH_NODE, ox.NamedNode(PENDING), ox.Literal("true", datatype=ox.NamedNode(_XSD + "boolean")), GRAPH_NODE)


def version_quad() -> ox.Quad:
    return ox.Quad(GRAPH_NODE, ox.NamedNode(STATISTICS_VERSION), ox.Literal(str(VERSION), datatype=_INTEGER), GRAPH_NODE)
