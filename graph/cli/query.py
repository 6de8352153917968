"""``warta query``: run SPARQL against the store."""

from __future__ import annotations

import os

import click

from ..params import bind_params
from ..results import serialize
from ..store import open_store
from ._util import store_option, user_errors, write_bytes

FORMATS = ["table", "json", "csv", "tsv", "xml", "turtle", "jsonld", "nt", "trig"]


def read_query(query: str) -> str:
    """A query given inline, or the text of a ``.rq`` file."""
    if query.endswith((".rq", ".sparql")) or os.path.isfile(query):
        with open(query, encoding="utf-8") as handle:
            return handle.read()
    return query


@click.command("query")
@click.argument("query")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind ?NAME to VALUE (an IRI if <...> or http(s)://, else a string).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--max-rows", type=int, default=None, help="Stop after this many rows.")
@click.option("-o", "--output", default="-", help="Write to this file instead of stdout.")
@store_option
@user_errors
def command(query, params, fmt, max_rows, output, store):
    """Run a SPARQL QUERY (text or a .rq file) and print the result.

    Common prefixes (schema, org, skos, prov, nif, itsrdf, warta, rdf, rdfs,
    xsd, owl) are predeclared.
    """
    sparql = read_query(query)
    bindings = bind_params(sparql, params)
    with open_store(store, read_only=True, fresh=True) as source:  # committed writes even after a killed writer
        result = source.query(sparql, bindings=bindings, max_rows=max_rows)
    write_bytes(serialize(result, fmt), output)
