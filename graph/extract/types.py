"""Plain data produced by extractors and consumed by the resolver and the model.

No RDF here. Every item carries the spans it was read from, as character
offsets into ``Article.text`` (``text[start:end] == span.text``), and the index
of the sentence that holds it, so every fact stays traceable.

Entities are referred to by ``key`` (unique within one ``Extraction``), not by
object reference, so an extraction serialises to JSON as it is.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EntityKind = Literal["person", "organization", "place"]
AgreementStatus = Literal["discussed", "planned", "signed"]


@dataclass
class Span:
    """A stretch of the article text: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str
    sentence: int = -1  # index into Extraction.sentences; -1 when unknown


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Entity:
    """A person, organisation or place named in the article.

    Args:
        key: identifier unique within the extraction (``"per:ali-fitri-noor"``).
        kind: ``person``, ``organization`` or ``place``.
        name: canonical form (full name without honorifics; full organisation
            name with acronyms expanded; region name without its type word).
        aliases: every other form the article uses (acronyms, short names).
        mentions: every span that names it.
        government: organisations only: a government body.
        parent: key of the organisation this one is part of
            (``org:subOrganizationOf``) or the place that contains this place.
        place_type: places only: ``province``, ``regency``, ``city``,
            ``district``, ``village``, ``country``, ``venue`` or ``other``.
        code: places only: the Kemendagri region code (Wikidata P1588).
        org_type: organisations only: ``ministry``, ``local_government``,
            ``agency``, ``legislature``, ``police``, ``company``,
            ``university``, ``political_party``, ``foreign_government``, ``other``.
        same_as_candidates: possible matches that were not merged, as
            ``(canonical name, score)`` pairs (a score in 0..1).
    """

    key: str
    kind: EntityKind
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    government: bool = False
    parent: str | None = None
    place_type: str | None = None
    code: str | None = None
    org_type: str | None = None
    same_as_candidates: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class Membership:
    """A person holding an office: ``Plh Sekda Kota Samarinda Ali Fitri Noor``.

    ``role`` is the office alone ("Sekretaris Daerah"): no Plh/Plt/Pj, region
    or name. ``organization`` is the key of the organisation (for regional
    heads, the region's government).
    """

    person: str
    role: str
    organization: str | None = None
    acting: bool = False
    evidence: list[Span] = field(default_factory=list)
    # The office as written with what it heads ("Gubernur Jawa Barat",
    # "Menteri Keuangan"), when that differs from ``role``; a display label.
    label: str | None = None
    # Which acting title the text wrote: "Plh", "Plt", "Pj" or "Pjs" (None when not acting,
    # or acting without one, as in "Kepala ... sementara").
    acting_form: str | None = None


@dataclass
class Meeting:
    """A reported gathering: rapat, rakor, audiensi, kunjungan kerja, ...

    Args:
        key: unique within the extraction (``"meeting:1"``).
        kind: the word that names it (``rapat``, ``audiensi``, ``penandatanganan``).
        name: a readable label ("Rapat ... tentang ...").
        date: ISO date (``2022-04-06``), when given or implied.
        time: ``HH:MM`` local time, when given.
        timezone: ``WIB``, ``WITA`` or ``WIT``, when given.
        location: key of a place entity (the venue), when given.
        attendees: keys of persons and organisations that took part.
        about: keys of agreements/programmes it concerns.
        topic: the topic as text, when it is not an extracted item.
    """

    key: str
    kind: str
    name: str
    date: str | None = None
    time: str | None = None
    timezone: str | None = None
    location: str | None = None
    attendees: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    topic: str | None = None
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Agreement:
    """An MoU, nota kesepakatan, perjanjian kerja sama or offer of cooperation."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    status: AgreementStatus = "discussed"
    date: str | None = None
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Program:
    """A named programme or target (``10.000 UKM dalam lima tahun``)."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    provider: str | None = None
    target_value: float | None = None
    target_unit: str | None = None
    target_text: str | None = None
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Quote:
    """A direct quotation. ``span`` covers the text inside the quote marks."""

    text: str
    span: Span
    speaker: str | None = None  # key of a person (or organisation) entity
    cue: Span | None = None  # the attribution ("ujar Ali Fitri", "pungkasnya")


@dataclass
class Extraction:
    """Everything one extractor found in one article."""

    article_id: str
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    extractor: str = ""

    def entity(self, key: str) -> Entity | None:
        for entity in self.entities:
            if entity.key == key:
                return entity
        return None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
