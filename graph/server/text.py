"""Folding names for matching: case- and accent-insensitive, spacing normalised."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``"Wālikota  BALIKPAPAN"`` → ``"walikota balikpapan"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())
