"""Policy checks on SPARQL text before it reaches the engine.

pyoxigraph fetches any URL named in ``SERVICE``, so a public endpoint would
become an open proxy; the check is lexical because pyoxigraph has no
parse-only API. Strings, IRIs and comments are removed first so that a
``SERVICE`` inside a literal or a name does not count, and ``\\u`` escapes are
decoded first because SPARQL applies them before parsing.
"""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_NOISE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n]*",
    re.S,
)
_SERVICE = re.compile(r"(?<![\w:?$.-])SERVICE(?![\w:.-])", re.I)
_LOAD = re.compile(r"(?<![\w:?$.-])LOAD(?![\w:.-])", re.I)


def _decode_escapes(text: str) -> str:
    def char(match: re.Match) -> str:
        try:
            return chr(int(match.group(1) or match.group(2), 16))
        except ValueError:
            return ""

    return _ESCAPE.sub(char, text)


def code_only(sparql: str) -> str:
    """The query with strings, IRIs and comments blanked out."""
    return _NOISE.sub(" ", _decode_escapes(sparql))


def uses_service(sparql: str) -> bool:
    """True when the query has a ``SERVICE`` clause (a federated call to another host)."""
    return bool(_SERVICE.search(code_only(sparql)))


def uses_load(sparql: str) -> bool:
    """True when an update has a ``LOAD`` operation (which fetches a URL)."""
    return bool(_LOAD.search(code_only(sparql)))
