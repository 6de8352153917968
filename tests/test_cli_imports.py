"""Commands that do not extract import nothing of the extractor, spaCy or its model.

Each command runs in a fresh interpreter (as a user runs it) that writes the
names of every module it imported when it exits; the check reads that list, so
it proves what was loaded rather than timing it (the timing is in bench/run.py).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from server_data import write_examples
from test_cli_serve import free_port

from graph.store import open_store

#: Module prefixes that belong to extraction: the rule and NER extractors, spaCy and its
#: numeric stack, the reading and ingest pipeline.
EXTRACTION = ("graph.extract", "graph.pipeline", "graph.readers", "spacy", "thinc", "srsly", "graph.model.build")

#: Runs the ``warta`` command line in this interpreter, then writes sys.modules to $WARTA_MODULES_OUT.
RUNNER = """
import atexit, json, os, sys
atexit.register(lambda: open(os.environ["WARTA_MODULES_OUT"], "w").write(json.dumps(sorted(sys.modules))))
from graph.cli import main
main(sys.argv[1:], prog_name="warta")
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("imports") / "store")
    source = open_store(path)
    write_examples(source)
    source.close()
    return path


def _start(args: list[str], out: Path, **popen) -> subprocess.Popen:
    env = {**os.environ, "WARTA_MODULES_OUT": str(out)}
    return subprocess.Popen([sys.executable, "-c", RUNNER, *args], env=env, **popen)


def _extraction_modules(out: Path, ran: str = "graph.cli") -> list[str]:
    modules = json.loads(out.read_text())
    assert ran in modules  # the list is the run's own
    return [m for m in modules if m.startswith(EXTRACTION)]


@pytest.mark.parametrize(
    "args",
    [
        ["query", "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }", "-f", "json"],
        ["query", "acting-officials"],
        ["stats", "--json"],
        ["export", "-f", "nquads"],
        ["viz"],
        ["validate"],
    ],
    ids=lambda args: args[0] + ("-library" if args[-1] == "acting-officials" else ""),
)
def test_command_that_does_not_extract_imports_no_extraction(args, store, tmp_path):
    out = tmp_path / "modules.json"
    extra = ["-o", str(tmp_path / "view.html")] if args[0] == "viz" else []
    process = _start([*args, *extra, "--store", store], out, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr.decode()
    assert _extraction_modules(out) == []


def test_import_imports_no_extraction(store, tmp_path):
    backup = tmp_path / "backup.nq"
    process = _start(["export", "-f", "nquads", "-o", str(backup), "--store", store], tmp_path / "export.json")
    assert process.wait(timeout=120) == 0
    out = tmp_path / "modules.json"
    process = _start(["import", str(backup), "--store", str(tmp_path / "restored")], out, stderr=subprocess.PIPE)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr.decode()
    assert _extraction_modules(out) == []


def test_serve_answers_a_query_without_importing_extraction(store, tmp_path):
    out, port = tmp_path / "modules.json", free_port()
    process = _start(["serve", "--store", store, "--port", str(port)], out, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                reply = httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=5)
                break
            except httpx.HTTPError:
                assert process.poll() is None and time.monotonic() < deadline, "warta serve did not come up"
                time.sleep(0.2)
        assert reply.json() == {"head": {}, "boolean": True}
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=10).status_code == 200
    finally:
        process.send_signal(signal.SIGINT)  # uvicorn shuts down cleanly; the interpreter then exits
        process.communicate(timeout=60)
    assert _extraction_modules(out) == []


def test_query_workers_preload_no_extraction(tmp_path):
    """The forkserver preloads graph.server.worker_main into every query worker."""
    out = tmp_path / "modules.json"
    code = f"import json, sys, graph.server.worker_main\nopen({str(out)!r}, 'w').write(json.dumps(sorted(sys.modules)))"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
    assert _extraction_modules(out, ran="graph.server.worker_main") == []


def test_ingest_still_imports_the_extractor(tmp_path):
    """The check can fail: the one command that extracts does import it."""
    out = tmp_path / "modules.json"
    corpus = Path(__file__).resolve().parent / "fixtures" / "pipeline" / "two-articles.jsonl"
    args = ["ingest", str(corpus), "--extractor", "rules", "--store", str(tmp_path / "s")]
    process = _start(args, out, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr.decode()
    assert "graph.extract.rules" in _extraction_modules(out)
