"""The document that every rule stage reads and extends.

A :class:`Doc` wraps one :class:`~graph.article.Article` with its sentence
boundaries and the :class:`~graph.extract.types.Extraction` being built.
Stages never create :class:`Entity` objects themselves: they call
:meth:`Doc.add_entity`, which merges repeated mentions into one entity and
records the other forms as aliases, and :meth:`Doc.find_entity`, which turns a
short form ("Ali", "Bupati Agus", "Kemnaker") back into the entity the article
introduced earlier.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from ...article import Article
from ...resolve import fold, person_name_core, slug
from ..types import Entity, EntityKind, Extraction, Sentence, Span

_KEY_PREFIX = {"person": "per", "organization": "org", "place": "place"}
_GOVERNMENT_LEVELS = {"kota": "city", "kabupaten": "regency", "provinsi": "province"}


def _government_level(name: str) -> str | None:
    """``city`` for "Pemerintah Kota Jambi", ``province`` for "Pemerintah Provinsi Jambi", else None."""
    words = name.casefold().split()
    if len(words) > 2 and words[0] == "pemerintah":
        return _GOVERNMENT_LEVELS.get(words[2] if words[1] == "daerah" else words[1])
    return None


class Doc:
    """One article under extraction.

    Args:
        article: the article being read.
        sentences: sentence boundaries; when omitted the whole text is one
            sentence until the sentence stage sets them with
            :meth:`set_sentences`.

    Attributes:
        article: the article.
        text: ``article.text``; every offset indexes into it.
        extraction: the results so far.
    """

    def __init__(self, article: Article, sentences: list[Sentence] | None = None):
        self.article = article
        self.text = article.text
        self.extraction = Extraction(article_id=article.id)
        self._counters: dict[str, int] = {}
        self._starts: list[int] = []
        # Folded form -> entities that were given it, so a lookup does not scan every entity.
        # Entries are checked on use: a form an entity has lost no longer finds it.
        self._forms: dict[str, list[Entity]] = {}
        self._order: dict[int, int] = {}
        # Sentence index -> the mentions starting in it, so the questions stages ask about a
        # stretch of text ("which persons are named in this clause?") cost the mentions of
        # that stretch, not of the whole article: extraction stays linear in article size.
        self._mentions_by_sentence: dict[int, list[tuple[Span, Entity]]] = {}
        self._derived: dict[str, Any] = {}
        # Names a statistical model read (spans with start, end, label, text), sorted; empty
        # when the rules run alone. Rules ask them for evidence where text alone is unsure.
        self.model_names: list[Any] = []
        self._model_starts: list[int] = []
        self.set_sentences(sentences or [Sentence(0, len(self.text))])

    # -- sentences and spans -------------------------------------------------

    def set_sentences(self, sentences: list[Sentence]) -> None:
        """Replace the sentence boundaries (sorted, non-overlapping)."""
        self.extraction.sentences = list(sentences)
        self._starts = [s.start for s in self.extraction.sentences]
        self._mentions_by_sentence = {}
        for entity in self.entities:
            for mention in entity.mentions:
                self._index_mention(mention, entity)

    @property
    def sentences(self) -> list[Sentence]:
        return self.extraction.sentences

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the nearest one before it)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` over ``text[start:end]`` with its sentence index."""
        return Span(start, end, self.text[start:end], self.sentence_index(start))

    def set_model_names(self, names: list[Any]) -> None:
        """Record the names a statistical model found (``start``, ``end``, ``label``, ``text``)."""
        self.model_names = sorted(names, key=lambda n: (n.start, n.end))
        self._model_starts = [n.start for n in self.model_names]

    def model_name_at(self, offset: int, label: str | None = None) -> Any | None:
        """The model's name holding the character at ``offset`` (of ``label``, if given)."""
        k = bisect.bisect_right(self._model_starts, offset) - 1
        if k < 0:
            return None
        name = self.model_names[k]
        if offset < name.end and (label is None or name.label == label):
            return name
        return None

    def model_names_in(self, start: int, end: int, label: str | None = None) -> list[Any]:
        """The model's names starting inside ``[start, end)``."""
        lo = bisect.bisect_left(self._model_starts, start)
        hi = bisect.bisect_left(self._model_starts, end)
        return [n for n in self.model_names[lo:hi] if label is None or n.label == label]

    def derived(self, name: str, compute: Callable[[], Any]) -> Any:
        """A value computed once from the (fixed) text, such as a word index a stage reads often."""
        if name not in self._derived:
            self._derived[name] = compute()
        return self._derived[name]

    def new_key(self, prefix: str) -> str:
        """A fresh key ``prefix:N`` (``meeting:1``, ``agreement:2``...)."""
        self._counters[prefix] = self._counters.get(prefix, 0) + 1
        return f"{prefix}:{self._counters[prefix]}"

    # -- entities --------------------------------------------------------------

    @property
    def entities(self) -> list[Entity]:
        return self.extraction.entities

    def add_entity(self, kind: EntityKind, name: str, span: Span | None, **attrs: Any) -> Entity:
        """Add a mention of an entity, merging into one already known.

        An existing entity of the same kind whose name or an alias folds to
        ``name`` (or to the span's text, or to any ``aliases`` passed) takes the
        mention; otherwise a new entity is created. A span text that differs
        from the canonical name becomes an alias.

        Args:
            kind: ``person``, ``organization`` or ``place``.
            name: the canonical name.
            span: where the article names it (None for implied entities, such
                as the government of a region named only through its head).
            **attrs: further :class:`Entity` fields. ``aliases`` extends the
                alias list; other fields fill fields still empty (``parent``,
                ``place_type``...), and ``government=True`` sticks.

        Returns:
            The entity that now holds the mention.
        """
        aliases = list(attrs.pop("aliases", []) or [])
        forms = [name, *aliases] + ([span.text] if span is not None else [])
        entity = self._lookup(kind, forms)
        if entity is not None and _government_level(entity.name) != _government_level(name):
            # "Wali Kota Jambi" after "Pemprov Jambi": the same region word, another government.
            entity = self._lookup(kind, [name])
        if entity is None:
            entity = Entity(key=self._entity_key(kind, name), kind=kind, name=name)
            self._order[id(entity)] = len(self.entities)
            self.entities.append(entity)
            self._index(entity, name)
        for field_name, value in attrs.items():
            if field_name == "government":
                entity.government = entity.government or bool(value)
            elif value is not None and getattr(entity, field_name) in (None, [], False):
                setattr(entity, field_name, value)
        for form in forms:
            self.add_alias(entity, form)
        if span is not None and not self._has_mention(entity, span):
            entity.mentions.append(span)
            self._index_mention(span, entity)
        return entity

    def replace_mentions(self, entity: Entity, mentions: list[Span]) -> None:
        """Give ``entity`` new mention spans (a stage that re-reads where a name ends)."""
        for mention in entity.mentions:
            bucket = self._mentions_by_sentence.get(self.sentence_index(mention.start), [])
            bucket[:] = [(m, e) for m, e in bucket if e is not entity]
        entity.mentions = list(mentions)
        for mention in entity.mentions:
            self._index_mention(mention, entity)

    def mentions_in(self, start: int, end: int, kind: EntityKind | None = None) -> list[tuple[Span, Entity]]:
        """Mentions starting inside ``[start, end)``, with their entities, in text order."""
        first = self.sentence_index(start)
        last = self.sentence_index(max(start, end - 1))
        found = [
            (m, e)
            for index in range(first, last + 1)
            for m, e in self._mentions_by_sentence.get(index, ())
            if start <= m.start < end and (kind is None or e.kind == kind)
        ]
        found.sort(key=lambda pair: (pair[0].start, pair[0].end))
        return found

    def mentions_overlapping(self, start: int, end: int, kind: EntityKind | None = None) -> list[tuple[Span, Entity]]:
        """Mentions that share a character with ``[start, end)`` (one sentence back, for
        the rare mention that runs over a sentence boundary)."""
        first = max(0, self.sentence_index(start) - 1)
        return [
            (m, e)
            for m, e in self.mentions_in(self.sentences[first].start if self.sentences else 0, end, kind)
            if m.start < end and start < m.end
        ]

    def _index_mention(self, mention: Span, entity: Entity) -> None:
        self._mentions_by_sentence.setdefault(self.sentence_index(mention.start), []).append((mention, entity))

    def _has_mention(self, entity: Entity, span: Span) -> bool:
        bucket = self._mentions_by_sentence.get(self.sentence_index(span.start), ())
        return any(e is entity and m.start == span.start and m.end == span.end for m, e in bucket)

    def add_alias(self, entity: Entity, form: str) -> None:
        """Record ``form`` as an alias of ``entity`` unless it is already known."""
        form = " ".join(form.split())
        if not form or fold(form) == fold(entity.name):
            return
        if all(fold(a) != fold(form) for a in entity.aliases):
            entity.aliases.append(form)
            self._index(entity, form)

    def rename(self, entity: Entity, name: str) -> None:
        """Give ``entity`` a new canonical name; the old one stays an alias."""
        old = entity.name
        entity.name = name
        self._index(entity, name)
        self.add_alias(entity, old)

    def find_entity(self, text: str, kind: EntityKind | None = None) -> Entity | None:
        """Resolve a form the article uses to an entity it already introduced.

        Tries, in order: the name or an alias (case and punctuation folded);
        for persons, the form without honorifics or a leading office
        ("Bupati Agus" → "Agus") matched as a run of the full name's words
        ("Ali Fitri", "Ali", "Noor"). Among several persons sharing the word,
        the most recently mentioned wins.

        Returns:
            The entity, or None when nothing matches.
        """
        hit = self._lookup(kind, [text])
        if hit is not None or kind not in (None, "person"):
            return hit
        words = fold(person_name_core(text)).split()
        if not words:
            return None
        best: Entity | None = None
        best_pos = -1
        for entity in self.entities:
            if entity.kind != "person":
                continue
            if _is_subsequence(words, fold(entity.name).split()):
                last = max((m.start for m in entity.mentions), default=-1)
                if best is None or last > best_pos:
                    best, best_pos = entity, last
        return best

    def entities_in(self, start: int, end: int, kind: EntityKind | None = None) -> list[Entity]:
        """Entities with a mention inside ``[start, end)``, in order of that mention."""
        found: list[Entity] = []
        seen: set[int] = set()
        for mention, entity in self.mentions_in(start, end, kind):
            if mention.end <= end and id(entity) not in seen:
                seen.add(id(entity))
                found.append(entity)
        return found

    # -- internals ---------------------------------------------------------------

    def _lookup(self, kind: EntityKind | None, forms: list[str]) -> Entity | None:
        folded = {fold(f) for f in forms if f and f.strip()}
        folded.discard("")
        best: Entity | None = None
        for form in folded:
            for entity in self._forms.get(form, ()):
                if kind is not None and entity.kind != kind:
                    continue
                if best is not None and self._order[id(entity)] >= self._order[id(best)]:
                    continue
                if fold(entity.name) in folded or any(fold(a) in folded for a in entity.aliases):
                    best = entity
        return best

    def _index(self, entity: Entity, form: str) -> None:
        bucket = self._forms.setdefault(fold(form), [])
        if entity not in bucket:
            bucket.append(entity)

    def _entity_key(self, kind: EntityKind, name: str) -> str:
        base = f"{_KEY_PREFIX[kind]}:{slug(name) or 'x'}"
        key, n = base, 1
        taken = {e.key for e in self.entities}
        while key in taken:
            n += 1
            key = f"{base}-{n}"
        return key


def _is_subsequence(words: list[str], name_words: list[str]) -> bool:
    """True when ``words`` appear in ``name_words`` in order (not necessarily adjacent)."""
    it = iter(name_words)
    return all(any(w == n for n in it) for w in words)
