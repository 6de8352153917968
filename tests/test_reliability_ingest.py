"""Ingestion never leaves the store half-written: killed runs, re-runs and updates.

The store is checked with pyoxigraph directly (fixtures/reliability/checks.py):
every article graph whole or absent, the default graph exactly the set union
of the article graphs, no dangling mention.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import ClassVar

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "reliability"))

from checks import (
    article_graphs,
    assert_consistent,
    has_pending_statistics,
    kill_between_publishes,
    open_db,
    run,
    stub_command,
    warta_command,
)
from corpus import write_jsonl
from statistics_check import assert_statistics_exact

from graph.store.oxigraph import OxigraphStore

BATCH = 2000
KILLS = 3


def ingest_args(batch: Path, store: Path) -> list[str]:
    return ["ingest", str(batch), "--store", str(store), "--batch-size", "32"]


def kill_at(command: list[str], delay: float) -> int:
    """Start ``command``, SIGKILL it after ``delay`` seconds; its return code (None-safe)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        pass
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
    return process.wait()


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_killed_ingest_leaves_every_article_whole_or_absent(tmp_path):
    batch = tmp_path / "batch.jsonl"
    write_jsonl(batch, BATCH)
    # `warta` with the stub extractor: the promise is the store's, and the rule
    # extractor would triple the run time of a test that ingests the batch ~3 times.
    command = stub_command()

    clean = tmp_path / "clean"
    started = time.monotonic()
    run(command, *ingest_args(batch, clean))
    clean_seconds = time.monotonic() - started
    db = open_db(clean)
    reference = assert_consistent(db)
    clean_quads = len(db)
    del db
    assert len(reference) == BATCH

    killed = tmp_path / "killed"
    rng = random.Random(6)
    stored_after_kill = []
    for _ in range(KILLS):
        # Each run resumes the last one (stored articles are skipped), so kill early enough to land mid-run.
        code = kill_at([*command, *ingest_args(batch, killed)], rng.uniform(1.0, clean_seconds * 0.5))
        if code == 0:
            continue  # finished before the kill; nothing to check beyond the end state
        db = open_db(killed)
        stored_after_kill.append(len(assert_consistent(db, reference)))
        del db
    assert any(0 < n < BATCH for n in stored_after_kill), f"no kill landed mid-batch: {stored_after_kill}"

    result = run(command, *ingest_args(batch, killed))
    db = open_db(killed)
    graphs = assert_consistent(db, reference)
    assert set(graphs) == set(reference), "some articles are missing after the re-run"
    assert len(db) == clean_quads, result.stdout


def test_reingesting_a_changed_article_replaces_its_graph_and_drops_orphans(tmp_path):
    """Article A names officials X and Y; B names X. A is edited to drop Y and name Z."""
    command = stub_command()
    store = tmp_path / "store"
    first = tmp_path / "v1.jsonl"
    body = (
        "SAMARINDA - Wali Kota Samarinda {a} memimpin rapat bersama Kepala Dinas Kesehatan {b}.\nRapat berlangsung di Samarinda."
    )
    records = [
        {"id": "a", "title": "Rapat A", "text": body.format(a="Andi Saputra", b="Budi Wibowo")},
        {"id": "b", "title": "Rapat B", "text": body.format(a="Andi Saputra", b="Siti Lestari")},
    ]
    first.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    run(command, "ingest", str(first), "--store", str(store))

    records[0]["text"] = body.format(a="Andi Saputra", b="Eko Hidayat")
    second = tmp_path / "v2.jsonl"
    second.write_text(json.dumps(records[0]), encoding="utf-8")
    result = run(command, "ingest", str(second), "--store", str(store))
    assert "1 replaced" in result.stdout

    db = open_db(store)
    graphs = assert_consistent(db)
    names = {row["n"].value for row in db.query("SELECT ?n WHERE { ?s <https://schema.org/name> ?n }")}
    assert "Budi Wibowo" not in names, "an entity no article mentions any more is left in the union"
    assert {"Eko Hidayat", "Andi Saputra", "Siti Lestari"} <= names
    a_graph = next(t for g, t in graphs.items() if g.endswith("/article/a"))
    assert not any("Budi Wibowo" in line for line in a_graph), "the old version's triples survived"
    # Andi is still named by both articles: his description stays whole in the union.
    assert bool(db.query('ASK { ?p a <https://schema.org/Person> ; <https://schema.org/name> "Andi Saputra" }'))
    andi_mentions = list(
        db.query('SELECT ?a WHERE { ?a <https://schema.org/mentions> ?p . ?p <https://schema.org/name> "Andi Saputra" }')
    )
    assert len(andi_mentions) == 2


