"""What a news page says about itself: headline, publication time, URL, site name.

Read from the markup every CMS emits (``<title>``, Open Graph, ``itemprop``,
JSON-LD) and, where those lack a time zone, from the date line a reader sees
(``Selasa, 23 Februari 2016 | 17:15 WIB``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from lxml import html as lxml_html

from .dates import _MONTHS

# Indonesian time zones as written after a clock time.
ZONES = {"wib": 7, "wita": 8, "wit": 9}
_SEPARATORS = re.compile(r"\s+(?:[-|–—:»]|::)\s+")
# A headline kicker a page shows before the headline proper ("In Picture:", "FOTO:").
_KICKER = re.compile(r"^[^\s:][^:]{0,24}:\s*$")
_CLOCK = r"(?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<z>WIB|WITA|WIT)\b"
_VISIBLE_DATES = (
    # 23 Februari 2016 | 17:15 WIB, 04 November, 2015 | 07:28 WIB, 16 Feb 2016 at 09:10 WIB
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>[A-Za-z]+)\.?,?\s+(?P<y>\d{{4}})\D{{0,12}}?{_CLOCK}", re.IGNORECASE),
    # 23/02/2016 15:32 WIB
    re.compile(rf"\b(?P<d>\d{{1,2}})/(?P<mon>\d{{1,2}})/(?P<y>\d{{4}})\D{{0,12}}?{_CLOCK}", re.IGNORECASE),
)
_ISO = re.compile(r"^(?P<date>\d{4}-\d\d-\d\d)(?:\s*T?\s*(?P<time>\d\d:\d\d(?::\d\d)?)(?:\.\d+)?\s*(?P<tz>Z|[+-]\d\d:?\d\d)?)?$")
_DATE_KEYS = ("datepublished", "article:published_time", "pubdate", "publishdate", "date", "datecreated", "dc.date")


@dataclass
class PageMeta:
    """The page's own description of itself; every field may be missing."""

    titles: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    url: str | None = None
    site_names: list[tuple[str, str]] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)
    visible_time: datetime | None = None


def read_meta(root: lxml_html.HtmlElement) -> PageMeta:
    """Collect titles, URL, site names and timestamps from a parsed page."""
    meta = PageMeta()
    metas: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value:
            metas.setdefault(key, value)
            if key in _DATE_KEYS or el.get("itemprop", "").lower() in _DATE_KEYS:
                meta.stamps.append(value)
    for el in root.iter("time"):
        if el.get("datetime") and (el.get("itemprop") or "").lower() in ("datepublished", "datecreated", ""):
            meta.stamps.append(el.get("datetime"))
    ld = list(_json_ld(root))
    for item in ld:
        for key in ("datePublished", "dateCreated"):
            if isinstance(item.get(key), str):
                meta.stamps.append(item[key])
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            meta.site_names.append((publisher["name"], "JSON-LD publisher"))
    if metas.get("og:site_name"):
        meta.site_names.append((metas["og:site_name"], "og:site_name"))
    for key in ("copyright", "twitter:site"):
        if metas.get(key):
            meta.site_names.append((metas[key], key))
    canonical = next((el.get("href") for el in root.iter("link") if (el.get("rel") or "").lower() == "canonical"), None)
    for url in (canonical, metas.get("og:url"), metas.get("twitter:url"), *(i.get("url") for i in ld)):
        if isinstance(url, str) and url.strip().startswith("http"):
            meta.url = url.strip()
            break
    if meta.url is None and metas.get("twitter:domain"):
        meta.url = "http://" + metas["twitter:domain"].split("//")[-1].strip("/")
    for item in ld:
        if isinstance(item.get("headline"), str):
            meta.titles.append(item["headline"])
    for key in ("og:title", "twitter:title"):
        if metas.get(key):
            meta.titles.append(metas[key])
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        meta.titles.append(title.text_content())
    meta.headings = [_squash(h.text_content()) for h in root.iter("h1", "h2", "h3", "div", "span", "p") if _short(h)]
    meta.visible_time = _visible_time(root)
    return meta


def _short(el: lxml_html.HtmlElement) -> bool:
    text = el.text_content()
    return 0 < len(text) < 300 and el.find(".//a") is None


def _json_ld(root: lxml_html.HtmlElement):
    for el in root.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                stack.extend(v for k, v in item.items() if k == "@graph")
                yield item


def headline(meta: PageMeta, site_words: set[str]) -> str | None:
    """The headline as a reader sees it: no site-name suffix, a shown kicker kept.

    Args:
        meta: the page's metadata.
        site_words: lower-cased words naming the site (``kompas``, ``okezone``).
    """
    cores = [c for c in (_strip_site(t, site_words) for t in meta.titles) if c]
    if not cores:
        return None
    # The shortest stripped title is the headline with the least chrome around it.
    core = min(cores, key=len)
    for text in meta.headings:
        if text.endswith(core) and text != core and _KICKER.match(text[: -len(core)]):
            return text
    return core


