"""The writer alone: how many articles a second one writer stores once extraction is done.

Generated 400-word articles come with the extraction an ideal extractor would return
(``bench/generate.py``, ``truth=True``); they are modelled to N-Triples up front, so the
timed part is exactly what ``warta ingest``'s writer does per batch (``graph.pipeline._write``:
entity look-up, candidate matches, the store write, publishing) plus the final publish.

    python bench/writer.py                    # 2,000 articles into a new store, then 500 more
    python bench/writer.py --articles 500 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import articles, build_world  # noqa: E402
from graph.article import Article  # noqa: E402
from graph.candidates import PersonIndex  # noqa: E402
from graph.model import DEFAULT_BASE_IRI, GraphBuilder  # noqa: E402
from graph.pipeline import IngestReport, ProcessedArticle, _RunEntities, _write, processed_article  # noqa: E402
from graph.store.oxigraph import OxigraphStore  # noqa: E402


def processed(count: int, seed: int = 1, start: int = 0) -> list[ProcessedArticle]:
    """``count`` generated articles as the workers would hand them to the writer."""
    builder = GraphBuilder(DEFAULT_BASE_IRI, "bench-truth")
    return [
        processed_article(Article(**record), extraction, builder)
        for record, extraction in articles(count, seed, start=start, truth=True, world=build_world(seed))
    ]


def write_all(store: OxigraphStore, items: list[ProcessedArticle], batch_size: int = 64) -> float:
    """Seconds the writer takes for ``items``, batch by batch, ending with a forced publish."""
    report = IngestReport()
    started = time.perf_counter()
    people = PersonIndex(store)
    entities = _RunEntities()
    for i in range(0, len(items), batch_size):
        _write(store, [ProcessedArticle(**vars(item)) for item in items[i : i + batch_size]], report, people, entities)
    store.publish(force=True)
    seconds = time.perf_counter() - started
    assert not report.errors, report.errors[:3]
    return seconds


def _time_publishing(store: OxigraphStore) -> list[float]:
    """Seconds spent publishing snapshots, accumulated in the returned one-item list."""
    spent = [0.0]
    publish = store.publish_snapshot

    def timed():
        started = time.perf_counter()
        try:
            return publish()
        finally:
            spent[0] += time.perf_counter() - started

    store.publish_snapshot = timed  # type: ignore[method-assign]
    return spent


def measure(count: int, more: int, profile: bool = False, bulk: bool = True, statistics: bool = True) -> dict:
    """The writer's rates; ``statistics=False`` leaves the statistics graph out, to measure what it costs."""
    first, second = processed(count), processed(more, start=count)
    work = Path(tempfile.mkdtemp(prefix="warta-writer-"))
    try:
        store = OxigraphStore.__new__(OxigraphStore)
        store.keep_statistics = statistics  # before opening: opening builds missing statistics
        store.__init__(work / "store")
        store.bulk_load_fresh = bulk
        published = _time_publishing(store)
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        new_s = write_all(store, first)
        more_s = write_all(store, second)
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        union = sum(1 for _ in store.triples())
        quads = store.quad_count()
        store.close()
        return {
            "articles": count,
            "new_store_s": new_s,
            "new_store_rate": count / new_s,
            "more": more,
            "more_s": more_s,
            "more_rate": more / more_s,
            "quads_per_article": quads / (count + more),
            "union_per_article": union / (count + more),
            "publish_share": published[0] / (new_s + more_s),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles written into a new store")
    parser.add_argument("--more", type=int, default=500, help="articles written after them into the same store")
    parser.add_argument("--profile", action="store_true", help="print the writer's profile (bulk loader only)")
    parser.add_argument("--no-bulk", action="store_true", help="only the transactional load, as before the bulk loader")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.profile or args.no_bulk:
        runs = {"bulk" if not args.no_bulk else "load": measure(args.articles, args.more, args.profile, bulk=not args.no_bulk)}
    else:  # both, in the same run: the machine is shared, so the ratio is the figure to read
        runs = {"load": measure(args.articles, args.more, bulk=False), "bulk": measure(args.articles, args.more, bulk=True)}
    if args.json:
        print(json.dumps(runs))
        return
    for name, result in runs.items():
        print(
            f"writer ({name}): {result['new_store_rate']:.0f} articles/s into a new store ({args.articles:,} in "
            f"{result['new_store_s']:.1f} s), {result['more_rate']:.0f}/s for {args.more:,} more; per article "
            f"{result['quads_per_article']:.0f} quads in its graph, {result['union_per_article']:.0f} in the union; "
            f"publishing {100 * result['publish_share']:.1f}% of writer time"
        )
    if len(runs) == 2:
        load, bulk = runs["load"], runs["bulk"]
        print(
            f"bulk loader / transactional load: {bulk['new_store_rate'] / load['new_store_rate']:.2f}x new store, "
            f"{bulk['more_rate'] / load['more_rate']:.2f}x more articles"
        )


if __name__ == "__main__":
    main()
