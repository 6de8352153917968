"""Finding input files and reading their bytes within a size limit."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import Errors, InputError

STDIN = "-"
STDIN_SOURCE = "<stdin>"


def walk(root: Path) -> Iterator[Path | InputError]:
    """Yield the regular files under ``root`` in sorted order, skipping hidden ones.

    Hidden means a name starting with ``.`` anywhere below ``root`` (``.git``,
    ``.DS_Store``, editor swap files). Symlinked directories are not followed,
    so a link loop cannot hang the walk. A folder that cannot be listed and a
    named pipe, socket or device (opening one can block forever or have side
    effects) are yielded as InputErrors, never opened.
    """
    found: list[tuple[tuple[str, ...], Path | InputError]] = []

    def unreadable(error: OSError) -> None:
        folder = Path(error.filename or root)
        problem = Errors.E026.format(error=error.strerror or error)
        found.append((_key(root, folder), InputError(str(folder), problem)))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            path = Path(folder, name)
            kind = _special_kind(path)
            item = path if kind is None else InputError(str(path), Errors.E025.format(kind=kind))
            found.append((_key(root, path), item))
    # Sorting by parts keeps a folder's files together ("a/b" before "a-b").
    found.sort(key=lambda pair: pair[0])
    yield from (item for _, item in found)


def _key(root: Path, path: Path) -> tuple[str, ...]:
    try:
        return path.relative_to(root).parts
    except ValueError:
        return path.parts


def _special_kind(path: Path) -> str | None:
    """What a non-regular file is ("named pipe", ...), or None for a regular file.

    A broken symlink or a file that vanished is left to ``read_file`` to report.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else _kind(mode)


_KINDS = (
    (stat.S_ISFIFO, "named pipe"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISDIR, "directory"),
)


def read_file(path: Path, source: str, max_bytes: int, regular_only: bool = True) -> bytes:
    """Read a file, refusing it before reading when it is over ``max_bytes``.

    Args:
        path: the file.
        source: the path as given, for messages.
        max_bytes: the size limit.
        regular_only: refuse named pipes, sockets and devices. A path given
            explicitly may be one (``warta ingest <(curl ...)``): it is read
            up to the limit, as ``cat`` would.

    Raises:
        InputError: the file is too large, not a regular file or cannot be read.
    """
    try:
        if not regular_only and not stat.S_ISREG(os.stat(path).st_mode):
            # Blocking, as cat reads: a pipe's writer may not have opened it yet.
            with path.open("rb") as handle:
                return _read_limited(handle, source, max_bytes)
        # O_NONBLOCK: opening a pipe without a writer returns at once instead
        # of hanging; the fstat below then says what was opened (no race with
        # a file swapped for a pipe after the walk looked at it).
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise InputError(source, Errors.E025.format(kind=_kind(info.st_mode)))
            if info.st_size > max_bytes:
                raise InputError(source, Errors.E006.format(limit=max_bytes))
            return _read_limited(handle, source, max_bytes)
    except OSError as error:
        raise InputError(source, Errors.E017.format(error=error.strerror or error)) from None


def _kind(mode: int) -> str:
    return next((kind for test, kind in _KINDS if test(mode)), "special file")


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
