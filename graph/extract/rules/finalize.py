"""Last stage: tidy what the other stages built."""

from __future__ import annotations

import re

from ...resolve import candidate_matches, fold
from ..types import Entity, Membership
from .doc import Doc

# Spellings of one name that news writes both ways: the pre-1972 spelling (Soeharto,
# Djoko, Tjahjo) beside the current one, and doubled letters (Effendi / Efendi). Any
# other difference ("Ali Akbar" / "Adi Akbar") is another person.
_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("ch", "kh"))
_DOUBLED = re.compile(r"(\w)\1+")
_FINAL_Y = re.compile(r"y\b")


def finalize(doc: Doc) -> None:
    """Merge one person's variants, sort mentions, set sentence indices, drop redundant aliases and memberships."""
    merge_person_variants(doc)
    drop_names_inside_programmes(doc)
    for entity in doc.entities:
        entity.mentions.sort(key=lambda s: s.start)
        for span in entity.mentions:
            span.sentence = doc.sentence_index(span.start)
        seen = {fold(entity.name)}
        aliases = []
        for alias in entity.aliases:
            if fold(alias) not in seen and alias.strip():
                seen.add(fold(alias))
                aliases.append(alias)
        entity.aliases = aliases
    for kind in ("person", "organization"):
        same_kind = [e for e in doc.entities if e.kind == kind]
        names = [e.name for e in same_kind]
        for entity in same_kind:
            # Near-identical names the rules did not merge: recorded, not merged.
            entity.same_as_candidates = candidate_matches(entity.name, names, threshold=0.9)
    for membership in doc.extraction.memberships:
        for span in membership.evidence:
            span.sentence = doc.sentence_index(span.start)
    unique: dict[tuple[str, str, str | None], Membership] = {}
    for m in doc.extraction.memberships:
        unique.setdefault((m.person, m.role, m.organization), m)
    doc.extraction.memberships = list(unique.values())


def merge_person_variants(doc: Doc) -> None:
    """One person written two ways in one article becomes one node.

    Two ways news writes one person: a one-letter spelling variant of a long name
    ("Rahmat Effendi", "Rahmat Efendi", "Djoko" / "Joko"), and the full name with a leading word the
    other form drops ("I Made Wiradarma", "Made Wiradarma"; "H. Ali", "Ali"). The
    form with more mentions keeps the name, the other becomes an alias, and every
    reference (memberships, quotes, meetings, agreements, programmes) follows.
    Comparisons are within one article, whose person count is small; across
    articles such pairs are only recorded as candidates (see graph.resolve).
    """
    persons = [e for e in doc.entities if e.kind == "person"]
    replaced: dict[str, Entity] = {}
    for i, first in enumerate(persons):
        for second in persons[i + 1 :]:
            a, b = replaced.get(first.key, first), replaced.get(second.key, second)
            if a is b or not _same_person(fold(a.name), fold(b.name)):
                continue
            keep, gone = (a, b) if len(a.mentions) >= len(b.mentions) else (b, a)
            if len(gone.name.split()) > len(keep.name.split()):
                keep, gone = gone, keep  # the fuller form names the person
            _absorb(doc, keep, gone)
            replaced[gone.key] = keep
            for key, target in list(replaced.items()):
                if target is gone:
                    replaced[key] = keep
    # A short form ("Nirwono", "Sri Hartati") joins the one fuller name that contains its
    # words in order; shared by two persons ("Widodo" for Joko Widodo and Tri Widodo) it stays.
    persons = [e for e in doc.entities if e.kind == "person"]
    for short in sorted(persons, key=lambda e: len(e.name.split())):
        if short.key in replaced:
            continue
        words = fold(short.name).split()
        fuller = [
            e
            for e in persons
            if e is not short
            and e.key not in replaced
            and len(fold(e.name).split()) > len(words)
            and _contains_run(fold(e.name).split(), words)
        ]
        if len(fuller) == 1:
            _absorb(doc, fuller[0], short)
            replaced[short.key] = fuller[0]
    if replaced:
        _rewrite_references(doc, {key: entity.key for key, entity in replaced.items()})


def _same_person(a: str, b: str) -> bool:
    words_a, words_b = a.split(), b.split()
    if len(words_a) == len(words_b):
        return _spelling_key(a) == _spelling_key(b)
    short, long = sorted((words_a, words_b), key=len)
    # The longer form adds leading words only, and the shorter keeps at least two words.
    return len(short) >= 2 and long[-len(short) :] == short


def _contains_run(words: list[str], run: list[str]) -> bool:
    return any(words[k : k + len(run)] == run for k in range(len(words) - len(run) + 1))


def _spelling_key(name: str) -> str:
    for old, new in _OLD_SPELLING:
        name = name.replace(old, new)
    return _FINAL_Y.sub("i", _DOUBLED.sub(r"\1", name))


def _absorb(doc: Doc, keep: Entity, gone: Entity) -> None:
    doc.add_alias(keep, gone.name)
    for alias in gone.aliases:
        doc.add_alias(keep, alias)
    known = {(m.start, m.end) for m in keep.mentions}
    doc.replace_mentions(keep, keep.mentions + [m for m in gone.mentions if (m.start, m.end) not in known])
    doc.replace_mentions(gone, [])
    doc.extraction.entities.remove(gone)


def _rewrite_references(doc: Doc, keys: dict[str, str]) -> None:
    extraction = doc.extraction

    def new(key):
        return keys.get(key, key) if key is not None else None

    def unique(values):
        return list(dict.fromkeys(new(v) for v in values))

    for membership in extraction.memberships:
        membership.person = new(membership.person)
    for quote in extraction.quotes:
        quote.speaker = new(quote.speaker)
    for meeting in extraction.meetings:
        meeting.attendees = unique(meeting.attendees)
    for agreement in extraction.agreements:
        agreement.parties = unique(agreement.parties)
    for program in extraction.programs:
        program.provider = new(program.provider)


def drop_names_inside_programmes(doc: Doc) -> None:
    """A person or place read only inside a programme's name is part of that name:
    "Asuh" in "Program Bapak Asuh Anak Stunting", "Desa Digital" in a list of programmes."""
    spans = sorted((span.start, span.end) for program in doc.extraction.programs for span in program.evidence)
    if not spans:
        return

    def inside(mention) -> bool:
        return any(s <= mention.start and mention.end <= e for s, e in spans)

    gone = {e.key for e in doc.entities if e.kind in ("person", "place") and e.mentions and all(inside(m) for m in e.mentions)}
    if not gone:
        return
    extraction = doc.extraction
    for entity in [e for e in doc.entities if e.key in gone]:
        doc.replace_mentions(entity, [])
        extraction.entities.remove(entity)
    extraction.memberships = [m for m in extraction.memberships if m.person not in gone]
    for quote in extraction.quotes:
        if quote.speaker in gone:
            quote.speaker = None
    for meeting in extraction.meetings:
        meeting.attendees = [a for a in meeting.attendees if a not in gone]
        if meeting.location in gone:
            meeting.location = None
    for agreement in extraction.agreements:
        agreement.parties = [p for p in agreement.parties if p not in gone]
    for entity in doc.entities:
        if entity.parent in gone:
            entity.parent = None
