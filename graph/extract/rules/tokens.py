"""Tokens with character offsets, and the small tests rules ask of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...resolve import PREFIX_TITLES

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def cap(self) -> bool:
        """Starts with a capital letter (``Ali``, ``KASN``, ``M.``)."""
        return self.text[:1].isupper()

    @property
    def acronym(self) -> bool:
        """Two or more capitals, maybe mixed (``BKPPD``, ``DKI``, ``KemenPUPR``)."""
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


def tokenize(text: str) -> list[Token]:
    """Split into word and punctuation tokens; an initial or a title keeps its dot (``M.``, ``Drs.``)."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        tok = Token(m.start(), m.end(), m.group())
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


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()
