"""`warta serve` answers from a store while `warta ingest` writes to it in another process.

The server reads published snapshots; it sees new articles without a restart,
every answer during the ingest is a success and the article count never goes
back, and afterwards the store is consistent.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "reliability"))

from checks import assert_consistent, open_db, run, stub_command, warta_command
from corpus import articles
from live import serve

COUNT = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"


def write(path: Path, records) -> Path:
    import json

    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def article_count(base: str) -> int:
    reply = httpx.get(
        base + "/sparql", params={"query": COUNT}, headers={"Accept": "application/sparql-results+json"}, timeout=30
    )
    assert reply.status_code == 200, reply.text
    return int(reply.json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_server_sees_new_articles_while_ingest_writes_and_neither_corrupts_the_store(tmp_path):
    first = write(tmp_path / "first.jsonl", articles(20, seed=1))
    more = write(tmp_path / "more.jsonl", articles(400, seed=2, start=20))
    store = tmp_path / "store"
    command = stub_command()  # the stub keeps the ingest short; the server is the real `warta serve`
    run(command, "ingest", str(first), "--store", str(store))

    with serve(store, "--timeout", "10") as (server_process, base, _):
        assert article_count(base) == 20
        seen: list[int] = []
        failures: list[str] = []
        stop = threading.Event()

        def poll():
            while not stop.is_set():
                try:
                    seen.append(article_count(base))
                    httpx.get(base + "/search", params={"q": "Samarinda"}, timeout=30).raise_for_status()
                except Exception as error:
                    failures.append(repr(error))
                time.sleep(0.1)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        ingest = subprocess.run(
            [*command, "ingest", str(more), "--store", str(store), "--batch-size", "16"],
            capture_output=True,
            text=True,
            timeout=500,
        )
        assert ingest.returncode == 0, ingest.stderr[-2000:]
        deadline = time.monotonic() + 30
        while article_count(base) < 420 and time.monotonic() < deadline:
            time.sleep(0.5)
        stop.set()
        poller.join(60)
        assert article_count(base) == 420, "the server does not see the new articles without a restart"
        assert server_process.poll() is None, "the server died"
    assert not failures, failures[:5]
    assert seen == sorted(seen), "the server went back to an older state"
    assert any(20 < n < 420 for n in seen), f"no intermediate state seen during the ingest: {sorted(set(seen))}"
    assert_consistent(open_db(store))


def test_server_starts_on_a_store_another_process_is_writing(tmp_path):
    """The writer holds the database lock; the server must still start (from a snapshot)."""
    store = tmp_path / "store"
    run(warta_command(), "ingest", str(write(tmp_path / "a.jsonl", articles(5, seed=3))), "--store", str(store))
    from graph.store import open_store

    writer = open_store(str(store))  # holds the write lock, as a running `warta ingest` does
    try:
        with serve(store) as (_, base, _log):
            assert article_count(base) == 5
    finally:
        writer.close()
