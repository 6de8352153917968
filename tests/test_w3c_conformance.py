"""The W3C SPARQL 1.1 Protocol and Graph Store Protocol suites against a live `warta serve --allow-update`.

The manifests live in ``../shared/w3c/sparql11/`` (or ``$WARTA_W3C_DIR``); without
them every test is skipped with that reason (tests/w3c.py has the runner). A
test needing an optional feature Warta lacks would be skipped naming it, never
passed.

Each suite runs on a store emptied before every test, as the manifests
assume; the Graph Store suite runs again on one long-lived store, as a real
server lives: it starts with
two article graphs, is never emptied, and each test only finds the graphs it
names deleted first (the state its 201-Created and read-back expectations state).
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest
from server_data import ALI, write_examples

from graph.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "reliability"))
from live import serve
from w3c import SUITES, W3C, Failed, load, run

TOKEN = "w3c-conformance-token"
#: Optional Graph Store features (mf:requires) Warta has.
SUPPORTED = {"IndirectGraphIdentification", "DirectGraphIdentification", "POSTGraphCreation"}


def _cases(suites=SUITES):
    if not W3C.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"W3C manifests not found at {W3C}"), id="absent")]
    cases = []
    for suite in suites:
        for test in load(suite):
            missing = sorted(set(test.requires) - SUPPORTED)
            marks = [pytest.mark.skip(reason=f"needs {', '.join(missing)}")] if missing else []
            cases.append(pytest.param(test, marks=marks, id=f"{suite}/{test.name}"))
    return cases


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = tmp_path_factory.mktemp("w3c") / "store"
    with serve(store, "--allow-update", "--workers", "1", env={"WARTA_UPDATE_TOKEN": TOKEN}) as (_, base, _log):
        yield base


@pytest.fixture(scope="module")
def long_lived(tmp_path_factory):
    """A server over a store holding two article graphs, shared by every one-store test, in manifest order."""
    path = tmp_path_factory.mktemp("w3c-one-store") / "store"
    store = open_store(str(path))
    write_examples(store)
    store.close()
    with serve(path, "--allow-update", "--workers", "1", env={"WARTA_UPDATE_TOKEN": TOKEN}) as (_, base, _log):
        yield base


@pytest.mark.parametrize("test", _cases())
def test_w3c(server, test):
    try:
        run(server, TOKEN, test)
    except Failed as error:
        pytest.fail(f"{test.label}: {error}", pytrace=False)


# The protocol suite is left out here: its updates DROP ALL and CLEAR ALL, which no store outlives.
@pytest.mark.parametrize("test", _cases(["gsp"]))
def test_w3c_on_one_long_lived_store(long_lived, test):
    try:
        run(long_lived, TOKEN, test, fresh=False)
    except Failed as error:
        pytest.fail(f"{test.label}: {error}", pytrace=False)


def test_the_long_lived_store_kept_its_articles_through_the_suites(long_lived):
    answer = httpx.get(long_lived + "/sparql", params={"query": f"ASK {{ <{ALI}> ?p ?o }}"}, timeout=30)
    assert answer.status_code == 200 and answer.json()["boolean"] is True
