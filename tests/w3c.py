"""A runner for the W3C SPARQL 1.1 Protocol and Graph Store Protocol manifests.

Reads the ``ht:`` (HTTP-in-RDF) requests and ``mf:`` expectations of
``../shared/w3c/sparql11/{protocol,gsp}/`` and replays them against a live
server. Between tests the store is emptied (``DROP ALL``) and the test's
``ut:graphData`` loaded, as the manifests assume a fresh dataset per test.

On one long-lived store (``fresh=False``) nothing is emptied: the store keeps
whatever it held (article graphs, earlier tests' graphs). Only the graphs a
test itself names are deleted first, with a Graph Store DELETE: each test's
first PUT expects 201 Created (its graph absent) and its GETs expect exactly
what it wrote, so that is the state every test states it starts from.

Run alone for the pass counts: ``python tests/w3c.py http://127.0.0.1:8000 TOKEN``.
"""

from __future__ import annotations

import http.client
import json
import os
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.collection import Collection
from rdflib.compare import isomorphic

W3C = Path(os.environ.get("WARTA_W3C_DIR", Path(__file__).resolve().parents[2] / "shared" / "w3c" / "sparql11"))
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

#: Where the manifests' paths live on a Warta server.
PATHS = (("/sparql/", "/sparql"), ("/gsp", "/rdf-graphs"))
STATUS = {"OK": "200", "Created": "201", "NoContent": "204", "NotFound": "404"}
RDF_PARSERS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/trig": "trig",
}
SUITES = {"protocol": ["protocol/manifest.ttl"], "gsp": ["gsp/manifest-direct.ttl", "gsp/manifest-indirect.ttl"]}


@dataclass
class Expect:
    statuses: list[str] = field(default_factory=list)  # "200" or a class like "2xx"
    boolean: bool | None = None
    fmt: str | None = None  # "boolean", "tabular" or "RDF"
    content_type: str | None = None
    body: str | None = None
    location: str | None = None  # the template variable the Location header fills


@dataclass
class Request:
    method: str
    path: str
    headers: list[tuple[str, str]]
    body: bytes | None
    body_text: str | None
    encoding: str
    expect: Expect


@dataclass
class W3cTest:
    suite: str
    name: str
    label: str
    requires: list[str]
    graph_data: list[tuple[Path, str]]
    requests: list[Request]


def load(suite: str) -> list[W3cTest]:
    """The tests of ``suite`` ("protocol" or "gsp") in manifest order."""
    tests = []
    for relative in SUITES[suite]:
        path = W3C / relative
        g = Graph().parse(path, format="turtle", publicID=path.as_uri())
        manifest = next(g.subjects(RDF.type, MF.Manifest))
        for entry in Collection(g, g.value(manifest, MF.entries)):
            tests.append(_test(g, suite, entry, path.parent))
    return tests


def _test(g: Graph, suite: str, entry, folder: Path) -> W3cTest:
    data = []
    for node in g.objects(entry, UT.graphData):
        file = folder / str(g.value(node, UT.graph)).rsplit("/", 1)[-1]
        data.append((file, str(g.value(node, RDFS.label))))
    action = g.value(entry, MF.action)
    requests = [_request(g, r) for r in Collection(g, g.value(action, HT.requests))]
    return W3cTest(
        suite=suite,
        name=str(entry).rsplit("#", 1)[-1],
        label=str(g.value(entry, MF.name)),
        requires=sorted(str(r).rsplit("#", 1)[-1] for r in g.objects(entry, MF.requires)),
        graph_data=data,
        requests=requests,
    )


def _headers(g: Graph, node) -> list[tuple[str, str]]:
    if node is None:
        return []
    return [(str(g.value(h, HT.fieldName)), str(g.value(h, HT.fieldValue))) for h in Collection(g, node)]


