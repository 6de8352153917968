"""The exporters: the RDF formats a store streams its contents in, in one registry keyed by name.

Every backend exports through :func:`serialize_counted` with an exporter from
``exporters``, so ``warta export -f``, the stores and ``warta import`` agree on
one list. A third party adds a format the way the built-ins are added:
``exporters.register("name", Exporter(...))``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from ..errors import Errors, StoreError
from ..registry import Registry

if TYPE_CHECKING:  # pyoxigraph is imported when a format is used, not when the CLI lists them
    import pyoxigraph as ox


@dataclass(frozen=True)
class Exporter:
    """One RDF serialisation.

    ``oxigraph_format`` names the ``pyoxigraph.RdfFormat`` member that writes and
    parses it. ``keeps_graphs``: a quad format, so an export holds one named
    graph per article and can be imported back; the others write the
    deduplicated union as plain triples.
    """

    name: str
    oxigraph_format: str
    keeps_graphs: bool

    @property
    def rdf_format(self) -> ox.RdfFormat:
        import pyoxigraph as ox

        return getattr(ox.RdfFormat, self.oxigraph_format)


exporters: Registry[Exporter] = Registry("export format")
for _exporter in (
    Exporter("nquads", "N_QUADS", keeps_graphs=True),
    Exporter("trig", "TRIG", keeps_graphs=True),
    Exporter("turtle", "TURTLE", keeps_graphs=False),
    Exporter("ntriples", "N_TRIPLES", keeps_graphs=False),
    Exporter("jsonld", "JSON_LD", keeps_graphs=True),
    Exporter("xml", "RDF_XML", keeps_graphs=False),
):
    exporters.register(_exporter.name, _exporter)


def exporter(name: str) -> Exporter:
    """The exporter called ``name``; a StoreError naming the known ones otherwise."""
    if name not in exporters:
        raise StoreError(Errors.E002.format(kind="RDF format", name=name, known=", ".join(exporters.names())))
    return exporters.get(name)


def graph_exporter(name: str) -> Exporter:
    """The exporter ``name`` when it keeps named graphs (what a store can import back)."""
    found = exporter(name)
    if not found.keeps_graphs:
        known = ", ".join(n for n in exporters.names() if exporters.get(n).keeps_graphs)
        raise StoreError(Errors.E002.format(kind="import format", name=name, known=known))
    return found


def serialize_counted(items: Iterable[ox.Quad] | Iterable[ox.Triple], out: IO[bytes], fmt: Exporter) -> int:
    """Stream quads or triples to ``out`` in ``fmt``; returns how many were written."""
    import pyoxigraph as ox

    count = 0

    def counted():
        nonlocal count
        for item in items:
            count += 1
            yield item

    ox.serialize(counted(), out, fmt.rdf_format, prefixes=prefixes())
    return count


def prefixes() -> dict[str, str]:
    """The prefixes Turtle-like serialisations abbreviate IRIs with (the model's vocabulary)."""
    from ..model.namespaces import PREFIXES

    return dict(PREFIXES)
