"""Content negotiation: which serialisation a client gets.

Pure functions over the ``Accept`` header and the optional ``format``
parameter (a convenience for links and downloads), so the worker processes
and the routes agree.
"""

from __future__ import annotations

#: SELECT/ASK: media type -> graph.results format name.
TABULAR = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/javascript": "json",
    "application/javascript": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
#: CONSTRUCT/DESCRIBE and graph documents: media type -> graph.results format name.
GRAPH = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/trig": "trig",
}
TABULAR_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}
GRAPH_TYPES = {
    "turtle": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "xml": "application/rdf+xml",
    "trig": "application/trig",
}
#: SPARQL's CSV and TSV results have no form for a boolean: ASK skips them.
_NO_BOOLEAN = {"csv", "tsv"}
_ALIASES = {"ntriples": "nt", "n-triples": "nt", "ttl": "turtle", "json-ld": "jsonld", "rdfxml": "xml", "rdf": "xml"}


def parse_accept(header: str | None) -> list[str]:
    """Media types from an ``Accept`` header, best first (ties keep header order)."""
    if not header:
        return []
    ranked = []
    for position, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        quality = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media))
    return [media for _, _, media in sorted(ranked)]


def choose(kind: str, accept: str | None, fmt: str | None = None) -> tuple[str, str]:
    """The (format name, media type) for a result of ``kind``.

    ``fmt`` (a name like ``csv`` or a media type) wins over ``Accept``; an
    unknown or absent preference falls back to JSON results or Turtle. An ASK
    asked for as CSV or TSV takes the client's next choice, else JSON.
    """
    tabular = kind in ("SELECT", "ASK")
    table, names = (TABULAR, TABULAR_TYPES) if tabular else (GRAPH, GRAPH_TYPES)
    if kind == "ASK":
        table = {media: name for media, name in table.items() if name not in _NO_BOOLEAN}
        names = {name: media for name, media in names.items() if name not in _NO_BOOLEAN}
    default = "json" if tabular else "turtle"
    if fmt:
        name = _ALIASES.get(fmt.lower(), fmt.lower())
        if name in names:
            return name, names[name]
        if name in table:
            return table[name], names[table[name]]
    for media in parse_accept(accept):
        if media in table:
            return table[media], names[table[media]]
    return default, names[default]


def wants_html(accept: str | None) -> bool:
    """A browser (HTML first) rather than an RDF client."""
    for media in parse_accept(accept):
        if media in ("text/html", "application/xhtml+xml"):
            return True
        if media in GRAPH or media in TABULAR:
            return False
    return False
