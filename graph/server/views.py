"""Graph views (graph.viz, pyvis pages) rendered inside query workers, so the timeout applies."""

from __future__ import annotations

from ..errors import Errors, WartaError
from .guard import check_query
from .jobs import Context


class ViewsUnavailable(WartaError):
    status = 501


def _viz():
    try:
        import graph.viz as viz
    except ImportError as error:
        raise ViewsUnavailable(Errors.E045.format(error=error)) from error
    return viz


def available() -> bool:
    try:
        _viz()
    except ViewsUnavailable:
        return False
    return True


def entity_view(context: Context, entity: str, hops: int = 2, base_iri: str | None = None) -> str:
    """The neighbourhood of ``entity`` (an IRI, name or alias) as a self-contained HTML page.

    An IRI that is in the store but not an entity-graph node (an article, an
    office held, a role, a publisher) gets the view of what is linked to it, so
    every resource page's graph frame draws something.
    """
    viz = _viz()
    try:
        return viz.render_view(context.store, entity=entity, hops=hops, base_iri=base_iri)
    except WartaError:
        if not entity.startswith(("http://", "https://", "urn:")):
            raise
        return viz.render_resource(context.store, entity, base_iri=base_iri)


def overview(context: Context, base_iri: str | None = None, **options) -> str:
    """The corpus overview: officials and agencies, the most central first (see graph.viz.overview)."""
    return _viz().render_overview(context.store, base_iri=base_iri, **options)


def message(title: str, text: str) -> str:
    return _viz().message_page(title, text)


def construct_view(
    context: Context,
    sparql: str,
    *,
    allow_service: bool = False,
    max_rows: int | None = None,
    base_iri: str | None = None,
) -> str:
    """A CONSTRUCT/DESCRIBE result drawn as a graph."""
    check_query(sparql, allow_service=allow_service)
    result = context.store.query(sparql, max_rows=max_rows)
    if result.kind not in ("CONSTRUCT", "DESCRIBE"):
        raise WartaError(Errors.E046)
    return _viz().render_triples(result.triples, base_iri=base_iri, store=context.store)
