"""bench/load.py keeps working: a short, small run finishes with no 5xx and a report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_short_load_run_has_no_server_errors(tmp_path):
    out = tmp_path / "load.md"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "load.py"),
            "--articles",
            "60",
            "--clients",
            "8",
            "--duration",
            "12",
            "--timeout",
            "10",
            "--output",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=580,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = out.read_text(encoding="utf-8")
    assert "| 5xx or transport errors (ordinary clients) | 0 |" in report
    assert "timeout client: answers" in report and "503" in report
