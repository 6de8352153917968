"""Graph views in Debian's chromium, headless: drawn, searchable, offline, and inert to XSS."""

from __future__ import annotations

from pathlib import Path

import pytest
from graph_data import XSS_NAME, populate
from viz_browser import ARTIFACTS, Watched

from graph.viz import write_view

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def view(browser, memory_store, tmp_path):
    populate(memory_store)
    path = write_view(memory_store, tmp_path / "view.html", types="all")  # every node, not the overview
    watched = Watched(browser)
    watched.open(path)
    yield watched
    watched.page.close()


def test_canvas_draws_the_network(view):
    painted = view.page.evaluate("""() => {
        const canvas = document.querySelector('#warta-network canvas');
        const ctx = canvas.getContext('2d');
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let coloured = 0;
        for (let i = 0; i < pixels.length; i += 4) { if (pixels[i + 3] > 0 && pixels[i] < 200) coloured++; }
        return coloured;
    }""")
    assert painted > 500
    assert view.page.evaluate("window.wartaView.nodes.length") == 15


def test_search_focuses_the_node_named_by_part_of_a_name_or_alias(view):
    for text, expected in [
        ("masduki", "Teten Masduki"),
        ("kemenkop", "Kementerian Koperasi"),
        ("ZÜLKIFLI hasan", XSS_NAME),
        ("rudi", "Rudi Hartono"),
    ]:
        view.page.fill("#warta-search-input", text)
        view.page.press("#warta-search-input", "Enter")
        selected = view.page.evaluate("window.wartaView.network.getSelectedNodes()")
        names = [view.page.evaluate(f"window.wartaView.data.nodes[{i}].name") for i in selected]
        assert names == [expected], text
        assert expected in view.page.inner_text("#warta-details")


def test_typing_alone_finds_and_focuses(view):
    view.page.type("#warta-search-input", "andi")
    view.page.wait_for_function("() => window.wartaView.network.getSelectedNodes().length === 1")
    assert "1 found" in view.page.inner_text("#warta-search-status")


def test_no_console_errors_and_no_request_leaves_the_machine(view):
    view.page.fill("#warta-search-input", "teten")
    view.page.press("#warta-search-input", "Enter")
    assert view.errors == []
    assert view.external_requests() == []


def test_xss_in_a_headline_and_a_name_stays_inert(view):
    page = view.page
    # Hover the node whose name is an XSS attempt (tooltip), then click it (details panel).
    node = page.evaluate(f"window.wartaView.data.nodes.findIndex(n => n.name === {XSS_NAME!r})")
    page.evaluate(f"window.wartaView.focus({node}, false)")
    box = page.locator("#warta-network canvas").bounding_box()
    point = page.evaluate(f"""() => {{
        const net = window.wartaView.network;
        return net.canvasToDOM(net.getPositions([{node}])[{node}]);
    }}""")
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert XSS_NAME in page.inner_text("div.vis-tooltip")
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    # The Kaltim Pos headline, an XSS attempt, is shown as a source of Andi Harun.
    page.fill("#warta-search-input", "andi harun")
    page.press("#warta-search-input", "Enter")
    assert '<script>alert("title")</script>' in page.inner_text("#warta-details")
    link = page.locator("#warta-details a").first
    assert link.get_attribute("href") == "https://kaltimpos.example/a1"
    assert view.dialogs == []
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert view.errors == []


def test_legend_lists_kinds_and_toggles_them(view):
    legend = view.page.inner_text("#warta-legend")
    for kind in ("person (4)", "organization (4)", "meeting (2)", "agreement (1)", "programme (1)", "quote (1)"):
        assert kind in legend
    view.page.click("text=person (4)")
    hidden = view.page.evaluate("window.wartaView.nodes.get().filter(n => n.hidden).length")
    assert hidden == 4


@pytest.mark.slow
def test_a_5000_node_view_stays_responsive(browser, tmp_path):
    from viz_browser import measure

    figures = measure(browser, tmp_path, 5000)
    assert figures["physics"] is False
    assert figures["errors"] == []
    assert figures["ready_s"] < 60
    assert figures["zoom_frame_ms"] < 1000  # a zoom step redraws within a second on two cores
    assert figures["search_ms"] < 500


