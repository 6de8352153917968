"""Last stage: tidy what the other stages built."""

from __future__ import annotations

from ...resolve import candidate_matches, fold
from .doc import Doc


def finalize(doc: Doc) -> None:
    """Sort mentions, set their sentence indices, drop redundant aliases and memberships."""
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
    unique = {}
    for m in doc.extraction.memberships:
        unique.setdefault((m.person, m.role, m.organization), m)
    doc.extraction.memberships = list(unique.values())
