"""Statistical named entities (PER / ORG / LOC) for Indonesian text.

What is shipped: ``model/`` beside this file is a spaCy pipeline (blank ``id``
tokenizer, a hash-embedding CNN ``tok2vec`` and a transition-based ``ner``)
trained on idner-news-2k, NERGrit and NER-Prosa; ``MODEL_CARD.md`` gives its
data, licences, dev scores and speed. It loads offline and runs on CPU.

How to rebuild it: ``make model`` (or ``NER_DATA=/path make model``), which runs
``python -m graph.extract.ner.train --data ../shared/data/ner --out graph/extract/ner/model``
with ``config.cfg``; ``python -m graph.extract.ner.evaluate`` prints the dev
scores and words per second.

The API returns plain data only: :class:`NameSpan` records with character
offsets into the text you passed in.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ...errors import Errors, WartaError
from .blas import one_thread

MODEL_DIR = Path(__file__).with_name("model")
LABELS = ("PER", "ORG", "LOC")
#: Longest piece of text handed to the model at once; longer paragraphs are cut at
#: sentence ends (or spaces), so time and memory stay linear in the text length.
MAX_CHUNK_CHARS = 1000
BATCH_SIZE = 64

_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?]\s+")
_lock = threading.Lock()
_nlp = None


@dataclass(frozen=True)
class NameSpan:
    """A name found in a text: ``text == source[start:end]``."""

    start: int
    end: int
    label: str
    text: str


def _load_pipeline(path: Path):
    """Load a spaCy pipeline from ``path`` with the fast CPU matrix backend."""
    if not (path / "meta.json").is_file() or not (path / "ner").is_dir():
        raise WartaError(Errors.E100.format(path=path))
    import spacy
    from thinc.api import use_ops

    # numpy's OpenBLAS beats thinc's BLIS about 3x on the CPUs we measured (see MODEL_CARD.md).
    # The saved tokenizer is the blank ``id`` one the language builds anyway; reading its
    # 16,000 special cases a second time from disk would double the load time.
    with use_ops("numpy", use_blis=False):
        return spacy.load(path, exclude=["tokenizer"])


def load():
    """The shipped spaCy pipeline, loaded once per process.

    Raises:
        WartaError: the model files are missing (rebuild with ``make model``).
    """
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = _load_pipeline(MODEL_DIR)
        return _nlp


def chunks(text: str, max_chars: int = MAX_CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, piece)`` with ``text[offset:offset + len(piece)] == piece``.

    Pieces are lines (paragraphs), and lines longer than ``max_chars`` are cut
    after the last sentence end, else the last space, before the limit.
    """
    for line in _PARAGRAPH.finditer(text):
        start, end = line.span()
        while start < end:
            stop = end if end - start <= max_chars else _cut(text, start, start + max_chars)
            piece = text[start:stop]
            if piece.strip():
                yield start, piece
            start = stop


def _cut(text: str, start: int, limit: int) -> int:
    window = text[start:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends:
        return start + ends[-1]
    space = window.rfind(" ")
    return start + space + 1 if space > 0 else limit


def find_names_batch(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> list[list[NameSpan]]:
    """The names in each text, in order of position; one list per input text."""
    texts = list(texts)
    nlp = load()
    owners: list[tuple[int, int]] = []

    def pieces() -> Iterator[str]:
        for index, text in enumerate(texts):
            for offset, piece in chunks(text):
                owners.append((index, offset))
                yield piece

    found: list[list[NameSpan]] = [[] for _ in texts]
    with one_thread():
        # nlp.pipe pulls pieces lazily, so ``owners`` always holds the entry for each doc it yields.
        for number, doc in enumerate(nlp.pipe(pieces(), batch_size=batch_size)):
            index, offset = owners[number]
            found[index].extend(
                NameSpan(offset + ent.start_char, offset + ent.end_char, ent.label_, ent.text) for ent in doc.ents
            )
    return found


def find_names(text: str) -> list[NameSpan]:
    """The PER / ORG / LOC names in ``text``, with character offsets into it."""
    return find_names_batch([text])[0]


__all__ = ["LABELS", "MODEL_DIR", "NameSpan", "chunks", "find_names", "find_names_batch", "load"]
