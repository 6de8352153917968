"""`warta serve` against hostile requests and hostile data, tested from outside.

One live server (a subprocess, as a user runs it) over a store whose article
title and entity names carry HTML and script. Raw sockets send what httpx
would normalise away (dot segments, broken percent-encoding, invalid UTF-8).
Every answer to a bad request is a 4xx, never a 500; nothing is written;
no other host is contacted.
"""

from __future__ import annotations

import http.server
import os
import re
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "reliability"))

from live import WARTA, free_port, raw_get, raw_request, serve

from graph.article import Article
from graph.extract.types import Entity, Extraction, Sentence, Span
from graph.model import GraphBuilder
from graph.store import open_store

BASE = "https://w3id.org/warta/resource/"
EVIL_TITLE = '<script>alert("title")</script>'
EVIL_PERSON = '"><img src=x onerror=alert(1)>'
EVIL_ORG = "</title><script>alert(2)</script>"
EVIL_ALIAS = "<svg onload=alert(3)>"
TOKEN = "s3cret-token-for-tests"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
QUICK = "SELECT ?s WHERE { ?s a <https://schema.org/Person> } LIMIT 5"


def hostile_store(path: Path) -> Path:
    text = f"Pejabat {EVIL_PERSON} bertemu {EVIL_ORG} di Samarinda. Ia juga disebut {EVIL_ALIAS}."
    article = Article(id="hostile", text=text, title=EVIL_TITLE, date="2022-04-06", publisher=EVIL_ORG)

    def span(needle: str) -> Span:
        start = text.index(needle)
        return Span(start, start + len(needle), needle, 0)

    extraction = Extraction(article_id="hostile", sentences=[Sentence(0, len(text))], extractor="test")
    extraction.entities = [
        Entity("per:x", "person", EVIL_PERSON, aliases=[EVIL_ALIAS], mentions=[span(EVIL_PERSON), span(EVIL_ALIAS)]),
        Entity("org:x", "organization", EVIL_ORG, government=True, mentions=[span(EVIL_ORG)]),
    ]
    # Enough filler articles that a cross join runs far past the timeout.
    graphs = []
    builder = GraphBuilder(BASE, extractor="test")
    g = builder.build(article, extraction)
    graphs.append((str(g.identifier), list(g)))
    for n in range(60):
        filler = Article(id=f"filler-{n}", text=f"Rapat koordinasi ke-{n} di Balai Kota Samarinda.", title=f"Rapat {n}")
        g = builder.build(filler, Extraction(article_id=filler.id, extractor="test"))
        graphs.append((str(g.identifier), list(g)))
    store = open_store(str(path))
    store.write_graphs(graphs)
    store.publish(force=True)
    store.close()
    return path


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self):
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/turtle")
        self.end_headers()
        self.wfile.write(b"<http://evil.example/s> <http://evil.example/p> <http://evil.example/o> .\n")

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def other_host():
    """A host the server must never be made to contact (SERVICE, LOAD)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    return hostile_store(tmp_path_factory.mktemp("hostile") / "store")


SERVER_PIDS: dict[str, int] = {}


@pytest.fixture(scope="module")
def server(store_dir):
    with serve(store_dir, "--timeout", "3", "--workers", "2") as (process, base, _log):
        SERVER_PIDS[base] = process.pid
        yield base


def descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def busy(pids: set[int], seconds: float = 1.0) -> set[int]:
    """Which of ``pids`` used more than half a core over ``seconds``."""

    def ticks(pid):
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            return int(fields[11]) + int(fields[12])
        except OSError:
            return 0

    before = {pid: ticks(pid) for pid in pids}
    time.sleep(seconds)
    hz = os.sysconf("SC_CLK_TCK")
    return {pid for pid in pids if ticks(pid) - before[pid] > 0.5 * seconds * hz}


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory):
    store = hostile_store(tmp_path_factory.mktemp("writable") / "store")
    with serve(store, "--timeout", "3", "--allow-update", env={"WARTA_UPDATE_TOKEN": TOKEN}) as (_process, base, _log):
        yield base


def quad_count(base: str) -> int:
    reply = httpx.get(
        base + "/sparql",
        params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    return int(reply.json()["results"]["bindings"][0]["n"]["value"])


# --- read-only unless --allow-update and the token -----------------------------------


UPDATE = 'INSERT DATA { GRAPH <https://evil.example/g> { <https://evil.example/s> <https://evil.example/p> "x" } }'


@pytest.mark.parametrize(
    "send",
    [
        lambda b: httpx.post(b + "/sparql", data={"update": UPDATE}),
        lambda b: httpx.post(b + "/sparql", content=UPDATE, headers={"Content-Type": "application/sparql-update"}),
        lambda b: httpx.get(b + "/sparql", params={"update": UPDATE}),
        lambda b: httpx.get(b + "/sparql", params={"query": UPDATE}),
        lambda b: httpx.post(b + "/sparql", data={"query": UPDATE}),
        lambda b: httpx.put(
            b + "/rdf-graphs",
            params={"graph": "https://evil.example/g"},
            content="<https://evil.example/s> <https://evil.example/p> 1 .",
            headers={"Content-Type": "text/turtle"},
        ),
        lambda b: httpx.post(
            b + "/rdf-graphs",
            params={"graph": "https://evil.example/g"},
            content="<https://evil.example/s> <https://evil.example/p> 1 .",
            headers={"Content-Type": "text/turtle"},
        ),
        lambda b: httpx.delete(b + "/rdf-graphs", params={"graph": BASE + "article/hostile"}),
        lambda b: httpx.put(b + "/rdf-graphs", params={"default": ""}, content="", headers={"Content-Type": "text/turtle"}),
    ],
    ids=[
        "update-form",
        "update-body",
        "update-get",
        "update-as-query-get",
        "update-as-query-post",
        "gsp-put",
        "gsp-post",
        "gsp-delete",
        "gsp-put-default",
    ],
)
def test_read_only_server_refuses_every_kind_of_write(server, send):
    before = quad_count(server)
    reply = send(server)
    assert 400 <= reply.status_code < 500, (reply.status_code, reply.text)
    assert quad_count(server) == before


def test_writes_need_the_token_when_updates_are_on(writable_server):
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        reply = httpx.post(writable_server + "/sparql", data={"update": UPDATE}, headers=headers)
        assert reply.status_code in (401, 403), reply.text
    reply = httpx.post(writable_server + "/sparql", data={"update": UPDATE}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert reply.status_code == 204, reply.text


def test_load_and_service_never_reach_another_host(server, writable_server, other_host):
    _Recorder.hits.clear()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    attempts = [
        httpx.post(writable_server + "/sparql", data={"update": f"LOAD <{other_host}/data.ttl>"}, headers=auth),
        httpx.post(
            writable_server + "/sparql",
            data={"update": f"LOAD SILENT <{other_host}/x> INTO GRAPH <https://e.example/g>"},
            headers=auth,
        ),
        httpx.post(
            writable_server + "/sparql",
            data={"update": f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{other_host}/sparql> {{ ?s ?p ?o }} }}"},
            headers=auth,
        ),
        httpx.get(server + "/sparql", params={"query": f"SELECT * WHERE {{ SERVICE <{other_host}/sparql> {{ ?s ?p ?o }} }}"}),
        httpx.get(
            server + "/sparql", params={"query": f"SELECT * WHERE {{ SERVICE SILENT <{other_host}/sparql> {{ ?s ?p ?o }} }}"}
        ),
        # \u escapes are decoded before parsing: an escaped keyword is still SERVICE.
        httpx.get(
            server + "/sparql", params={"query": f"SELECT * WHERE {{ \\u0053ERVICE <{other_host}/sparql> {{ ?s ?p ?o }} }}"}
        ),
        httpx.get(
            server + "/sparql",
            params={"query": f"PREFIX x: <{other_host}/> SELECT * WHERE {{ service x:sparql {{ ?s ?p ?o }} }}"},
        ),
        httpx.post(
            server + "/sparql",
            content=f"SELECT * WHERE {{ SERVICE <{other_host}/sparql> {{ ?s ?p ?o }} }}",
            headers={"Content-Type": "application/sparql-query"},
        ),
        httpx.get(
            server + "/viz",
            params={"query": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{other_host}/sparql> {{ ?s ?p ?o }} }}"},
        ),
        httpx.get(server + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": other_host + "/g"}),
        httpx.get(server + "/sparql", params={"query": f"SELECT * FROM <{other_host}/g> WHERE {{ ?s ?p ?o }}"}),
    ]
    for reply in attempts:
        assert reply.status_code < 500, (reply.status_code, reply.text)
    assert all(400 <= r.status_code < 500 for r in attempts[:9]), [(r.status_code, r.text[:80]) for r in attempts[:9]]
    time.sleep(0.5)
    assert _Recorder.hits == [], f"the server fetched {_Recorder.hits}"


# --- timeouts and slow clients --------------------------------------------------------


def test_query_at_the_timeout_is_cancelled_and_the_next_is_answered_at_once(server):
    started = time.monotonic()
    reply = httpx.get(server + "/sparql", params={"query": RUNAWAY}, timeout=60)
    took = time.monotonic() - started
    assert 400 <= reply.status_code < 600 and reply.status_code != 500, reply.status_code
    assert reply.status_code in (503, 504, 408), reply.text
    assert took < 3 + 5, f"the runaway query took {took:.1f} s with a 3 s timeout"
    # Cancelled, not abandoned: no process of the server keeps computing it.
    assert busy(descendants(SERVER_PIDS[server]) | {SERVER_PIDS[server]}) == set(), "a process still burns CPU"
    started = time.monotonic()
    reply = httpx.get(server + "/sparql", params={"query": QUICK}, timeout=60)
    assert reply.status_code == 200
    assert time.monotonic() - started < 1.5, "the next query waited"


def test_one_slow_client_does_not_stall_the_others(server):
    """A client running away with queries, and one trickling its request a byte at a time."""
    stop = threading.Event()

    def runaway():
        while not stop.is_set():
            httpx.get(server + "/sparql", params={"query": RUNAWAY}, timeout=60)

    def slowloris():
        host, port = server.removeprefix("http://").split(":")
        import socket

        with socket.create_connection((host, int(port))) as s:
            s.sendall(
                b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\nContent-Length: 400\r\n\r\n"
            )
            while not stop.is_set():
                try:
                    s.sendall(b" ")
                except OSError:
                    return
                time.sleep(0.2)

    threads = [threading.Thread(target=runaway, daemon=True), threading.Thread(target=slowloris, daemon=True)]
    for t in threads:
        t.start()
    try:
        time.sleep(0.5)
        latencies = []
        for _ in range(15):
            started = time.monotonic()
            reply = httpx.get(server + "/sparql", params={"query": QUICK}, timeout=30)
            latencies.append(time.monotonic() - started)
            assert reply.status_code == 200, reply.text
        latencies.sort()
        assert latencies[len(latencies) // 2] < 1.0 and latencies[-1] < 3.5, latencies
    finally:
        stop.set()


# --- malformed requests: 4xx, never 500 -----------------------------------------------


BAD_TARGETS = [
    "/sparql?query=%ZZ",
    "/sparql?query=SELECT%20*%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%E0%A4",
    "/sparql?query=%FF%FE%FD",
    "/sparql?query=SELECT%20*%20WHERE%20{%20?s%20?p%20?o%20}&query=ASK{}",
    "/sparql?default-graph-uri=not%20an%20iri&query=ASK%7B%7D",
    "/sparql?query=ASK%7B%7D&format=application/x-nonsense",
    "/sparql?query=ASK%7B%7D&format=%FF",
    "/sparql?param.x=%FF&query=ASK%7B%7D",
    "/sparql?param.=1&query=ASK%7B%7D",
    "/resource/%FF%FE",
    "/resource/%ZZ",
    "/resource?iri=%FF",
    "/resource?iri=javascript:alert(1)",
    "/search?q=%FF%FE",
    "/search?q=%ZZ",
    "/rdf-graphs?graph=%FF",
    "/rdf-graphs?graph=%ZZ",
    "/viz?entity=%FF",
    "/sparql?query=" + "A" * 20000,
]


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_malformed_request_targets_are_client_errors(server, target):
    status, data = raw_get(server, target)
    assert status and status < 500, data[:400]


def test_invalid_utf8_in_the_raw_path_is_a_client_error(server):
    status, data = raw_get(server, b"/resource/\xff\xfe\xc3(")
    assert 0 < status < 500, data[:300]


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/sparql-query", b"SELECT * WHERE { ?s ?p \xff\xfe }"),
        ("application/x-www-form-urlencoded", b"query=%FF%FE"),
        ("application/x-www-form-urlencoded", b"query=\xff\xfe"),
        ("application/x-unknown", b"SELECT * WHERE { ?s ?p ?o }"),
        ("", b"SELECT * WHERE { ?s ?p ?o }"),
        ("text/plain; charset=utf-16", "SELECT * WHERE { ?s ?p ?o }".encode("utf-16")),
        ("multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data; name=query\r\n\r\nASK{}\r\n--x--"),
    ],
)
def test_bad_bodies_and_unknown_media_types_are_client_errors(server, content_type, body):
    reply = httpx.post(server + "/sparql", content=body, headers={"Content-Type": content_type} if content_type else {})
    assert 400 <= reply.status_code < 500, (reply.status_code, reply.text)


@pytest.mark.parametrize(
    "accept", ["application/x-nonsense", "image/png", "text/html;q=0, */*;q=0", "\xfc/\xfc".encode("latin-1"), ";;;,,,"]
)
def test_unknown_accept_types_are_client_errors_or_a_default(server, accept):
    reply = httpx.get(server + "/sparql", params={"query": QUICK}, headers={"Accept": accept})
    assert reply.status_code in (200, 406), (reply.status_code, reply.text)


def test_too_large_requests_are_refused_with_413(server):
    big = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * 2_000_000
    reply = httpx.post(server + "/sparql", content=big, headers={"Content-Type": "application/sparql-query"})
    assert reply.status_code == 413

    def chunks():  # no Content-Length: the limit must hold while streaming
        for _ in range(40):
            yield b"#" + b"y" * 65535

    reply = httpx.post(server + "/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"})
    assert reply.status_code == 413
    reply = httpx.put(
        server + "/rdf-graphs", params={"graph": "https://e.example/g"}, content=big, headers={"Content-Type": "text/turtle"}
    )
    assert 400 <= reply.status_code < 500


def test_huge_headers_are_refused_not_crashing(server):
    status, data = raw_request(
        server, b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n"
    )
    assert status == 0 or 400 <= status < 500, data[:200]
    assert httpx.get(server + "/sparql", params={"query": "ASK {}"}).status_code == 200


# --- pages: escaping, CSP, static files -----------------------------------------------


def _pages(server) -> dict[str, httpx.Response]:
    person = httpx.get(
        server + "/sparql",
        params={"query": "SELECT ?p WHERE { ?p a <https://schema.org/Person> }"},
        headers={"Accept": "application/sparql-results+json"},
    ).json()["results"]["bindings"][0]["p"]["value"]
    paths = {
        "person": "/resource/" + person[len(BASE) :],
        "article": "/resource/article/hostile",
        "organization": "/resource?iri=" + httpx.QueryParams({"x": BASE + "organization/title-script-alert-2-script"})["x"],
        "search": "/search?q=img",
        "search-script": "/search?q=" + httpx.QueryParams({"q": EVIL_TITLE})["q"],
        "query page": "/",
        "not found": "/resource/person/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    }
    return {name: httpx.get(server + path, headers={"Accept": "text/html"}) for name, path in paths.items()}


class _Markup(HTMLParser):
    """The elements and attributes a browser would build from a page."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def markup(html: str) -> list[tuple[str, dict]]:
    parser = _Markup()
    parser.feed(html)
    return parser.tags


