"""graph.errors: one message per code."""

import ast
from pathlib import Path

import graph.errors


def test_every_error_code_is_defined_once():
    """A second definition of a code silently replaces the first message (two modules
    once both used E070, and one of them formatted the other's message)."""
    tree = ast.parse(Path(graph.errors.__file__).read_text(encoding="utf-8"))
    (errors,) = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "Errors"]
    names = [target.id for node in errors.body if isinstance(node, ast.Assign) for target in node.targets]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    assert duplicates == []
