"""The rule-based Indonesian extractor.

:class:`RuleExtractor` runs named stages over one :class:`~.doc.Doc`, each a
function ``stage(doc) -> None`` that reads the document and appends to
``doc.extraction``: sentences, then organisations, places, offices and persons,
then the events (quotes, meetings, agreements, programmes), then a final pass
that tidies aliases and mention sentence indices.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from ...article import Article
from .. import Extractor
from ..types import Extraction
from .agreements import find_agreements
from .doc import Doc
from .finalize import finalize
from .meetings import find_meetings
from .offices import find_offices
from .organizations import find_organizations
from .persons import find_persons
from .places import add_dateline, contain_by_code, find_places
from .programs import find_programs
from .quotes import find_quotes
from .sentences import find_sentences
from .tokens import mark_model_names, tokenize

# A stage works on the document; what it returns (some give back what they found) is not used.
Stage = Callable[[Doc], object]


def find_entities(doc: Doc) -> None:
    """Stage: organisations, places, offices with their holders, then other persons."""
    tokens = tokenize(doc.text)
    mark_model_names(tokens, doc.model_names)
    orgs = find_organizations(doc, tokens)
    taken = {k for found, _ in orgs for k in range(found.start, found.end)}
    find_offices(doc, tokens)
    # A holder's name is not a place ("Kepala BKN Bima Haria Wibisana").
    names = sorted((m.start, m.end) for e in doc.entities if e.kind == "person" for m in e.mentions)
    if names:
        starts = [s for s, _ in names]
        for k, tok in enumerate(tokens):
            n = bisect.bisect_right(starts, tok.start) - 1
            if n >= 0 and tok.end <= names[n][1]:
                taken.add(k)
    find_places(doc, tokens, taken)
    add_dateline(doc, tokens)
    contain_by_code(doc)
    find_persons(doc, tokens)


STAGES: list[tuple[str, Stage]] = [
    ("sentences", find_sentences),
    ("entities", find_entities),
    ("quotes", find_quotes),
    ("meetings", find_meetings),
    ("agreements", find_agreements),
    ("programs", find_programs),
    ("finalize", finalize),
]


def _model_stages() -> list[tuple[str, Stage]]:
    from .model_names import add_model_persons, add_model_places, read_model_names

    stages = list(STAGES)
    stages.insert(1, ("model names", read_model_names))
    at = stages.index(("entities", find_entities)) + 1
    stages[at:at] = [("model persons", add_model_persons), ("model places", add_model_places)]
    return stages


class RuleExtractor(Extractor):
    """Rule-based extraction for Indonesian government news."""

    name = "rules"

    def __init__(self, stages: list[tuple[str, Stage]] | None = None):
        self.stages = list(STAGES if stages is None else stages)

    def extract(self, article: Article) -> Extraction:
        doc = Doc(article)
        for _, stage in self.stages:
            stage(doc)
        doc.extraction.extractor = self.name
        return doc.extraction


class ModelExtractor(RuleExtractor):
    """The rules over the shipped statistical NER (:mod:`.model_names`): the default."""

    name = "ner"

    def __init__(self):
        super().__init__(_model_stages())
