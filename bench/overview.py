"""How the overview draws on large stores, in Debian's chromium (headless, software rendering).

For each store: nodes and links drawn, seconds to build the page in Python, its size, time to
the first frame and to ready (laid out, labelled, framed) after the page starts, and one zoom
frame. Baseline, measured in the same run on the same store: the whole graph (``--type all``),
the view the overview replaced as the default.

Stores:
- the development articles (``../shared/eval/dev``), ingested with ``warta ingest`` into a
  temporary store (they are never copied into the project);
- generated articles (``bench/generate.py``, 10,000 by default), modelled from their true
  extraction as ``bench/load.py`` builds them.

    python bench/overview.py                               # both stores, report to bench/results/overview.md
    python bench/overview.py --articles 2000 --keep /tmp/overview-stores   # reuse stores between runs
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import build_store  # noqa: E402
from bench.run import machine  # noqa: E402
from graph.store import open_store  # noqa: E402
from graph.viz import render_view  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
DEV = ROOT.parent / "shared" / "eval" / "dev"
#: Longest wait for a view to be ready; a view not ready by then is reported as such.
READY_TIMEOUT_S = 300
#: Ready: laid out, labelled, framed, and that frame drawn.
READY = "() => window.wartaView && window.wartaView.state.framedMs"
# One zoom step and the frame it draws, five times: the median frame in ms.
ZOOM_FRAME_MS = """
() => new Promise(resolve => {
  const net = window.wartaView.network, times = [];
  let scale = net.getScale();
  const step = () => {
    const t0 = performance.now();
    net.once('afterDrawing', () => {
      times.push(performance.now() - t0);
      if (times.length < 5) { scale *= 0.85; step(); } else { times.sort((a, b) => a - b); resolve(times[2]); }
    });
    net.moveTo({ scale: scale * 0.85 });
  };
  step();
})
"""


def dev_store(path: Path, source: Path) -> dict:
    """The development articles in a store of their own, read by the shipped extractor."""
    if not path.exists():
        # The article folders only: beside them lie the gold annotations, which are not articles.
        folders = [str(source / sub) for sub in ("news/articles", "pfsa/articles", "html/pages") if (source / sub).is_dir()]
        warta = Path(sys.executable).with_name("warta")
        # Exit code 1 when a file was not an article (a list of URLs): those are reported and skipped.
        done = subprocess.run([str(warta), "ingest", *folders, "--store", str(path)], capture_output=True, text=True)
        if done.returncode not in (0, 1):
            raise SystemExit(done.stderr)
    return {"articles": _count_articles(path)}


def generated_store(path: Path, count: int) -> dict:
    if not path.exists():
        build_store(path, count)
    return {"articles": _count_articles(path)}


def _count_articles(path: Path) -> int:
    store = open_store(str(path), read_only=True)
    try:
        result = store.query("SELECT (COUNT(?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }")
        return int(result.rows[0][0])
    finally:
        store.close()


def build_page(store_path: Path, out: Path, **view) -> dict:
    store = open_store(str(store_path), read_only=True)
    try:
        started = time.perf_counter()
        html = render_view(store, **view)
        seconds = time.perf_counter() - started
    finally:
        store.close()
    out.write_text(html, encoding="utf-8")
    return {"build_s": seconds, "mb": len(html.encode()) / 1e6}


def draw(browser, page_path: Path) -> dict:
    """Open a view and time it; None values when it was not ready within READY_TIMEOUT_S."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        started = time.perf_counter()
        page.goto(page_path.resolve().as_uri(), timeout=READY_TIMEOUT_S * 1000)
        try:
            page.wait_for_function(READY, timeout=READY_TIMEOUT_S * 1000, polling=100)
        except Exception:  # playwright's TimeoutError: report, do not stop the run
            return {"ready_wall_s": None}
        wall = time.perf_counter() - started
        state = page.evaluate("() => window.wartaView.state")
        return {
            "nodes": page.evaluate("() => window.wartaView.nodes.get({filter: n => !n.hidden}).length"),
            "links": page.evaluate("() => window.wartaView.edges.length"),
            "named": state.get("named"),
            "first_ms": state["firstDrawMs"],
            "ready_ms": state["framedMs"],
            "ready_wall_s": wall,
            "zoom_ms": page.evaluate(ZOOM_FRAME_MS),
        }
    finally:
        page.close()


