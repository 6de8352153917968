"""Warta's benchmarks: ingestion, peak memory, the six typical queries, export (``make bench``).

Every figure is printed with a ratio against a baseline measured in the same
run, the absolute numbers, and the machine. The machine is shared and noisy:
read ratios, not milliseconds. Results go to ``bench/results/latest.md``.

    python bench/run.py            # full: 10k/100k ingestion, 1M and 10M quads (hours on 2 cores)
    python bench/run.py --quick    # 1k/10k ingestion, 1M quads (about half an hour)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import articles, build_world, write_corpus  # noqa: E402 (needs ROOT on the path)
from bench.queries import PREFIXES, QUERIES, RECOMPUTED, TOP_ORG, TOP_PERSON, render  # noqa: E402
from bench.serve import QUICK_MS, QUICK_REPEATS, raw_pyoxigraph, virtuoso_available, warta_serve  # noqa: E402
from bench.serve import virtuoso as virtuoso_run  # noqa: E402

VENV_BIN = Path(sys.executable).parent
NICE = ["nice", "-n", "10"]
REPEATS = 5
LAST_CPU_SECONDS = 0.0


# --- machine ---------------------------------------------------------------------
def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = {name: _version(name) for name in ("warta", "pyoxigraph", "rdflib", "spacy", "dask", "distributed")}
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "RAM": f"{ram:.1f} GiB",
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "versions": ", ".join(f"{k} {v}" for k, v in versions.items()),
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


# --- subprocesses with their own peak memory ---------------------------------------------
def run_measured(cmd: list[str], timeout: float | None = None) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (MiB, the largest process of the tree) and stdout of a command.

    The CPU seconds of the process tree (user + system) are kept in ``LAST_CPU_SECONDS``:
    on a shared machine they say what the work costs when wall time cannot.
    """
    global LAST_CPU_SECONDS
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(NICE + cmd, stdout=out, stderr=subprocess.PIPE, cwd=ROOT)
        deadline = None if timeout is None else started + timeout
        peak = 0
        while True:
            peak = max(peak, _tree_hwm_mib(process.pid))
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if deadline and time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        out.seek(0)
        stdout = out.read().decode("utf-8", "replace")
    process.returncode = os.waitstatus_to_exitcode(status)
    LAST_CPU_SECONDS = usage.ru_utime + usage.ru_stime
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    killed = timeout is not None and seconds >= timeout
    if process.returncode not in (0, 1) and not killed:  # ingest exits 1 when some input failed; that is reported
        raise RuntimeError(f"{' '.join(cmd)} exited {process.returncode}: {stderr[-2000:]}")
    # Not ru_maxrss: Linux keeps it across fork+exec, so a child would report its (big) parent's memory.
    return seconds, peak, stdout


def _tree_hwm_mib(pid: int) -> int:
    """The largest peak resident memory (VmHWM, reset by exec) among a process and its descendants."""
    best = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            best = max(best, int(status.split("VmHWM:")[1].split()[0]) // 1024)
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, IndexError, ValueError):
            continue
        pending.extend(int(c) for c in children)
    return best


# --- ingestion ---------------------------------------------------------------------
def ingest_run(corpus: Path, store: Path, workers: int) -> dict:
    shutil.rmtree(store, ignore_errors=True)
    cmd = [str(VENV_BIN / "warta"), "ingest", str(corpus), "--store", str(store), "--workers", str(workers), "--json"]
    seconds, rss, stdout = run_measured(cmd)
    cpu = LAST_CPU_SECONDS
    report = json.loads(stdout.strip().splitlines()[-1])
    shutil.rmtree(store, ignore_errors=True)
    return {
        "articles": report["articles"],
        "seconds": seconds,
        "rate": report["articles"] / seconds,
        "rss_mib": rss,
        "errors": len(report["errors"]),
        "quads": report["quads_added"],
        "cpu_s": cpu,
        "per_cpu_s": report["articles"] / cpu if cpu else 0.0,
        "load": os.getloadavg()[0],
    }


