"""Extraction speed: the rules alone against the rules over the NER model, and time against
article size (``make bench`` runs it; ``python bench/extract.py`` alone).

Every figure is a ratio against a baseline measured in the same run, with the absolute
numbers beside: the machine is shared and noisy.

    python bench/extract.py                 # 400-word articles, then 0.1 / 1 / 10 MB articles
    python bench/extract.py --quick         # fewer articles, sizes up to 1 MB
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import articles  # noqa: E402
from graph.article import Article  # noqa: E402
from graph.extract import get_extractor  # noqa: E402


def _corpus(count: int) -> list[Article]:
    return [Article(id=r["id"], text=r["text"], title=r.get("title"), date=r.get("date")) for r in articles(count, seed=7)]


def articles_per_second(name: str, corpus: list[Article], repeats: int = 3) -> tuple[float, float]:
    """Median articles/s over ``repeats`` passes, and the seconds the first call took (model loading)."""
    extractor = get_extractor(name)
    started = time.perf_counter()
    extractor.extract(corpus[0])  # loads the model, if any, once per process
    first = time.perf_counter() - started
    rates = []
    for _ in range(repeats):
        started = time.perf_counter()
        for article in corpus:
            extractor.extract(article)
        rates.append(len(corpus) / (time.perf_counter() - started))
    return statistics.median(rates), first


def seconds_for_size(name: str, size: int, base: str) -> float:
    text = (base * (size // len(base) + 1))[:size]
    extractor = get_extractor(name)
    extractor.extract(Article(id="warm-up", text=base[:2000]))  # tables and model load once, untimed
    started = time.perf_counter()
    extractor.extract(Article(id=f"size-{size}", text=text))
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    corpus = _corpus(100 if args.quick else 300)
    words = statistics.mean(len(a.text.split()) for a in corpus)
    print(f"## Extraction speed ({len(corpus)} generated articles, {words:.0f} words on average, one process)\n")
    print("| extractor | articles/s | ratio to rules | first call (s) |")
    print("|---|---:|---:|---:|")
    rules, _ = articles_per_second("rules", corpus)
    print(f"| rules | {rules:.0f} | 1.00 | - |")
    model, first = articles_per_second("ner", corpus)
    print(f"| ner (rules over the model; default) | {model:.0f} | {model / rules:.2f} | {first:.2f} |")

    base = "\n\n".join(a.text for a in corpus[:50]) + "\n\n"
    sizes = [100_000, 1_000_000] if args.quick else [100_000, 1_000_000, 10_000_000]
    print("\n## Time against article size (one article of repeated paragraphs)\n")
    print("| extractor | size | seconds | seconds per MB | ratio to the smallest, per MB |")
    print("|---|---:|---:|---:|---:|")
    for name in ("rules", "ner"):
        smallest = None
        for size in sizes:
            seconds = seconds_for_size(name, size, base)
            per_mb = seconds / (size / 1e6)
            smallest = smallest or per_mb
            print(f"| {name} | {size / 1e6:g} MB | {seconds:.1f} | {per_mb:.1f} | {per_mb / smallest:.2f} |")


if __name__ == "__main__":
    main()
