"""The ``warta`` command line: each command parses options and delegates to the library.

Commands live one per module in this package, each exposing ``command`` (or
``commands``). A command's module is imported only when that command runs (or
help lists it), so ``warta query`` never pays for the extractor, spaCy, networkx
or the web server: start-up is the price of what the command itself needs.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

#: Command name -> the module of this package that defines it; the single list of commands.
COMMANDS = {
    "ingest": "ingest",
    "extract": "extract",
    "query": "query",
    "export": "export",
    "import": "importer",
    "stats": "stats",
    "validate": "validate",
    "serve": "serve",
    "viz": "viz",
    "path": "analysis",
    "timeline": "analysis",
    "demo": "demo",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module when the command is asked for."""

    def __init__(self, *args, lazy_commands: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.lazy_commands, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            module = importlib.import_module(f"{__name__}.{self.lazy_commands[cmd_name]}")
            for command in getattr(module, "commands", [getattr(module, "command", None)]):
                if command is not None:
                    self.add_command(command)
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup, lazy_commands=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="warta")
def main() -> None:
    """Warta: knowledge graphs from Indonesian government news.

    Read articles, extract officials, offices, agencies, meetings, agreements,
    programmes, places and quotes, store them as RDF, and serve them over SPARQL
    and as interactive graph views.
    """


def all_commands() -> dict[str, click.Command]:
    """Every command by name, each module imported (for help checks and docs)."""
    context = click.Context(main)
    return {name: command for name in main.list_commands(context) if (command := main.get_command(context, name))}
