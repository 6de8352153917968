"""A bounded load test of `warta serve` on 127.0.0.1 (asyncio + httpx).

``--clients`` concurrent clients (50) for ``--duration`` seconds (60) mix the
queries of the ``queries/`` library (parameters filled with names from the
store), entity pages and search, while one more client sends only queries
that run into the server's timeout. Reported: requests/s, p50/p95/p99
latency, status codes, errors (any 5xx or transport error from an ordinary
client), what the timeout client saw, and the resident memory of the server
with its query workers, sampled every half second.

    python bench/load.py                          # builds a 2,000-article store first
    python bench/load.py --store warta-data --duration 30 --output -

The load generator shares the machine with the server (2 cores here), so the
absolute figures are a floor, not a capacity.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
JSON = "application/sparql-results+json"


# --- the store -------------------------------------------------------------------------


def build_store(path: Path, count: int, seed: int = 1) -> dict:
    """A store of ``count`` generated articles, modelled from their true extractions (no extractor run)."""
    from bench.generate import articles, build_world
    from graph.article import Article
    from graph.model import GraphBuilder
    from graph.store import open_store

    store = open_store(str(path))
    builder = GraphBuilder(extractor="bench")
    batch, quads = [], 0
    for record, extraction in articles(count, seed, truth=True, world=build_world(seed)):
        graph = builder.build(Article(**record), extraction)
        batch.append((str(graph.identifier), list(graph)))
        quads += len(batch[-1][1])
        if len(batch) == 64:
            store.write_graphs(batch)
            batch = []
    if batch:
        store.write_graphs(batch)
    store.publish(force=True)
    store.close()
    return {"articles": count, "quads": quads}


# --- the server ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(store: Path, port: int, timeout: float, workers: int) -> subprocess.Popen:
    warta = Path(sys.executable).with_name("warta")
    command = [
        str(warta),
        "serve",
        "--store",
        str(store),
        "--port",
        str(port),
        "--timeout",
        str(timeout),
        "--workers",
        str(workers),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK {}"}, timeout=5).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.3)
    os.killpg(process.pid, signal.SIGKILL)
    raise SystemExit("warta serve did not start")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants (query workers, forkserver), in MB."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in open(f"/proc/{current}/status"):
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
        todo.extend(children.get(current, []))
    return total / 1024


# --- the requests ----------------------------------------------------------------------


@dataclass
class Mix:
    queries: list[tuple[str, str]] = field(default_factory=list)  # (name, url)
    pages: list[str] = field(default_factory=list)
    searches: list[str] = field(default_factory=list)
    alone_ms: dict[str, float] = field(default_factory=dict)  # each library query, alone on the idle server
    analytic: list[str] = field(default_factory=list)  # too slow to be interactive: left out of the mix

    def pick(self, rng: random.Random) -> tuple[str, str]:
        roll = rng.random()
        if roll < 0.5:
            name, url = rng.choice(self.queries)
            return f"query:{name}", url
        if roll < 0.9:
            return "entity page", rng.choice(self.pages)
        return "search", rng.choice(self.searches)


def names_of(base: str, cls: str, limit: int = 200) -> list[tuple[str, str]]:
    query = f"SELECT ?e ?n WHERE {{ ?e a <{cls}> ; <https://schema.org/name> ?n }} LIMIT {limit}"
    reply = httpx.get(base + "/sparql", params={"query": query}, headers={"Accept": JSON}, timeout=60)
    reply.raise_for_status()
    return [(b["e"]["value"], b["n"]["value"]) for b in reply.json()["results"]["bindings"]]


def build_mix(base: str, rng: random.Random, interactive_ms: float) -> Mix:
    from graph.model.namespaces import DEFAULT_BASE_IRI

    people = names_of(base, "https://schema.org/Person")
    orgs = names_of(base, "http://www.w3.org/ns/org#Organization")
    mix = Mix()
    for entry in httpx.get(base + "/api/queries", timeout=30).json():
        urls = []
        for _ in range(5):  # five parameter choices per library query
            params = {"query": entry["text"]}
            for param in entry["params"]:
                pool = people if "person" in param["name"] or "official" in param["name"] else orgs
                value = (
                    rng.choice(pool)[1]
                    if pool and param["name"] in ("person", "organization", "org", "official", "other")
                    else param["example"]
                )
                params[f"param.{param['name']}"] = value
            urls.append(base + "/sparql?" + str(httpx.QueryParams(params)))
        started = time.monotonic()
        httpx.get(urls[0], headers={"Accept": JSON}, timeout=600)
        mix.alone_ms[entry["name"]] = (time.monotonic() - started) * 1000  # at the timeout when it ran past it
        if mix.alone_ms[entry["name"]] > interactive_ms:
            mix.analytic.append(entry["name"])  # whole-store analyses: run them with `warta query`
            continue
        mix.queries.extend((entry["name"], url) for url in urls)
    for iri, name in people + orgs:
        if iri.startswith(DEFAULT_BASE_IRI):
            mix.pages.append(base + "/resource/" + iri[len(DEFAULT_BASE_IRI) :])
        mix.searches.append(base + "/search?q=" + quote(name.split()[-1]))
    return mix


@dataclass
class Sample:
    kind: str
    status: int  # 0 for a transport error
    seconds: float


async def client(http: httpx.AsyncClient, mix: Mix, seed: int, until: float, out: list[Sample]) -> None:
    rng = random.Random(seed)
    while time.monotonic() < until:
        kind, url = mix.pick(rng)
        headers = {"Accept": "text/html"} if kind != "search" and "/resource/" in url else {"Accept": JSON}
        started = time.monotonic()
        try:
            reply = await http.get(url, headers=headers)
            status = reply.status_code
        except httpx.HTTPError:
            status = 0
        out.append(Sample(kind, status, time.monotonic() - started))


async def runaway_client(http: httpx.AsyncClient, base: str, until: float, out: list[Sample]) -> None:
    while time.monotonic() < until:
        started = time.monotonic()
        try:
            status = (await http.get(base + "/sparql", params={"query": RUNAWAY}, headers={"Accept": JSON})).status_code
        except httpx.HTTPError:
            status = 0
        out.append(Sample("runaway", status, time.monotonic() - started))


async def sample_memory(pid: int, until: float, out: list[float]) -> None:
    while time.monotonic() < until:
        out.append(tree_rss_mb(pid))
        await asyncio.sleep(0.5)


async def run_load(
    base: str, pid: int, mix: Mix, clients: int, duration: float
) -> tuple[list[Sample], list[Sample], list[float]]:
    samples: list[Sample] = []
    runaway: list[Sample] = []
    memory: list[float] = []
    limits = httpx.Limits(max_connections=clients + 5, max_keepalive_connections=clients + 5)
    async with httpx.AsyncClient(limits=limits, timeout=120) as http:
        until = time.monotonic() + duration
        tasks = [client(http, mix, seed, until, samples) for seed in range(clients)]
        tasks.append(runaway_client(http, base, until, runaway))
        tasks.append(sample_memory(pid, until, memory))
        await asyncio.gather(*tasks)
    return samples, runaway, memory


# --- the report ------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(args, built: dict | None, mix: Mix, samples, runaway, memory, baseline_mb: float, duration: float) -> str:
    ok = [s for s in samples if 200 <= s.status < 300]
    statuses = Counter(s.status for s in samples)
    server_errors = sum(n for code, n in statuses.items() if code >= 500 or code == 0)
    latencies = [s.seconds * 1000 for s in ok]
    codes = ", ".join(f"{code or 'transport error'}: {n:,}" for code, n in sorted(statuses.items()))
    by_kind: dict[str, list[Sample]] = {}
    for s in samples:
        by_kind.setdefault("query library" if s.kind.startswith("query:") else s.kind, []).append(s)
    lines = [
        "# Load test: `warta serve` on 127.0.0.1",
        "",
        f"`python bench/load.py {' '.join(sys.argv[1:])}` on {platform.node() or 'this machine'}: "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, pyoxigraph {metadata.version('pyoxigraph')}. "
        "The load generator runs on the same cores as the server; "
        f"1-minute load average {os.getloadavg()[0]:.1f} when the run ended (other jobs included).",
        "",
        f"- store: {built['articles']:,} generated articles, {built['quads']:,} quads in article graphs"
        if built
        else f"- store: {args.store}",
        f"- server: `warta serve --timeout {args.timeout:g} --workers {args.workers}` (defaults otherwise)",
        f"- load: {args.clients} concurrent clients for {duration:.0f} s (half library queries with parameters, "
        "four tenths entity pages, one tenth search), plus 1 client sending only a query that runs past the timeout",
        "",
        "| measure | value |",
        "|---|---|",
        f"| requests (ordinary clients) | {len(samples):,} |",
        f"| requests/s | {len(samples) / duration:.1f} |",
        f"| latency p50 / p95 / p99 (ms) | {percentile(latencies, 50):.0f} / {percentile(latencies, 95):.0f} / {percentile(latencies, 99):.0f} |",
        f"| latency max (ms) | {max(latencies, default=0):.0f} |",
        f"| status codes | {codes} |",
        f"| 5xx or transport errors (ordinary clients) | {server_errors} |",
        f"| timeout client: answers | {len(runaway)} ({', '.join(f'{c}: {n}' for c, n in sorted(Counter(s.status for s in runaway).items()))}) |",
        f"| timeout client: seconds per answer, median (timeout {args.timeout:g} s) | {statistics.median([s.seconds for s in runaway]) if runaway else float('nan'):.1f} |",
        f"| server + workers RSS before / max / end (MB) | {baseline_mb:.0f} / {max(memory, default=0):.0f} / {memory[-1] if memory else 0:.0f} |",
        "",
        "Server + workers RSS every 10 s (MB): " + " → ".join(f"{mb:.0f}" for mb in memory[::20]),
        "",
        "| request kind | requests | p50 ms | p99 ms | non-2xx |",
        "|---|---|---|---|---|",
    ]
    for kind, items in sorted(by_kind.items()):
        times = [s.seconds * 1000 for s in items if 200 <= s.status < 300]
        bad = sum(1 for s in items if not 200 <= s.status < 300)
        lines.append(f"| {kind} | {len(items):,} | {percentile(times, 50):.0f} | {percentile(times, 99):.0f} | {bad} |")
    slow = Counter()
    for s in samples:
        if s.kind.startswith("query:"):
            slow[s.kind[6:]] = max(slow[s.kind[6:]], s.seconds * 1000)
    lines += [
        "",
        "Slowest library queries in the mix (max ms under load): "
        + ", ".join(f"{name} {ms:.0f}" for name, ms in slow.most_common(5)),
        "",
    ]
    if mix.analytic:
        lines += [
            f"Left out of the mix as whole-store analyses (over {args.interactive_ms:.0f} ms alone on the idle server): "
            + ", ".join(f"{name} ({mix.alone_ms[name] / 1000:.1f} s alone)" for name in mix.analytic)
            + ". Under load they would hold a worker for seconds each; run them with `warta query`.",
            "",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", help="serve this store (default: build one from generated articles)")
    parser.add_argument("--articles", type=int, default=1000, help="articles in the generated store")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--timeout", type=float, default=30.0, help="the server's query timeout (s; 30 is warta serve's default)")
    parser.add_argument("--workers", type=int, default=2, help="the server's query workers")
    parser.add_argument(
        "--interactive-ms",
        type=float,
        default=1000.0,
        help="library queries slower than this alone on the idle server are left out of the mix",
    )
    parser.add_argument(
        "--output", default=str(ROOT / "bench" / "results" / "load.md"), help="markdown report ('-': stdout only)"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="warta-load-") as tmp:
        built = None
        store = Path(args.store) if args.store else Path(tmp) / "store"
        if not args.store:
            started = time.monotonic()
            built = build_store(store, args.articles)
            print(
                f"built {built['articles']} articles, {built['quads']} quads in {time.monotonic() - started:.0f} s",
                file=sys.stderr,
            )
        port = free_port()
        server = start_server(store, port, args.timeout, args.workers)
        base = f"http://127.0.0.1:{port}"
        try:
            mix = build_mix(base, random.Random(7), args.interactive_ms)
            baseline = tree_rss_mb(server.pid)
            samples, runaway, memory = asyncio.run(run_load(base, server.pid, mix, args.clients, args.duration))
            alive = server.poll() is None
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(15)
    text = report(args, built, mix, samples, runaway, memory, baseline, args.duration)
    if not alive:
        text += "\n**The server died during the run.**\n"
    print(text)
    if args.output != "-":
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    failed = not alive or any(s.status >= 500 or s.status == 0 for s in samples)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