def test_reingesting_unchanged_articles_changes_nothing(tmp_path):
    command = stub_command()
    batch = tmp_path / "batch.jsonl"
    write_jsonl(batch, 40)
    store = tmp_path / "store"
    run(command, "ingest", str(batch), "--store", str(store))
    before = set(open_db(store))
    result = run(command, "ingest", str(batch), "--store", str(store))
    assert "40 unchanged" in result.stdout
    assert set(open_db(store)) == before


def test_ids_and_fields_with_unicode_line_separators_are_stored_not_fatal(tmp_path):
    """JSON strings may hold U+2028, U+0085 or form feeds; they once split a triple across
    lines in the store's N-Quads load and crashed the whole ingest with a traceback."""
    body = (
        "SAMARINDA - Wali Kota Samarinda Andi Harun memimpin rapat koordinasi bersama Dinas Kesehatan "
        "di Balai Kota Samarinda, Senin (4/4/2022). Rapat itu membahas program vaksinasi untuk warga."
    )
    records = [
        {"id": "biasa", "text": body},
        {"id": "garis\u2028pemisah", "text": body},
        {"id": "nel\x85dan\x0cff", "title": "Judul\u2029baru", "text": body},
    ]
    batch = tmp_path / "odd.jsonl"
    batch.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    store = tmp_path / "store"
    result = run(warta_command(), "ingest", str(batch), "--store", str(store), check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    db = open_db(store)
    assert_consistent(db)
    ids = {row["i"].value for row in db.query("SELECT ?i WHERE { ?a <https://schema.org/identifier> ?i }")}
    assert ids == {r["id"] for r in records}


def test_command_line_readers_see_every_committed_article_after_a_killed_ingest(tmp_path):
    """`warta query`, `stats` and `validate` once read the last published snapshot, so after a
    writer was killed between two publishes they missed its last commits until the next write."""
    store = tmp_path / "store"
    kill_between_publishes(store, published=5, total=12)
    query = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"
    result = run(warta_command(), "query", query, "--store", str(store), "--format", "csv")
    assert result.stdout.split()[-1] == "12", result.stdout
    stats = run(warta_command(), "stats", "--store", str(store))
    assert stats.stdout.startswith("12 article graphs"), stats.stdout


class Crash(Exception):
    """The process dying just before a store operation."""


class CrashBefore:
    """An ``ox.Store`` whose ``crash_at``-th writing call never happens (and nothing after it)."""

    WRITES: ClassVar[set[str]] = {
        "add",
        "remove",
        "extend",
        "load",
        "bulk_load",
        "bulk_extend",
        "update",
        "add_graph",
        "remove_graph",
        "clear",
        "clear_graph",
    }

    def __init__(self, inner, crash_at: int):
        self.inner, self.crash_at, self.calls = inner, crash_at, 0

    def __getattr__(self, name):
        attr = getattr(self.inner, name)
        if name not in self.WRITES:
            return attr

        def write(*args, **kwargs):
            self.calls += 1
            if self.calls >= self.crash_at:
                raise Crash(name)
            return attr(*args, **kwargs)

        return write


def test_a_crash_before_any_store_write_leaves_every_article_whole_or_absent(tmp_path):
    """Deterministic companion of the SIGKILL test: crash before each write operation in turn.

    A second batch replaces some stored articles and adds new ones (the same article
    twice among them); wherever the crash falls, each article graph is its old version,
    its new version or absent, the union matches, and re-running completes the batch.
    """
    import stub_extractor

    from graph.extract import extractors
    from graph.pipeline import ingest
    from graph.readers import read_paths
    from graph.store import open_store

    extractors.register("stub", stub_extractor.StubExtractor)
    records = list(articles_for_crash())
    v1, v2 = tmp_path / "v1.jsonl", tmp_path / "v2.jsonl"
    v1.write_text("".join(json.dumps(r) + "\n" for r in records[:10]), encoding="utf-8")
    changed = [{**r, "text": r["text"] + "\nWakil Bupati Paser Budi Santoso turut hadir."} for r in records[4:8]]
    v2.write_text("".join(json.dumps(r) + "\n" for r in changed + records[10:] + changed[:1]), encoding="utf-8")

    def fresh_store(after_v1=True):
        store = open_store("memory:")
        if after_v1:
            ingest(read_paths([v1]), store, extractor="stub", batch_size=3)
        return store

    def run_v2(store):
        return ingest(read_paths([v2]), store, extractor="stub", batch_size=3)

    old = article_graphs(fresh_store()._store)
    reference_store = fresh_store()
    run_v2(reference_store)
    new = article_graphs(reference_store._store)

    crash_at = 1
    while True:
        store = fresh_store()
        store._store = CrashBefore(store._store, crash_at)
        try:
            run_v2(store)
        except Crash:
            pass
        else:
            break  # no write left to crash before
        inner = store._store.inner
        for iri, triples in assert_consistent(inner).items():
            assert triples in (old.get(iri), new.get(iri)), f"crash before write {crash_at}: {iri} is neither version"
        store._store = inner
        run_v2(store)
        assert article_graphs(inner) == new, f"re-running after a crash before write {crash_at} did not finish the batch"
        crash_at += 1
    assert crash_at > 3, "the batch made too few writes to test"


def articles_for_crash():
    from corpus import articles

    return articles(16, seed=21)


_BULK_WRITER = """
import sys
sys.path.insert(0, {root!r})
from graph.store import open_store
sys.path.insert(0, {fixtures!r})
from bulk_graphs import graph_text

store = open_store({store!r})
n = sum(1 for _ in store.named_graphs())  # resume after the articles a killed run committed
while True:  # batches of new articles, through the bulk loader, until killed
    store.write_ntriples([(f"http://example.org/article/{{i}}", graph_text(i)) for i in range(n, n + 200)])
    n += 200
    print(n, flush=True)
"""


def test_killed_inside_bulk_loads_every_article_is_whole_or_absent(tmp_path):
    """SIGKILL a writer that does nothing but bulk-load batches of new articles, at random
    moments (most of its time is inside ``bulk_load``), and reopen: every article graph is
    exactly what was written or absent, the union exactly theirs less NIF; then again."""
    from bulk_graphs import graph_text

    store = tmp_path / "store"
    script = _BULK_WRITER.format(
        root=str(Path(__file__).parents[1]), fixtures=str(Path(__file__).parent / "fixtures" / "reliability"), store=str(store)
    )
    rng = random.Random(12)
    seen = []
    for _ in range(4):
        process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        process.stdout.readline()  # one batch committed: the kill lands in a later one
        time.sleep(rng.uniform(0.05, 1.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        db = open_db(store)
        graphs = assert_consistent(db)
        for iri, lines in graphs.items():
            i = int(iri.rsplit("/", 1)[1])
            assert lines == frozenset(graph_text(i).splitlines()), f"{iri} is partial"
        seen.append(len(graphs))
        del db
        OxigraphStore(store).close()  # a writer opening the store settles what the kill left
        db = open_db(store)
        assert not has_pending_statistics(db)
        assert_statistics_exact(db)
        del db
    assert seen == sorted(seen) and seen[-1] > seen[0], seen
