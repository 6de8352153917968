"""The statistical entity layer under the rules.

The shipped NER model (:mod:`graph.extract.ner`) reads person, organisation and
place names from how the public corpora write them; the rules know what it does
not (offices, titles, regions, quotes, events). Two stages join them:

* :func:`read_model_names` runs first and records the model's names on the
  :class:`~.doc.Doc`. The name readers consult them as evidence where text
  alone is unsure: a word the model reads inside a person's name is a name word
  even when it is also a common word ("Hari Nugroho"), and a region word the
  model leaves outside the name goes to the office ("Kalbar Sutarmidji").
* :func:`add_model_persons` runs after the rule stages found the entities and
  adds the persons the model reads that no rule found (people named without
  an office or a speech verb: analysts, residents, company staff).
"""

from __future__ import annotations

import re

from .doc import Doc
from .lexicon import is_name_word, regions_by_name, role_forms, seen_in_names, seen_outside_names
from .names import match_name
from .persons import add_person, known_non_person
from .tokens import mark_model_names, tokenize


def read_model_names(doc: Doc) -> None:
    """Stage: the model's PER / ORG / LOC names, as evidence for the rules."""
    from ..ner import find_names

    doc.set_model_names(find_names(doc.text))


def add_model_persons(doc: Doc) -> None:
    """Stage: persons the model reads where no rule found one."""
    persons = [n for n in doc.model_names if n.label == "PER"]
    per_count: dict[str, int] = {}
    for n in persons:
        per_count[n.text] = per_count.get(n.text, 0) + 1
    for found in persons:
        if doc.mentions_overlapping(found.start, found.end):
            continue  # a rule read this stretch already (a person, an office's body, a place)
        sentence = doc.sentences[doc.sentence_index(found.start)]
        offset = sentence.start
        tokens = tokenize(doc.text[sentence.start : sentence.end])
        for tok in tokens:
            tok.start += offset
            tok.end += offset
        mark_model_names(tokens, doc.model_names_in(sentence.start, sentence.end))
        first = next((k for k, t in enumerate(tokens) if t.start >= found.start), None)
        if first is None:
            continue
        # The model's left edge is its least sure: "dengan Uu Ruzhanul Ulum" read as
        # "Ruzhanul Ulum". A name word just before it, and no body or region, joins.
        while first > 0 and _joins_name(tokens[first - 1]) and tokens[first - 1].end + 1 >= tokens[first].start:
            first -= 1
        read = match_name(tokens, first)
        if read is None:
            continue
        end, name, written = read
        if tokens[end - 1].end > found.end or known_non_person(name):
            continue
        if len(name.split()) == 1 and not seen_in_names(name) and per_count.get(name, 0) < 2:
            # One capitalised word the model reads once is as often a company, a place or a
            # term ("Gojek", "Santri", "Perda") as a person: the rules' cues decide those.
            continue
        add_person(doc, doc.span(tokens[first].start, tokens[end - 1].end), name, written)


def _joins_name(tok) -> bool:
    return (
        tok.cap
        and tok.model is None
        and is_name_word(tok.text)
        and not tok.acronym
        and tok.low not in regions_by_name()
        and tok.low not in role_forms()
        and not seen_outside_names(tok.text)
    )


_LOCATIVE_BEFORE = re.compile(r"\b(?:di|ke|dari|asal|wilayah|kawasan|daerah|menuju|sekitar)\s+$", re.IGNORECASE)


def add_model_places(doc: Doc) -> None:
    """Stage: places the model reads where no rule found one, when the text puts them in a
    place ("di Washington", "ke Beijing", "asal Lamongan"): foreign cities, landmarks and
    regions written in ways the gazetteer does not know."""
    for found in doc.model_names:
        if found.label != "LOC" or doc.mentions_overlapping(found.start, found.end):
            continue
        name = " ".join(found.text.split()).strip(" ,.;:-–")
        words = name.split()
        if not words or not all(w[:1].isupper() for w in words) or name.isupper():
            continue  # lower-case guesses and all-capital datelines are not names
        if not _LOCATIVE_BEFORE.search(doc.text, max(0, found.start - 12), found.start):
            continue
        start = doc.text.index(name, found.start)
        doc.add_entity("place", name, doc.span(start, start + len(name)))
