"""Extraction on a Dask cluster (a LocalCluster here), behind the pipeline's executor interface."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.dask_executor import dask_executor


def square(x: int) -> int:
    return x * x


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as local:
        yield local


def test_results_come_back_in_input_order(cluster):
    with dask_executor(cluster, chunksize=3) as imap:
        assert list(imap(square, range(50))) == [x * x for x in range(50)]


def test_input_is_consumed_lazily_so_memory_stays_flat(cluster):
    taken = []

    def items():
        for i in range(1_000):
            taken.append(i)
            yield i

    with dask_executor(cluster, chunksize=4, max_in_flight=3) as imap:
        results = imap(square, items())
        assert next(results) == 0
        # Only the chunks in flight (and the one being filled) were read, not the corpus.
        assert len(taken) <= 4 * 4 + 1
        assert sum(1 for _ in results) == 999


def test_empty_input_yields_nothing(cluster):
    with dask_executor(cluster) as imap:
        assert list(imap(square, [])) == []


@pytest.mark.slow
def test_ingest_on_dask_stores_what_a_local_ingest_stores(cluster):
    from bench.generate import articles
    from graph.article import Article
    from graph.pipeline import ingest
    from graph.store import open_store

    corpus = [Article(**record) for record in articles(6, seed=3)]
    local, remote = open_store("memory:"), open_store("memory:")
    ingest(corpus, local, batch_size=4)
    with dask_executor(cluster, chunksize=2) as imap:
        report = ingest(corpus, remote, batch_size=4, executor=imap)
    assert report.errors == [] and report.new == 6
    assert remote.quad_count() == local.quad_count()
    assert sorted(remote.named_graphs()) == sorted(local.named_graphs())
