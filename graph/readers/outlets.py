"""One publisher name per news outlet, whatever a page calls itself.

Pages name their outlet inconsistently (``Antara News`` in ``og:site_name``,
``Antara News Agency`` in a copyright tag, ``VIVAcoid`` as a Twitter handle,
a bare host as site name). ``graph/data/outlets.tsv`` maps a host (and the
other names pages use) to the one name the graph uses, so one outlet is one
publisher node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Outlet:
    """A row of ``outlets.tsv``."""

    host: str
    name: str
    homepage: str
    wikidata: str
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Publisher:
    """The name chosen for a page's publisher and where it came from.

    Args:
        name: the publisher name to store.
        source: how it was found (``outlet table (antaranews.com)``,
            ``og:site_name``, ``JSON-LD publisher``, ``domain``, ``dateline``).
    """

    name: str
    source: str


# Second-level labels under which Indonesian (and other) registries sell names:
# ``republika.co.id`` is registrable, ``co.id`` is not.
_SECOND_LEVEL = frozenset("co or ac go sch web my net com org gov mil biz ponpes desa".split())
_HOST_LIKE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+$")


@cache
def outlets() -> tuple[Outlet, ...]:
    rows = []
    text = resources.files("graph.data").joinpath("outlets.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        host, name, homepage, wikidata, aliases, source = (line.split("\t") + [""] * 6)[:6]
        rows.append(Outlet(host.lower(), name, homepage, wikidata, tuple(a for a in aliases.split("|") if a), source))
    return tuple(rows)


def host_of(url: str | None) -> str | None:
    """The lower-case host of ``url`` without ``www.``; None for a relative or empty URL."""
    if not url:
        return None
    if "//" not in url and _HOST_LIKE.match(url.strip()):
        url = "//" + url.strip()
    host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.") or None


def outlet_for_host(host: str | None) -> Outlet | None:
    """The outlet whose host is ``host`` or a parent domain of it; the longest match wins."""
    if not host:
        return None
    best = None
    for outlet in outlets():
        if host == outlet.host or host.endswith("." + outlet.host):
            if best is None or len(outlet.host) > len(best.host):
                best = outlet
    return best


def outlet_for_name(name: str | None) -> Outlet | None:
    """The outlet a page's own name for itself stands for (name, alias or host), if listed."""
    if not name:
        return None
    key = name.strip().casefold().lstrip("@")
    for outlet in outlets():
        if key in (outlet.name.casefold(), outlet.host, *(a.casefold() for a in outlet.aliases)):
            return outlet
    return outlet_for_host(host_of(key)) if _HOST_LIKE.match(key) else None


def registrable_domain(host: str) -> str:
    """``lifestyle.okezone.com`` -> ``okezone.com``; ``x.republika.co.id`` -> ``republika.co.id``."""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def looks_like_host(name: str) -> bool:
    """A "name" that is a host or a handle (``lifestyle.okezone.com``), not a masthead."""
    return bool(_HOST_LIKE.match(name.strip())) and " " not in name.strip()


def choose_publisher(
    host: str | None, site_names: list[tuple[str, str]], dateline_publisher: str | None = None
) -> Publisher | None:
    """The one publisher name for a page.

    Order: the outlet table by host; the table by any name the page gives
    itself; the page's own name (JSON-LD publisher, ``og:site_name``) unless it
    is only a host; the registrable domain; the dateline's publisher.

    Args:
        host: the page's host (from its canonical URL), if known.
        site_names: ``(name, where)`` pairs the page gives, best first.
        dateline_publisher: the publisher named in the body's dateline.
    """
    if outlet := outlet_for_host(host):
        return Publisher(outlet.name, f"outlet table ({outlet.host})")
    names = [(n.strip(), where) for n, where in site_names if n and n.strip()]
    if dateline_publisher:
        names.append((dateline_publisher, "dateline"))
    for name, where in names:
        if outlet := outlet_for_name(name):
            return Publisher(outlet.name, f"outlet table ({outlet.host}, via {where})")
    for name, where in names:
        if where != "dateline" and not looks_like_host(name) and not name.startswith("@"):
            return Publisher(name, where)
    if host:
        return Publisher(registrable_domain(host), "domain")
    if dateline_publisher:
        return Publisher(dateline_publisher, "dateline")
    return None