def _request(g: Graph, node) -> Request:
    body_node = g.value(node, HT.body)
    text = str(g.value(body_node, CNT.chars)) if body_node is not None else None
    encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8") if body_node is not None else "UTF-8"
    resp = g.value(node, HT.resp)
    statuses = []
    for status in g.objects(resp, MF.expectedStatus):
        local = str(status).rsplit("#", 1)[-1]
        statuses.append(local.removeprefix("StatusCode").lower() if local.startswith("StatusCode") else STATUS[local])
    boolean = g.value(resp, MF.expectedBoolean)
    fmt = g.value(resp, MF.expectedFormat)
    resp_headers = {k.lower(): v for k, v in _headers(g, g.value(resp, HT.headers))}
    resp_body = g.value(resp, HT.body)
    location = g.value(resp, MF.expectedLocation)
    return Request(
        method=str(g.value(node, HT.methodName)),
        path=str(g.value(node, HT.absolutePath)),
        headers=_headers(g, g.value(node, HT.headers)),
        body=None,
        body_text=text,
        encoding=encoding,
        expect=Expect(
            statuses=statuses,
            boolean=None if boolean is None else bool(boolean.toPython()),
            fmt=None if fmt is None else str(fmt),
            content_type=resp_headers.get("content-type"),
            body=None if resp_body is None else str(g.value(resp_body, CNT.chars)),
            location=None if location is None else str(location),
        ),
    )


class Failed(AssertionError):
    pass


def _media(value: str | None) -> str:
    return (value or "").split(";")[0].strip().lower()


def _fill(text: str, variables: dict[str, str]) -> str:
    for name, value in variables.items():
        text = text.replace(name, value)
    return text


def _target(path: str) -> str:
    for theirs, ours in PATHS:
        if path.startswith(theirs):
            rest = path[len(theirs) :]
            return ours + ("" if rest.startswith(("?", "/")) or not rest else "/") + rest
    return path


class Client:
    """One HTTP/1.1 connection (a manifest's ``ht:Connection``), kept alive across its requests."""

    def __init__(self, base: str, token: str):
        parts = urlsplit(base)
        self.base = base.rstrip("/")
        self.token = token
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)

    def send(self, method: str, target: str, headers: list[tuple[str, str]], body: bytes | None):
        self.connection.putrequest(method, target, skip_accept_encoding=True)
        for name, value in headers:
            self.connection.putheader(name, value)
        self.connection.putheader("Authorization", f"Bearer {self.token}")
        self.connection.putheader("Content-Length", str(len(body or b"")))
        self.connection.endheaders(body)
        response = self.connection.getresponse()
        return response, response.read()

    def close(self) -> None:
        self.connection.close()


def addressed_graphs(test: W3cTest) -> list[str]:
    """The Graph Store targets (``/rdf-graphs/<path>``, ``?graph=``, ``?default``) the test names.

    Targets filled from a Location header are left out: the server makes those graphs new.
    """
    targets = []
    for request in test.requests:
        target = _target(request.path)
        if target.startswith(PATHS[1][1]) and "$" not in target and target not in targets:
            if target.startswith(PATHS[1][1] + "/") or "?" in target:
                targets.append(target)
    return targets


def reset(base: str, token: str, test: W3cTest, fresh: bool = True) -> None:
    """Empty the store, or on one store (not ``fresh``) delete only the graphs the test names;
    then load the test's graph data (each file into the graph it names)."""
    client = Client(base, token)
    try:
        if fresh:
            response, body = client.send("POST", "/sparql", [("Content-Type", "application/sparql-update")], b"DROP ALL")
            if response.status >= 300:
                raise RuntimeError(f"DROP ALL answered {response.status}: {body[:300]!r}")
        else:
            for target in addressed_graphs(test):
                response, body = client.send("DELETE", target, [], None)
                if response.status not in (200, 204, 404):
                    raise RuntimeError(f"DELETE {target} answered {response.status}: {body[:300]!r}")
        for file, graph in test.graph_data:
            response, body = client.send(
                "PUT", "/rdf-graphs?graph=" + graph, [("Content-Type", "application/n-triples")], file.read_bytes()
            )
            if response.status >= 300:
                raise RuntimeError(f"loading {file.name} answered {response.status}: {body[:300]!r}")
    finally:
        client.close()


def run(base: str, token: str, test: W3cTest, fresh: bool = True) -> None:
    """Replay the test's requests in order on one connection; raise :class:`Failed` at the first miss.

    ``fresh``: empty the store first, as the manifests assume; otherwise the
    test runs on whatever earlier tests left (one long-lived store).
    """
    reset(base, token, test, fresh)
    client = Client(base, token)
    variables: dict[str, str] = {}
    try:
        for number, request in enumerate(test.requests, 1):
            replay(client, request, number, variables)
    finally:
        client.close()


