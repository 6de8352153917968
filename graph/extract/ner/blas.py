"""Run numpy's OpenBLAS on one thread while the model reads text.

The model's matrix products are small (a few hundred tokens by 64-192 columns).
OpenBLAS splits them over every core anyway, and on a busy 2-core machine the
threads mostly wait for each other: we measured 25-35% fewer words per second than
with one thread. ``OPENBLAS_NUM_THREADS`` fixes that but must be set before numpy
loads, so the model sets the thread count itself around each call and puts it back
afterwards. A user's own ``OPENBLAS_NUM_THREADS`` always wins.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

# Symbol prefixes and suffixes: numpy's wheels bundle scipy-openblas (64-bit ints),
# a distribution's numpy links the plain library.
_NAMES = (("scipy_openblas", "64_"), ("scipy_openblas", ""), ("openblas", ""), ("openblas", "64_"))


@lru_cache(maxsize=1)
def _controls():
    """The loaded OpenBLAS's ``(get, set)`` thread-count functions, or None."""
    if os.environ.get("OPENBLAS_NUM_THREADS"):
        return None
    try:
        maps = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    except OSError:  # not Linux: leave the library as it is
        return None
    paths = sorted({line.split()[-1] for line in maps.splitlines() if "openblas" in line.lower() and "/" in line})
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix, suffix in _NAMES:
            get = getattr(lib, f"{prefix}_get_num_threads{suffix}", None)
            put = getattr(lib, f"{prefix}_set_num_threads{suffix}", None)
            if get is not None and put is not None:
                get.restype = ctypes.c_int
                put.argtypes = [ctypes.c_int]
                return get, put
    return None


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """OpenBLAS on one thread inside the block (a no-op if it cannot be found)."""
    controls = _controls()
    if controls is None:
        yield
        return
    get, put = controls
    before = get()
    put(1)
    try:
        yield
    finally:
        put(before)
