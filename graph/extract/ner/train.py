"""Train the shipped NER model from the corpora (``make model``).

    python -m graph.extract.ner.train --data ../shared/data/ner --out graph/extract/ner/model

Converts the three corpora to spaCy DocBins, trains with ``config.cfg`` beside
this file (fixed seed, CPU), and copies the best model by dev score into
``--out`` without training-only files.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

import click

from .corpora import CORPORA, read_split, write_docbin

CONFIG = Path(__file__).with_name("config.cfg")
#: Training corpora and how many times each is repeated per epoch. NERP (lower-cased) is
#: the largest; repeating the cased news corpora keeps it from setting the conventions.
TRAIN_CORPORA = {"idner": 2, "nergrit": 2, "nerp": 1}
DEV_CORPORA = ("idner", "nergrit")
# What spacy.load needs; everything else a training run writes is left behind.
MODEL_PARTS = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "ner")


def build_corpora(data_dir: Path, work_dir: Path, train=TRAIN_CORPORA, dev=DEV_CORPORA) -> tuple[Path, Path]:
    """Write ``train.spacy`` and ``dev.spacy`` under ``work_dir``; return their paths."""
    import spacy

    vocab = spacy.blank("id").vocab
    weights = train if isinstance(train, dict) else dict.fromkeys(train, 1)
    train_docs = [doc for name, n in weights.items() for doc in read_split(data_dir, CORPORA[name], "train", vocab) * n]
    dev_docs = [doc for name in dev for doc in read_split(data_dir, CORPORA[name], "dev", vocab)]
    return write_docbin(train_docs, work_dir / "train.spacy"), write_docbin(dev_docs, work_dir / "dev.spacy")


def use_fast_cpu_ops() -> None:
    """Route matrix products to numpy's BLAS instead of thinc's bundled BLIS.

    On the AVX-512 machines we measured, OpenBLAS is about 3x faster than BLIS
    for these shapes, which speeds up both training and inference.
    """
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


def train(
    data_dir: Path,
    out_dir: Path,
    *,
    config: Path = CONFIG,
    work_dir: Path | None = None,
    overrides: dict | None = None,
    train_corpora=TRAIN_CORPORA,
    dev_corpora=DEV_CORPORA,
) -> dict:
    """Train a model and save the best one (by dev score) to ``out_dir``.

    Args:
        data_dir: folder holding ``idner-news-2k/``, ``nergrit/`` and ``nerp/``.
        out_dir: where the model goes; replaced if it exists.
        config: the spaCy training config.
        work_dir: where DocBins and checkpoints go (a temporary folder by default).
        overrides: spaCy config overrides such as ``{"training.max_steps": 100}``.

    Returns:
        The saved model's ``meta.json`` with the training time added.
    """
    from spacy.cli.train import train as spacy_train

    with tempfile.TemporaryDirectory(prefix="warta-ner-") as tmp:
        work = Path(work_dir or tmp)
        train_path, dev_path = build_corpora(Path(data_dir), work, train_corpora, dev_corpora)
        use_fast_cpu_ops()
        started = time.perf_counter()
        spacy_train(
            config,
            work / "checkpoints",
            overrides={"paths.train": str(train_path), "paths.dev": str(dev_path), **(overrides or {})},
        )
        minutes = (time.perf_counter() - started) / 60
        return save_model(work / "checkpoints" / "model-best", Path(out_dir), minutes)


def save_model(best: Path, out_dir: Path, minutes: float) -> dict:
    """Copy the parts of ``best`` that loading needs into ``out_dir``."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    for part in MODEL_PARTS:
        source = best / part
        if source.is_dir():
            shutil.copytree(source, out_dir / part)
        elif source.exists():
            shutil.copy2(source, out_dir / part)
    # The training run's scratch paths mean nothing to a user of the shipped model.
    from thinc.api import Config

    config = Config().from_disk(out_dir / "config.cfg", interpolate=False)
    config["paths"].update(train=None, dev=None)
    config.to_disk(out_dir / "config.cfg")
    meta_path = out_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(name="warta_ner", version="1.0.0", license="MIT AND Apache-2.0", training_minutes=round(minutes, 1))
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return meta


@click.command()
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=CONFIG, show_default=True)
@click.option("--work", "work_dir", type=click.Path(file_okay=False, path_type=Path), help="Keep DocBins and checkpoints here.")
@click.option("--without-nerp", is_flag=True, help="Train on idner-news-2k and NERGrit only.")
@click.option("--weights", help='Override corpus repeats as JSON, e.g. \'{"idner": 3, "nergrit": 1, "nerp": 1}\'.')
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE", help="spaCy config override, e.g. training.max_steps=100.")
def main(data_dir, out_dir, config, work_dir, without_nerp, weights, settings):
    """Train the Indonesian PER/ORG/LOC model and save the best one by dev score."""
    overrides = {}
    for setting in settings:
        key, _, value = setting.partition("=")
        overrides[key] = json.loads(value) if value[:1] in "0123456789[{-tf" else value
    corpora = json.loads(weights) if weights else dict(TRAIN_CORPORA)
    if without_nerp:
        corpora.pop("nerp", None)
    meta = train(data_dir, out_dir, config=config, work_dir=work_dir, overrides=overrides, train_corpora=corpora)
    click.echo(f"saved {out_dir} (dev ents_f {meta['performance']['ents_f']:.3f}, {meta['training_minutes']} min)")


if __name__ == "__main__":
    main()
