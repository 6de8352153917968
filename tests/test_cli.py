"""The command line: parse, delegate, report."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from graph.cli import all_commands, main

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
    result = run(
        "query",
        query,
        "--param",
        "title=Pemkab Kutai Kartanegara Teken MoU dengan Universitas Mulawarman",
        "-f",
        "csv",
        "--store",
        store,
    )
    assert result.exit_code == 0, result.output
    assert result.output.replace("\r", "").splitlines() == ["id", "kukar-mou-2"]


def test_query_rejects_a_parameter_the_query_does_not_use_as_a_usage_error(store):
    result = CliRunner().invoke(main, ["query", "SELECT ?x WHERE { ?x ?p ?o }", "--param", "nope=1", "--store", store])
    assert result.exit_code == 2
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
    for name, command in all_commands().items():
        assert command.help, f"{name} has no help text"
        assert f"warta {name}" in readme, f"README does not mention 'warta {name}'"


# --- usage mistakes: one line naming the thing, exit 2; failed work: exit 1 ---------------------------


def _error_lines(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith(("Error", "error"))]


def test_query_with_a_missing_rq_file_names_it_and_lists_the_library(store):
    result = CliRunner().invoke(main, ["query", "queries-nowhere/nosuch.rq", "--store", store])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    [line] = _error_lines(result)
    assert "nosuch.rq" in line and "offices-of-person" in line


def test_query_runs_a_library_query_by_name(store):
    result = run("query", "offices-of-person", "--param", "person=Tidak Ada", "-f", "csv", "--store", store)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("person,")


def test_query_leaving_a_declared_parameter_unbound_lists_the_parameters(store):
    result = CliRunner().invoke(main, ["query", str(ROOT / "queries" / "offices-of-person.rq"), "--store", store])
    assert result.exit_code == 2
    assert '--param person="' in result.output


def test_query_runs_a_library_query_whose_parameters_are_optional_without_them(store):
    result = run("query", "who-met-whom", "-f", "csv", "--store", store)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("person,met")


def test_import_of_a_file_that_is_no_export_is_a_usage_error_leaving_no_store(tmp_path):
    target = tmp_path / "restored"
    result = CliRunner().invoke(main, ["import", str(ROOT / "README.md"), "--store", str(target)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "--input-format" in result.output
    assert not target.exists()


def test_import_keeps_the_old_format_option_with_a_warning(store, tmp_path):
    out = tmp_path / "backup.data"
    assert run("export", "--store", store, "-f", "trig", "-o", str(out)).exit_code == 0
    result = CliRunner().invoke(main, ["import", str(out), "-f", "trig", "--store", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    assert "deprecated" in result.output


def test_extract_of_a_missing_file_prints_one_error(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nosuch.txt")])
    assert result.exit_code == 1
    [line] = _error_lines(result)
    assert "nosuch.txt" in line


def test_extract_format_is_the_output_and_input_format_the_reader():
    result = run("extract", str(CORPUS), "--input-format", "jsonl", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.split("\n}\n")[0] + "\n}")["article"]["id"] == "kukar-rakor-1"


def test_ingest_keeps_format_as_a_deprecated_alias_of_input_format(tmp_path):
    result = run("ingest", str(CORPUS), "--format", "jsonl", "--store", str(tmp_path / "s"))
    assert result.exit_code == 0, result.output
    assert "--input-format" in result.output and "2 new" in result.output


@pytest.mark.parametrize(
    "args",
    [["--from", "2023-13-01"], ["--from", "yesterday"], ["--to", "2024-1-5"], ["--from", "2024-02-01", "--to", "2024-01-01"]],
)
def test_viz_refuses_dates_that_are_not_a_range_as_usage_errors(args, tmp_path):
    out = tmp_path / "v.html"
    result = CliRunner().invoke(main, ["viz", *args, "--store", "memory:", "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert not out.exists()


def test_stats_json_flag_is_the_same_as_format_json(store):
    assert json.loads(run("stats", "--json", "--store", store).output) == json.loads(
        run("stats", "-f", "json", "--store", store).output
    )


def test_serve_on_a_busy_port_says_so_in_one_line_before_any_endpoint_line(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--store", "memory:", "--port", str(port)])
    assert result.exit_code == 1
    assert "endpoint" not in result.output
    [line] = _error_lines(result)
    assert str(port) in line and "--port" in line


def test_every_command_help_has_an_example_and_every_option_help():
    for name, command in all_commands().items():
        assert command.epilog and "warta " + name in command.epilog, f"{name} --help has no example"
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden and param.name != "help":
                assert param.help, f"warta {name} {param.opts[0]} has no help"


def test_format_is_always_the_output_format():
    for name, command in all_commands().items():
        for param in command.params:
            if "--format" in param.opts and not getattr(param, "hidden", False):
                assert "-f" in param.opts and param.name == "fmt", f"warta {name} --format is not -f, the output"


def test_viz_type_help_does_not_break_a_word():
    help_text = CliRunner().invoke(main, ["viz", "--help"], terminal_width=80).output
    kinds = ["person", "organization", "place", "meeting", "agreement", "program", "quote"]
    words = set(help_text.replace(",", " ").replace(".", " ").split())
    assert all(kind in words for kind in kinds), help_text


# --- ingest: progress without a terminal, and entities shared within a run ------------------------


def test_ingest_summary_counts_entities_shared_within_the_run(tmp_path):
    from graph.pipeline import ingest
    from graph.readers import read_paths
    from graph.store import open_store

    with open_store(str(tmp_path / "s")) as target:
        report = ingest(read_paths([str(ROOT / "examples")]), target)
    assert report.entities_shared > 0
    assert report.entities_merged == 0  # nothing was stored before this run
    with open_store(str(tmp_path / "s")) as target:
        again = ingest(read_paths([str(ROOT / "examples" / "txt")]), target, force=True)
    assert again.entities_merged > 0 and again.entities_new == 0


def test_progress_without_a_terminal_prints_a_line_every_few_seconds():
    import io

    from graph.cli.ingest import Progress
    from graph.pipeline import IngestReport

    now = [0.0]
    stream = io.StringIO()
    progress = Progress(stream, every=5.0, clock=lambda: now[0])
    report = IngestReport(errors=["x"])
    for step in range(12):
        now[0] = step * 1.0
        progress(report)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2  # at 5 s and 10 s
    assert lines[0].startswith("ingest: 6 articles read, 1.2/s, 1 errors")