def replay(client: Client, request: Request, number: int, variables: dict[str, str]) -> None:
    """Send one request (template variables filled) and check its answer; raise :class:`Failed` on a miss."""
    target = _target(_fill(request.path, variables))
    if target.startswith(("http://", "https://")):  # a filled-in Location: ask for it by path
        parts = urlsplit(target)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
    body = None
    if request.body_text is not None:
        body = _fill(request.body_text, variables).encode(request.encoding.lower())
    try:
        response, content = client.send(request.method, target, request.headers, body)
    except (http.client.HTTPException, OSError) as error:
        raise Failed(f"request {number} ({request.method} {target}): connection failed: {error!r}") from None
    where = f"request {number} ({request.method} {target}) answered {response.status}"
    _check(request, response, content, where, urljoin(client.base + "/", target.lstrip("/")), variables)


def _check(request: Request, response, content: bytes, where: str, url: str, variables: dict[str, str]) -> None:
    expect = request.expect
    status = str(response.status)
    if expect.statuses and not any(s == status or (s.endswith("xx") and s[0] == status[0]) for s in expect.statuses):
        raise Failed(f"{where}, expected {'/'.join(expect.statuses)}: {content[:300]!r}")
    media = _media(response.getheader("content-type"))
    if expect.location is not None:
        location = response.getheader("location")
        if not location:
            raise Failed(f"{where} without a Location header")
        variables[expect.location] = urljoin(url, location)
    if expect.content_type is not None and media != _media(expect.content_type):
        raise Failed(f"{where} as {media!r}, expected {expect.content_type!r}")
    if expect.fmt == "boolean" or expect.boolean is not None:
        value = _boolean(media, content)
        if value is None:
            raise Failed(f"{where}: not a boolean result ({media}): {content[:200]!r}")
        if expect.boolean is not None and value != expect.boolean:
            raise Failed(f"{where}: {value}, expected {expect.boolean}")
    elif expect.fmt == "tabular" and media not in (
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ):
        raise Failed(f"{where}: {media!r} is not a results format")
    elif expect.fmt == "RDF":
        _graph(media, content, url, where)
    if expect.body is not None and request.method != "HEAD":
        wanted = Graph().parse(data=_fill(expect.body, variables), format="turtle", publicID=url)
        got = _graph(media, content, url, where)
        if not isomorphic(wanted, got):
            raise Failed(f"{where}: graph differs:\n{got.serialize(format='nt')}")


def _graph(media: str, content: bytes, url: str, where: str) -> Graph:
    parser = RDF_PARSERS.get(media)
    if parser is None:
        raise Failed(f"{where}: {media!r} is not an RDF format")
    try:
        return Graph().parse(data=content.decode("utf-8"), format=parser, publicID=url)
    except Exception as error:
        raise Failed(f"{where}: unparsable {media}: {error}") from None


def _boolean(media: str, content: bytes) -> bool | None:
    try:
        if media in ("application/sparql-results+json", "application/json"):
            value = json.loads(content).get("boolean")
            return value if isinstance(value, bool) else None
        if media in ("application/sparql-results+xml", "application/xml", "text/xml"):
            for element in ET.fromstring(content).iter():
                if element.tag.endswith("boolean"):
                    return (element.text or "").strip() == "true"
        if media in ("text/csv", "text/tab-separated-values", "text/plain"):
            lines = content.decode("utf-8").split()
            return {"true": True, "false": False}.get(lines[-1].lower()) if lines else None
    except (ValueError, ET.ParseError, UnicodeDecodeError):
        return None
    return None


def tally(base: str, token: str, supported: set[str], fresh: bool = True) -> dict[str, tuple[int, int, int]]:
    """(passed, run, skipped) per suite; ``fresh`` as in :func:`run`."""
    counts = {}
    for suite in SUITES:
        passed = ran = skipped = 0
        for test in load(suite):
            if set(test.requires) - supported:
                skipped += 1
                continue
            ran += 1
            try:
                run(base, token, test, fresh)
                passed += 1
            except Failed as error:
                print(f"FAIL {suite}/{test.name}: {error}", file=sys.stderr)
        counts[suite] = (passed, ran, skipped)
    return counts


if __name__ == "__main__":
    features = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else {"IndirectGraphIdentification"}
    for fresh in (True, False):
        for suite, (passed, ran, skipped) in tally(sys.argv[1], sys.argv[2], features, fresh).items():
            print(f"{suite} ({'fresh store per test' if fresh else 'one store'}): {passed} / {ran} ({skipped} skipped)")
