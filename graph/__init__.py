"""Warta: knowledge graphs from Indonesian government news.

The package is a one-way pipeline of small stages, each taking plain data and
giving plain data:

    readers  -> Article
    extract  -> Extraction (entities, offices, events, quotes, with offsets)
    resolve  -> Extraction with canonical names and cross-article keys
    model    -> rdflib.Graph per article (the only stage that knows RDF terms)
    store    -> a backend behind one interface (the only stage that knows it)

and the CLI, web server, visualisation and analysis sit on top.
"""

__version__ = "0.1.0"
