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
import w3c_prose
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


# --- http-rdf-update: the older Graph Store suite, in prose, one sequence on the long-lived store ---
def _prose_cases():
    if not w3c_prose.MANIFEST.is_file():
        reason = f"W3C manifest not found at {w3c_prose.MANIFEST}"
        return [pytest.param(None, marks=pytest.mark.skip(reason=reason), id="absent")]
    cases = []
    for test in w3c_prose.load("http://host.invalid"):
        departure = w3c_prose.DEPARTURES.get(test.name)
        marks = [pytest.mark.xfail(strict=True, reason=departure)] if departure else []
        cases.append(pytest.param(test.name, marks=marks, id=f"http-rdf-update/{test.name}"))
    return cases


@pytest.fixture(scope="module")
def prose_outcomes(long_lived):
    return w3c_prose.run_all(long_lived, TOKEN)


@pytest.mark.parametrize("name", _prose_cases())
def test_http_rdf_update(prose_outcomes, name):
    if prose_outcomes[name] is not None:
        pytest.fail(prose_outcomes[name], pytrace=False)


def test_http_rdf_update_taken_literally_fails_only_on_the_invalid_turtle_and_the_departures(long_lived):
    if not w3c_prose.MANIFEST.is_file():
        pytest.skip(f"W3C manifest not found at {w3c_prose.MANIFEST}")
    failed = {name: failure for name, failure in w3c_prose.run_all(long_lived, TOKEN, errata=False).items() if failure}
    corrected = {test for test, *_ in w3c_prose.ERRATA}
    # The GET after the multipart POST fails with it: its parts never reached the graph.
    assert set(failed) == {*w3c_prose.DEPARTURES, *corrected, "get_of_post__multipart_formdata"}
    for name in corrected:
        assert "answered 400" in failed[name] and "Triples should be followed by a dot" in failed[name]


def test_the_long_lived_store_kept_its_articles_through_the_suites(long_lived):
    answer = httpx.get(long_lived + "/sparql", params={"query": f"ASK {{ <{ALI}> ?p ?o }}"}, timeout=30)
    assert answer.status_code == 200 and answer.json()["boolean"] is True
