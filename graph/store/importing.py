"""Loading an export (N-Quads or TriG) back into a store: checked first, then all or nothing.

Warta's default graph is the union of the named graphs, so an import file
holds named graphs only: a triple in the default graph is refused (not
dropped, not guessed into some graph), as are blank-node graph names (they
cannot be addressed again) and RDF 1.2 triple terms (no Warta query, page or
check reads them).
"""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from ..errors import Errors, StoreError
from .formats import graph_exporter
from .statistics import GRAPH_NODE as STATISTICS
from .statistics import STATISTICS_GRAPH

FORMATS = ("nquads", "trig")
_SHOWN_CHARS = 160


def checked_quads(src: IO[bytes], fmt: str) -> Iterator[ox.Quad]:
    """The quads of ``src``, raising StoreError at the first one Warta cannot store.

    Linear and streaming: each quad is decided on its parsed terms.

    Raises:
        StoreError: a syntax error, a default-graph triple, a blank-node graph
            name or a triple term, naming the quad by its position.
    """
    position = 0
    try:
        for position, quad in enumerate(ox.parse(src, graph_exporter(fmt).rdf_format), 1):
            problem = quad_problem(quad)
            if problem is not None:
                shown = str(quad)
                shown = shown if len(shown) <= _SHOWN_CHARS else shown[:_SHOWN_CHARS] + "..."
                raise StoreError(Errors.E070.format(n=position, quad=shown, problem=problem))
            yield quad
    except SyntaxError as error:
        raise StoreError(Errors.E071.format(error=_one_line(error))) from None
    except (OSError, EOFError, UnicodeDecodeError) as error:  # a truncated or corrupt .gz
        raise StoreError(Errors.E072.format(n=position, error=_one_line(error))) from None


def quad_problem(quad: ox.Quad) -> str | None:
    """Why Warta cannot store ``quad``, or None."""
    if isinstance(quad.graph_name, ox.DefaultGraph):
        return Errors.E073
    if isinstance(quad.graph_name, ox.BlankNode):
        return Errors.E074
    if isinstance(quad.subject, ox.Triple) or isinstance(quad.object, ox.Triple):
        return Errors.E075
    if quad.graph_name == STATISTICS:
        return Errors.E084.format(graph=STATISTICS_GRAPH)
    return None


def import_file(path: str | Path, spec: str | None = None, fmt: str | None = None) -> int:
    """Import an export file (``.nq``, ``.trig``, optionally gzipped) into the store ``spec``.

    All or nothing on the embedded store: one transaction, so a bad quad near
    the end commits nothing, and a store directory created for the import is
    removed again. A new store is bulk-loaded in a directory beside it and
    renamed into place when complete: it appears whole or not at all, even if
    the import is killed, and loads about twice as fast as the transaction.

    Returns:
        The number of quads imported.

    Raises:
        StoreError: the file cannot be read or holds a quad Warta cannot store.
    """
    from . import local_directory, open_store, store_spec

    path = str(path)
    name = path[:-3] if path.endswith(".gz") else path
    fmt = fmt or ("trig" if name.endswith(".trig") else "nquads")
    target_dir = local_directory(store_spec(spec))
    opener = gzip.open if path.endswith(".gz") else open
    if target_dir is not None and not target_dir.exists():
        return _import_new(path, target_dir, fmt, opener)
    try:
        with open_store(spec) as target, opener(path, "rb") as src:
            count = target.import_(src, fmt)
            target.publish(force=True)
        return count
    except StoreError as error:
        raise StoreError(Errors.E076.format(path=path, error=error)) from None
    except OSError as error:
        raise StoreError(Errors.E076.format(path=path, error=error.strerror or error)) from None


def _import_new(path: str, target_dir: Path, fmt: str, opener) -> int:
    """Bulk-load a store that does not exist yet aside, then rename it into place."""
    from .oxigraph import OxigraphStore

    staging = target_dir.with_name(target_dir.name + ".importing")
    shutil.rmtree(staging, ignore_errors=True)  # left by an import killed earlier
    try:
        with OxigraphStore(staging) as target, opener(path, "rb") as src:
            count = target.import_(src, fmt, bulk=True)
            target.publish(force=True)
        os.rename(staging, target_dir)
        return count
    except StoreError as error:
        raise StoreError(Errors.E076.format(path=path, error=error)) from None
    except OSError as error:
        raise StoreError(Errors.E076.format(path=path, error=error.strerror or error)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())
