"""Deterministic IRIs.

Articles are named by identifier; entities by kind and canonical key, so one
official mentioned in two articles is one node; article-scoped facts
(meetings, quotes) by article and position, so re-ingesting an article
replaces them instead of duplicating them. Text spans follow the NIF
convention ``<article>#char=begin,end``.
"""

from __future__ import annotations

from urllib.parse import quote

from rdflib import URIRef

from ..resolve import slug

# The kinds of node minted under the base, one path segment each.
KIND_SEGMENT = {
    "article": "article",
    "person": "person",
    "organization": "organization",
    "place": "place",
    "role": "role",
    "membership": "membership",
    "meeting": "meeting",
    "agreement": "agreement",
    "program": "program",
    "quote": "quote",
    "publisher": "publisher",
}


class IriMinter:
    """Mints every IRI Warta writes, under one base."""

    def __init__(self, base: str):
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def article(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}article/{quote(article_id, safe='-._~')}")

    def node(self, kind: str, *keys: str) -> URIRef:
        return URIRef(self.base + KIND_SEGMENT[kind] + "/" + "--".join(slug(k) for k in keys))

    def scoped(self, kind: str, article_id: str, local: str) -> URIRef:
        """A node that lives in one article (a meeting, a quote)."""
        return URIRef(f"{self.base}{KIND_SEGMENT[kind]}/{quote(article_id, safe='-._~')}/{local}")

    @staticmethod
    def span(article: URIRef, start: int, end: int) -> URIRef:
        return URIRef(f"{article}#char={start},{end}")