def measure(browser, name: str, store_path: Path, work: Path, repeats: int) -> list[dict]:
    rows = []
    for view, options in (("overview", {}), ("whole graph", {"types": "all"})):
        out = work / f"{name.split()[0]}-{view.split()[0]}.html"
        built = build_page(store_path, out, **options)
        runs = [draw(browser, out) for _ in range(repeats if view == "overview" else 1)]
        ready = [r for r in runs if r.get("ready_wall_s") is not None]
        row = {"store": name, "view": view, **built}
        if ready:
            row.update({key: ready[0][key] for key in ("nodes", "links", "named")})
            for key in ("first_ms", "ready_ms", "ready_wall_s", "zoom_ms"):
                row[key] = statistics.median(r[key] for r in ready)
        rows.append(row)
        print(row, flush=True)
    return rows


def _ms(value) -> str:
    return "not ready" if value is None else f"{value:,.0f} ms"


def _seconds(value) -> str:
    return "not ready" if value is None else f"{value:.1f} s"


def report(rows: list[dict], stores: dict[str, dict]) -> str:
    lines = [
        "# The overview in Chromium on large stores",
        "",
        "`python bench/overview.py`; " + ", ".join(f"{k}: {v}" for k, v in machine().items()),
        "",
        "Headless Debian chromium, software rendering, 1280x800; times after the page's script starts "
        "(first frame, ready = laid out, labelled and framed), wall = from navigation to ready, "
        "zoom = median of five zoom-step frames. Baseline in the same run: the whole graph of the same store.",
        "",
        "| store | view | nodes | links | names | page build | HTML | first draw | ready | wall | zoom frame |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['store']} ({stores[r['store']]['articles']:,} articles) | {r['view']} | {r.get('nodes', '–'):,} | "
            f"{r.get('links', '–'):,} | {r.get('named') or '–'} | {r['build_s']:.1f} s | {r['mb']:.1f} MB | "
            f"{_ms(r.get('first_ms'))} | {_ms(r.get('ready_ms'))} | "
            f"{_seconds(r.get('ready_wall_s'))} | {_ms(r.get('zoom_ms'))} |"
        )
    lines += ["", "Ratios, overview against the whole graph of the same store (same run):", ""]
    for name in stores:
        over, whole = (next(r for r in rows if r["store"] == name and r["view"] == v) for v in ("overview", "whole graph"))
        parts = [f"page build {over['build_s'] / whole['build_s']:.2f}×"]
        for key, label in (("ready_wall_s", "wall to ready"), ("zoom_ms", "zoom frame")):
            if over.get(key) is not None and whole.get(key):
                parts.append(f"{label} {over[key] / whole[key]:.2f}×")
            else:
                parts.append(f"{label}: whole graph not ready within {READY_TIMEOUT_S} s")
        lines.append(f"- {name}: " + ", ".join(parts))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="generated articles (default 10,000)")
    parser.add_argument("--dev", type=Path, default=DEV, help="the development articles to ingest")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the stores in this folder")
    parser.add_argument("--repeats", type=int, default=3, help="overview draws per store (median)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "overview.md")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        stores = {
            "dev articles": dev_store(work / "store-dev", args.dev),
            f"{args.articles:,} generated": generated_store(work / f"store-{args.articles}", args.articles),
        }
        paths = {"dev articles": work / "store-dev", f"{args.articles:,} generated": work / f"store-{args.articles}"}
        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for name in stores:
                rows += measure(browser, name, paths[name], Path(tmp), args.repeats)
            browser.close()
    text = report(rows, stores)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
