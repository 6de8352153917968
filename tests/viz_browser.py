"""Driving Debian's chromium headless through Playwright (never a downloaded browser)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import networkx as nx

#: Where browser tests write their screenshots (CI keeps WARTA_ARTIFACTS).
ARTIFACTS = Path(os.environ.get("WARTA_ARTIFACTS") or tempfile.gettempdir())
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


class Watched:
    """A page with its console errors, dialogs and requests recorded."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, path, timeout_ms: int = 120_000) -> None:
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("() => window.wartaView && window.wartaView.state.ready", timeout=timeout_ms)

    def external_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file://", "data:", "about:", "http://127.0.0.1"))]


def synthetic_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """A news-like entity graph: preferential attachment, mixed kinds, about two links per node."""
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    kinds = ["person", "person", "organization", "meeting", "place", "agreement", "program"]
    g = nx.MultiDiGraph()
    for i in base.nodes:
        g.add_node(
            i, kind=kinds[i % len(kinds)], name=f"Entity {i}", aliases=[f"E{i}"], articles={i % 97}, offices=[], evidence=[]
        )
    for a, b in base.edges:
        g.add_edge(a, b, label="attended", relation="attended", evidence=[])
    return g


# Measures one interaction: zoom out a step and wait for the frame it draws.
FRAME_MS = """
() => new Promise(resolve => {
  const net = window.wartaView.network;
  const times = [];
  let scale = net.getScale();
  const step = () => {
    const t0 = performance.now();
    net.once('afterDrawing', () => {
      times.push(performance.now() - t0);
      if (times.length < 6) { scale *= 0.8; step(); } else { times.sort((a, b) => a - b); resolve(times[3]); }
    });
    net.moveTo({ scale: scale * 0.8 });
  };
  step();
})
"""


def measure(browser, tmp_dir, n: int, *, physics: bool | None = None) -> dict:
    """Open an ``n``-node synthetic view and time it: build, first frame, ready, one zoom frame, a search."""
    import time

    from graph.viz.page import page
    from graph.viz.payload import payload

    started = time.perf_counter()
    data = payload(synthetic_graph(n), title=f"{n} nodes")
    if physics is not None:
        data["physics"] = physics
    html = page(data)
    build_s = time.perf_counter() - started
    path = tmp_dir / f"view-{n}-{data['physics']}.html"
    path.write_text(html, encoding="utf-8")
    watched = Watched(browser)
    try:
        opened = time.perf_counter()
        watched.open(path, timeout_ms=600_000)
        ready_s = time.perf_counter() - opened
        state = watched.page.evaluate("() => window.wartaView.state")
        frame_ms = watched.page.evaluate(FRAME_MS)
        searched = watched.page.evaluate(f"""() => {{
            const t0 = performance.now();
            const ids = window.wartaView.search('entity {n - 1}');
            window.wartaView.focus(ids[0], false);
            return performance.now() - t0;
        }}""")
        return {
            "nodes": n,
            "edges": len(data["edges"]),
            "physics": data["physics"],
            "html_mb": round(len(html) / 1e6, 2),
            "build_s": round(build_s, 2),
            "first_draw_ms": state["firstDrawMs"],
            "ready_s": round(ready_s, 2),
            "zoom_frame_ms": round(frame_ms),
            "search_ms": round(searched),
            "errors": watched.errors,
        }
    finally:
        watched.page.close()


if __name__ == "__main__":  # python tests/viz_browser.py 300 1000 5000 [physics]
    import sys
    import tempfile
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    args = sys.argv[1:]
    force = True if "physics" in args else None
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
        chromium = launch(playwright)
        for size in (int(a) for a in args if a.isdigit()):
            print(measure(chromium, Path(tmp), size, physics=force), flush=True)
        chromium.close()
