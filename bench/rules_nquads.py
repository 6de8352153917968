"""Score the rule extractor alone: write its output as N-Quads the eval scorer reads.

A development aid that needs neither the store nor the CLI:
    python bench/rules_nquads.py ARTICLES... -o out.nq
Articles are ``.txt`` files (id = stem) or ``.jsonl`` files (one object a line).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rdflib import RDF, SKOS, Dataset, Literal, Namespace, URIRef

from graph.article import Article
from graph.extract.rules import RuleExtractor

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
WARTA = Namespace("https://w3id.org/warta/ontology#")
BASE = "https://example.org/"
CLASSES = {"person": SCHEMA.Person, "organization": ORG.Organization, "place": SCHEMA.Place}


def read(paths: list[Path]) -> list[Article]:
    out = []
    for path in paths:
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    d = json.loads(line)
                    out.append(Article(id=d["id"], text=d["text"], title=d.get("title"), publisher=d.get("publisher")))
        else:
            text = path.read_text(encoding="utf-8")
            dateline = None
            for line in text.splitlines():
                if " - " in line and "," in line.split(" - ")[0]:
                    dateline = line.split(" - ")[0].split(",")[-1].strip()
                    break
            out.append(Article(id=path.stem, text=text, dateline=dateline))
    return out


def write(articles: list[Article], out: Path) -> float:
    ds = Dataset()
    extractor = RuleExtractor()
    t0 = time.perf_counter()
    extractions = [extractor.extract(a) for a in articles]
    elapsed = time.perf_counter() - t0
    for article, ex in zip(articles, extractions):
        a = URIRef(BASE + "article/" + article.id)
        g = ds.graph(a)
        g.add((a, RDF.type, SCHEMA.NewsArticle))
        g.add((a, SCHEMA.identifier, Literal(article.id)))
        iri = {}
        for e in ex.entities:
            node = URIRef(f"{BASE}{article.id}/{e.key}")
            iri[e.key] = node
            g.add((a, SCHEMA.mentions, node))
            g.add((node, RDF.type, CLASSES[e.kind]))
            g.add((node, SCHEMA.name, Literal(e.name)))
            for alias in e.aliases:
                g.add((node, SKOS.altLabel, Literal(alias)))
        for n, m in enumerate(ex.memberships):
            node = URIRef(f"{BASE}{article.id}/membership/{n}")
            role = URIRef(f"{BASE}{article.id}/role/{n}")
            g.add((node, RDF.type, ORG.Membership))
            g.add((node, ORG.member, iri[m.person]))
            g.add((node, ORG.role, role))
            g.add((role, SKOS.prefLabel, Literal(m.role)))
            if m.label:
                g.add((role, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal(m.label)))
            if m.organization:
                g.add((node, ORG.organization, iri[m.organization]))
        for n, q in enumerate(ex.quotes):
            node = URIRef(f"{BASE}{article.id}/quote/{n}")
            g.add((node, RDF.type, SCHEMA.Quotation))
            g.add((node, SCHEMA.text, Literal(q.text)))
            if q.speaker in iri:
                g.add((node, SCHEMA.creator, iri[q.speaker]))
    ds.serialize(out, format="nquads")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("-o", "--out", type=Path, required=True)
    args = ap.parse_args()
    articles = read(args.paths)
    elapsed = write(articles, args.out)
    print(f"{len(articles)} articles in {elapsed:.2f} s ({len(articles) / elapsed:.0f}/s)")


if __name__ == "__main__":
    main()
