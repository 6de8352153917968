"""Extraction: an Article in, an Extraction out.

Map of ``graph/extract/``:

* ``types.py`` — the plain results (entities with offsets, memberships, meetings,
  agreements, programmes, quotes) every extractor returns.
* ``ner/`` — the shipped statistical model (PER / ORG / LOC), its training script,
  config, evaluation and model card.
* ``rules/`` — the rules, in stages over one ``Doc`` (see its ``__init__`` for the
  order): sentences, the model's names (``model_names.py``, only in ``ner``),
  organisations / places / offices / persons, quotes, meetings, agreements,
  programmes, then ``finalize`` (in-article resolution). Word lists live in
  ``lexicon.py`` and the tables in ``graph/data``.

Extractors live in a registry keyed by name: ``ner`` (the default: the rules over
the statistical model) and ``rules`` (the rules alone, no model). Another
extractor registers beside them with ``extractors.register(name, module, attr)``
and implements :class:`Extractor`.
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

DEFAULT_EXTRACTOR = "ner"


def get_extractor(name: str = DEFAULT_EXTRACTOR) -> Extractor:
    return extractors.get(name)()
