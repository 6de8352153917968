"""Sentence boundaries: line breaks and sentence-final punctuation, minus abbreviations."""

from __future__ import annotations

import re

from ...resolve import PREFIX_TITLES
from ..types import Sentence
from .doc import Doc

# A period after these does not end a sentence ("Jl. Sudirman", "PT Bank X Tbk. menyatakan").
_ABBREVIATIONS = PREFIX_TITLES | {
    "jl",
    "jln",
    "tbk",
    "no",
    "dll",
    "dsb",
    "kec",
    "kel",
    "kab",
    "prov",
    "sdr",
    "st",
    "muh",
    "moh",
    "m",
}
_BOUNDARY = re.compile(r"(?<=[.!?…])([\"”’']?)\s+(?=[\"“‘'(]?[A-Z0-9])|\n+")
_LAST_WORD = re.compile(r"(\w+)\.[\"”’']?\s*$")


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans over ``text`` (whitespace between sentences is left out)."""
    sentences: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().strip("\n") == m.group() and _ends_with_abbreviation(text[start : m.start()]):
            continue
        _append(sentences, text, start, m.start() + len(m.group(1) or ""))
        start = m.end()
    _append(sentences, text, start, len(text))
    return sentences or [Sentence(0, len(text))]


def _ends_with_abbreviation(chunk: str) -> bool:
    m = _LAST_WORD.search(chunk)
    return m is not None and (m.group(1).casefold() in _ABBREVIATIONS or len(m.group(1)) == 1)


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end))


def find_sentences(doc: Doc) -> None:
    """Stage: set the document's sentence boundaries."""
    doc.set_sentences(split_sentences(doc.text))
