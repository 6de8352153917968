"""The package carries what it serves: a wheel installed in a fresh venv, outside the repository,
runs the demo, a library query and an HTML ingest (the readers' dependencies come from the registry)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def sh(*args, cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def test_resources_are_found_through_the_package():
    from graph.resources import resource_path

    assert (resource_path("queries") / "offices-of-person.rq").is_file()
    assert (resource_path("ontology") / "shapes.ttl").is_file()
    assert any((resource_path("examples") / "html").glob("*.html"))


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_wheel_installed_in_a_fresh_venv_runs_demo_query_and_html_ingest(tmp_path):
    build = sh(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", tmp_path / "dist", ROOT, cwd=tmp_path)
    assert "License" not in build.stderr  # the SPDX string: no deprecation warning on build
    [wheel] = (tmp_path / "dist").glob("warta-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped_model = {p.relative_to(ROOT).as_posix() for p in (ROOT / "graph/extract/ner/model").rglob("*") if p.is_file()}
    assert shipped_model <= set(names), "the NER model is not all in the wheel"

    venv = tmp_path / "venv"
    sh(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    sh(venv / "bin" / "python", "-m", "pip", "install", "-q", wheel, cwd=tmp_path)  # dependencies for real
    warta = venv / "bin" / "warta"
    work = tmp_path / "elsewhere"  # no queries/ or examples/ here: all must come from the package
    work.mkdir()

    demo = sh(warta, "demo", "--no-serve", "--store", work / "store", "-o", work / "view.html", cwd=work)
    assert " 0 errors" in demo.stdout and "new" in demo.stdout
    assert (work / "view.html").stat().st_size > 10_000

    rows = sh(warta, "query", "who-met-whom", "-f", "csv", "--store", work / "store", cwd=work)
    assert len(rows.stdout.splitlines()) > 1

    examples = sh(
        venv / "bin" / "python", "-c", "from graph.resources import resource_path; print(resource_path('examples'))", cwd=work
    ).stdout.strip()
    assert not examples.startswith(str(ROOT))
    [page, *_] = sorted(Path(examples, "html").glob("*.html"))
    ingest = sh(warta, "ingest", page, "--store", work / "html-store", cwd=work)
    assert "1 articles (1 new" in ingest.stdout
