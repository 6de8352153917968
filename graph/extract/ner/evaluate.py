"""Score a NER model per corpus, and time it (``python -m graph.extract.ner.evaluate``).

Scores are span micro-P/R/F1 (exact span and label) on each corpus's dev split,
overall and per label. Speed is words per second through ``nlp.pipe`` on dev
sentences joined into 400-word blocks, the size of a typical article.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import click

from .blas import one_thread
from .corpora import CORPORA, read_split

LABELS = ("PER", "ORG", "LOC")


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}


def score(nlp, gold_docs) -> dict:
    """Micro scores over exact character spans, overall and per label.

    The model reads the raw text, so tokenisation differences count as errors.
    """
    counts: Counter = Counter()
    predicted = nlp.pipe((doc.text for doc in gold_docs), batch_size=256)
    for gold, doc in zip(gold_docs, predicted):
        want = {(e.start_char, e.end_char, e.label_) for e in gold.ents}
        got = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        for label in LABELS:
            w = {s for s in want if s[2] == label}
            g = {s for s in got if s[2] == label}
            counts[label, "tp"] += len(w & g)
            counts[label, "fp"] += len(g - w)
            counts[label, "fn"] += len(w - g)
    result = {label: prf(counts[label, "tp"], counts[label, "fp"], counts[label, "fn"]) for label in LABELS}
    total = [sum(counts[label, kind] for label in LABELS) for kind in ("tp", "fp", "fn")]
    return {"all": prf(*total), **result, "sentences": len(gold_docs)}


def words_per_second(nlp, texts: list[str], block_words: int = 400, repeat: int = 3) -> float:
    """Best-of-``repeat`` throughput of ``nlp.pipe`` on ``block_words``-word blocks."""
    words = " ".join(texts).split()
    blocks = [" ".join(words[i : i + block_words]) for i in range(0, len(words) - block_words + 1, block_words)]
    best = 0.0
    with one_thread():
        for _ in range(repeat):
            started = time.perf_counter()
            for _doc in nlp.pipe(blocks, batch_size=64):
                pass
            best = max(best, len(blocks) * block_words / (time.perf_counter() - started))
    return best


def evaluate(data_dir: Path, model: Path | None = None, corpora=tuple(CORPORA)) -> dict:
    """Scores per corpus, load time and speed of ``model`` (the shipped one by default)."""
    from . import MODEL_DIR, _load_pipeline

    started = time.perf_counter()
    nlp = _load_pipeline(Path(model or MODEL_DIR))
    report: dict = {"load_seconds": time.perf_counter() - started}
    gold = {name: read_split(Path(data_dir), CORPORA[name], "dev", nlp.vocab) for name in corpora}
    for name, docs in gold.items():
        report[name] = score(nlp, docs)
    speed_texts = [doc.text for docs in gold.values() for doc in docs if doc.text[:1].isupper()]
    report["words_per_second"] = words_per_second(nlp, speed_texts)
    return report


def format_report(report: dict) -> str:
    lines = [f"{'corpus':<9} {'label':<5} {'P':>6} {'R':>6} {'F1':>6}"]
    for name in CORPORA:
        if name not in report:
            continue
        for label in ("all", *LABELS):
            s = report[name][label]
            lines.append(f"{name:<9} {label:<5} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f}")
    lines.append(f"load {report['load_seconds']:.2f} s, {report['words_per_second']:,.0f} words/s (400-word blocks)")
    return "\n".join(lines)


@click.command()
@click.option(
    "--data",
    "data_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default="../shared/data/ner",
    show_default=True,
)
@click.option(
    "--model", type=click.Path(exists=True, file_okay=False, path_type=Path), help="A model folder (default: the shipped one)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def main(data_dir, model, as_json):
    """Print span P/R/F1 per corpus and label, load time and words/s."""
    report = evaluate(data_dir, model)
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report))


if __name__ == "__main__":
    main()
