"""Read a person's name at a token: capitalised words, initials, honorifics stripped."""

from __future__ import annotations

from ...resolve import PREFIX_TITLES, strip_titles
from .lexicon import is_name_word
from .tokens import Token

_MAX_WORDS = 5
_PARTICLES = frozenset({"bin", "binti", "van", "de", "al", "el"})


def match_name(tokens: list[Token], i: int) -> tuple[int, str, str] | None:
    """A person's name starting at ``tokens[i]``.

    Returns:
        ``(end, canonical name, written form)``, or None when no name starts here.
        Honorifics and degrees ("Drs.", "H.", ", S.Sos") are read and dropped
        from the canonical name but kept in the written form.
    """
    j = i
    while j < len(tokens) and tokens[j].text.rstrip(".").casefold() in PREFIX_TITLES and tokens[j].cap:
        j += 1
    first = j
    words = 0
    while j < len(tokens) and words < _MAX_WORDS:
        tok = tokens[j]
        if tok.text.casefold() in _PARTICLES and words and j + 1 < len(tokens) and tokens[j + 1].cap:
            j += 1
            continue
        if not (is_name_word(tok.text) or _initial(tok)):
            break
        if words == 0 and tok.acronym and not _initial(tok):
            return None  # "DKI Jakarta Anies": a name does not start with an acronym
        words += 1
        j += 1
    if words == 0 or (words == 1 and _initial(tokens[first])):
        return None
    end = j
    while end > first and tokens[end - 1].text.casefold() in _PARTICLES:
        end -= 1
    written = " ".join(t.text for t in tokens[i:end])
    name = strip_titles(" ".join(t.text for t in tokens[first:end]))
    if not name or not any(c.islower() for c in name):
        return None  # all capitals: an acronym, not a name
    return end, name, written


def _initial(tok: Token) -> bool:
    bare = tok.text.rstrip(".")
    return len(bare) == 1 and bare.isupper()
