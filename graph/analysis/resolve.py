"""Entity arguments: a name, an alias or an IRI, resolved to one node's IRI."""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import Errors, WartaError
from ..model.namespaces import sparql_prologue
from ..resolve import fold
from ..store import Store
from .queries import ALIASES, NODES

#: Candidates listed when a name is ambiguous.
SHOWN_CANDIDATES = 6


def resolve_entity(source, text: str) -> str:
    """The IRI of the one entity ``text`` names.

    Args:
        source: a store, or an entity graph from :func:`load_entity_graph`.
        text: an IRI, or a name or alias (case-, accent- and punctuation-insensitive);
            an exact name or alias wins over a partial one.

    Raises:
        WartaError: no entity, or several equally good ones, match.
    """
    candidates = list(_candidates(source))
    if text.startswith(("http://", "https://", "urn:")) and any(iri == text for iri, _, _ in candidates):
        return text
    return match_entity(candidates, text)


def match_entity(candidates: Iterable[tuple[str, str, list[str]]], text: str) -> str:
    """Pick from ``(iri, name, aliases)`` triples the one ``text`` names (see :func:`resolve_entity`)."""
    wanted = fold(text)
    if not wanted:
        raise WartaError(Errors.E060.format(name=text))
    # Tiers: a whole name or alias, then words starting with the text, then any substring.
    tiers: tuple[dict, dict, dict] = ({}, {}, {})
    for iri, name, aliases in candidates:
        forms = [fold(name)] + [fold(a) for a in aliases]
        if wanted in forms or text == iri:
            tiers[0][iri] = name
        elif any(f" {f}".find(f" {wanted}") >= 0 for f in forms):
            tiers[1][iri] = name
        elif any(wanted in f for f in forms):
            tiers[2][iri] = name
    found = tiers[0] or tiers[1] or tiers[2]
    if len(found) == 1:
        return next(iter(found))
    if not found:
        raise WartaError(Errors.E060.format(name=text))
    names = sorted(found.items(), key=lambda item: (item[1], item[0]))[:SHOWN_CANDIDATES]
    listed = "; ".join(f"{name} <{iri}>" for iri, name in names)
    raise WartaError(Errors.E061.format(name=text, count=len(found), candidates=listed))


def _candidates(source) -> Iterable[tuple[str, str, list[str]]]:
    if isinstance(source, Store):
        names: dict[str, str] = {}
        aliases: dict[str, list[str]] = {}
        for x, _, name in source.query(sparql_prologue() + NODES.replace("#RESTRICT", "")).rows:
            if name is not None:
                names.setdefault(str(x), str(name))
        for x, alias in source.query(sparql_prologue() + ALIASES.replace("#RESTRICT", "")).rows:
            aliases.setdefault(str(x), []).append(str(alias))
        return [(iri, name, aliases.get(iri, [])) for iri, name in names.items()]
    return [(n, d["name"], d["aliases"]) for n, d in source.nodes(data=True)]
