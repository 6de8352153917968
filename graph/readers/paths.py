"""Finding input files and reading their bytes within a size limit."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import Errors, InputError

STDIN = "-"
STDIN_SOURCE = "<stdin>"


def walk(root: Path) -> Iterator[Path]:
    """Yield the files under ``root`` in sorted order, skipping hidden ones.

    Hidden means a name starting with ``.`` anywhere below ``root`` (``.git``,
    ``.DS_Store``, editor swap files). Symlinked directories are not followed,
    so a link loop cannot hang the walk.
    """
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(folder, name) for name in files if not name.startswith("."))
    # Sorting by parts keeps a folder's files together ("a/b" before "a-b").
    yield from sorted(found, key=lambda p: p.relative_to(root).parts)


def read_file(path: Path, source: str, max_bytes: int) -> bytes:
    """Read a file, refusing it before reading when it is over ``max_bytes``.

    Raises:
        InputError: the file is too large or cannot be read.
    """
    try:
        if path.stat().st_size > max_bytes:
            raise InputError(source, Errors.E006.format(limit=max_bytes))
        with path.open("rb") as handle:
            return _read_limited(handle, source, max_bytes)
    except OSError as error:
        raise InputError(source, Errors.E017.format(error=error.strerror or error)) from None


def read_stdin(max_bytes: int, stream: BinaryIO | None = None) -> bytes:
    """Read standard input (bytes) up to ``max_bytes``."""
    return _read_limited(stream or sys.stdin.buffer, STDIN_SOURCE, max_bytes)


def _read_limited(handle: BinaryIO, source: str, max_bytes: int) -> bytes:
    # Read one byte past the limit: a pipe or a growing file has no size to stat.
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(source, Errors.E006.format(limit=max_bytes))
    return data


def sniff_format(data: bytes) -> str:
    """Guess the format of extension-less input (stdin) from its first byte."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<":
        return "html"
    if head == b"[":
        return "json"
    if head == b"{":
        # One object over several lines is JSON; one a line is JSON Lines.
        first_line = data.lstrip().split(b"\n", 1)[0].strip()
        return "jsonl" if first_line.endswith(b"}") else "json"
    return "txt"
