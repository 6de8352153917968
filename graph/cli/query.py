"""``warta query``: run SPARQL against the store."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import Errors
from ..params import bind_params, check_bound
from ..results import serialize
from ..server.library import LibraryQuery, load_library, parse_header
from ..store import open_store
from ..store.base import SerializedAnswer
from ._util import output_format_option, store_option, user_errors, write_bytes

FORMATS = ["table", "json", "csv", "tsv", "xml", "turtle", "jsonld", "nt", "trig"]


def _library() -> dict[str, LibraryQuery]:
    return {query.name: query for query in load_library()}


def read_query(query: str) -> LibraryQuery | None:
    """The query QUERY names: a ``.rq`` file, or a query of the shipped library by name.

    ``queries/NAME.rq`` that is not a file here (an installed Warta, run outside the
    repository) is the library's ``NAME``, said on stderr. Inline SPARQL gives None.

    Raises:
        click.BadParameter: a ``.rq``/``.sparql`` file that exists neither here nor in the library.
    """
    path = Path(query)
    if path.is_file():
        return parse_header(path.stem, path.read_text(encoding="utf-8"))
    library = _library()
    if query in library:
        return library[query]
    if query.endswith((".rq", ".sparql")):
        if path.stem in library and path.parent.name == "queries":
            click.echo(Errors.W003.format(query=query, name=path.stem), err=True)
            return library[path.stem]
        raise click.BadParameter(Errors.E131.format(query=query, names=", ".join(library)), param_hint="'QUERY'")
    return None


@click.command(
    "query",
    epilog="""\b
Examples:
  warta query 'SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }'
  warta query offices-of-person --param person="Arifin Noorsyam" -f csv
  warta query my-query.rq -f json -o result.json""",
)
@click.argument("query")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to VALUE (an IRI if <...> or http(s)://, else a string).",
)
@output_format_option(FORMATS, "table")
@click.option("--max-rows", type=int, default=None, help="Stop after this many rows.")
@click.option("-o", "--output", default="-", help="Write to this file instead of stdout.")
@store_option
@user_errors
def command(query, params, fmt, max_rows, output, store):
    """Run a SPARQL QUERY (inline text, a .rq file, or a library query by name) and print the result.

    The library is queries/ in the repository (shipped with the package); its
    queries declare their parameters, and each must be bound with --param.
    Common prefixes (schema, org, skos, prov, nif, itsrdf, warta, rdf, rdfs,
    xsd, owl) are predeclared.
    """
    named = read_query(query)
    sparql = named.text if named else query
    bindings = bind_params(sparql, params)
    if named:
        check_bound(named.name, named.params, bindings)
    with open_store(store, read_only=True, fresh=True) as source:  # committed writes even after a killed writer
        result = source.query_serialized(sparql, lambda kind: fmt, bindings=bindings, max_rows=max_rows)
    write_bytes(result.body if isinstance(result, SerializedAnswer) else serialize(result, fmt), output)
