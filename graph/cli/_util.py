"""Options and helpers shared by every command."""

from __future__ import annotations

import datetime
import functools
import socket
import sys

import click

from ..errors import Errors, WartaError
from ..model.namespaces import DEFAULT_BASE_IRI
from ..params import ParameterError
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
    from ..extract import DEFAULT_EXTRACTOR  # here, not at the top: commands that do not extract never import it

    return click.option(
        "--extractor",
        default=DEFAULT_EXTRACTOR,
        show_default=True,
        help="Registered extractor: 'ner' (rules over the shipped statistical model) or 'rules' (rules alone, faster).",
    )(func)


def output_format_option(choices: list[str], default: str, help: str | None = None):
    """``-f/--format``: always the output format, in every command."""
    return click.option(
        "-f", "--format", "fmt", type=click.Choice(choices), default=default, show_default=True, help=help or "Output format."
    )


def json_option(func):
    """``--json``: machine-readable output (the same as ``-f json`` where a command has ``-f``)."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON (for scripts).")(func)


def input_format_option(help: str, choices: list[str] | None = None, old: tuple[str, ...] = ("--format",)):
    """``--input-format``: how to read the input.

    The names this option had before (``old``, e.g. ``--format``) still work, with a
    warning, so scripts keep running while ``-f/--format`` becomes the output format.
    """
    kind = click.Choice(choices) if choices else None

    def decorate(func):
        func = click.option("--input-format", "input_format", type=kind, metavar="FORMAT", help=help)(func)
        if not old:
            return func
        return click.option(*old, "old_input_format", type=kind, hidden=True, callback=_deprecated_format)(func)

    return decorate


def _deprecated_format(ctx, param, value):
    if value is not None:
        click.echo(
            f"warning: {'/'.join(param.opts)} is deprecated here, use --input-format "
            "(-f/--format is the output format in every command)",
            err=True,
        )
    return value


def user_errors(func):
    """Turn the library's user-facing errors into one-line messages.

    A mistake in how the command was called (a ``--param`` the query cannot take or
    needs) exits with 2, like click's own usage errors; work that failed exits with 1.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ParameterError as error:
            raise click.UsageError(str(error)) from error
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


def check_port_free(host: str, port: int) -> None:
    """Fail with one line, before anything is printed or started, when HOST:PORT cannot be bound."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: TIME_WAIT is no obstacle
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as error:
            raise click.ClickException(Errors.E133.format(host=host, port=port, error=error.strerror or error)) from None


def iso_date(ctx, param, value):
    """A ``YYYY-MM-DD`` option, checked: a date that does not exist is a usage error, not an empty answer."""
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(Errors.E134.format(value=value)) from None
