"""Registries keyed by name, with lazy imports.

Built-in readers, extractors, stores and exporters are registered the same way
a third party would: ``registry.register("name", "module.path", "ClassName")``.
The module is imported only when the entry is first used.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any, Generic, TypeVar

from .errors import Errors, WartaError

T = TypeVar("T")


class Registry(Generic[T]):
    """Maps a name to an object that is imported on first use."""

    def __init__(self, kind: str):
        self.kind = kind
        self._entries: dict[str, tuple[str, str] | Any] = {}

    def register(self, name: str, module: str | Any, attr: str | None = None) -> None:
        """Register ``module.attr`` lazily, or an object directly when ``attr`` is None."""
        self._entries[name] = (module, attr) if attr is not None else module

    def get(self, name: str) -> T:
        try:
            entry = self._entries[name]
        except KeyError:
            raise WartaError(Errors.E002.format(kind=self.kind, name=name, known=", ".join(sorted(self._entries)))) from None
        if isinstance(entry, tuple):
            module, attr = entry
            entry = getattr(importlib.import_module(module), attr)
            self._entries[name] = entry
        return entry

    def names(self) -> list[str]:
        return sorted(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())
