"""Options and helpers shared by every command."""

from __future__ import annotations

import functools
import sys

import click

from ..errors import WartaError
from ..extract import DEFAULT_EXTRACTOR
from ..model.namespaces import DEFAULT_BASE_IRI
from ..store import DEFAULT_STORE


def store_option(func):
    return click.option(
        "--store",
        "store",
        envvar="WARTA_STORE",
        default=DEFAULT_STORE,
        show_default=True,
        help="Store directory, 'memory:', or a SPARQL server URL (sparql+http://host:port/path). Env: WARTA_STORE.",
    )(func)


def base_iri_option(func):
    return click.option(
        "--base-iri",
        default=DEFAULT_BASE_IRI,
        show_default=True,
        envvar="WARTA_BASE_IRI",
        help="Base of every IRI Warta mints (articles, entities, facts). Env: WARTA_BASE_IRI.",
    )(func)


def extractor_option(func):
    return click.option(
        "--extractor", default=DEFAULT_EXTRACTOR, show_default=True,
        help="Registered extractor: 'ner' (rules over the shipped statistical model) or 'rules' (rules alone, faster).",
    )(func)


def user_errors(func):
    """Turn the library's user-facing errors into clean CLI messages (exit code 1)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except WartaError as error:
            raise click.ClickException(str(error)) from error

    return wrapper


def write_bytes(data: bytes, output: str | None) -> None:
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        with open(output, "wb") as handle:
            handle.write(data)
