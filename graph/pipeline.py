"""Ingestion: read → extract → model → store, one article at a time, written in batches.

Extraction and modelling are pure functions of an article (``process_article``),
so they can run in this process, a process pool or a Dask cluster behind the
same ``executor`` interface (an ``imap``-like callable); one writer commits
each batch in a single transaction, so an article is either stored whole or
not at all.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

from rdflib import URIRef

from .article import Article
from .candidates import PersonIndex
from .errors import Errors, InputError, WartaError
from .extract import DEFAULT_EXTRACTOR, get_extractor
from .extract.types import Extraction
from .model import DEFAULT_BASE_IRI, GraphBuilder, content_hash
from .model.build import candidate_triples
from .model.iris import IriMinter
from .model.ntriples import to_ntriples
from .store import Store

Executor = Callable[[Callable, Iterable], Iterator]


@dataclass
class ProcessedArticle:
    """One article's graph, ready to write, as plain data that pickles cheaply."""

    article_id: str
    source: str | None
    graph_iri: str
    ntriples: str
    entity_iris: list[str]
    persons: list[tuple[str, str]] = field(default_factory=list)  # (IRI, canonical name)


@dataclass
class IngestReport:
    """What an ingest did, for the summary line and for scripts."""

    articles: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    quads_added: int = 0
    quads_removed: int = 0
    entities_new: int = 0
    entities_merged: int = 0  # stored before this run, named again by its articles
    entities_shared: int = 0  # named by two or more articles of this run
    candidate_matches: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


_EXTRACTORS: dict[str, object] = {}


def _extractor(name: str):
    # One extractor per process: building matchers and gazetteers is the costly part.
    if name not in _EXTRACTORS:
        _EXTRACTORS[name] = get_extractor(name)
    return _EXTRACTORS[name]


def process_article(article: Article, *, base_iri: str, extractor: str) -> ProcessedArticle | InputError:
    """The pure, parallelisable part of ingestion. Errors come back as values."""
    try:
        extraction = _extractor(extractor).extract(article)
        return processed_article(article, extraction, GraphBuilder(base_iri, extractor))
    except Exception as error:  # an extractor bug must not stop the batch; report it per file
        return InputError(article.source or article.id, f"extraction failed: {type(error).__name__}: {error}")


def processed_article(article: Article, extraction: Extraction, builder: GraphBuilder) -> ProcessedArticle:
    """An article's graph and entity IRIs as the writer takes them, from any extraction (benchmarks pass true ones)."""
    graph_iri, triples = builder.build_triples(article, extraction)
    entity_iris = {e.key: str(builder.entity_iri(e)) for e in extraction.entities}
    return ProcessedArticle(
        article_id=article.id,
        source=article.source,
        graph_iri=str(graph_iri),
        ntriples=to_ntriples(triples),
        entity_iris=sorted(set(entity_iris.values())),
        persons=[(entity_iris[e.key], e.name) for e in extraction.entities if e.kind == "person"],
    )


def ingest(
    items: Iterable[Article | InputError],
    store: Store,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    extractor: str = DEFAULT_EXTRACTOR,
    batch_size: int = 64,
    executor: Executor = map,
    on_progress: Callable[[IngestReport], None] | None = None,
    force: bool = False,
) -> IngestReport:
    """Ingest articles (and reader errors, which are counted, not raised) into ``store``.

    Args:
        items: what the readers yielded.
        store: where to write.
        base_iri: the base of minted IRIs.
        extractor: the registered extractor to use.
        batch_size: articles per write transaction.
        executor: an ``imap``-like callable running ``process_article`` (``map``
            in-process; a pool's ``imap`` for workers).
        on_progress: called after each article with the running report.
        force: re-extract articles whose content hash is unchanged.
    """
    report = IngestReport()
    started = time.perf_counter()
    iris = IriMinter(base_iri)
    work = partial(process_article, base_iri=base_iri, extractor=extractor)

    # id -> where it came from: a second article with a stored id would replace
    # the first one's graph without a word, so it is refused and named instead.
    seen: dict[str, str] = {}

    def pending() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                report.errors.append(str(item))
                continue
            source = item.source or item.id
            if item.id in seen:
                report.errors.append(str(InputError(source, Errors.E023.format(id=item.id, other=seen[item.id]))))
                continue
            seen[item.id] = source
            for warning in item.warnings:
                report.warnings.append(f"{source}: {warning}")
            if not force and store.graph_hash(str(iris.article(item.id))) == content_hash(item, extractor, iris.base):
                report.articles += 1
                report.unchanged += 1
                if on_progress:
                    on_progress(report)
                continue
            yield item

    people = PersonIndex(store)
    entities = _RunEntities()
    batch: list[ProcessedArticle] = []
    for result in executor(work, pending()):
        if isinstance(result, InputError):
            report.errors.append(str(result))
            continue
        batch.append(result)
        if len(batch) >= batch_size:
            _write(store, batch, report, people, entities)
            batch = []
        if on_progress:
            on_progress(report)
    if batch:
        _write(store, batch, report, people, entities)
    store.publish(force=True)
    report.seconds = time.perf_counter() - started
    return report


def _record_candidates(batch: list[ProcessedArticle], people: PersonIndex) -> int:
    """Add to each article's graph the persons stored before it that its persons may be.

    Recorded, never merged. The index holds exactly the persons of the articles
    written before this one, so a resumed ingest records what a clean run would.
    """
    recorded = 0
    for item in batch:
        extra = []
        for iri, name in item.persons:
            for other, score in people.candidates(iri, name):
                extra.extend(candidate_triples(URIRef(iri), URIRef(other), score))
                recorded += 1
        for iri, name in item.persons:
            people.add(iri, name)
        if extra:
            item.ntriples += to_ntriples(extra)
    return recorded


class _RunEntities:
    """The entities this run has written, so each counts once (new or merged) and sharing shows.

    Without it, entities that articles of one batch share counted as new once and
    never as shared, and those of an earlier batch counted as "merged with stored ones".
    """

    def __init__(self) -> None:
        self.articles: dict[str, int] = {}  # IRI -> articles of this run naming it

    def count(self, batch: list[ProcessedArticle], known: set[str], report: IngestReport) -> None:
        for item in batch:
            for iri in set(item.entity_iris):
                seen = self.articles.get(iri, 0)
                if seen == 0:
                    if iri in known:
                        report.entities_merged += 1
                    else:
                        report.entities_new += 1
                elif seen == 1:
                    report.entities_shared += 1
                self.articles[iri] = seen + 1


def _write(
    store: Store, batch: list[ProcessedArticle], report: IngestReport, people: PersonIndex, entities: _RunEntities
) -> None:
    entity_iris = sorted({iri for item in batch for iri in item.entity_iris})
    known = store.existing_subjects(entity_iris)
    report.candidate_matches += _record_candidates(batch, people)
    try:
        stats = store.write_ntriples([(item.graph_iri, item.ntriples) for item in batch])
    except WartaError as error:
        report.errors.extend(f"{item.source or item.article_id}: not stored: {error}" for item in batch)
        return
    report.articles += len(batch)
    report.new += stats.new
    report.replaced += stats.replaced
    report.unchanged += stats.unchanged
    report.quads_added += stats.quads_added
    report.quads_removed += stats.quads_removed
    entities.count(batch, set(known), report)
    store.publish()
