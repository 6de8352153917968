"""One self-contained HTML page: vis-network, our script and the view's data inlined.

Nothing is fetched: vis-network comes from the files the pyvis package ships
(pyvis's own template links Bootstrap from a CDN even with
``cdn_resources="in_line"``), and a Content-Security-Policy forbids every
request, so the page works from disk with no network and cannot leak a
reader's activity to third parties.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

# 'unsafe-inline' is needed because everything is inline; data: serves vis-network's icons.
CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"

_STATIC = Path(__file__).with_name("static")


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS from the pyvis package (newest bundled version)."""
    lib = resources.files("pyvis") / "lib"
    versions = sorted(
        (p for p in lib.iterdir() if p.name.startswith("vis-")),
        key=lambda p: tuple(int(x) for x in p.name[4:].split(".") if x.isdigit()),
    )
    folder = versions[-1]
    return (folder / "vis-network.min.js").read_text(encoding="utf-8"), (folder / "vis-network.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def own_assets() -> tuple[str, str]:
    # labels.js first: view.js calls it.
    script = "\n".join((_STATIC / name).read_text(encoding="utf-8") for name in ("labels.js", "view.js"))
    return script, (_STATIC / "view.css").read_text(encoding="utf-8")


def json_for_script(data) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _inline_script(code: str) -> str:
    # A literal "</script" inside inlined code would end the element early.
    return code.replace("</script", "<\\/script")


def page(data: dict) -> str:
    """The complete HTML page drawing ``data`` (see :func:`graph.viz.payload.payload`)."""
    vis_js, vis_css = vis_assets()
    view_js, view_css = own_assets()
    title = html.escape(data.get("title") or "Warta graph view")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Warta">
<title>{title}</title>
<style>{vis_css}</style>
<style>{view_css}</style>
</head>
<body>
<header id="warta-header">
  <div id="warta-heading"><h1>{title}</h1><p id="warta-subtitle"></p></div>
  <form id="warta-search" role="search" autocomplete="off">
    <label for="warta-search-input">Find</label>
    <input id="warta-search-input" type="search" placeholder="name or alias, e.g. part of a name" aria-describedby="warta-search-status">
    <span id="warta-search-status" aria-live="polite"></span>
    <ul id="warta-search-results"></ul>
  </form>
</header>
<main id="warta-main">
  <div id="warta-network" aria-label="graph view"></div>
  <aside id="warta-side">
    <section id="warta-legend" aria-label="legend"><h2>Legend</h2><ul></ul></section>
    <section id="warta-details" aria-live="polite"><h2>Details</h2><p class="warta-hint">Hover a node or link for a summary; click it for sources.</p></section>
  </aside>
</main>
<footer id="warta-footer"></footer>
<script type="application/json" id="warta-data">{json_for_script(data)}</script>
<script>{_inline_script(vis_js)}</script>
<script>{_inline_script(view_js)}</script>
</body>
</html>
"""


def message_page(title: str, message: str) -> str:
    """A small page in a view's frame saying why there is nothing to draw (no script at all)."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.escape(title)}</title>
<style>body{{font:15px/1.5 system-ui,sans-serif;color:#1d2430;margin:2rem}} p{{color:#667085}}</style></head>
<body><h1>{html.escape(title)}</h1><p>{html.escape(message)}</p></body></html>
"""
