"""Extraction: an Article in, an Extraction out.

Extractors live in a registry keyed by name; the rule-based Indonesian
extractor is the default. A statistical or LLM-backed extractor registers
beside it with ``extractors.register(name, module, attr)`` and implements
:class:`Extractor`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from ..article import Article
from ..registry import Registry
from .types import Extraction


class Extractor(ABC):
    """Turns one article into plain extraction results."""

    name: str = ""

    @abstractmethod
    def extract(self, article: Article) -> Extraction:
        """Return everything found in ``article`` (offsets into ``article.text``)."""


extractors: Registry[type[Extractor]] = Registry("extractor")
extractors.register("rules", "graph.extract.rules", "RuleExtractor")
extractors.register("ner", "graph.extract.rules", "ModelExtractor")

DEFAULT_EXTRACTOR = "rules"


def get_extractor(name: str = DEFAULT_EXTRACTOR) -> Extractor:
    return extractors.get(name)()