def test_pages_escape_every_value_from_the_data(server):
    for name, page in _pages(server).items():
        assert page.status_code in (200, 404), (name, page.status_code)
        html = page.text
        assert "<script>alert" not in html, f"{name}: unescaped script from the data"
        assert "<img src=x" not in html and "<svg onload" not in html, f"{name}: unescaped markup from the data"
        for tag, attrs in markup(html):
            assert tag not in ("img", "svg"), f"{name}: an element from the data: <{tag} {attrs}>"
            handlers = [a for a in attrs if a.startswith("on")]
            assert not handlers, f"{name}: event handler attributes {handlers} on <{tag}>"
            assert not any((v or "").strip().lower().startswith("javascript:") for v in attrs.values()), (name, tag, attrs)
    person = _pages(server)["person"].text
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in person or "&quot;&gt;&lt;img" in person, person[:2000]


def test_pages_send_a_content_security_policy_without_inline_scripts(server):
    for name, page in _pages(server).items():
        csp = page.headers.get("content-security-policy", "")
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0], (name, csp)
        assert "object-src 'none'" in csp and "frame-ancestors" in csp, csp
        assert page.headers.get("x-content-type-options") == "nosniff"
        # No inline script the CSP would have to allow.
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.text), name


@pytest.mark.parametrize(
    "target",
    [
        "/static/../../etc/passwd",
        "/static/../../../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/static/%252e%252e/%252e%252e/etc/passwd",
        "/static/..\\..\\..\\etc\\passwd",
        "/static//etc/passwd",
        "/static/%00../../etc/passwd",
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/../../store/oxigraph.py",
    ],
)
def test_static_files_are_served_without_path_traversal(server, target):
    status, data = raw_get(server, target)
    assert 400 <= status < 500, (status, data[:300])
    assert b"root:" not in data and b"import " not in data