def test_overview_click_adds_neighbours_and_groups_refit(browser, memory_store, tmp_path):
    populate(memory_store)
    watched = Watched(browser)
    try:
        watched.open(write_view(memory_store, tmp_path / "overview.html"))
        before = watched.page.evaluate("window.wartaView.nodes.length")
        data = watched.page.evaluate("window.wartaView.data")
        hub = max(
            (n for n in data["nodes"] if data["overview"]["expand"]["of"].get(str(n["id"]))),
            key=lambda n: len(data["overview"]["expand"]["of"][str(n["id"])]),
        )
        pos = watched.page.evaluate(f"window.wartaView.network.canvasToDOM(window.wartaView.network.getPosition({hub['id']}))")
        box = watched.page.locator("#warta-network").bounding_box()
        watched.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
        watched.page.wait_for_function(f"() => window.wartaView.nodes.length > {before}")
        assert hub["name"] in watched.page.inner_text("#warta-details")
        watched.page.locator(".warta-communities button").first.click()
        hidden = watched.page.evaluate("window.wartaView.nodes.get({filter: n => n.hidden}).length")
        assert hidden >= 0 and watched.errors == []
    finally:
        watched.page.close()


QUOTE_OVER_TWO_SENTENCES = (
    "SAMARINDA - Gubernur Kalimantan Timur Arifin Noorsyam meninjau jalan poros Berau, Kamis (6/4/2023).\n"
    "“Jalan ini urat nadi ekonomi warga pesisir. Hasil kebun harus bisa keluar tanpa menunggu musim kering,” "
    "ujar Arifin.\n"
)


def test_a_quote_shows_its_whole_passage_once_quoted(browser, memory_store, tmp_path):
    from graph.article import Article
    from graph.pipeline import ingest

    article = Article(id="kunker-berau", text=QUOTE_OVER_TWO_SENTENCES, title="Kunker", date="2023-04-06")
    ingest([article], memory_store, extractor="rules")
    watched = Watched(browser)
    watched.open(write_view(memory_store, tmp_path / "ego.html", entity="Arifin Noorsyam", hops=1))
    page = watched.page
    said = page.evaluate("() => window.wartaView.data.edges.findIndex(e => e.label === 'said')")
    page.evaluate(f"() => window.wartaView.network.emit('click', {{nodes: [], edges: [{said}]}})")
    passage = page.locator("#warta-details .warta-evidence .warta-passage").first
    # Both sentences of the quote, with the article's own marks and none added by the page.
    assert passage.inner_text().startswith("“Jalan ini urat nadi ekonomi warga pesisir. Hasil kebun")
    assert passage.evaluate("q => getComputedStyle(q, '::before').content") in ("none", "normal", '""')
    page.screenshot(path=str(ARTIFACTS / "warta-quote-passage.png"))
    assert watched.errors == []
    page.close()


# On-screen boxes of the names a view draws: position, node size and font in pixels, text width measured
# by the page's own canvas, the name centred under its node as vis-network draws it.
NAME_BOXES = """
() => {
  const view = window.wartaView, net = view.network, scale = net.getScale();
  const ctx = document.createElement('canvas').getContext('2d');
  return view.nodes.get().filter(n => !n.hidden && (n.label || '').trim()).map(n => {
    const font = ((n.font && n.font.size) || 14) * scale;
    ctx.font = font + 'px sans-serif';
    const width = ctx.measureText(n.label).width;
    const at = net.canvasToDOM(net.getPosition(n.id));
    const top = at.y + (n.size || 10) * scale;
    return {id: n.id, font: font, left: at.x - width / 2, right: at.x + width / 2, top: top, bottom: top + font};
  });
}
"""


