"""The W3C SPARQL 1.1 Protocol and Graph Store Protocol suites against a live `warta serve --allow-update`.

The manifests live in ``../shared/w3c/sparql11/`` (or ``$WARTA_W3C_DIR``); without
them every test is skipped with that reason. Each test starts from an empty
store, as the manifests assume (tests/w3c.py has the runner). A test needing
an optional feature Warta lacks would be skipped naming it, never passed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "reliability"))
from live import serve
from w3c import SUITES, W3C, Failed, load, run

TOKEN = "w3c-conformance-token"
#: Optional Graph Store features (mf:requires) Warta has.
SUPPORTED = {"IndirectGraphIdentification", "DirectGraphIdentification", "POSTGraphCreation"}


def _cases():
    if not W3C.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"W3C manifests not found at {W3C}"), id="absent")]
    cases = []
    for suite in SUITES:
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


@pytest.mark.parametrize("test", _cases())
def test_w3c(server, test):
    try:
        run(server, TOKEN, test)
    except Failed as error:
        pytest.fail(f"{test.label}: {error}", pytrace=False)
