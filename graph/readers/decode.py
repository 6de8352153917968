"""Bytes to clean text, shared by every reader.

All normalisation happens here, before any character offset exists: later
stages index into ``Article.text``, so changing the text after extraction
would silently shift every span.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy

from ..errors import Errors, InputError

# Magic numbers of the binary files people most often pass by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)

# UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Spaces that look like a space but break tokenisers and string matching.
_SPACES = re.compile("[\u00a0\u2007\u202f\u2000-\u200a\u205f\u3000]")
# Invisible characters scraped pages are full of; removing them cannot change
# what a reader sees. (ZWJ/ZWNJ matter in some scripts, not in Indonesian.)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# C0/C1 control characters other than tab and newline carry no text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# UTF-8 read as cp1252 (or Mac Roman) and saved again as UTF-8: "Ã©" for "é",
# "â€œ" or "‚Äú" for "“". Detected here to warn; repaired by ftfy in
# normalize_text, which only undoes a wrong decoding when the result is
# consistent UTF-8, so text that merely contains "Ã" stays as written.
_CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
_CONTINUATION = "".join(bytes([b]).decode("latin-1" if b in _CP1252_UNDEFINED else "cp1252") for b in range(0x80, 0xC0))
_MOJIBAKE = re.compile(f"[ÂÃ][{re.escape(_CONTINUATION)}]|â€|‚Ä")
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x85")
# Scrapers that join paragraphs with ", " leave "kata dia.,Selanjutnya": a full stop after
# a lower-case word, a comma, then a new sentence. Degrees ("S.H., M.Si") end in a capital
# or a one-letter word, so they never match.
_JOINED_PARAGRAPHS = re.compile(r"(?<=[a-z]{2}[.!?])[ \t]*,[ \t]*(?=[\"“”'‘]|[A-Z][a-z])")


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode raw bytes into normalised text.

    Args:
        data: the raw file content.
        source: the path, for error messages.

    Returns:
        The normalised text and the warnings to record on the article.

    Raises:
        InputError: the data is empty, binary, undecodable or only whitespace.
    """
    text, warnings = decode_bytes(data, source)
    text = normalize_text(text)
    if not text.strip():
        raise InputError(source, Errors.E004)
    return text, warnings


def decode_bytes(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode without normalising; see :func:`decode`.

    JSON readers use this and normalise each field after parsing, because
    normalising first would turn a U+2028 inside a string into a line break
    and split a JSON Lines record.
    """
    text, warnings = _decode_bytes(data, source)
    if not text.strip():
        raise InputError(source, Errors.E004)
    return text, warnings


def _decode_bytes(data: bytes, source: str) -> tuple[str, list[str]]:
    if not data:
        raise InputError(source, Errors.E003)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, Errors.E005.format(what=what))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError:
                raise InputError(source, Errors.E012) from None
    # Checked after the BOMs because UTF-16 text is full of NUL bytes.
    if b"\x00" in data:
        raise InputError(source, Errors.E011)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        return text, [Errors.E093] if _MOJIBAKE.search(text) else []
    # cp1252 covers every printable Latin-1 character too, so one fallback
    # serves both; its five undefined bytes mean the text is something else.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(source, Errors.E012) from None
    return text, [Errors.E019.format(encoding="cp1252")]


def normalize_text(text: str) -> str:
    """Normalise text the same way for every reader.

    Mojibake repaired (ftfy), NFC (so ``e`` + combining acute equals ``é``),
    odd spaces to plain spaces, invisible characters removed, every line break
    to ``\\n``, paragraphs a scraper joined with ``.,`` split again. The same
    article raw and clean gives the same text, so the same facts.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    # Spaces first: a non-breaking space inside mojibake stops ftfy from re-encoding the line.
    text = _SPACES.sub(" ", text)
    if _MOJIBAKE.search(text):
        # Before control characters go: cp1252 mojibake keeps some UTF-8 bytes as C1 controls.
        text = ftfy.fix_encoding(text)
    text = _CONTROL.sub("", text)
    text = _JOINED_PARAGRAPHS.sub("\n", text)
    return unicodedata.normalize("NFC", text)
