"""Articles as JSON: one object a line (``.jsonl``) or one file (``.json``).

Fields: ``id``, ``title``, ``text`` (required), and optional ``date``,
``url``, ``publisher``, ``language``, ``dateline``. A bad record becomes an
InputError naming the file and line; the other records are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..article import Article, normalize_id
from ..errors import Errors, InputError
from . import Reader
from .dateline import parse_opening
from .decode import decode_bytes, normalize_text
from .language import detect_language

_OPTIONAL = ("title", "date", "url", "publisher", "dateline")


class JsonLinesReader(Reader):
    """Reads JSON Lines: one article object per line."""

    name = "jsonl"
    extensions = (".jsonl", ".ndjson")

    def read(self, data: bytes, source: str, stem: str) -> Iterator[Article | InputError]:
        try:
            text, warnings = decode_bytes(data, source)
        except InputError as error:
            yield error
            return
        numbered = [(n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
        for index, (line_no, line) in enumerate(numbered, 1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield InputError(source, Errors.E007.format(error=error.msg), line=line_no)
                continue
            except RecursionError:
                yield InputError(source, Errors.E024, line=line_no)
                continue
            default_id = stem if len(numbered) == 1 else f"{stem}-{index}"
            yield record_to_article(record, source, default_id, warnings, line=line_no)


class JsonReader(Reader):
    """Reads a JSON file holding one article object or a list of them."""

    name = "json"
    extensions = (".json",)

    def read(self, data: bytes, source: str, stem: str) -> Iterator[Article | InputError]:
        try:
            text, warnings = decode_bytes(data, source)
            parsed = _load(text, source)
        except InputError as error:
            yield error
            return
        records = parsed if isinstance(parsed, list) else [parsed]
        if not records:
            yield InputError(source, Errors.E016)
        for index, record in enumerate(records, 1):
            default_id = stem if len(records) == 1 else f"{stem}-{index}"
            where = source if len(records) == 1 else f"{source}[{index - 1}]"
            yield record_to_article(record, where, default_id, warnings)


def _load(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        problem = Errors.E007.format(error=f"{error.msg} (column {error.colno})")
        raise InputError(source, problem, line=error.lineno) from None
    except RecursionError:
        # The parser counts its own depth and stops cleanly; no article nests like that.
        raise InputError(source, Errors.E024) from None


def record_to_article(
    record: Any,
    where: str,
    default_id: str,
    warnings: list[str],
    line: int | None = None,
) -> Article | InputError:
    """Turn one decoded JSON record into an Article, or say what is wrong with it.

    Args:
        record: the parsed JSON value.
        where: the file (``path``, or ``path[index]`` for an item of a list).
        default_id: the id when the record has none.
        warnings: warnings from decoding the file.
        line: the line number, for records of a JSON Lines file.
    """
    if not isinstance(record, dict):
        return InputError(where, Errors.E009, line=line)
    if "text" not in record or record["text"] is None:
        return InputError(where, Errors.E008, line=line)
    if not isinstance(record["text"], str):
        problem = Errors.E018.format(field="text", type=type(record["text"]).__name__)
        return InputError(where, problem.removesuffix("; ignored"), line=line)
    text = normalize_text(record["text"]).strip()
    if not text:
        return InputError(where, Errors.E013, line=line)
    notes = list(warnings)
    fields = {name: _string_field(record, name, notes) for name in _OPTIONAL}
    record_id = record.get("id")
    # Integer ids are common in exports; anything else falls back to the stem.
    if isinstance(record_id, str | int) and not isinstance(record_id, bool) and normalize_id(str(record_id)):
        article_id = str(record_id)
    else:
        article_id = default_id
    language = _string_field(record, "language", notes)
    detected = detect_language(text)
    if not language and not detected:
        notes.append(Errors.E091)
    dateline = parse_opening(text.split("\n", 1)[0])
    return Article(
        id=article_id,
        text=text,
        title=fields["title"],
        date=fields["date"],
        url=fields["url"],
        publisher=fields["publisher"] or (dateline.publisher if dateline else None),
        dateline=fields["dateline"] or (dateline.place if dateline else None),
        language=(language or detected or "id").lower(),
        source=f"{where}:{line}" if line is not None else where,
        warnings=tuple(notes),
    )


def _string_field(record: dict[str, Any], name: str, notes: list[str]) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        notes.append(Errors.E018.format(field=name, type=type(value).__name__))
        return None
    return normalize_text(value).strip() or None