def _overlapping(boxes: list[dict]) -> list[tuple]:
    return [
        (a["id"], b["id"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
    ]


@pytest.fixture(scope="module")
def examples_store():
    from graph.pipeline import ingest
    from graph.readers import read_paths
    from graph.store import open_store

    store = open_store("memory:")
    ingest(read_paths([str(ROOT / "examples")]), store)  # the shipped extractor, as `warta ingest` runs it
    yield store
    store.close()


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (800, 600)])
def test_overview_names_scale_with_nodes_and_canvas_fit_and_never_overlap(browser, examples_store, tmp_path, width, height):
    path = write_view(examples_store, tmp_path / "overview.html")
    watched = Watched(browser)
    watched.page.set_viewport_size({"width": width, "height": height})
    watched.open(path)
    page = watched.page
    drawn = page.evaluate("window.wartaView.nodes.length")
    boxes = page.evaluate(NAME_BOXES)
    canvas = page.locator("#warta-network").bounding_box()
    assert 3 <= len(boxes) <= -(-drawn // 4), (len(boxes), drawn)  # about one name per four nodes at most
    assert len(boxes) <= width * height // (190 * 70)
    # Read, not shout: 12-17 px by design; a crowded small canvas may shrink a name a little below.
    assert all(10 <= b["font"] <= 18 for b in boxes), [round(b["font"], 1) for b in boxes]
    assert _overlapping(boxes) == []
    outside = [
        b for b in boxes if b["left"] < 0 or b["right"] > canvas["width"] or b["top"] < 0 or b["bottom"] > canvas["height"]
    ]
    assert outside == []  # no name runs off the canvas
    # Every node is drawn: (nearly) every node's centre has the node's own fill colour on the canvas.
    undrawn = page.evaluate("""async () => {
      await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));  // the last frame drawn
      const net = window.wartaView.network, canvas = document.querySelector('#warta-network canvas');
      const ctx = canvas.getContext('2d'), ratio = canvas.width / canvas.clientWidth;
      const r = net.getScale() / 2;
      return window.wartaView.nodes.get().filter(n => {
        const at = net.canvasToDOM(net.getPosition(n.id));
        const fill = n.color.background.match(/[0-9a-f]{2}/gi).map(h => parseInt(h, 16));
        // The centre and four points half-way out: a name or an edge may cross some of them, not all.
        return [[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1]].every(([dx, dy]) => {
          const x = (at.x + dx * n.size * r) * ratio, y = (at.y + dy * n.size * r) * ratio;
          const pixel = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
          return pixel[3] < 200 || fill.some((c, i) => Math.abs(c - pixel[i]) > 40);
        });
      }).map(n => n.id);
    }""")
    # A few may sit under a larger node of another group (more of them on a small canvas, and the
    # layout's physics does not settle the same way twice); the bug this guards against left a
    # whole group of 10 undrawn, which a tenth of the nodes still catches.
    assert len(undrawn) <= drawn // 10, f"{len(undrawn)} of {drawn} nodes not drawn: {undrawn}"
    page.screenshot(path=str(ARTIFACTS / f"warta-overview-{width}x{height}.png"))
    assert watched.errors == []
    page.close()


def test_ego_view_link_labels_cover_no_name_and_names_do_not_overlap(browser, examples_store, tmp_path):
    watched = Watched(browser)
    watched.open(write_view(examples_store, tmp_path / "ego.html", entity="Pemerintah Provinsi Kalimantan Timur", hops=1))
    page = watched.page
    names = page.evaluate(NAME_BOXES)
    assert _overlapping(names) == []
    links = page.evaluate("""() => {
      const view = window.wartaView, net = view.network, scale = net.getScale();
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = 10 * scale + 'px sans-serif';
      return view.edges.get().filter(e => (e.label || '').trim()).map(e => {
        const a = net.canvasToDOM(net.getPosition(e.from)), b = net.canvasToDOM(net.getPosition(e.to));
        const x = (a.x + b.x) / 2, y = (a.y + b.y) / 2, half = ctx.measureText(e.label).width / 2;
        return {id: 'e' + e.id, left: x - half, right: x + half, top: y - 5 * scale, bottom: y + 5 * scale};
      });
    }""")
    hidden = page.evaluate("window.wartaView.data.edges.filter(e => e.label).length") - len(links)
    assert links, "some link labels are drawn"
    assert [pair for pair in _overlapping(names + links) if str(pair[0]).startswith("e") or str(pair[1]).startswith("e")] == []
    canvas = page.locator("#warta-network").bounding_box()
    assert all(0 <= b["left"] and b["right"] <= canvas["width"] for b in names)  # framed with its names
    page.screenshot(path=str(ARTIFACTS / "warta-ego-labels.png"))
    assert watched.errors == [] and hidden >= 0
    page.close()


@pytest.mark.parametrize("hops", [2, 3])
def test_every_name_an_ego_view_draws_is_readable_and_alone(browser, examples_store, tmp_path, hops):
    watched = Watched(browser)
    watched.open(write_view(examples_store, tmp_path / "ego.html", entity="Arifin Noorsyam", hops=hops))
    page = watched.page
    names = page.evaluate(NAME_BOXES)
    drawn = page.evaluate("window.wartaView.nodes.length")
    assert names and all(b["font"] >= 9.5 for b in names), (drawn, [round(b["font"], 1) for b in names])
    assert _overlapping(names) == []
    focus = page.evaluate("window.wartaView.data.focus")
    assert focus in {b["id"] for b in names}  # the centre is always named
    page.screenshot(path=str(ARTIFACTS / f"warta-ego-{hops}-hops.png"))
    assert watched.errors == []
    page.close()
