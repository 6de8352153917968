"""The rdflib baseline: load an N-Quads export into rdflib's memory store and run the queries once.

Run by bench/run.py in a subprocess it can kill; prints one JSON line per
finished query so a timeout still leaves the finished ones.
"""

from __future__ import annotations

import json
import sys
import time

from rdflib import Dataset


def main(spec_path: str) -> None:
    with open(spec_path, encoding="utf-8") as handle:
        spec = json.load(handle)
    started = time.perf_counter()
    dataset = Dataset(default_union=True)  # the set union of the article graphs, like Warta's default graph
    dataset.parse(spec["nquads"], format="nquads")
    print(json.dumps({"name": "_load_s", "seconds": time.perf_counter() - started}), flush=True)
    # The co-attendance join is by far rdflib's slowest: last, so a timeout still leaves the others.
    for name, text in sorted(spec["queries"].items(), key=lambda item: item[0].startswith("c_")):
        started = time.perf_counter()
        rows = len(list(dataset.query(text)))
        print(json.dumps({"name": name, "ms": (time.perf_counter() - started) * 1000, "rows": rows}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
