"""Remove what scrapers leave around an article body.

Three kinds of clutter: a tail that is not the article at all (``Artikel
Terkait`` and everything after), single credit or cross-link lines
(``Baca juga: ...``, ``Editor: ...``), and a closing marker on the last line
(``(*)``, ``(adv)``, reporter initials such as ``(ant/rls)``).
"""

from __future__ import annotations

import re

# A line that starts the non-article tail: drop it and everything after.
_TAIL = re.compile(
    r"^(?:(?:artikel|berita|topik) (?:terkait|lainnya|populer|terpopuler)\b"
    r"|baca (?:juga|pula)\s*:?\s*$"
    r"|(?:tags?|topik|kata kunci|label)\s*:"
    r"|(?:komentar|bagikan|share|ikuti kami)\b.{0,30}$"
    r"|(?:copyright|hak cipta|©))",
    re.IGNORECASE,
)
# A single line that is a credit or a link to another story.
_CREDIT = re.compile(
    r"^(?:baca (?:juga|pula)|simak (?:juga|pula)|lihat (?:juga|pula)"
    r"|editor|penulis|reporter|pewarta|redaktur|penyunting|sumber|foto|fotografer|kontributor)"
    r"\s*:",
    re.IGNORECASE,
)
# A closing marker: ``(*)``, ``(**)``, ``(adv)``, ``(ADV)``, ``(ant/rls)``.
_END_MARK = re.compile(r"\s*\((?:\*+|ADV|[a-z]{2,6}(?:\s*/\s*[a-z]{2,6})*)\)\s*$")
_MARK_LINE = re.compile(r"^(?:\*+|-+|=+|\.+|\(\*+\))$")


def strip_boilerplate(body: str) -> str:
    """Return ``body`` without tail sections, credit lines and end markers.

    Args:
        body: normalised article text (``\\n`` line breaks).
    """
    kept: list[str] = []
    for line in body.split("\n"):
        stripped = line.strip()
        if _TAIL.match(stripped):
            break
        if _CREDIT.match(stripped):
            continue
        kept.append(line.rstrip())
    while kept and (not kept[-1].strip() or _MARK_LINE.match(kept[-1].strip())):
        kept.pop()
    if kept:
        kept[-1] = _END_MARK.sub("", kept[-1])
    return _collapse_blank_lines("\n".join(kept)).strip()


def _collapse_blank_lines(text: str) -> str:
    # Removed credit lines leave runs of blank lines; keep paragraphs apart by one.
    return re.sub(r"\n{3,}", "\n\n", text)
