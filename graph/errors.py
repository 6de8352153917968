"""Every error message a user can see, in one place.

Messages are format strings so they stay consistent and tests can match them.
Raise :class:`WartaError` (or a subclass) with ``Errors.X.format(...)``; the
CLI turns it into a clean message and exit code.
"""

from __future__ import annotations


class WartaError(Exception):
    """An error caused by input or configuration, reported to the user as is."""


class InputError(WartaError):
    """An input file could not be read as an article."""

    def __init__(self, source: str, problem: str, line: int | None = None):
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class StoreError(WartaError):
    """The store could not be opened or written."""


class QueryError(WartaError):
    """A SPARQL query or update was rejected (syntax, limits, policy)."""


class QueryTimeout(QueryError):
    """A query ran past its time limit and was cancelled."""


class Errors:
    # reading articles (graph/readers)
    E001 = "no reader for {path!r}: unknown extension {suffix!r} (use --format; known: {known})"
    E002 = "unknown {kind} {name!r} (known: {known})"
    E003 = "the file is empty"
    E004 = "the file holds only whitespace"
    E005 = "the file looks binary ({what}), not text"
    E006 = "the file is larger than the limit of {limit} bytes (--max-bytes)"
    E007 = "invalid JSON: {error}"
    E008 = "the record has no 'text' field"
    E009 = "the record is not a JSON object"
    E010 = "the HTML holds no article text"
    E011 = "the file contains NUL bytes"
    E012 = "cannot decode the text as UTF-8, UTF-16 or cp1252"
    E013 = "the record's 'text' is empty"
    E014 = "path does not exist"
    E015 = "skipped: language {lang} (--lang {wanted})"
    E016 = "the file holds no records"
    E017 = "cannot read the file: {error}"
    E018 = "the record's {field!r} must be a string, got {type}; ignored"
    E019 = "not valid UTF-8; decoded as {encoding}, so check accented characters"
    # the store, batches and folders of input, validation (graph/store, graph/pipeline, graph/readers, graph/validate)
    E020 = "cannot open the store at {path}: {error}"
    E021 = "the store at {path} is in use by another writer ({error}); stop it or query a snapshot"
    E022 = "unknown store {spec!r} (known schemes: {known})"
    E023 = "article id {id!r} is already the id of {other} in this batch; not stored (ids must be unique: rename the file or give the record its own 'id')"
    E024 = "the JSON nests arrays or objects too deeply to parse (an article record is one flat object)"
    E025 = "not a regular file ({kind}); skipped without opening it"
    E026 = "cannot read the folder: {error}"
    E027 = "the {reader} reader failed on this file ({error}); the rest of the batch goes on"
    E028 = "skipped: not an article ({why})"
    E029 = "cannot find the SHACL shapes at {path} (install Warta from its source tree, or reinstall)"
    # queries, updates and the server (graph/store, graph/server)
    E030 = "SPARQL syntax error: {error}"
    E031 = "the query ran longer than {seconds} s and was cancelled"
    E032 = "SERVICE is not allowed on this server (start it with --allow-service)"
    E033 = "updates are not allowed on this server (start it with --allow-update and a token)"
    E035 = "unknown parameter {name!r}: the query has no variable ?{name}"
    E036 = "the server is busy: no query worker became free within {seconds} s; try again"
    E037 = "the query worker stopped (out of memory or crashed); the query was not answered"
    E038 = "the request body is larger than the limit of {limit} bytes"
    E039 = "bad SPARQL protocol request: {problem}"
    E040 = "missing or wrong bearer token (Authorization: Bearer ...)"
    E041 = "no graph {graph!r} in this store"
    E042 = "no resource {iri!r} in this store"
    E043 = "LOAD is not allowed: it makes the server fetch a URL"
    E044 = "invalid parameter ?{name}: {problem}"
    E045 = "graph views are not available ({error})"
    E046 = "only CONSTRUCT and DESCRIBE results can be drawn as a graph"
    E047 = "--allow-update needs a token: set WARTA_UPDATE_TOKEN (clients send Authorization: Bearer <token>)"
    E048 = "the Host header names a host this server does not answer for (start it with --trusted-host NAME)"
    # remote SPARQL stores (graph/store/sparql.py)
    E050 = "the SPARQL server at {url} answered HTTP {status}: {message}"
    E051 = "cannot reach the SPARQL server at {url}: {error}"
    E052 = "the SPARQL server at {url} stopped the query at its time limit and returned partial results ({message}); raise its limit (Virtuoso: MaxQueryExecutionTime) or narrow the query"
    E053 = "the SPARQL server at {url} cut a result Warta needs in full at {limit} rows (Virtuoso: ResultSetMaxRows); raise that limit"
    E054 = "invalid store configuration {source}: {error}"
    E055 = "the SPARQL store at {url} is read-only here (opened for reading, or no update endpoint configured)"
    # graph views and network analysis (graph.viz, graph.analysis)
    E060 = "no entity is named {name!r} (try part of a name, an alias, or an IRI)"
    E061 = "{name!r} names {count} entities; be more specific or give an IRI: {candidates}"
    E062 = "no chain links {a!r} and {b!r} in the graph"
    E063 = "a view query must be SELECT or CONSTRUCT/DESCRIBE, not {kind}"
    # warta import (graph/store/importing.py)
    E070 = "quad {n} ({quad}): {problem}"
    E071 = "syntax error: {error}"
    E072 = "cannot read past quad {n}: {error}"
    E073 = "a triple in the default graph; Warta's default graph is the union of the named graphs, so every quad needs a graph name (wrap it in GRAPH <...> {{ }} in TriG, or add a graph IRI to each N-Quads line)"
    E074 = "a blank node as graph name; name the graph with an IRI"
    E075 = "an RDF 1.2 triple term (<<( ... )>>); Warta stores plain RDF triples only"
    E076 = "cannot import {path}: {error}; nothing was imported"
    # the server's jobs and updates (graph/server)
    E077 = "the query cannot be evaluated: {error}"
    E078 = "SERVICE failed: {error}"
    E079 = "the update ran longer than {seconds} s and was cancelled; nothing was written"
    E080 = "the update stopped (out of memory or crashed); nothing was written"
    E081 = "cannot apply using-graph-uri / using-named-graph-uri: {problem}"
    E082 = "cannot parse the {media} body: {error}"
    E083 = "internal error (the server log has the details); the request was not completed"
    E084 = (
        "a quad in the statistics graph <{graph}>; it is derived from the article graphs and rebuilt on import, so leave it out"
    )
    E085 = "the statistics graph <{graph}> is derived from the article graphs and written by Warta only"
    # language and text checks (graph/readers)
    E090 = "the article is in {lang}, not Indonesian: its title, date, publisher and text are stored, but persons, organisations, quotes and meetings are read from Indonesian only; use --lang id to skip such articles"
    E091 = "the text is too short or too mixed to tell its language; assumed Indonesian"
    E092 = "no article text is left after removing titles and boilerplate"
    E093 = "the text was double-encoded (mojibake such as 'Ã©' for 'é' or '‚Äú' for '“'); repaired, check how it was saved"
    # statistical entities (graph.extract.ner)
    E100 = "the NER model is missing at {path}: rebuild it with `make model` (see graph/extract/ner/MODEL_CARD.md) or reinstall Warta"
    # SPARQL protocol requests, each the {problem} of E039 (graph/server/protocol.py, routes_sparql.py)
    E110 = "{name} is not an absolute IRI: {value!r}"
    E111 = "more than one {name!r} parameter"
    E112 = "the body is not UTF-8 ({reason} at byte {start})"
    E113 = "the query string is not valid UTF-8"
    E114 = "the form is not valid UTF-8"
    E115 = "unsupported content type {media!r}: send application/sparql-query, application/sparql-update or a form"
    E116 = "method {method} not allowed"
    E117 = "the query is given twice (body and parameter)"
    E118 = "updates must be sent with POST"
    E119 = "a request carries either a query or an update, not both"
    E120 = "default-graph-uri and named-graph-uri apply to queries, not updates"
    E121 = "using-graph-uri and using-named-graph-uri apply to updates, not queries"
    E122 = "the query is empty"
    E123 = "give either ?default or ?graph=IRI, not both"
    E124 = "a graph addressed by its URL takes no ?graph or ?default"
    E125 = "name the graph: ?graph=IRI (absolute) or ?default"
    # the command line (graph/cli, graph/params.py)
    E130 = (
        "{path} is not a Warta export (those end in .nq or .trig, optionally .gz); rename it or give --input-format nquads|trig"
    )
    E131 = "no query file {query!r}; give a path to a .rq file, or a library query by name: {names}"
    E132 = "--from {date_from} is after --to {date_to}; swap them"
    E133 = "cannot listen on {host}:{port} ({error}); stop what uses the port or pick another with --port"
    E134 = "{value!r} is not a date as YYYY-MM-DD (e.g. 2024-03-01)"
    E135 = "--param {text!r}: expected NAME=VALUE"
    E136 = "{query} needs {needed}{described}"
    # warnings (printed, nothing stops)
    W001 = "updates are on and the server listens on {host}, beyond this machine: anyone with the token can change the store"
    W002 = "SERVICE is allowed: queries can make this server fetch any URL"
    W003 = "note: {query} is not a file here; running the shipped library query {name!r}"
