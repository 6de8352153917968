"""Query parameters: ``--param person="Ali Fitri Noor"`` bound as RDF terms, never pasted into text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Literal, URIRef

from .errors import Errors, WartaError

_VARIABLE = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")
_IRI = re.compile(r"^<([^<>\"{}|^`\\\s]+)>$|^(https?://[^\s<>\"]+)$")


def query_variables(sparql: str) -> set[str]:
    """Variable names used in a query (comments and strings may add a few; that only widens the check)."""
    return set(_VARIABLE.findall(sparql))


class ParameterError(WartaError):
    """A ``--param`` the query cannot take, or a declared parameter left unbound (a usage mistake)."""


def parse_param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not name:
        raise ParameterError(Errors.E135.format(text=text))
    return name, value


def param_term(value: str) -> URIRef | Literal:
    """``<iri>`` or ``http(s)://...`` become IRIs; anything else a plain string literal."""
    match = _IRI.match(value.strip())
    if match:
        return URIRef(match.group(1) or match.group(2))
    return Literal(value)


def bind_params(sparql: str, params: Iterable[str]) -> dict[str, URIRef | Literal]:
    known = query_variables(sparql)
    bindings: dict[str, URIRef | Literal] = {}
    for text in params:
        name, value = parse_param(text)
        if name not in known:
            raise ParameterError(Errors.E035.format(name=name))
        bindings[name] = param_term(value)
    return bindings


def check_bound(query_name: str, declared: Iterable, bindings: dict) -> None:
    """Refuse to run a query whose declared parameters (``# param:`` lines) are not all bound.

    Unbound, a parameter is just a variable, and ``offices-of-person`` would answer for
    every person; so the error lists what the query needs, with the documented examples.

    Args:
        query_name: the query's name, for the message.
        declared: its :class:`graph.server.library.Param` entries (optional ones may stay unbound).
        bindings: what ``--param`` bound (from :func:`bind_params`).
    """
    missing = [param for param in declared if param.name not in bindings and not param.optional]
    if missing:
        needed = " ".join(f'--param {p.name}="{p.example or "..."}"' for p in missing)
        described = "; ".join(f"{p.name}: {p.description}" for p in missing if p.description)
        raise ParameterError(
            Errors.E136.format(query=query_name, needed=needed, described=f" ({described})" if described else "")
        )
