"""The second wall against SERVICE: query workers without a network.

The first wall (:mod:`graph.server.guard`) refuses queries whose parse tree
calls another endpoint. Should a spelling ever slip past the parser, the
engine still cannot reach anything: each query worker moves itself into a new,
empty Linux network namespace before it opens the store, so every connection
it tries fails with "network is unreachable" — loopback included, so no port
of this machine can be probed either.

``unshare(CLONE_NEWNET)`` needs ``CAP_SYS_ADMIN`` (root, most containers run
as root); an unprivileged user gets the same through a new user namespace
(``CLONE_NEWUSER | CLONE_NEWNET``), which Debian and most distributions allow.
Both need a single-threaded process, which a freshly forked worker is. Where
neither works (another OS, user namespaces disabled) the worker says so in the
server log and the parser is the only wall. With ``--allow-service`` workers
keep the network.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys

log = logging.getLogger("warta.server")

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000

#: Whether this process was cut off from the network (read by the ``network_cut`` job).
CUT = False


def cut_network() -> bool:
    """Move this process into an empty network namespace; True when that worked."""
    global CUT
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    except OSError:
        return False
    for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET):
        if libc.unshare(flags) == 0:
            CUT = True
            return True
    log.warning(
        "query worker %s could not leave the network (%s): SERVICE is refused by the parser only",
        os.getpid(),
        os.strerror(ctypes.get_errno()),
    )
    return False


def network_cut(context) -> bool:
    """A job: True when the worker that runs it has no network."""
    return CUT
