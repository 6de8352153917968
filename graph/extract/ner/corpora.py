"""Read the Indonesian NER corpora and map their labels to PER / ORG / LOC.

Three CoNLL-style corpora are supported (see ``MODEL_CARD.md``); each has its own
column layout and label names, so a corpus is described by a :class:`Corpus`
record and read by one function.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

#: Every source label we keep, mapped to ours; anything else (EVT, FNB, ...) becomes O.
LABELS = {
    "PER": "PER",
    "PERSON": "PER",
    "PPL": "PER",
    "ORG": "ORG",
    "ORGANISATION": "ORG",
    "IND": "ORG",
    "LOC": "LOC",
    "PLACE": "LOC",
    "PLC": "LOC",
}

# Punctuation written without a space before (after) it, so rebuilt text reads like news.
_NO_SPACE_BEFORE = re.compile(r"^[,.;:!?)\]}%]+$")
_NO_SPACE_AFTER = re.compile(r"^[(\[{]+$")


@dataclass(frozen=True)
class Corpus:
    """One corpus folder under the data directory and its two splits."""

    name: str
    folder: str
    train: str
    dev: str


CORPORA = {
    "idner": Corpus("idner", "idner-news-2k", "train.txt", "dev.txt"),
    "nergrit": Corpus("nergrit", "nergrit", "train_preprocess.txt", "valid_preprocess.txt"),
    "nerp": Corpus("nerp", "nerp", "train_preprocess.txt", "valid_preprocess.txt"),
}


def read_conll(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Yield ``(words, iob_tags)`` per sentence; the tag is the last column of a line.

    Handles CRLF, tab- or space-separated columns and a missing final blank line.
    """
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8", newline=None) as lines:
        for line in lines:
            cols = line.split()
            if not cols:
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            words.append(cols[0])
            tags.append(cols[-1])
    if words:
        yield words, tags


def map_tags(tags: list[str]) -> list[str]:
    """Map source IOB tags to PER/ORG/LOC IOB tags, repairing an I- that starts an entity."""
    mapped: list[str] = []
    previous = "O"
    for tag in tags:
        prefix, _, label = tag.partition("-")
        ours = LABELS.get(label)
        if ours is None or prefix not in ("B", "I"):
            mapped.append("O")
        elif prefix == "I" and previous[2:] != ours:
            mapped.append(f"B-{ours}")
        else:
            mapped.append(f"{prefix}-{ours}")
        previous = mapped[-1]
    return mapped


def make_doc(vocab: Vocab, words: list[str], tags: list[str]) -> Doc:
    """A reference Doc with the gold entities, spaced as running text."""
    spaces = [
        not _NO_SPACE_AFTER.match(word) and not (i + 1 < len(words) and _NO_SPACE_BEFORE.match(words[i + 1]))
        for i, word in enumerate(words)
    ]
    return Doc(vocab, words=words, spaces=spaces, ents=map_tags(tags))


def read_split(data_dir: Path, corpus: Corpus, split: str, vocab: Vocab) -> list[Doc]:
    """All sentences of one split (``"train"`` or ``"dev"``) of ``corpus`` as Docs."""
    path = Path(data_dir) / corpus.folder / getattr(corpus, split)
    return [make_doc(vocab, words, tags) for words, tags in read_conll(path)]


def write_docbin(docs: list[Doc], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(attrs=["ENT_IOB", "ENT_TYPE"], docs=docs).to_disk(path)
    return path