def bench_ingestion(work: Path, small: int, large: int) -> list[dict]:
    rows = []
    corpora = {}
    for size in (small, large):
        corpora[size] = work / f"corpus-{size}"
        if not corpora[size].exists():
            write_corpus(size, str(corpora[size]), seed=1)
    store = work / "ingest-store"
    base = ingest_run(corpora[small], store, 1)
    rows.append({"what": f"ingest {small:,} articles, 1 process (baseline)", **base})
    two = ingest_run(corpora[small], store, 2)
    rows.append({"what": f"ingest {small:,} articles, --workers 2", **two, "ratio": two["rate"] / base["rate"]})
    big = ingest_run(corpora[large], store, 1)
    rows.append(
        {
            "what": f"ingest {large:,} articles, 1 process",
            **big,
            "ratio": big["rate"] / base["rate"],
            "rss_ratio": big["rss_mib"] / base["rss_mib"],
        }
    )
    return rows


# --- start-up ----------------------------------------------------------------------------
#: Commands that do not extract, each run on a store of the shipped examples (what a user types).
STARTUP_COMMANDS = {
    "query": ["query", "ASK { ?s ?p ?o }"],
    "stats": ["stats"],
    "export": ["export", "-f", "nquads", "-o", os.devnull],
    "import": ["import", "--help"],
    "validate": ["validate", "--help"],
    "serve": ["serve", "--help"],
    "viz": ["viz", "--help"],
}


def bench_startup(work: Path, repeats: int = REPEATS) -> list[dict]:
    """Wall seconds from exec to exit of commands that do not extract, beside the bare interpreter.

    ``validate``, ``serve`` and ``viz`` are timed with ``--help``: their work (SHACL, a server,
    a layout) is not start-up; ``query``, ``stats`` and ``export`` run for real on a small store.
    """
    store = work / "startup-store"
    shutil.rmtree(store, ignore_errors=True)
    warta = str(VENV_BIN / "warta")
    subprocess.run(
        [warta, "ingest", str(ROOT / "examples"), "--extractor", "rules", "--store", str(store)], check=True, capture_output=True
    )

    def median_s(cmd: list[str]) -> float:
        samples = []
        for _ in range(repeats + 1):
            started = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
            samples.append(time.perf_counter() - started)
        return statistics.median(samples[1:])  # the first run warms the page cache

    bare = median_s([sys.executable, "-c", "pass"])
    rows = [{"what": "python -c pass (baseline)", "seconds": bare}]
    for name, args in STARTUP_COMMANDS.items():
        store_args = [] if "--help" in args else ["--store", str(store)]
        rows.append(
            {
                "what": f"warta {' '.join(args[:2]) if '--help' in args else name}",
                "seconds": median_s([warta, *args, *store_args]),
            }
        )
    rows.append({"what": "warta ingest --help (for comparison)", "seconds": median_s([warta, "ingest", "--help"])})
    shutil.rmtree(store, ignore_errors=True)
    return rows


