"""Interactive graph views: self-contained HTML pages drawn with vis-network.

The public functions the CLI (``warta viz``) and the web server call:
:func:`render_view` (part of a store's entity graph), :func:`render_triples`
(CONSTRUCT results) and :func:`write_view` (a view to a file). See docs/viz.md.
"""

from __future__ import annotations

from .overview import render_overview
from .page import message_page
from .views import render_resource, render_triples, render_view, write_view

__all__ = ["message_page", "render_overview", "render_resource", "render_triples", "render_view", "write_view"]
