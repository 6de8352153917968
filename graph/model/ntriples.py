"""A fast N-Triples writer for the ingest hot path (rdflib's serializer needs a Graph)."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Literal, URIRef

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
# Characters Python's str.splitlines() also breaks at: escaped, so that every
# consumer (the store splits this text into lines) sees one triple per line.
_ESCAPES.update({ord(c): f"\\u{ord(c):04X}" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def term(node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        text = '"' + str(node).translate(_ESCAPES) + '"'
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype is not None:
            return f"{text}^^<{node.datatype}>"
        return text
    if isinstance(node, BNode):
        return f"_:{node}"
    raise TypeError(f"not an RDF term: {node!r}")


def to_ntriples(triples: Iterable[tuple]) -> str:
    # Subjects and predicates repeat a lot within one article: write each once.
    written: dict = {}

    def cached(node) -> str:
        text = written.get(node)
        if text is None:
            text = written[node] = term(node)
        return text

    return "".join(f"{cached(s)} {cached(p)} {term(o)} .\n" for s, p, o in triples)
