"""bench/writer.py: the writer alone, both write paths, on a few generated articles."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.writer import measure


def test_the_writer_bench_measures_both_paths_and_the_union_leaves_nif_out():
    load, bulk = measure(40, 10, bulk=False), measure(40, 10, bulk=True)
    for result in (load, bulk):
        assert result["new_store_rate"] > 0 and result["more_rate"] > 0
        # The union holds the cross-article facts only: far fewer quads than the article graph.
        assert result["union_per_article"] < result["quads_per_article"] / 2
        assert 0 <= result["publish_share"] < 1
    assert bulk["quads_per_article"] == load["quads_per_article"]
