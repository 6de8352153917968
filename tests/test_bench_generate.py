"""The benchmark corpus generator: deterministic, valid JSONL articles, realistic recurrence."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import articles, build_world, main, write_corpus
from graph.readers import read_paths


def test_same_seed_gives_the_same_corpus_and_other_seeds_differ():
    first = list(articles(5, seed=11))
    assert first == list(articles(5, seed=11))
    assert first != list(articles(5, seed=12))


def test_article_i_does_not_depend_on_the_corpus_size():
    assert list(articles(3, seed=2)) == list(articles(10, seed=2))[:3]
    assert list(articles(2, seed=2, start=4)) == list(articles(6, seed=2))[4:]


def test_written_shards_are_jsonl_the_reader_accepts(tmp_path):
    paths = write_corpus(25, str(tmp_path / "corpus"), seed=1, shard=10)
    assert [p.name for p in paths] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    records = [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 25 and len({r["id"] for r in records}) == 25
    read = list(read_paths([tmp_path / "corpus"]))
    assert [a.id for a in read] == [r["id"] for r in records]
    assert all(a.title and a.date and a.publisher and a.language == "id" for a in read)


def test_single_file_output_and_command_line(tmp_path):
    out = tmp_path / "c.jsonl.gz"
    main(["--articles", "4", "--seed", "5", "-o", str(out)])
    import gzip

    with gzip.open(out, "rt", encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    assert [json.loads(line) for line in lines] == list(articles(4, seed=5))


def test_articles_are_about_400_words_of_indonesian_government_news():
    for record in articles(20, seed=1):
        words = len(record["text"].split())
        assert 380 <= words <= 520, words
        assert "–" in record["text"][:60]  # a dateline
        assert "“" in record["text"] and "(" in record["text"]  # quotes; a date like Rabu (6/4/2022)


def test_officials_recur_with_zipf_popularity():
    world = build_world(1)
    text = " ".join(r["text"] for r in articles(300, seed=1, world=world))
    counts = Counter({o.name: text.count(o.name) for o in world.officials[:200]})
    top = counts.most_common()
    assert top[0][1] >= 20  # the most popular official is in many articles
    assert top[0][1] > 5 * top[100][1]  # and far more than a typical one


def test_truth_spans_point_into_the_text():
    for record, extraction in articles(10, seed=4, truth=True):
        text = record["text"]
        assert extraction.article_id == record["id"]
        for entity in extraction.entities:
            for span in entity.mentions:
                assert text[span.start : span.end] == span.text
        for quote in extraction.quotes:
            assert text[quote.span.start : quote.span.end] == quote.text
        assert extraction.meetings[0].date == record["date"]
