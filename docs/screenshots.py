"""Take the README's screenshots: the overview and an entity page of the example store, in Debian's chromium.

Ingests ``examples/`` into a temporary store, serves it with ``warta serve`` on
127.0.0.1 and photographs ``/viz`` and one organisation's page once their
graphs are drawn. Run with ``make screenshots`` (or ``python docs/screenshots.py
[--out docs/img]``); it needs Playwright and ``/usr/bin/chromium``.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
#: The entity page shown: a ministry several articles name, with offices, meetings and quotes.
ENTITY = "/resource/organization/pemerintah-provinsi-kalimantan-timur"
READY = "() => window.wartaView && window.wartaView.state.ready"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(store: Path, log: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    warta = Path(sys.executable).with_name("warta")
    process = subprocess.Popen(
        [str(warta), "serve", "--store", str(store), "--port", str(port)],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/sparql", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit(f"warta serve did not answer; see {log}")


def photograph(browser, url: str, out: Path) -> list[Path]:
    """Screenshots of ``/viz`` and the entity page of the server at ``url``, with a Playwright ``browser``."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(url + "/viz")
        page.wait_for_function(READY, timeout=120_000)
        page.screenshot(path=str(out / "overview.png"))
        page.set_viewport_size({"width": 1280, "height": 1000})
        page.goto(url + ENTITY)
        page.locator("iframe.egograph").scroll_into_view_if_needed()  # the frame loads lazily
        page.frame_locator("iframe.egograph").locator("#warta-footer").wait_for()
        next(f for f in page.frames if "/viz?" in f.url).wait_for_function(READY, timeout=120_000)
        page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(out / "entity.png"), full_page=True)
    finally:
        page.close()
    return [out / "overview.png", out / "entity.png"]


def take(url: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        try:
            return photograph(browser, url, out)
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        warta = Path(sys.executable).with_name("warta")
        subprocess.run([str(warta), "ingest", str(ROOT / "examples"), "--store", str(store)], check=True)
        process, url = _serve(store, Path(tmp) / "serve.log")
        try:
            for path in take(url, args.out):
                print(path)
        finally:
            process.terminate()
            process.wait(20)


if __name__ == "__main__":
    main()
