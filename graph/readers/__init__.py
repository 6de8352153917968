"""Readers: files in, Articles out.

A reader is registered by name and chosen by file extension or ``--format``.
``read_paths`` walks files, directories (recursively) and ``-`` (stdin) and
yields either an :class:`~graph.article.Article` or an
:class:`~graph.errors.InputError` per input, so one bad file never stops the
batch.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..article import Article
from ..errors import Errors, InputError
from ..registry import Registry
from .paths import STDIN, STDIN_SOURCE, read_file, read_stdin, sniff_format, walk
from .policy import apply_language

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class Reader(ABC):
    """Reads one file (as bytes) into zero or more articles."""

    name: str = ""
    extensions: tuple[str, ...] = ()

    @abstractmethod
    def read(self, data: bytes, source: str, stem: str) -> Iterator[Article | InputError]:
        """Yield the articles in ``data``; yield (not raise) an InputError per bad record.

        Args:
            data: the raw file content.
            source: the path as given, for error messages.
            stem: the file name without extension, the default article id.
        """


readers: Registry[type[Reader]] = Registry("reader")
readers.register("txt", "graph.readers.text", "TextReader")
readers.register("html", "graph.readers.html", "HtmlReader")
readers.register("jsonl", "graph.readers.jsonl", "JsonLinesReader")
readers.register("json", "graph.readers.jsonl", "JsonReader")


def reader_for(path: str, fmt: str | None = None) -> Reader:
    """The reader for ``path``: ``fmt`` by name, else by the file extension.

    Raises:
        WartaError: ``fmt`` names no registered reader (a usage error).
        InputError: no reader claims the extension.
    """
    if fmt is not None:
        return readers.get(fmt)()
    suffix = Path(path).suffix.lower()
    for name in readers:
        cls = readers.get(name)
        if suffix in cls.extensions:
            return cls()
    known = ", ".join(sorted(ext for name in readers for ext in readers.get(name).extensions))
    raise InputError(path, Errors.E001.format(path=path, suffix=suffix, known=known))


def read_paths(
    paths: Iterable[str | Path],
    fmt: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    lang: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Read every article in ``paths``; one bad input never stops the rest.

    Args:
        paths: files, directories (read recursively, in sorted order, hidden
            files skipped, only files with a known extension unless ``fmt``
            is given) and ``-`` for standard input.
        fmt: a reader name (``txt``, ``html``, ``jsonl``, ``json``) to use for
            every file instead of choosing by extension.
        max_bytes: files larger than this are refused unread.
        lang: keep only articles in this language (ISO 639-1); the others are
            yielded as InputErrors saying they were skipped.
        stdin: the stream ``-`` reads (standard input by default; for tests).

    Yields:
        An Article per article read, an InputError per input or record that
        could not be read.

    Raises:
        WartaError: ``fmt`` is not a registered reader.
    """
    if fmt is not None:
        readers.get(fmt)  # fail fast on a typo, before reading anything
    for given in paths:
        if str(given) == STDIN:
            try:
                data = read_stdin(max_bytes, stdin)
            except InputError as error:
                yield error
                continue
            reader = readers.get(fmt or sniff_format(data))()
            yield from _articles(reader, data, STDIN_SOURCE, "stdin", lang)
            continue
        path = Path(given)
        if path.is_dir():
            for found in walk(path):
                if isinstance(found, InputError):
                    yield found
                elif fmt is not None or _has_reader(found):
                    yield from _read_one(found, fmt, max_bytes, lang)
        elif path.exists():
            # Named on the command line: a pipe (``<(...)``) is what the user meant.
            yield from _read_one(path, fmt, max_bytes, lang, regular_only=False)
        else:
            yield InputError(str(given), Errors.E014)


def _read_one(
    path: Path, fmt: str | None, max_bytes: int, lang: str | None, regular_only: bool = True
) -> Iterator[Article | InputError]:
    source = str(path)
    try:
        reader = reader_for(source, fmt)
        data = read_file(path, source, max_bytes, regular_only)
    except InputError as error:
        yield error
        return
    yield from _articles(reader, data, source, path.stem, lang)


def _articles(reader: Reader, data: bytes, source: str, stem: str, lang: str | None) -> Iterator[Article | InputError]:
    try:
        for item in reader.read(data, source, stem):
            yield item if isinstance(item, InputError) else apply_language(item, lang)
    except Exception as error:
        # Readers report bad records themselves; this is the last wall (RecursionError and
        # MemoryError from a library included), so one file never ends the batch.
        yield InputError(source, Errors.E027.format(reader=reader.name, error=f"{type(error).__name__}: {error}"))


def _has_reader(path: Path) -> bool:
    """Whether some reader claims the extension; a README in a corpus folder is no error."""
    suffix = path.suffix.lower()
    return any(suffix in readers.get(name).extensions for name in readers)
