"""The six typical questions over HTTP: `warta serve` beside raw pyoxigraph and Virtuoso, on the same data.

Three ways to get the same answer as SPARQL JSON results bytes, timed in one run:

- raw pyoxigraph: the store's database opened in this process, ``query`` then
  pyoxigraph's own JSON writer: the least work that yields the answer's bytes;
- `warta serve`: a real server process (its defaults: query workers, limits,
  timeout), asked over HTTP with keep-alive, as a client would;
- Virtuoso 7 (Debian ``virtuoso-opensource``), when installed: the same article
  graphs and the same deduplicated union (as the default graph of each request),
  bulk-loaded, asked over HTTP.

    python bench/serve.py STORE_DIR     # a store built by bench/run.py (or any Warta store)
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/virtuoso_server.py starts a private Virtuoso

import virtuoso_server  # noqa: E402

JSON = "application/sparql-results+json"
#: The deduplicated union's name inside Virtuoso (Virtuoso's own default graph is every graph, with duplicates).
UNION = "urn:warta:union"


#: Quick answers are timed more often: on a shared machine one descheduling is a whole sample.
QUICK_MS, QUICK_REPEATS = 50.0, 25


def median_ms(run: Callable[[], int], repeats: int, cpu_seconds: Callable[[], float] = time.process_time) -> dict:
    """Median wall ms of ``run`` after a warm-up, and the mean CPU ms it cost.

    ``run`` returns the answer's size in bytes. ``cpu_seconds`` reads the CPU time of whoever
    does the work (this process, or a server's process tree): on a machine shared with other
    jobs, CPU time says what an answer costs when wall time mostly says how long it waited.
    """
    started = time.perf_counter()
    size = run()
    if (time.perf_counter() - started) * 1000 < QUICK_MS:
        repeats = max(repeats, QUICK_REPEATS)
    samples = []
    cpu_started = cpu_seconds()
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    cpu_ms = (cpu_seconds() - cpu_started) * 1000 / repeats
    return {"ms": statistics.median(samples), "cpu_ms": cpu_ms, "bytes": size, "repeats": repeats}


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its living descendants (a server and its query workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            # Every thread's children: the server starts its query workers' forkserver from a thread.
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, IndexError, ValueError):
            continue
    return total


def raw_pyoxigraph(store_dir: Path, texts: dict[str, str], repeats: int) -> dict[str, dict]:
    store = ox.Store.read_only(str(store_dir / "db"))

    def answer(text: str) -> int:
        return len(store.query(text).serialize(format=ox.QueryResultsFormat.JSON))

    return {
        name: {**median_ms(lambda text=text: answer(text), repeats), "rows": sum(1 for _ in store.query(text))}
        for name, text in texts.items()
    }


def _free_port() -> int:
    return virtuoso_server.free_port()


def _wait_for(url: str, process: subprocess.Popen | None, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            httpx.get(url, params={"query": "ASK {}"}, timeout=5)
            return
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not answer in {timeout:.0f} s") from None
            time.sleep(0.2)


def _http_times(
    url: str, texts: dict[str, str], repeats: int, params: dict | None = None, server_pid: int | None = None
) -> dict[str, dict]:
    results = {}
    with httpx.Client(timeout=600, headers={"Accept": JSON}) as client:

        def answer(text: str) -> int:
            reply = client.get(url, params={"query": text, **(params or {})})
            reply.raise_for_status()
            return len(reply.content)

        for name, text in texts.items():
            first = client.get(url, params={"query": text, **(params or {})})
            try:
                rows = len(first.json()["results"]["bindings"])
            except ValueError:  # an error page, or Virtuoso's text answer at a limit: shown, not timed
                results[name] = {"error": f"HTTP {first.status_code}: {first.text[:160]}"}
                continue
            cpu = (lambda: tree_cpu_seconds(server_pid)) if server_pid else (lambda: float("nan"))
            results[name] = {**median_ms(lambda text=text: answer(text), repeats, cpu), "rows": rows}
    return results


def warta_serve(store_dir: Path, texts: dict[str, str], repeats: int) -> dict[str, dict]:
    port = _free_port()
    warta = Path(sys.executable).with_name("warta")
    process = subprocess.Popen(
        [str(warta), "serve", "--store", str(store_dir), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/sparql"
        _wait_for(url, process, 120, "warta serve")
        return _http_times(url, texts, repeats, server_pid=process.pid)
    finally:
        process.terminate()
        process.wait(30)


def virtuoso_available() -> bool:
    return virtuoso_server.available()


def virtuoso(store_dir: Path, texts: dict[str, str], repeats: int, work: Path) -> dict:
    """Load the store's article graphs and its union into a private Virtuoso and time the queries.

    Returns the timings, the load seconds and Virtuoso's resident memory (MiB) after the run.
    """
    from graph.store.oxigraph import OxigraphStore

    directory = work / "virtuoso"
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    source = OxigraphStore(store_dir, read_only=True, fresh=True)
    with open(directory / "graphs.nq", "wb") as out:
        source.export(out, "nquads")
    with open(directory / "union.nt", "wb") as out:
        source.export(out, "ntriples")  # the deduplicated union, which Virtuoso loads as its own graph
    source.close()
    # 1M quads need more than the test instance's cache; no row cap below the largest answer.
    # Its cost estimate refused (d), which it answers in milliseconds, as "1779 s": time queries, not estimates.
    server = virtuoso_server.start(directory, buffers=170_000, max_rows=1_000_000, max_seconds=600, max_estimate_seconds=0)
    try:
        started = time.perf_counter()
        server.isql(
            f"ld_dir('{directory}', 'graphs.nq', 'urn:warta:unused')",
            f"ld_dir('{directory}', 'union.nt', '{UNION}')",
            "rdf_loader_run()",
            "checkpoint",
            timeout=3600,
        )
        load_s = time.perf_counter() - started
        _wait_for(server.url, server.process, 60, "virtuoso")
        times = _http_times(server.url, texts, repeats, params={"default-graph-uri": UNION}, server_pid=server.process.pid)
        rss = _rss_mib(server.process.pid)
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)
    return {"queries": times, "load_s": load_s, "rss_mib": rss}


def _rss_mib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def main() -> None:
    from bench.queries import PREFIXES, QUERIES, TOP_ORG, TOP_PERSON, render

    store_dir = Path(sys.argv[1])
    raw = ox.Store.read_only(str(store_dir / "db"))
    person = next(iter(raw.query(PREFIXES + TOP_PERSON)))["name"].value
    org = next(iter(raw.query(PREFIXES + TOP_ORG)))["name"].value
    del raw
    texts = {name: render(name, person, org) for name in QUERIES}
    repeats = int(os.environ.get("REPEATS", "5"))
    columns = {"raw pyoxigraph": raw_pyoxigraph(store_dir, texts, repeats), "warta serve": warta_serve(store_dir, texts, repeats)}
    print_table(columns)
    if virtuoso_available():
        with tempfile.TemporaryDirectory(prefix="warta-bench-virtuoso-") as work:
            columns["Virtuoso"] = virtuoso(store_dir, texts, repeats, Path(work))["queries"]
        print_table(columns)
    else:
        print("Virtuoso is not installed (virtuoso-opensource): its column is left out", file=sys.stderr)


def cell(result: dict) -> str:
    if "error" in result:
        return result["error"]
    return f"{result['ms']:.1f}, {result['cpu_ms']:.1f} ms ({result['rows']} rows)"


def print_table(columns: dict[str, dict]) -> None:
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| query | " + " | ".join(f"{c} wall, CPU" for c in columns) + " | serve / raw wall | serve / raw CPU |")
    for name, raw in columns["raw pyoxigraph"].items():
        serve = columns["warta serve"][name]
        ratios = f"{serve['ms'] / raw['ms']:.2f}x | {serve['cpu_ms'] / raw['cpu_ms']:.2f}x" if "ms" in serve else "- | -"
        print(f"| {name} | " + " | ".join(cell(c[name]) for c in columns.values()) + f" | {ratios} |", flush=True)


if __name__ == "__main__":
    main()
