"""A runner for the older W3C Graph Store suite, ``http-rdf-update``, whose tests are prose.

Each test of ``../shared/w3c/sparql11/http-rdf-update/manifest.ttl`` is one
HTTP exchange written as Markdown in an ``rdfs:comment``: a ``#### Request``
block (request line, headers, body) and a ``#### Response`` block (status line,
headers, an expected Turtle body). The tests build on each other (a GET checks
the PUT before it), so they run in manifest order on one store, sharing the
``$NEWPATH$`` that a POST's ``Location`` fills.

How the prose is read (all of it visible here, nothing per-test but ERRATA):

- ``$GRAPHSTORE$`` is the Graph Store endpoint (``/rdf-graphs``) and ``$HOST$``
  the server's authority, so ``http://$HOST$/$GRAPHSTORE$/person/1`` is an IRI
  under the endpoint; the ``Host`` header is the one the client sends anyway.
- Markdown cannot show a carriage return: a ``multipart/form-data`` body gets
  CRLF line ends, as HTTP requires of it.
- "200 OK" for a write with no body to check also accepts 204 No Content, the
  Graph Store Protocol's other success answer for POST, PUT and DELETE.
- ``Content-Length: ...`` says only that one is sent.

Run alone: ``python tests/w3c_prose.py http://127.0.0.1:8000 TOKEN``.
"""

from __future__ import annotations

import sys
import textwrap
from dataclasses import dataclass

from rdflib import RDFS, Graph
from rdflib.collection import Collection
from w3c import MF, W3C, Client, Expect, Failed, Request, replay

MANIFEST = W3C / "http-rdf-update" / "manifest.ttl"
GRAPH_STORE = "/rdf-graphs"
SUCCESS_WITHOUT_BODY = ("200", "204")

#: Request bodies the prose gets wrong, corrected as the maintained suite (gsp/) writes the
#: same requests: (test, wrong text, corrected text, why). Run with ``errata=False`` to see
#: what the literal prose gives.
ERRATA = [
    (
        "post__existing_graph",
        'foaf:name "Jane Doe"',
        'foaf:name "Jane Doe" .',
        "the Turtle lacks its closing '.'; Warta refuses it (400) like any invalid Turtle",
    ),
    (
        "post__multipart_formdata",
        'foaf:familyName "Doe"\n',
        'foaf:familyName "Doe" .\n',
        "both parts' Turtle lacks its closing '.'",
    ),
    (
        "post__multipart_formdata",
        'foaf:givenName "Jane"\n',
        'foaf:givenName "Jane" .\n',
        "both parts' Turtle lacks its closing '.'",
    ),
]

#: Tests no correct server passes on this sequence, and why (the README repeats these).
DEPARTURES = {
    "delete__existing_graph": "expects person/2.ttl to exist, but no test before it creates that graph (Warta: 404)",
    "get_of_post__existing_graph": (
        "expects the graph as the first PUT left it (John Doe, no foaf:name), after a second PUT "
        "replaced it and a POST added foaf:name; the suite's own next GET expects both changes"
    ),
}


@dataclass
class ProseTest:
    name: str
    label: str
    request: Request


def load(base: str, errata: bool = True) -> list[ProseTest]:
    """The suite's tests in manifest order, with ``base`` (``http://host:port``) filled in."""
    g = Graph().parse(MANIFEST, format="turtle")
    manifest = next(g.subjects(predicate=MF.entries))
    tests = []
    for entry in Collection(g, g.value(manifest, MF.entries)):
        name = str(entry).rsplit("#", 1)[-1]
        prose = next(str(c) for c in g.objects(entry, RDFS.comment) if "#### Request" in str(c))
        if errata:
            for test, wrong, right, _why in ERRATA:
                if test == name:
                    if wrong not in prose:
                        raise ValueError(f"{MANIFEST}: erratum for {name} no longer applies: {wrong!r}")
                    prose = prose.replace(wrong, right)
        tests.append(ProseTest(name, str(g.value(entry, MF.name)), _request(_fill(prose, base))))
    return tests


def _fill(prose: str, base: str) -> str:
    host = base.split("://", 1)[1].rstrip("/")
    prose = prose.replace("http://$HOST$/$GRAPHSTORE$", base.rstrip("/") + GRAPH_STORE)
    return prose.replace("$GRAPHSTORE$", GRAPH_STORE).replace("$HOST$", host)


def _blocks(prose: str) -> tuple[str, str]:
    request = prose.split("#### Request", 1)[1]
    request, response = request.split("#### Response", 1)
    return textwrap.dedent(request.strip("\n")), textwrap.dedent(response.strip("\n"))


def _head_and_body(block: str) -> tuple[list[str], str]:
    """The lines before the first blank line (start line and headers), and the rest (the body)."""
    head, _, body = block.strip("\n").partition("\n\n")
    return [line.strip() for line in head.splitlines() if line.strip()], body.strip("\n")


def _request(prose: str) -> Request:
    request_block, response_block = _blocks(prose)
    (start, *header_lines), body = _head_and_body(request_block)
    method, target, _version = start.split()
    headers = [tuple(part.strip() for part in line.split(":", 1)) for line in header_lines]
    headers = [(k, v) for k, v in headers if k.lower() != "host"]
    content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
    if body and content_type.startswith("multipart/"):
        body = body.replace("\n", "\r\n") + "\r\n"
    (status_line, *response_headers), expected_body = _head_and_body(response_block)
    status = status_line.split()[0]
    fields = dict(tuple(part.strip() for part in line.split(":", 1)) for line in response_headers)
    statuses = [status]
    if status == "200" and not expected_body and method in ("POST", "PUT", "DELETE"):
        statuses = list(SUCCESS_WITHOUT_BODY)
    location = fields.get("Location")
    return Request(
        method=method,
        path=target,
        headers=headers,
        body=None,
        body_text=body or None,
        encoding="UTF-8",
        expect=Expect(
            statuses=statuses,
            content_type=fields.get("Content-Type"),
            body=expected_body or None,
            location=location if location and location.startswith("$") else None,
        ),
    )


def run_all(base: str, token: str, errata: bool = True) -> dict[str, str | None]:
    """Every test in order on one connection and one store: test name -> None (passed) or the failure.

    The graphs the suite names are deleted first (it starts from a store without them).
    """
    tests = load(base, errata)
    client = Client(base, token)
    try:
        for target in (f"{GRAPH_STORE}/person/{n}.ttl" for n in (1, 2, 4)):
            client.send("DELETE", target, [], None)
        client.send("DELETE", f"{GRAPH_STORE}?default", [], None)
        variables: dict[str, str] = {}
        outcomes: dict[str, str | None] = {}
        for test in tests:
            try:
                replay(client, test.request, 1, variables)
                outcomes[test.name] = None
            except Failed as error:
                outcomes[test.name] = str(error)
                if "connection failed" in str(error):
                    client.close()
                    client = Client(base, token)
        return outcomes
    finally:
        client.close()


if __name__ == "__main__":
    for errata in (False, True):
        outcomes = run_all(sys.argv[1], sys.argv[2], errata)
        for name, failure in outcomes.items():
            if failure:
                print(f"FAIL {name}: {failure}", file=sys.stderr)
        passed = sum(failure is None for failure in outcomes.values())
        print(f"http-rdf-update ({'with ERRATA' if errata else 'literal'}): {passed} / {len(outcomes)}")
