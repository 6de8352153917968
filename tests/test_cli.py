"""The command line: parse, delegate, report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "fixtures" / "pipeline" / "two-articles.jsonl"
BROKEN = CORPUS.parent / "broken.json"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def store(tmp_path) -> str:
    path = str(tmp_path / "store")
    result = run("ingest", str(CORPUS), "--store", path)
    assert result.exit_code == 0, result.output
    return path


def test_ingest_prints_a_summary(store):
    result = run("ingest", str(CORPUS), "--store", store)
    assert result.exit_code == 0, result.output
    assert "2 articles (0 new, 0 replaced, 2 unchanged)" in result.output


def test_ingest_exits_1_naming_the_bad_file_and_stores_the_rest(tmp_path):
    path = str(tmp_path / "s")
    result = run("ingest", str(CORPUS), str(BROKEN), "--store", path)
    assert result.exit_code == 1
    assert "broken.json" in result.output
    assert "2 new" in result.output


def test_query_binds_parameters_and_prints_csv(store):
    query = "SELECT ?id WHERE { ?a schema:identifier ?id ; schema:headline ?title }"
    result = run("query", query, "--param", "title=Pemkab Kutai Kartanegara Teken MoU dengan Universitas Mulawarman",
                 "--format", "csv", "--store", store)
    assert result.exit_code == 0, result.output
    assert result.output.replace("\r", "").splitlines() == ["id", "kukar-mou-2"]


def test_query_rejects_a_parameter_the_query_does_not_use(store):
    result = CliRunner().invoke(main, ["query", "SELECT ?x WHERE { ?x ?p ?o }", "--param", "nope=1", "--store", store])
    assert result.exit_code == 1
    assert "no variable ?nope" in result.output


def test_query_reports_syntax_errors(store):
    result = CliRunner().invoke(main, ["query", "SELECT WHERE {", "--store", store])
    assert result.exit_code == 1
    assert "SPARQL syntax error" in result.output


def test_export_nquads_holds_every_article_by_identifier(store, tmp_path):
    out = tmp_path / "x.nq"
    result = run("export", "--store", store, "-f", "nquads", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert '"kukar-rakor-1"' in text and '"kukar-mou-2"' in text
    assert "<https://w3id.org/warta/resource/article/kukar-rakor-1> ." in text


def test_export_then_import_round_trips(store, tmp_path):
    out = tmp_path / "backup.trig.gz"
    assert run("export", "--store", store, "-f", "trig", "-o", str(out)).exit_code == 0
    restored = str(tmp_path / "restored")
    result = run("import", str(out), "--store", restored)
    assert result.exit_code == 0, result.output
    count = lambda s: json.loads(run("stats", "--store", s, "--format", "json").output)["quads"]  # noqa: E731
    assert count(restored) == count(store)


def test_stats_counts_articles_per_publisher(store):
    stats = json.loads(run("stats", "--store", store, "--format", "json").output)
    assert stats["graphs"] == 2
    assert stats["publishers"] == {"Kaltim Today": 2}
    assert stats["classes"]["schema:NewsArticle"] == 2


def test_extract_prints_turtle_without_storing(tmp_path):
    result = run("extract", str(CORPUS), "-f", "turtle")
    assert result.exit_code == 0, result.output
    assert "schema:NewsArticle" in result.output


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, f"{name} has no help text"
        assert f"warta {name}" in readme, f"README does not mention 'warta {name}'"