# --- query stores ----------------------------------------------------------------------
def writer_note(count: int) -> str:
    """The writer alone (bench/writer.py), transactional load against the bulk loader, in this run."""
    from bench.writer import measure

    load, bulk = measure(count, count // 4, bulk=False), measure(count, count // 4, bulk=True)
    return (
        f"Writer alone (bench/writer.py, extraction results ready, {count:,} articles into a new store): "
        f"transactional load {load['new_store_rate']:.0f} articles/s, bulk loader {bulk['new_store_rate']:.0f}/s "
        f"({bulk['new_store_rate'] / load['new_store_rate']:.2f}x); publishing {100 * load['publish_share']:.1f}% "
        f"vs {100 * bulk['publish_share']:.1f}% of writer time; {bulk['quads_per_article']:.0f} quads per article "
        f"in its graph, {bulk['union_per_article']:.0f} in the union."
    )


def build_query_store(path: Path, target_quads: int, seed: int = 1) -> dict:
    """Fill an embedded store with the truth graphs of generated articles until it holds ``target_quads``."""
    from graph.article import Article
    from graph.model import GraphBuilder
    from graph.store.oxigraph import OxigraphStore

    shutil.rmtree(path, ignore_errors=True)
    store = OxigraphStore(path)
    builder = GraphBuilder()
    world = build_world(seed)
    quads = count = 0
    build_s = write_s = 0.0
    batch = []
    rss_marks: list[tuple[int, int]] = []
    mark_every = max(target_quads // 5, 1)
    next_mark = mark_every
    source = articles(10**9, seed, truth=True, world=world)
    while quads < target_quads:
        started = time.perf_counter()
        record, extraction = next(source)
        graph = builder.build(Article(**record), extraction)
        batch.append((str(graph.identifier), list(graph)))
        quads += len(batch[-1][1])
        count += 1
        build_s += time.perf_counter() - started
        if len(batch) == 64 or quads >= target_quads:
            started = time.perf_counter()
            store.write_graphs(batch)
            write_s += time.perf_counter() - started
            batch = []
            if quads >= next_mark:
                rss_marks.append((quads, _rss_mib()))
                next_mark += mark_every
    store.close()
    return {
        "articles": count,
        "quads": quads,
        "build_s": build_s,
        "write_s": write_s,
        "write_rate": quads / write_s,
        "rss_marks": rss_marks,
    }


def _rss_mib() -> int:
    """Resident memory of this process now (the store is embedded: its native memory counts here)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def time_queries(run_query, texts: dict[str, str], repeats: int = REPEATS) -> dict[str, dict]:
    results = {}
    for name, text in texts.items():
        rows = run_query(text)  # warm-up (and the row count)
        samples, cpu = [], []
        for _ in range(repeats):
            started, started_cpu = time.perf_counter(), time.process_time()
            run_query(text)
            samples.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        # CPU time: what the query costs on an idle core (the machine is shared; wall time includes waiting).
        results[name] = {"ms": statistics.median(samples), "cpu_ms": statistics.median(cpu), "rows": rows}
    return results


def oxigraph_queries(path: Path) -> tuple[dict[str, str], dict[str, dict]]:
    from graph.store.oxigraph import OxigraphStore

    store = OxigraphStore(path)
    prefixes = PREFIXES
    person = str(store.query(prefixes + TOP_PERSON).rows[0][0])
    org = str(store.query(prefixes + TOP_ORG).rows[0][0])
    texts = {name: render(name, person, org) for name in QUERIES}
    results = time_queries(lambda q: len(store.query(q).rows), texts)
    store.close()
    return texts, results


def http_queries(path: Path, texts: dict[str, str], work: Path, notes: list[str], virtuoso: bool) -> dict:
    """The questions as SPARQL JSON results: raw pyoxigraph, `warta serve` and (if installed) Virtuoso."""
    http = {"raw pyoxigraph": raw_pyoxigraph(path, texts, REPEATS), "warta serve": warta_serve(path, texts, REPEATS)}
    if not virtuoso:
        return http
    if not virtuoso_available():
        notes.append("Virtuoso is not installed (Debian `virtuoso-opensource`; `.ci/run` installs it): its column is left out.")
        print(notes[-1], flush=True)
        return http
    other = virtuoso_run(path, texts, REPEATS, work)
    http["Virtuoso"] = other["queries"]
    notes.append(
        f"Virtuoso 7 (Debian package, private instance on 127.0.0.1, 170,000 buffers): bulk load of the article "
        f"graphs and the union {other['load_s']:.0f} s; resident memory after the queries {other['rss_mib']:,} MiB. "
        "Each request names the union as its default graph (`default-graph-uri`)."
    )
    return http


def export_run(store: Path, out: Path) -> dict:
    cmd = [str(VENV_BIN / "warta"), "export", "-f", "nquads", "-o", str(out), "--store", str(store)]
    seconds, rss, _ = run_measured(cmd)
    return {"seconds": seconds, "rss_mib": rss, "bytes": out.stat().st_size}


def rdflib_queries(nquads: Path, texts: dict[str, str], timeout: float) -> dict:
    """rdflib's memory store (set-semantics union of the article graphs), in a killable subprocess."""
    spec = nquads.with_suffix(".queries.json")
    spec.write_text(json.dumps({"nquads": str(nquads), "queries": texts}), encoding="utf-8")
    try:
        _, rss, stdout = run_measured([sys.executable, str(ROOT / "bench" / "rdflib_baseline.py"), str(spec)], timeout=timeout)
    finally:
        spec.unlink()
    results = {}
    for line in stdout.splitlines():
        if line.startswith("{"):
            item = json.loads(line)
            results[item["name"]] = item["seconds"] if item["name"] == "_load_s" else item
    results["_rss_mib"] = rss
    results["_timeout"] = timeout
    return results


# --- report ----------------------------------------------------------------------------
def fmt_ms(ms: float | None) -> str:
    if ms is None:
        return "—"
    return f"{ms:,.0f} ms" if ms >= 10 else f"{ms:.1f} ms"


def render_report(
    info: dict,
    ingestion: list[dict],
    stores: list[dict],
    rdflib: dict | None,
    exports: list[dict],
    quick: bool,
    notes: list[str],
    startup: list[dict] | None = None,
) -> str:
    lines = [f"# Benchmark results ({'quick' if quick else 'full'} run, {time.strftime('%Y-%m-%d %H:%M')})", ""]
    lines += ["## Machine", ""] + [f"- **{k}**: {v}" for k, v in info.items()] + [""]
    if ingestion:
        lines += [
            "## Ingestion (read → extract → model → store, end to end, `warta ingest`)",
            "",
            (
                "| run | articles | quads | wall s | articles/s | ratio vs baseline | CPU s | articles per CPU-s "
                "| peak RSS | RSS ratio | load avg at end | errors |"
            ),
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for row in ingestion:
            ratio = f"{row['ratio']:.2f}x" if "ratio" in row else "1.00x"
            rss_ratio = f"{row['rss_ratio']:.2f}x" if "rss_ratio" in row else "1.00x" if "baseline" in row["what"] else ""
            lines.append(
                f"| {row['what']} | {row['articles']:,} | {row['quads']:,} | {row['seconds']:.1f} | {row['rate']:.1f} | "
                f"{ratio} | {row['cpu_s']:.0f} | {row['per_cpu_s']:.1f} | {row['rss_mib']} MiB | {rss_ratio} | "
                f"{row['load']:.1f} | {row['errors']} |"
            )
        lines += [
            "",
            (
                "Targets: >= 200 articles/s in one process; 1.7x with two workers; peak RSS flat as the corpus grows. "
                "Articles per CPU-second is what one idle core would do in one process."
            ),
            "",
        ]
    if stores:
        lines += [(f"## Queries (embedded Oxigraph store, deduplicated union; median of {REPEATS} after a warm-up)"), ""]
        head = "| query | " + " | ".join(f"{s['quads'] / 1e6:.1f}M quads" for s in stores)
        if rdflib:
            head += f" | rdflib memory, {stores[0]['quads'] / 1e6:.0f}M (1 run) | rdflib / Oxigraph"
        if len(stores) > 1:
            head += f" | {stores[-1]['quads'] / 1e6:.0f}M / {stores[0]['quads'] / 1e6:.0f}M"
        lines += [head + " |", "|" + "---|" * (head.count("|"))]
        for name in QUERIES:
            cells = [
                f"{fmt_ms(s['results'][name]['ms'])} wall, {fmt_ms(s['results'][name].get('cpu_ms'))} CPU "
                f"({s['results'][name]['rows']} rows)"
                for s in stores
            ]
            if rdflib:
                item = rdflib.get(name)
                if item and "ms" in item:
                    cells.append(fmt_ms(item["ms"]) + f" ({item['rows']} rows)")
                    cells.append(f"{item['ms'] / stores[0]['results'][name]['ms']:.0f}x")
                else:
                    cells += [f"> {rdflib.get('_timeout', 0):,.0f} s (not finished; killed)", "—"]
            if len(stores) > 1:
                cells.append(f"{stores[-1]['results'][name]['ms'] / stores[0]['results'][name]['ms']:.1f}x")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines += [
            "",
            "Targets: every query under 100 ms at 1M quads and under 1 s at 10M quads.",
            "",
            "| store | articles | quads | graph building s | store writes s | quads/s written |",
            "|---|---|---|---|---|---|",
        ]
        for s in stores:
            lines.append(
                f"| {s['quads'] / 1e6:.1f}M | {s['articles']:,} | {s['quads']:,} | {s['build_s']:.0f} | {s['write_s']:.0f} | {s['write_rate']:,.0f} |"
            )
        for s in stores:
            if s.get("rss_marks"):
                marks = ", ".join(f"{q / 1e6:.1f}M quads: {r} MiB" for q, r in s["rss_marks"])
                lines.append(
                    f"\nResident memory while filling the {s['quads'] / 1e6:.0f}M store (embedded, one process): {marks}."
                )
        if rdflib and "_load_s" in rdflib:
            lines.append(
                f"| rdflib memory (1M, from N-Quads) | | | | {rdflib['_load_s']:.0f} (parse) | "
                f"{stores[0]['quads'] / rdflib['_load_s']:,.0f} (peak RSS {rdflib['_rss_mib']} MiB) |"
            )
        lines.append("")
    if exports:
        lines += [
            "## Streaming export (`warta export -f nquads`)",
            "",
            "| store | seconds | file | peak RSS | RSS ratio |",
            "|---|---|---|---|---|",
        ]
        for e in exports:
            lines.append(
                f"| {e['quads'] / 1e6:.1f}M quads | {e['seconds']:.0f} | {e['bytes'] / 2**20:,.0f} MiB | {e['rss_mib']} MiB | "
                f"{e['rss_mib'] / exports[0]['rss_mib']:.2f}x |"
            )
        lines.append("")
    lines += render_http(stores)
    if startup:
        lines += render_startup(startup)
    lines += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(lines)


def render_http(stores: list[dict]) -> list[str]:
    """The same questions over HTTP: `warta serve` against raw pyoxigraph and Virtuoso, per store size."""
    lines = []
    for s in stores:
        http = s.get("http")
        if not http:
            continue
        raw, serve, other = http["raw pyoxigraph"], http["warta serve"], http.get("Virtuoso")
        lines += [
            f"## Over HTTP, {s['quads'] / 1e6:.1f}M quads (SPARQL JSON results; median of {REPEATS}, "
            f"{QUICK_REPEATS} for answers under {QUICK_MS:.0f} ms, after a warm-up)",
            "",
            "Raw pyoxigraph: the store opened in the bench process, `query` then pyoxigraph's JSON writer (no HTTP). "
            "`warta serve`: a server process with its defaults, over HTTP with keep-alive. "
            "Wall ms, median (CPU ms per answer in brackets: the bench process for raw pyoxigraph, the server's "
            "process tree for the servers, from /proc in 10 ms ticks, so small values are coarse)."
            + (" Virtuoso: the same article graphs and union, bulk-loaded, over HTTP." if other else ""),
            "",
            "| query | rows | raw pyoxigraph | `warta serve` | serve − raw | serve / raw |"
            + (" Virtuoso | Virtuoso / serve |" if other else ""),
            "|---|---:|---:|---:|---:|---:|" + ("---:|---:|" if other else ""),
        ]
        for name in QUERIES:
            cells = [
                str(serve[name]["rows"]),
                f"{fmt_ms(raw[name]['ms'])} ({fmt_ms(raw[name]['cpu_ms'])})",
                f"{fmt_ms(serve[name]['ms'])} ({fmt_ms(serve[name]['cpu_ms'])})",
                f"{serve[name]['ms'] - raw[name]['ms']:+.1f} ms",
                f"{serve[name]['ms'] / raw[name]['ms']:.2f}x",
            ]
            if other and "error" in other[name]:
                cells += [other[name]["error"].replace("|", "/"), "—"]
            elif other:
                # Virtuoso answers the same question; a different row count would be shown, not hidden.
                rows = "" if other[name]["rows"] == serve[name]["rows"] else f" ({other[name]['rows']} rows)"
                cells += [
                    f"{fmt_ms(other[name]['ms'])} ({fmt_ms(other[name]['cpu_ms'])}){rows}",
                    f"{other[name]['ms'] / serve[name]['ms']:.2f}x",
                ]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines += [
            "",
            "Targets (issue #12): `warta serve` within 10% of raw pyoxigraph on (a), within 2 ms on (d).",
            "",
        ]
    return lines


def render_startup(rows: list[dict]) -> list[str]:
    base = rows[0]["seconds"]
    lines = [
        f"## Start-up of commands that do not extract (median of {REPEATS}, exec to exit)",
        "",
        "| command | seconds | over the bare interpreter |",
        "|---|---:|---:|",
    ]
    for row in rows:
        lines.append(f"| {row['what']} | {row['seconds']:.2f} | {row['seconds'] - base:+.2f} s |")
    lines += ["", "Target (issue #12): under 0.5 s; none of them imports the extractor (tests/test_cli_imports.py).", ""]
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1k/10k ingestion and 1M quads only")
    parser.add_argument("--workdir", help="where corpora and stores go (default: a temporary folder, removed)")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-queries", action="store_true")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib baseline (minutes at 1M quads)")
    parser.add_argument("--skip-http", action="store_true", help="skip the queries over HTTP (warta serve, Virtuoso)")
    parser.add_argument("--no-virtuoso", action="store_true", help="skip Virtuoso even when it is installed")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--rdflib-timeout", type=float, default=None, help="seconds (default 900 quick, 3600 full)")
    parser.add_argument(
        "--query-sizes", type=int, nargs="+", help="quads in the query stores (default 1M, and 10M unless --quick)"
    )
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "latest.md"))
    args = parser.parse_args(argv)

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="warta-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    info = machine()
    notes = [
        (
            "Corpora from bench/generate.py (seed 1): ~400-word Indonesian government-news articles, Zipf-popular officials, "
            "agencies and programmes; written as JSONL shards of 1,000 articles."
        ),
        (
            "Query stores hold the graphs an ideal extractor would produce for generated articles (bench/generate.py's "
            "truth, through the real model stage and store), not the rule extractor's output: the same contract shape, "
            "without hours of extraction. (a), (d), (e) use the most-mentioned person and organisation (the worst case)."
        ),
        (
            "rdflib baseline: rdflib Dataset(default_union=True) in memory, loaded from the N-Quads export; one run per "
            "query (its queries take seconds to minutes)."
        ),
    ]
    ingestion, stores, exports, rdflib, startup = [], [], [], None, None
    try:
        if not args.skip_startup:
            startup = bench_startup(work)
            print("\n".join(render_startup(startup)), flush=True)
        if not args.skip_ingest:
            notes.append(writer_note(1_000 if args.quick else 2_000))
            print(notes[-1], flush=True)
            small, large = (1_000, 10_000) if args.quick else (10_000, 100_000)
            ingestion = bench_ingestion(work, small, large)
            print(render_report(info, ingestion, [], None, [], args.quick, []), flush=True)
        if not args.skip_queries:
            sizes = args.query_sizes or ([1_000_000] if args.quick else [1_000_000, 10_000_000])
            for target in sizes:
                path = work / f"store-{target}"
                stats = build_query_store(path, target)
                texts, results = oxigraph_queries(path)
                http = (
                    None
                    if args.skip_http
                    else http_queries(path, texts, work, notes, virtuoso=target == sizes[0] and not args.no_virtuoso)
                )
                stores.append({**stats, "results": results, "path": path, "http": http})
                dump = work / f"export-{target}.nq"
                exports.append({**export_run(path, dump), "quads": stats["quads"]})
                if target == sizes[0] and not args.no_rdflib:
                    # rdflib gets the article graphs only (the export leaves the statistics out), so
                    # it runs (b) and (c) as they are computed without statistics.
                    counted = {**texts, **{name: PREFIXES + text for name, text in RECOMPUTED.items()}}
                    rdflib = rdflib_queries(dump, counted, args.rdflib_timeout or (900 if args.quick else 3600))
                if dump.exists():
                    dump.unlink()
                shutil.rmtree(path, ignore_errors=True)
                print(render_report(info, [], stores, rdflib, exports, args.quick, []), flush=True)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    report = render_report(info, ingestion, stores, rdflib, exports, args.quick, notes, startup)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
