"""The research queries in ``queries/``: each ``.rq`` file with its comment header parsed.

Header format (comment lines at the top of the file)::

    # title: Offices held by a person over time
    # en: Which offices has a person held, and when was each reported?
    # id: Jabatan apa saja yang pernah dipegang seseorang, dan kapan diberitakan?
    # param: person = Ali Fitri Noor | the person's name or alias
    # example: role=Sekretaris Daerah; organization=Samarinda
    # (free text: an example result table, notes)

``param`` lines name the variables ``warta query --param`` binds and give an
example value (a description starting ``optional:`` marks one that may stay
unbound; any other must be bound); ``example`` lines are rows the example corpus must produce
(each ``var=text`` matches when the value contains the text, ignoring case and
accents), which the test suite checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..resources import resource_path

#: The shipped library (``queries/`` in the repository, carried by the package).
QUERIES_DIR = resource_path("queries")
_FIELD = re.compile(r"^#\s*(title|en|id|param|example):\s*(.*)$")


@dataclass
class Param:
    name: str
    example: str
    description: str = ""

    @property
    def optional(self) -> bool:
        """A description starting "optional:" marks a parameter the query answers without."""
        return self.description.lower().startswith("optional")


@dataclass
class LibraryQuery:
    name: str
    title: str
    text: str
    question_en: str = ""
    question_id: str = ""
    params: list[Param] = field(default_factory=list)
    examples: list[dict[str, str]] = field(default_factory=list)
    notes: str = ""

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "title": self.title,
            "question_en": self.question_en,
            "question_id": self.question_id,
            "params": [vars(p) for p in self.params],
            "notes": self.notes,
            "text": self.text,
        }


def parse_header(name: str, text: str) -> LibraryQuery:
    query = LibraryQuery(name=name, title=name, text=text)
    notes = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _FIELD.match(line)
        if not match:
            notes.append(line[1:].rstrip()[1:] if line[1:2] == " " else line[1:].rstrip())
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "title":
            query.title = value
        elif key == "en":
            query.question_en = value
        elif key == "id":
            query.question_id = value
        elif key == "param":
            spec, _, description = value.partition("|")
            pname, _, example = spec.partition("=")
            query.params.append(Param(pname.strip().lstrip("?$"), example.strip(), description.strip()))
        elif key == "example":
            row = {}
            for part in value.split(";"):
                var, _, expected = part.partition("=")
                if var.strip():
                    row[var.strip().lstrip("?")] = expected.strip()
            query.examples.append(row)
    query.notes = "\n".join(notes).strip("\n")
    return query


def load_library(directory: Path | str | None = None) -> list[LibraryQuery]:
    """Every ``.rq`` file in ``directory`` (default: the shipped library, :data:`QUERIES_DIR`), sorted by name."""
    folder = Path(directory) if directory else QUERIES_DIR
    if not folder.is_dir():
        return []
    return [parse_header(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))]
