"""Build ``graph/data/name_words.tsv``: how often a capitalised word was tagged a person.

Run ``python -m graph.data.build_name_words NER_DIR`` where ``NER_DIR`` holds the
public Indonesian NER corpora (only their *train* splits are read):

- idner-news-2k (``idner-news-2k/train.txt``; MIT; Syaifudin & Nurwidyantoro 2016,
  re-annotated by its publishers), columns token, PoS, IOB tag;
- NERGrit (``nergrit/train_preprocess.txt``; Apache-2.0; from IndoNLU), columns
  token, IOB tag.

The table is a weak signal beside the rules: a word seen only outside person
names ("Nomor", "Papua", "Hotel") does not start or end a person's name; a word
seen mostly inside them ("Budi", "Indra") may, even when it is also a region.

Columns: word, times tagged person, times tagged anything else (capitalised only).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).with_name("name_words.tsv")
SOURCES = ("idner-news-2k/train.txt", "nergrit/train_preprocess.txt")


def count(root: Path) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for name in SOURCES:
        for line in (root / name).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) < 2 or not parts[0][:1].isupper():
                continue
            person = parts[-1].endswith(("PER", "PERSON"))
            counts.setdefault(parts[0], Counter())["person" if person else "other"] += 1
    return counts


def main(root: str) -> None:
    counts = count(Path(root))
    lines = [
        "# Capitalised words in the train splits of idner-news-2k (MIT) and NERGrit (Apache-2.0):",
        "# word, times inside a person name, times elsewhere. Built by build_name_words.py.",
    ]
    for word in sorted(counts):
        c = counts[word]
        lines.append(f"{word}\t{c['person']}\t{c['other']}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ner")
