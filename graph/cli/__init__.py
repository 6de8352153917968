"""The ``warta`` command line: each command parses options and delegates to the library.

Commands live one per module in this package, each exposing ``command``.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

#: Modules of this package that define a ``command``; listed here so ``warta --help`` is complete.
COMMAND_MODULES = [
    "ingest",
    "extract",
    "query",
    "export",
    "importer",
    "stats",
    "validate",
    "serve",
    "viz",
    "analysis",
    "demo",
]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="warta")
def main() -> None:
    """Warta: knowledge graphs from Indonesian government news.

    Read articles, extract officials, offices, agencies, meetings, agreements,
    programmes, places and quotes, store them as RDF, and serve them over SPARQL
    and as interactive graph views.
    """


def _register() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name == f"{__name__}.{name}":
                continue  # a command still being written; the list stays the single source of truth
            raise
        for command in getattr(module, "commands", [module.command] if hasattr(module, "command") else []):
            main.add_command(command)


_register()
