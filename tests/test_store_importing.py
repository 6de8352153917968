"""`warta import`: checked quad by quad, all or nothing, one-line errors."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.errors import StoreError
from graph.store import open_store
from graph.store.importing import import_file

G = "<http://example.org/article/1>"


def good_lines(count: int) -> list[str]:
    return [f'<http://example.org/s{i}> <https://schema.org/name> "nama {i}" {G} .\n' for i in range(count)]


def write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    data = "".join(lines).encode()
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return path


BAD_ENDINGS = {
    "syntax": ('<http://example.org/s> <http://p> "open string\n', "syntax error"),
    "default graph": ("<http://example.org/s> <http://p> <http://o> .\n", "a triple in the default graph"),
    "blank graph": ("<http://example.org/s> <http://p> <http://o> _:g .\n", "a blank node as graph name"),
    "triple term": (f"<http://a> <http://p> <<( <http://s> <http://p> <http://o> )>> {G} .\n", "RDF 1.2 triple term"),
}


@pytest.mark.parametrize("kind", BAD_ENDINGS)
def test_a_bad_quad_at_the_end_imports_nothing_into_an_existing_store(tmp_path, kind):
    line, problem = BAD_ENDINGS[kind]
    store = str(tmp_path / "store")
    with open_store(store) as existing:
        existing.import_(open(write(tmp_path, "first.nq", good_lines(2)), "rb"), "nquads")
        before = existing.quad_count()
    path = write(tmp_path, "late.nq", [*good_lines(5000), line])
    with pytest.raises(StoreError, match=problem) as raised:
        import_file(path, store)
    assert str(path) in str(raised.value) and "nothing was imported" in str(raised.value)
    with open_store(store) as after:
        assert after.quad_count() == before
        assert len(after.query("SELECT * { ?s ?p ?o }").rows) == before


def test_the_failing_quad_is_named_by_position(tmp_path):
    path = write(tmp_path, "x.nq", [*good_lines(3), BAD_ENDINGS["default graph"][0]])
    with pytest.raises(StoreError, match=r"quad 4 \(<http://example.org/s> <http://p> <http://o>"):
        import_file(path, "memory:")


def test_cli_error_is_one_line_without_traceback_and_leaves_no_new_store_behind(tmp_path):
    path = write(tmp_path, "bad.nq.gz", [*good_lines(10), BAD_ENDINGS["blank graph"][0]])
    store = tmp_path / "new-store"
    result = CliRunner().invoke(main, ["import", str(path), "--store", str(store)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot import") and "Traceback" not in result.output
    assert not store.exists()


def test_a_truncated_gzip_is_a_clean_error(tmp_path):
    path = tmp_path / "cut.nq.gz"
    path.write_bytes(gzip.compress("".join(good_lines(1_000)).encode())[:-40])
    with pytest.raises(StoreError, match="cannot import"):
        import_file(path, "memory:")


def test_a_good_trig_file_is_imported_with_its_union(tmp_path):
    path = tmp_path / "ok.trig"
    path.write_text(f'{G} {{ <http://example.org/s> <https://schema.org/name> "Ali" . }}\n', encoding="utf-8")
    store = str(tmp_path / "s")
    assert import_file(path, store) == 1
    with open_store(store) as target:
        assert [tuple(map(str, r)) for r in target.query("SELECT ?o { ?s ?p ?o }").rows] == [("Ali",)]


# --- a new store: bulk-loaded aside, renamed into place when whole -------------------------
def test_an_import_into_a_new_store_is_bulk_loaded_aside_and_leaves_no_staging(tmp_path):
    path = write(tmp_path, "ok.nq", good_lines(2_000))
    store = tmp_path / "new"
    (tmp_path / "new.importing").mkdir()  # left by an import killed earlier
    assert import_file(path, str(store)) == 2_000
    assert not (tmp_path / "new.importing").exists()
    with open_store(str(store)) as target:
        assert target.quad_count() == 2_000 and len(list(target.triples())) == 2_000
    with open_store(str(store), read_only=True) as reader:  # the snapshot survived the rename
        assert reader.quad_count() == 2_000


def test_a_killed_import_into_a_new_store_leaves_no_store(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    path = write(tmp_path, "big.nq", good_lines(400_000))
    store = tmp_path / "new"
    script = f"from graph.store.importing import import_file; import_file({str(path)!r}, {str(store)!r})"
    for delay in (0.5, 1.5):
        process = subprocess.Popen([sys.executable, "-c", script])
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        if process.wait() == 0:
            break  # finished first: the store is whole, checked below
        assert not store.exists(), f"killed after {delay} s, a partial store is in place"
    if not store.exists():
        assert import_file(path, str(store)) == 400_000
    with open_store(str(store)) as target:
        assert target.quad_count() == 400_000
