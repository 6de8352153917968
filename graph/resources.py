"""What the package serves besides code: the query library, the example articles, the ontology and shapes.

They live at the repository root (``queries/``, ``examples/``, ``ontology/``), where people
read and edit them. ``graph/share/`` holds a symbolic link to each, so one lookup through
:mod:`importlib.resources` finds them in a source tree, an editable install (the links resolve
into the checkout) and a wheel (the build copies what the links point at; see
``[tool.setuptools.package-data]``).
"""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

#: Folders under ``graph/share/``.
SHARED = ("queries", "examples", "ontology")


def resource(name: str) -> Traversable:
    """The shipped folder ``name`` (one of :data:`SHARED`)."""
    if name not in SHARED:
        raise ValueError(f"unknown shared folder {name!r} (known: {', '.join(SHARED)})")
    return files("graph") / "share" / name


def resource_path(name: str) -> Path:
    """The shipped folder ``name`` as a real path (the package is installed as files, never zipped)."""
    with as_file(resource(name)) as path:
        return Path(path)
