"""Remove what scrapers leave around an article body.

Four kinds of clutter: a tail that is not the article at all (``Artikel
Terkait``, a comment disclaimer, and everything after), single credit or
cross-link lines (``Baca juga: ...``, ``Editor: ...``), a related box in the
middle of the body (a bare ``Baca Juga`` label and the headlines under it,
removed in place so the story after it stays), and a sign-off on the last
line (``(*)``, ``(adv)``, reporter initials such as ``(ant/rls)``, the
author's name in capitals).
"""

from __future__ import annotations

import re

# A line that starts the non-article tail: drop it and everything after.
_TAIL = re.compile(
    r"^(?:(?:artikel|berita|topik|foto|video|galeri) (?:terkait|lainnya|populer|terpopuler|pilihan)\b"
    r"|disclaimer\s*:|(?:tulis|kirim) komentar|komentari artikel|load more|more stories"
    r"|(?:tags?|topik|kata kunci|label)\s*:"
    r"|(?:komentar|bagikan|share|ikuti kami)\b.{0,30}$"
    r"|(?:copyright|hak cipta|©))",
    re.IGNORECASE,
)
# A single line that is a credit or a link to another story.
_CREDIT = re.compile(
    r"^(?:baca (?:juga|pula)|simak (?:juga|pula)|lihat (?:juga|pula)"
    r"|editor|penulis|reporter|pewarta|redaktur|redaksi|penyunting|sumber|foto|fotografer|kontributor)"
    r"\s*:",
    re.IGNORECASE,
)
# A closing marker: ``(*)``, ``(**)``, ``(adv)``, ``(ADV)``, ``(ant/rls)``.
_END_MARK = re.compile(r"\s*\((?:\*+|ADV|[a-z]{2,6}(?:\s*/\s*[a-z]{2,6})*)\)\s*$")
_MARK_LINE = re.compile(r"^(?:\*+|-+|=+|\.+|\(\*+\))$")
# A label of a related box in the middle of a body ("Baca Juga"), its headlines on the lines after.
_BOX_LABEL = re.compile(r"^(?:baca|simak|lihat) (?:juga|pula)\s*:?\s*$", re.IGNORECASE)
# An author's name or initials signed in capitals on the last line ("DINI TEJA", "ANT/RLS").
_SIGN_OFF = re.compile(r"^[A-Z][A-Z.'/]*(?: [A-Z][A-Z.'/]*){0,3}$")
_SENTENCE_END = re.compile(r"[.!?:;,][\"”’')]*$")


def strip_boilerplate(body: str) -> str:
    """Return ``body`` without tail sections, credit lines and end markers.

    Args:
        body: normalised article text (``\\n`` line breaks).
    """
    kept: list[str] = []
    in_box = False
    for line in body.split("\n"):
        stripped = line.strip()
        if _TAIL.match(stripped):
            break
        if _BOX_LABEL.match(stripped):
            in_box = True
            continue
        if in_box and (not stripped or _is_headline(stripped)):
            continue
        in_box = False
        if _CREDIT.match(stripped):
            continue
        kept.append(line.rstrip())
    while kept and (not kept[-1].strip() or _MARK_LINE.match(kept[-1].strip()) or _is_sign_off(kept)):
        kept.pop()
    if kept:
        kept[-1] = _END_MARK.sub("", kept[-1])
    return _collapse_blank_lines("\n".join(kept)).strip()


def _is_headline(line: str) -> bool:
    """A linked headline under a box label: short and not ending like a sentence."""
    return len(line) <= 120 and not _SENTENCE_END.search(line)


def _is_sign_off(kept: list[str]) -> bool:
    """The last line is a name in capitals, after a body of running text."""
    last = kept[-1].strip()
    return len(kept) > 1 and len(last) <= 40 and bool(_SIGN_OFF.match(last)) and len(last.split()) <= 4


def _collapse_blank_lines(text: str) -> str:
    # Removed credit lines leave runs of blank lines; keep paragraphs apart by one.
    return re.sub(r"\n{3,}", "\n\n", text)
