"""How each kind of node looks: colour, vis-network shape, legend glyph and label."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KindStyle:
    label: str
    color: str
    shape: str  # a vis-network shape whose size follows the node's size
    glyph: str  # the same shape as a character, for the legend


#: Colour-blind-safe colours (Okabe-Ito), one shape per kind so print and grey scale still tell them apart.
STYLES = {
    "person": KindStyle("person", "#0072B2", "dot", "\u25cf"),
    "organization": KindStyle("organization", "#E69F00", "square", "\u25a0"),
    "place": KindStyle("place", "#009E73", "triangle", "\u25b2"),
    "meeting": KindStyle("meeting", "#CC79A7", "diamond", "\u25c6"),
    "agreement": KindStyle("agreement", "#D55E00", "star", "\u2605"),
    "program": KindStyle("programme", "#56B4E9", "hexagon", "\u2b22"),
    "quote": KindStyle("quote", "#999999", "triangleDown", "\u25bc"),
    "article": KindStyle("article", "#666666", "square", "\u25a0"),
    "literal": KindStyle("value", "#BBBBBB", "box", "\u25ad"),
    "other": KindStyle("other", "#F0E442", "dot", "\u25cf"),
}


def style(kind: str) -> KindStyle:
    return STYLES.get(kind, STYLES["other"])
