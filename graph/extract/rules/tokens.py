"""Tokens with character offsets, and the small tests rules ask of them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...resolve import PREFIX_TITLES

if TYPE_CHECKING:
    from .organizations import OrgMatch

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)


class Token:
    """A word or punctuation mark at ``[start, end)``.

    Attributes:
        cap: starts with a capital letter (``Ali``, ``KASN``, ``M.``).
        low: the text case-folded.
        acronym: two or more capitals, maybe mixed (``BKPPD``, ``KemenPUPR``).
        model: the label (``PER``, ``ORG``, ``LOC``) of the statistical model's
            name this token is inside, or None (always None for the rules alone;
            see :func:`mark_model_names`).
        model_start: the first token of such a name.
        defined_org: the organisation the article itself names at this word by a syllable
            short form (``Unmul`` after ``Universitas Mulawarman``), or None.
    """

    __slots__ = ("acronym", "cap", "defined_org", "end", "low", "model", "model_start", "start", "text")

    def __init__(self, start: int, end: int, text: str):
        self.start, self.end, self.text = start, end, text
        self.low = text.casefold()  # read by every stage's first-word test: fold once
        self.cap = cap = text[:1].isupper()
        # A capital after the first letter: "rest" differs from its lower case.
        self.acronym = cap and text[1:] != text[1:].lower()
        self.model: str | None = None
        self.model_start = False
        self.defined_org: OrgMatch | None = None

    @property
    def in_person(self) -> bool:
        return self.model == "PER"

    @property
    def person_start(self) -> bool:
        return self.model_start and self.model == "PER"

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


def tokenize(text: str) -> list[Token]:
    """Split into word and punctuation tokens; an initial or a title keeps its dot (``M.``, ``Drs.``)."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        tok = Token(start, end, text[start:end])
        if (
            tok.text == "."
            and tokens
            and tokens[-1].end == tok.start
            and (_is_initial(tokens[-1].text) or tokens[-1].text.casefold() in PREFIX_TITLES)
        ):
            prev = tokens.pop()
            tok = Token(prev.start, tok.end, prev.text + ".")
        tokens.append(tok)
    return tokens


def mark_model_names(tokens: list[Token], names: list) -> None:
    """Label the tokens inside the model's names (sorted spans with start, end, label).

    One pass over both sorted lists: linear in the text.
    """
    k = 0
    for tok in tokens:
        while k < len(names) and names[k].end <= tok.start:
            k += 1
        if k < len(names) and names[k].start <= tok.start and tok.end <= names[k].end:
            tok.model = names[k].label
            tok.model_start = tok.start == names[k].start


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()
