"""graph.errors: one message per code."""

import ast
import re
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


def _codes() -> list[str]:
    tree = ast.parse(Path(graph.errors.__file__).read_text(encoding="utf-8"))
    (errors,) = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "Errors"]
    return [target.id for node in errors.body if isinstance(node, ast.Assign) for target in node.targets]


def test_codes_are_in_order_errors_before_warnings():
    codes = _codes()
    assert all(re.fullmatch(r"[EW]\d{3}", code) for code in codes), [c for c in codes if not re.fullmatch(r"[EW]\d{3}", c)]
    assert codes == sorted(codes, key=lambda code: (code[0] != "E", int(code[1:])))


def test_every_code_is_used_somewhere_in_the_package():
    package = Path(graph.errors.__file__).parent
    sources = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py") if p.name != "errors.py")
    unused = [code for code in _codes() if not re.search(rf"\b{code}\b", sources)]
    assert unused == []
