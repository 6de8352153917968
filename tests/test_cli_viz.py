"""``warta viz``, ``warta path``, ``warta timeline`` and ``warta stats --network``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from graph_data import populate

from graph.cli import main
from graph.store import open_store

CORPUS = Path(__file__).resolve().parent / "fixtures" / "pipeline" / "two-articles.jsonl"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def store(tmp_path) -> str:
    path = str(tmp_path / "store")
    with open_store(path) as s:
        populate(s)
    return path


def test_viz_writes_the_page_and_prints_its_path(store, tmp_path):
    out = tmp_path / "view.html"
    result = run("viz", "-o", str(out), "--store", store)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out.resolve())
    assert "warta-data" in out.read_text(encoding="utf-8")


def test_viz_options_narrow_the_view(store, tmp_path):
    out = tmp_path / "ego.html"
    result = run(
        "viz",
        "-o",
        str(out),
        "--entity",
        "teten",
        "--hops",
        "1",
        "--type",
        "person,organization,meeting",
        "--from",
        "2022-01-01",
        "--to",
        "2022-12-31",
        "--publisher",
        "antara",
        "--store",
        store,
    )
    assert result.exit_code == 0, result.output
    assert "Kementerian Koperasi" in out.read_text(encoding="utf-8")
    assert "Andi Harun" not in out.read_text(encoding="utf-8")


def test_viz_query_file(store, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?p WHERE { ?p a schema:Person }", encoding="utf-8")
    out = tmp_path / "q.html"
    result = run("viz", "-o", str(out), "--query", str(query), "--store", store)
    assert result.exit_code == 0, result.output
    assert "Teten Masduki" in out.read_text(encoding="utf-8")


def test_viz_unknown_entity_is_a_clean_error(store, tmp_path):
    result = run("viz", "-o", str(tmp_path / "x.html"), "--entity", "Nobody", "--store", store)
    assert result.exit_code == 1
    assert "no entity is named 'Nobody'" in result.output


def test_path_text_and_json(store):
    result = run("path", "Andi", "Kemenkop", "--store", store)
    assert result.exit_code == 0, result.output
    assert "Chain 1 (5 links):" in result.output
    assert "> Pemerintah Kota Balikpapan dan Kementerian Koperasi menandatangani MoU pemberdayaan UMKM." in result.output
    data = json.loads(run("path", "Andi", "Kemenkop", "--format", "json", "--store", store).output)
    assert data["chains"][0][0]["relation"] == "attended"
    assert data["chains"][0][0]["evidence"][0]["url"] == "https://kaltimpos.example/a1"


def test_timeline_text_and_json(store):
    result = run("timeline", "andi harun", "--store", store)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].split() == ["2022-02-28", "attended", "Rapat", "investasi"]
    data = json.loads(run("timeline", "Andi", "--format", "json", "--store", store).output)
    assert [e["date"] for e in data["events"]] == ["2022-02-28", "2022-03-01", "2022-03-01"]


def test_ambiguous_entity_lists_candidates(store):
    result = run("timeline", "Pemerintah Kota", "--store", store)
    assert result.exit_code == 1 and "names 2 entities" in result.output


def test_stats_network(store):
    result = run("stats", "--network", "--store", store)
    assert result.exit_code == 0, result.output
    assert "betweenness centrality" in result.output and "communities" in result.output
    data = json.loads(run("stats", "--network", "--format", "json", "--store", store).output)
    assert data["graphs"] == 3 and data["network"]["nodes"] == 15
    assert data["network"]["betweenness"][0]["kind"] in ("person", "organization")


def test_stats_without_network_is_unchanged(store):
    data = json.loads(run("stats", "--format", "json", "--store", store).output)
    assert "network" not in data and data["graphs"] == 3


def test_viz_of_an_ingested_corpus(tmp_path):
    path = str(tmp_path / "s")
    assert run("ingest", str(CORPUS), "--store", path).exit_code == 0
    out = tmp_path / "v.html"
    result = run("viz", "-o", str(out), "--store", path)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 100_000