def _strip_site(title: str, site_words: set[str]) -> str:
    """``Headline - Kompas.com Regional`` -> ``Headline``; only segments naming the site go.

    The first separated segment that names the site is cut with everything
    after it, and so is a one- or two-word section name just before it
    (``Headline - Health :: Okezone Lifestyle``).
    """
    title = _squash(title)
    cuts = list(_SEPARATORS.finditer(title))
    bounds = [0] + [m.end() for m in cuts]
    for i, cut in enumerate(cuts, 1):
        if _names_site(title[bounds[i] : cuts[i].start() if i < len(cuts) else len(title)], site_words):
            end = cut.start()
            if i >= 2:
                section = title[bounds[i - 1] : end]
                if len(section.split()) <= 2 and not re.search(r"[?!\"'“”]", section):
                    end = cuts[i - 2].start()
            return title[:end].strip()
    return title


def _names_site(segment: str, site_words: set[str]) -> bool:
    words = {w for w in re.split(r"[\W_]+", segment.lower()) if w}
    return bool(words & site_words) or segment.strip().lower() in site_words


def published(meta: PageMeta) -> str | None:
    """The publication time as ISO 8601, with its offset when the page gives one.

    A stamp with an explicit offset wins. Several sites label local time (WIB)
    as UTC or give no zone at all; the time shown on the page (``15:32 WIB``)
    decides then: a stamp at the same instant keeps its seconds, a stamp whose
    clock reads the same but is labelled otherwise is the local time mislabelled.
    """
    stamps = [p for p in (_parse_iso(s) for s in meta.stamps) if p is not None]
    shown = meta.visible_time
    if shown is not None:
        for stamp in stamps:
            if isinstance(stamp, datetime) and stamp.tzinfo is not None and _same_minute(stamp, shown):
                # Same instant; written in the zone the page shows, as readers there read it.
                return stamp.astimezone(shown.tzinfo).isoformat()
        for stamp in stamps:
            if isinstance(stamp, datetime) and stamp.replace(tzinfo=None, second=0) == shown.replace(tzinfo=None):
                return stamp.replace(tzinfo=shown.tzinfo).isoformat()
        dates = [s if not isinstance(s, datetime) else s.date() for s in stamps]
        if not dates or shown.date() in dates:
            return shown.isoformat()
    for stamp in stamps:
        if isinstance(stamp, datetime) and stamp.tzinfo is not None and stamp.utcoffset() != timedelta(0):
            return stamp.isoformat()
    for stamp in stamps:
        if isinstance(stamp, datetime) and stamp.tzinfo is not None:
            return stamp.isoformat().replace("+00:00", "Z")
    for stamp in stamps:
        # A clock time without a zone cannot be placed; keep the day.
        return (stamp.date() if isinstance(stamp, datetime) else stamp).isoformat()
    return shown.isoformat() if shown else None


def _same_minute(a: datetime, b: datetime) -> bool:
    return abs((a - b).total_seconds()) < 60 and a.replace(second=0) == b.replace(second=0).astimezone(a.tzinfo)


def _parse_iso(value: str):
    from datetime import date

    m = _ISO.match(value.strip())
    if not m:
        return None
    try:
        if not m["time"]:
            return date.fromisoformat(m["date"])
        tz = m["tz"]
        if tz and tz != "Z" and ":" not in tz:
            tz = tz[:3] + ":" + tz[3:]
        return datetime.fromisoformat(f"{m['date']}T{m['time']}{'+00:00' if tz == 'Z' else tz or ''}")
    except ValueError:
        return None


def _visible_time(root: lxml_html.HtmlElement) -> datetime | None:
    """The first date with a clock time and an Indonesian zone in the page's visible text."""
    body = root.find(".//body")
    for text in (body if body is not None else root).itertext():
        if "wib" not in text.lower() and "wit" not in text.lower():
            continue
        for pattern in _VISIBLE_DATES:
            if m := pattern.search(text):
                found = _to_datetime(m)
                if found is not None:
                    return found
    return None


def _to_datetime(m: re.Match) -> datetime | None:
    month = int(m["mon"]) if m["mon"].isdigit() else _MONTHS.get(m["mon"].lower())
    if month is None:
        return None
    tz = timezone(timedelta(hours=ZONES[m["z"].lower()]))
    try:
        return datetime(int(m["y"]), month, int(m["d"]), int(m["h"]), int(m["m"]), int(m["s"] or 0), tzinfo=tz)
    except ValueError:
        return None


def _squash(text: str) -> str:
    return " ".join(text.split())
