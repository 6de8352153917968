"""A private Virtuoso Open Source instance for tests (and benchmarks), from the Debian package.

It runs on 127.0.0.1 only, on free ports, with its database in a folder of
its own; the packaged ``virtuoso.ini`` is copied and the few settings that
matter are rewritten (see ../shared/NOTES.md, "Virtuoso as a real SPARQL
server for tests").
"""

from __future__ import annotations

import configparser
import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

#: ResultSetMaxRows of the tests' server: small, so paging and truncation are exercised.
TEST_MAX_ROWS = 400
PACKAGED_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
VIRTUOSO = "virtuoso-t"
ISQL = "isql-vt"


def available() -> bool:
    return PACKAGED_INI.exists() and shutil.which(VIRTUOSO) is not None and shutil.which(ISQL) is not None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Virtuoso:
    """A running instance; ``url`` is the anonymous SPARQL endpoint."""

    directory: Path
    sql_port: int
    http_port: int
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def isql(self, *statements: str, timeout: float = 60) -> str:
        """Run SQL statements as ``dba`` (a fresh database's password is ``dba``)."""
        script = "".join(s.rstrip().rstrip(";") + ";\n" for s in statements)
        done = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba", "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF"],
            input=script,
            check=False,  # failures are judged from the output below: isql exits 0 on SQL errors
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0 or "*** Error" in done.stdout:
            raise RuntimeError(f"isql failed: {done.stdout}\n{done.stderr}")
        return done.stdout

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.isql("shutdown()", timeout=30)
            except (RuntimeError, subprocess.TimeoutExpired):
                pass
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def write_config(
    directory: Path,
    sql_port: int,
    http_port: int,
    *,
    buffers: int = 100_000,
    max_rows: int = 10_000,
    max_seconds: int = 60,
    max_estimate_seconds: int | None = None,
) -> Path:
    """A copy of the packaged config pointing at ``directory`` and listening on 127.0.0.1 only."""
    config = configparser.RawConfigParser(strict=False, inline_comment_prefixes=(";",))
    config.optionxform = str  # Virtuoso's keys are case-sensitive in spirit; keep them as written
    config.read(PACKAGED_INI)
    db = config["Database"]
    for key, name in [
        ("DatabaseFile", "virtuoso.db"),
        ("ErrorLogFile", "virtuoso.log"),
        ("LockFile", "virtuoso.lck"),
        ("TransactionFile", "virtuoso.trx"),
        ("xa_persistent_file", "virtuoso.pxa"),
    ]:
        db[key] = str(directory / name)
    temp = config["TempDatabase"]
    temp["DatabaseFile"] = str(directory / "virtuoso-temp.db")
    temp["TransactionFile"] = str(directory / "virtuoso-temp.trx")
    params = config["Parameters"]
    params["ServerPort"] = f"127.0.0.1:{sql_port}"
    params["DirsAllowed"] = f"., {directory}, /usr/share/virtuoso-opensource-7/vad"
    params["NumberOfBuffers"] = str(buffers)
    params["MaxDirtyBuffers"] = str(buffers * 3 // 4)
    config["HTTPServer"]["ServerPort"] = f"127.0.0.1:{http_port}"
    sparql = config["SPARQL"]
    sparql["ResultSetMaxRows"] = str(max_rows)
    sparql["MaxQueryExecutionTime"] = str(max_seconds)
    if max_estimate_seconds is not None:  # Virtuoso refuses a query whose *estimated* time is over it (0: never)
        sparql["MaxQueryCostEstimationTime"] = str(max_estimate_seconds)
    if config.has_section("Plugins"):
        config.remove_section("Plugins")  # wiki/wbxml hosting plugins are not needed and slow the start
    path = directory / "virtuoso.ini"
    with path.open("w") as handle:
        config.write(handle)
    return path


def start(directory: Path, *, timeout: float = 120, **settings) -> Virtuoso:
    """Start Virtuoso with its database in ``directory`` and wait until isql answers.

    Also grants ``SPARQL_UPDATE`` to the anonymous ``SPARQL`` user so the
    plain ``/sparql`` endpoint and the Graph Store Protocol accept writes
    (fine on 127.0.0.1 in a test; never on a shared server: use /sparql-auth).
    """
    directory.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = write_config(directory, sql_port, http_port, **settings)
    with open(directory / "stdout.log", "wb") as log:  # the child keeps its own descriptor
        process = subprocess.Popen(
            [VIRTUOSO, "+configfile", str(ini), "+foreground"],
            cwd=directory,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Virtuoso(directory, sql_port, http_port, process)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso exited with {process.returncode}: {(directory / 'stdout.log').read_text()[-2000:]}")
        try:
            server.isql("status()", timeout=10)
            break
        except (RuntimeError, subprocess.TimeoutExpired):
            if time.monotonic() > deadline:
                server.stop()
                raise RuntimeError("virtuoso did not answer isql in time") from None
            time.sleep(0.5)
    server.isql(
        'GRANT SPARQL_UPDATE TO "SPARQL"',
        # The Graph Store Protocol endpoint (/sparql-graph-crud) runs as SPARQL too.
        'GRANT EXECUTE ON DB.DBA.SPARQL_INSERT_DICT_CONTENT TO "SPARQL"',
        'GRANT EXECUTE ON DB.DBA.SPARQL_DELETE_DICT_CONTENT TO "SPARQL"',
        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7)",
    )
    return server


def empty(store) -> None:
    """Remove everything a test wrote through a remote store, so the next test starts empty."""
    from graph.store.statistics import STATISTICS_GRAPH

    store.remove_graphs(list(store.named_graphs()))
    store.update(
        f"DROP SILENT GRAPH <{store.config.union_graph}> ; DROP SILENT GRAPH <{store.config.catalog_graph}> ; "
        f"DROP SILENT GRAPH <{STATISTICS_GRAPH}>"
    )


if __name__ == "__main__":  # a manual instance: python tests/virtuoso_server.py DIR
    import sys

    instance = start(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/warta-virtuoso"))
    print(instance.url, "sql port", instance.sql_port, "pid", instance.process.pid, flush=True)
    try:
        instance.process.wait()
    except KeyboardInterrupt:
        instance.stop()
    os._exit(0)
