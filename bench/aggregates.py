"""Aggregates from the statistics graph against recomputing them, and what maintaining them costs.

In one run, on one machine: bench queries (b) top-20 organisations by articles and (c)
top-20 co-attending organisation pairs, read from the statistics graph
(graph/store/statistics.py) and recomputed over every article as before, on the embedded
store and on Virtuoso 7 (when installed) loaded with the same article graphs, union and
statistics; and the writer alone (bench/writer.py) with and without the statistics.

    python bench/aggregates.py                      # 1M quads, writer on 1,000 + 250 articles
    python bench/aggregates.py --quads 200000 --writer-articles 300 --no-virtuoso
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/virtuoso_server.py starts a private Virtuoso

from bench.queries import PREFIXES, QUERIES, RECOMPUTED  # noqa: E402
from bench.run import REPEATS, machine  # noqa: E402

NAMES = ("b_top_orgs_by_articles", "c_coattending_org_pairs")
UNION = "urn:warta:union"


def timed(run, text: str) -> dict:
    rows = run(text)  # warm-up, and the row count
    samples, cpu = [], []
    for _ in range(REPEATS):
        started, started_cpu = time.perf_counter(), time.process_time()
        run(text)
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    # CPU time of this process: what an embedded query costs on an idle core (the machine is
    # shared); for Virtuoso it is only the client's share, so wall time is what compares.
    return {"ms": statistics.median(samples), "cpu_ms": statistics.median(cpu), "rows": rows}


def build_store(path: Path, target_quads: int, seed: int = 1) -> dict:
    """Generated articles (ideal extraction, the real model stage) written as `warta ingest` writes them.

    Through ``write_ntriples`` in 64-article batches: the bulk loader with the statistics,
    the same articles and quads as bench/run.py's query store.
    """
    from bench.generate import articles, build_world
    from graph.article import Article
    from graph.model import GraphBuilder
    from graph.model.ntriples import to_ntriples
    from graph.store.oxigraph import OxigraphStore

    shutil.rmtree(path, ignore_errors=True)
    store = OxigraphStore(path)
    builder = GraphBuilder()
    quads = count = 0
    write_s = 0.0
    batch: list[tuple[str, str]] = []
    source = articles(10**9, seed, truth=True, world=build_world(seed))
    while quads < target_quads:
        record, extraction = next(source)
        graph_iri, triples = builder.build_triples(Article(**record), extraction)
        text = to_ntriples(triples)
        batch.append((str(graph_iri), text))
        quads += text.count("\n")
        count += 1
        if len(batch) == 64 or quads >= target_quads:
            started = time.perf_counter()
            store.write_ntriples(batch)
            write_s += time.perf_counter() - started
            batch = []
    store.close()
    return {"articles": count, "quads": quads, "write_s": write_s}


def oxigraph_figures(path: Path) -> dict:
    from graph.store.oxigraph import OxigraphStore

    store = OxigraphStore(path)
    try:
        figures = {}
        for name in NAMES:
            figures[name, "statistics"] = timed(lambda q: len(store.query(q).rows), PREFIXES + QUERIES[name])
            figures[name, "recomputed"] = timed(lambda q: len(store.query(q).rows), PREFIXES + RECOMPUTED[name])
        stats_quads = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{STATISTICS}> {{ ?s ?p ?o }} }}").rows[0][0]
        figures["statistics_quads"] = int(stats_quads)
        return figures
    finally:
        store.close()


def virtuoso_figures(path: Path, work: Path) -> dict | None:
    """The same data in Virtuoso: article graphs, the union as its own graph, the statistics graph."""
    import httpx
    import pyoxigraph as ox
    import virtuoso_server

    if not virtuoso_server.available():
        return None
    data = work / "virtuoso-load"
    data.mkdir()
    source = ox.Store.read_only(str(path / "db"))
    with (data / "all.nq").open("wb") as out:
        union = ox.NamedNode(UNION)
        quads = (
            q if not isinstance(q.graph_name, ox.DefaultGraph) else ox.Quad(q.subject, q.predicate, q.object, union)
            for q in source.quads_for_pattern(None, None, None, None)
        )
        ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
    del source
    server = virtuoso_server.start(work / "virtuoso", buffers=200_000)
    try:
        server.isql(f"ld_dir('{data}', '*.nq', 'urn:warta:unused')", "rdf_loader_run()", "checkpoint", timeout=1800)
        client = httpx.Client(timeout=600)

        def run(text: str) -> int:
            response = client.post(
                server.url,
                data={"query": text, "default-graph-uri": UNION, "named-graph-uri": STATISTICS},
                headers={"Accept": "application/sparql-results+json"},
            )
            response.raise_for_status()
            assert response.headers.get("x-sql-state") != "S1TAT", "Virtuoso answered partially"
            return len(response.json()["results"]["bindings"])

        figures = {}
        for name in NAMES:
            figures[name, "statistics"] = timed(run, PREFIXES + QUERIES[name])
            figures[name, "recomputed"] = timed(run, PREFIXES + RECOMPUTED[name])
        client.close()
        return figures
    finally:
        server.stop()


def writer_figures(count: int) -> dict:
    from bench.writer import measure

    return {
        "without": measure(count, count // 4, statistics=False),
        "with": measure(count, count // 4, statistics=True),
    }


def render(info: dict, store: dict, ox_figures: dict, virtuoso: dict | None, writer: dict | None) -> str:
    lines = [f"# Statistics graph: aggregates read, not recomputed ({time.strftime('%Y-%m-%d %H:%M')})", ""]
    lines += ["## Machine", ""] + [f"- **{k}**: {v}" for k, v in info.items()] + [""]
    lines += [
        f"Store: {store['articles']:,} generated articles, {store['quads']:,} quads in the article graphs, "
        f"{ox_figures['statistics_quads']:,} in the statistics graph; written by `write_ntriples` (the bulk loader, "
        f"as `warta ingest` writes) in {store['write_s']:.0f} s, statistics maintained batch by batch.",
        "",
        "## Queries (median of 5, ms; ratio = recomputed / from the statistics)",
        "",
        "| query | rows | Warta, statistics (CPU) | Warta, recomputed (CPU) | ratio | Virtuoso, statistics | Virtuoso, recomputed | Virtuoso recomputed ÷ Warta statistics |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in NAMES:
        mine, old = ox_figures[name, "statistics"], ox_figures[name, "recomputed"]
        row = (
            f"| {name} | {mine['rows']} | {mine['ms']:.1f} ({mine['cpu_ms']:.1f}) | {old['ms']:.1f} ({old['cpu_ms']:.1f}) "
            f"| {old['ms'] / mine['ms']:.0f}x |"
        )
        if virtuoso:
            v_mine, v_old = virtuoso[name, "statistics"], virtuoso[name, "recomputed"]
            row += f" {v_mine['ms']:.1f} | {v_old['ms']:.1f} | {v_old['ms'] / mine['ms']:.1f}x |"
        else:
            row += " — | — | — |"
        lines.append(row)
    if writer:
        without, with_ = writer["without"], writer["with"]
        lines += [
            "",
            "## Writer alone (bench/writer.py: extraction results ready, bulk loader, 64-article batches)",
            "",
            "| | new store, articles/s | more articles, articles/s |",
            "|---|---:|---:|",
            f"| without statistics | {without['new_store_rate']:.0f} ({without['articles']:,} in {without['new_store_s']:.1f} s) | "
            f"{without['more_rate']:.0f} ({without['more']:,}) |",
            f"| with statistics | {with_['new_store_rate']:.0f} ({with_['articles']:,} in {with_['new_store_s']:.1f} s) | "
            f"{with_['more_rate']:.0f} ({with_['more']:,}) |",
            f"| ratio | {with_['new_store_rate'] / without['new_store_rate']:.2f}x | "
            f"{with_['more_rate'] / without['more_rate']:.2f}x |",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quads", type=int, default=1_000_000, help="quads in the query store")
    parser.add_argument("--writer-articles", type=int, default=1000, help="0 skips the writer comparison")
    parser.add_argument("--no-virtuoso", action="store_true")
    parser.add_argument("--store", help="keep the query store here, and reuse it if it is already there")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "aggregates.md"))
    args = parser.parse_args(argv)
    info = machine()
    work = Path(tempfile.mkdtemp(prefix="warta-statistics-"))
    try:
        writer = writer_figures(args.writer_articles) if args.writer_articles else None
        path = Path(args.store) if args.store else work / "store"
        kept = path / "built.json"
        if kept.exists():
            store = json.loads(kept.read_text())
        else:
            store = build_store(path, args.quads)
            kept.write_text(json.dumps({k: store[k] for k in ("articles", "quads", "write_s")}))
        ox_figures = oxigraph_figures(path)
        virtuoso = None if args.no_virtuoso else virtuoso_figures(path, work)
        report = render(info, store, ox_figures, virtuoso, writer)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    Path(args.out).write_text(report, encoding="utf-8")
    print(report)


STATISTICS = "https://w3id.org/warta/statistics"

if __name__ == "__main__":
    main()
