"""How often the article writes its capitalised words, alone, in pairs, and what follows a pair.

Rules ask questions about the whole article ("is 'Gebang' written after 'Pulo' anywhere
without 'Bernad' next?", "is 'Vinda' written without 'Maya'?"). A regular-expression
search of the text per question costs the article's length each time, so a long
article with many names took time growing with the square of its size. The index is
built in one pass (:meth:`Doc.derived`) and answers each question in constant time.
Only capitalised words are kept: the questions are about names.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .doc import Doc

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


class WordIndex:
    def __init__(self, text: str):
        self.words: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.after_pair: defaultdict[tuple[str, str], Counter[str | None]] = defaultdict(Counter)
        # Words written on their own (no capitalised word right after), by the capitalised word
        # right before them (None when there is none): "kata Vinda." but not "Sri Sultan".
        self.bare: defaultdict[str, Counter[str | None]] = defaultdict(Counter)
        previous: str | None = None  # the capitalised word just before
        previous_end = 0
        before: str | None = None  # the capitalised word before that, when the three are adjacent
        for match in _WORD.finditer(text):
            word = match.group()
            capital = word[:1].isupper()
            adjacent = previous is not None and text[previous_end : match.start()].isspace()
            if previous is not None and not (capital and adjacent):
                self.bare[previous][before] += 1
            if before is not None and previous is not None:
                self.after_pair[(before, previous)][word if capital and adjacent else None] += 1
            if not capital:
                before = previous = None
                continue
            self.words[word] += 1
            before = previous if adjacent else None
            if before is not None:
                self.pairs[(before, word)] += 1
            previous, previous_end = word, match.end()
        if before is not None and previous is not None:
            self.after_pair[(before, previous)][None] += 1
        if previous is not None:
            self.bare[previous][before] += 1

    def alone(self, word: str, partner: str) -> bool:
        """``word`` is written at least once without ``partner`` right after it."""
        return self.words[word] > self.pairs[(word, partner)]

    def bare_without_before(self, word: str, partner: str) -> bool:
        """``word`` is written at least once on its own: neither after ``partner`` nor opening a
        longer run of capitalised words ("kata Vinda", not "Sri Sultan")."""
        priors = self.bare.get(word)
        return priors is not None and sum(priors.values()) > priors.get(partner, 0)

    def pair_without(self, first: str, second: str, following: str) -> bool:
        """ "``first second``" is written at least once not followed by ``following``."""
        followers = self.after_pair.get((first, second))
        return followers is not None and sum(followers.values()) > followers.get(following, 0)


def word_index(doc: Doc) -> WordIndex:
    return doc.derived("capitalised word index", lambda: WordIndex(doc.text))
