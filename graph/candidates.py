"""Cross-article candidate matches: short or variant names that may be a stored person.

Entity IRIs come from canonical names, so "Ali Fitri Noor" in one article and
"Ali Fitri" alone in another are two nodes. Merging them silently could fuse
two different people; instead, when a new person's name is contained in (or
nearly equal to) a stored person's name, the new article's graph records a
``warta:candidateMatch`` with a score, for a researcher to confirm.
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from .model.namespaces import sparql_prologue
from .resolve import fold
from .store import Store

PERSON_NAMES = sparql_prologue() + "SELECT ?p ?n WHERE { ?p a schema:Person ; schema:name ?n }"

#: Below this score a candidate is not worth a reviewer's time.
MIN_SCORE = 0.75
#: Token-sorted similarity above which two names are spelling variants ("Effendi"/"Efendi").
NEAR_SPELLING = 0.9
#: Tokens shared by more people than this (Muhammad, Andi) do not suggest a match on their own.
COMMON_TOKEN_LIMIT = 200


def match_score(short: str, long: str) -> float:
    """How likely two person names are one person: 0..1.

    Whole-word containment of ``short`` in ``long`` ("Ali Fitri" in "Ali Fitri
    Noor") scores by how much of the longer name it covers (only in that
    direction: the short form points at the fuller name); otherwise a
    near-equal spelling ("Effendi"/"Efendi") scores by token-sorted similarity.
    """
    return _score(fold(short).split(), fold(long).split())


def _score(a: list[str], b: list[str]) -> float:
    """:func:`match_score` of two folded, split names (the index folds each stored name once)."""
    if not a or not b or a == b:
        return 0.0
    if len(a) < len(b) and set(a) <= set(b):
        return 0.6 + 0.4 * len(a) / len(b)
    # The cutoff lets rapidfuzz give up early; at or above it the score is the same.
    similarity = fuzz.token_sort_ratio(" ".join(a), " ".join(b), score_cutoff=NEAR_SPELLING * 100) / 100
    # Spelling variants only: two different surnames after a shared first name stay apart.
    return similarity if similarity >= NEAR_SPELLING else 0.0


class PersonIndex:
    """The stored persons' names, indexed by word, loaded once per ingest and kept up to date."""

    def __init__(self, store: Store):
        self.names: dict[str, str] = {}
        self.tokens: dict[str, list[str]] = {}
        self.by_token: dict[str, set[str]] = defaultdict(set)
        for iri, name in store.query(PERSON_NAMES).rows:
            self.add(str(iri), str(name))

    def add(self, iri: str, name: str) -> None:
        if iri in self.names:
            return
        self.names[iri] = name
        self.tokens[iri] = fold(name).split()
        for token in set(self.tokens[iri]):
            self.by_token[token].add(iri)

    def candidates(self, iri: str, name: str) -> list[tuple[str, float]]:
        """Stored persons that ``name`` may denote, as ``(iri, score)``, best first."""
        seen: set[str] = set()
        mine = fold(name).split()
        for token in set(mine):
            holders = self.by_token.get(token, ())
            if len(holders) <= COMMON_TOKEN_LIMIT:
                seen.update(holders)
        seen.discard(iri)
        scored = [(other, _score(mine, self.tokens[other])) for other in seen]
        # Ties broken by IRI: set order changes with each process's string hashing, and a resumed
        # ingest must keep the same five a clean run keeps.
        return sorted(((o, s) for o, s in scored if s >= MIN_SCORE), key=lambda pair: (-pair[1], pair[0]))[:5]