def test_static_files_still_serve_their_own_assets(server):
    page = httpx.get(server + "/")
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert assets
    for asset in assets:
        assert httpx.get(server + asset).status_code == 200, asset


# --- binding ---------------------------------------------------------------------------


def _listening(port: int) -> set[str]:
    """Local addresses listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in open(table).read().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_serve_binds_loopback_by_default(server):
    port = int(server.rsplit(":", 1)[1])
    addresses = _listening(port)
    assert addresses == {"0100007F"}, f"listening on {addresses}, not 127.0.0.1 only"


def test_binding_elsewhere_with_updates_on_prints_a_warning(store_dir, tmp_path):
    command = [WARTA, "serve", "--store", str(store_dir), "--host", "0.0.0.0", "--port", str(free_port()), "--allow-update"]
    process = subprocess.Popen(
        command,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "WARTA_UPDATE_TOKEN": TOKEN},
        start_new_session=True,
    )
    try:
        first = process.stderr.readline()
    finally:
        os.killpg(process.pid, 9)
        process.wait()
    assert first.lower().startswith("warning") and "0.0.0.0" in first, first


def test_updates_without_a_token_refuse_to_start(store_dir):
    result = subprocess.run(
        [WARTA, "serve", "--store", str(store_dir), "--allow-update", "--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if k != "WARTA_UPDATE_TOKEN"},
    )
    assert result.returncode != 0 and "token" in result.stderr.lower()


# --- SERVICE decided on the parse tree, and workers without a network ------------------


def service_spellings(target: str) -> list[str]:
    """SERVICE written every way the grammar allows, around the forms that got past a text check."""
    body = "{ ?s ?p ?o }"
    spellings = [
        f"SELECT * WHERE {{ BIND(1 AS ?q).SERVICE <{target}> {body} }}",
        f"SELECT * WHERE {{ ?s ?p ?o .SERVICE <{target}> {body} }}",
        f"PREFIX x: <https://e.example/> SELECT * WHERE {{ ?s x:a\\#b ?o . SERVICE <{target}> {body} }}",
        f"SELECT * WHERE {{ ?s ?p ?o # '\n SERVICE <{target}> {body} }}",
        f"SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{target}> {body} }} }}",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE SILENT <{target}> {body} }} }} }}",
        f"ASK {{ OPTIONAL {{ SERVICE <{target}> {body} }} }}",
        f"DESCRIBE ?s WHERE {{ MINUS {{ SERVICE <{target}> {body} }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{target}> }} SERVICE ?e {body} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{target}> {body} }}",
        f"SELECT * WHERE {{ SERV\\u0049CE\t<{target}>{body} }}",
    ]
    for keyword in ("service", "SeRvIcE", "SERVICE"):
        for gap in (" ", "\n", "\t", "#c\n", " \r\n "):
            spellings.append(f"SELECT*{{{gap}{keyword}{gap}<{target}>{gap}{body}}}")
    return spellings


def test_service_spellings_never_reach_another_host(server, other_host):
    _Recorder.hits.clear()
    target = other_host + "/sparql"
    for query in service_spellings(target):
        for reply in (
            httpx.get(server + "/sparql", params={"query": query}),
            httpx.post(server + "/sparql", content=query, headers={"Content-Type": "application/sparql-query"}),
            httpx.post(server + "/sparql", data={"query": query}),
            # A trailing comment must not swallow what parameter binding appends.
            httpx.get(server + "/sparql", params={"query": query + " # '", "param.x": "1"}),
        ):
            assert 400 <= reply.status_code < 500, (query, reply.status_code, reply.text[:200])
        construct = query.replace("SELECT *", "CONSTRUCT { ?s ?p ?o }", 1).replace("SELECT*", "CONSTRUCT{?s ?p ?o}", 1)
        assert httpx.get(server + "/viz", params={"query": construct}).status_code < 500
    time.sleep(0.5)
    assert _Recorder.hits == [], f"the server fetched {_Recorder.hits}"


def test_a_query_worker_has_no_network_even_if_the_parser_is_bypassed(store_dir, other_host):
    """The second wall: the internal `select` job runs SPARQL without the SERVICE check."""
    from graph.errors import WartaError
    from graph.server.executors import ProcessPool
    from graph.server.jobs import Job

    _Recorder.hits.clear()
    pool = ProcessPool(str(store_dir), size=1)
    try:
        assert pool.call(Job("graph.server.isolation:network_cut"), 10) is True
        query = f"SELECT * WHERE {{ SERVICE <{other_host}/sparql> {{ ?s ?p ?o }} }}"
        with pytest.raises(WartaError, match="unreachable"):
            pool.call(Job("graph.server.sparql:select", (query,)), 10)
    finally:
        pool.close()
    assert _Recorder.hits == [], f"a worker fetched {_Recorder.hits}"


def test_with_allow_service_workers_keep_the_network(store_dir):
    from graph.server.executors import ProcessPool
    from graph.server.jobs import Job

    pool = ProcessPool(str(store_dir), size=1, network=True)
    try:
        assert pool.call(Job("graph.server.isolation:network_cut"), 10) is False
    finally:
        pool.close()


def test_a_large_query_body_does_not_stall_other_clients(server):
    """The SERVICE check parses in a worker: a 64 KB hostile body never blocks the event loop."""
    body = '"\\' * 32_000
    results = {}

    def send():
        results["reply"] = httpx.post(
            server + "/sparql", content=body, headers={"Content-Type": "application/sparql-query"}, timeout=60
        )

    sender = threading.Thread(target=send)
    sender.start()
    time.sleep(0.05)
    started = time.monotonic()
    static = httpx.get(server + "/", timeout=30)
    took = time.monotonic() - started
    sender.join()
    assert static.status_code == 200
    assert took < 1.0, f"a page waited {took:.2f} s behind a 64 KB query"
    assert 400 <= results["reply"].status_code < 500


# --- Host header, CORS, client errors (issue 11, items 9 and 12) ------------------------


@pytest.mark.parametrize("target", ["/sparql", "/", "/resource/article/hostile", "/resource?iri=x", "/static/app.js"])
def test_an_untrusted_host_gets_400_and_is_never_echoed(server, target):
    request = f"GET {target} HTTP/1.1\r\nHost: evil.example\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n"
    status, data = raw_request(server, request.encode())
    assert status == 400, data[:300]
    assert b"evil.example" not in data


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]", "LOCALHOST:80"])
def test_loopback_names_are_trusted_by_default(server, host):
    status, data = raw_request(server, f"GET /sparql HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    assert status == 200, data[:300]


def test_trusted_host_option_adds_a_name_and_it_names_the_endpoint(store_dir):
    with serve(store_dir, "--trusted-host", "warta.example") as (_, base, _log):
        request = b"GET /sparql HTTP/1.1\r\nHost: warta.example:8080\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n"
        status, data = raw_request(base, request)
        assert status == 200 and b"<http://warta.example:8080/sparql>" in data, data[:500]
        status, _ = raw_request(base, b"GET /sparql HTTP/1.1\r\nHost: other.example\r\nConnection: close\r\n\r\n")
        assert status == 400


@pytest.mark.parametrize("path", ["/sparql", "/rdf-graphs"])
def test_cors_preflight_is_answered(server, path):
    reply = httpx.options(
        server + path,
        headers={
            "Origin": "https://app.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, authorization, accept",
        },
    )
    assert reply.status_code in (200, 204), reply.text
    assert reply.headers["access-control-allow-origin"] == "*"
    assert "POST" in reply.headers["access-control-allow-methods"]
    allowed = {h.strip().lower() for h in reply.headers["access-control-allow-headers"].split(",")}
    assert {"content-type", "authorization", "accept"} <= allowed


@pytest.mark.parametrize(
    "request_args",
    [
        {"params": {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}},
        {"params": {"query": "SELEKT nonsense"}},
        {"params": {"update": "INSERT DATA { <a:b> <a:b> <a:b> }"}},
    ],
)
def test_cors_headers_are_on_every_answer_errors_included(server, request_args):
    reply = httpx.get(server + "/sparql", headers={"Origin": "https://app.example"}, **request_args)
    assert reply.headers.get("access-control-allow-origin") == "*", reply.status_code
    exposed = {h.strip().lower() for h in reply.headers["access-control-expose-headers"].split(",")}
    assert {"x-warta-truncated", "x-warta-query-kind"} <= exposed


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?s ?p ?o FILTER(<urn:f>(?s)) }",
        "SELECT (<urn:f>() AS ?x) WHERE {}",
    ],
)
def test_unsupported_custom_functions_are_a_client_error(server, query):
    reply = httpx.get(server + "/sparql", params={"query": query})
    assert reply.status_code == 400, reply.text
    assert "urn:f" in reply.text
