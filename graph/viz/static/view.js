/* Warta graph view: draws the data embedded in #warta-data with vis-network.
 *
 * Every piece of text from the graph (names, headlines, sentences) is put on the
 * page with textContent or as vis-network canvas labels, never as HTML, so a
 * headline holding <script> or "><img onerror=...> stays text.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("warta-data").textContent);
  var styles = {};
  data.legend.forEach(function (entry) { styles[entry.kind] = entry; });
  var started = performance.now();
  var state = { ready: false, firstDrawMs: null, stabilizedMs: null };

  // Case-, accent- and punctuation-insensitive, like graph.resolve.fold on the Python side.
  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  // Only web addresses become links: a javascript: or data: URL in the data must not.
  function safeHref(url) {
    return /^https?:\/\//i.test(String(url || "")) ? String(url) : null;
  }

  function field(parent, label, value) {
    if (value === undefined || value === null || value === "" || (value.join && !value.length)) { return; }
    var row = el("p", null, "warta-field");
    row.appendChild(el("span", label + ": ", "warta-key"));
    row.appendChild(el("span", value.join ? value.join("; ") : value));
    parent.appendChild(row);
  }

  function evidenceList(items, withLinks) {
    var list = el("ul", null, "warta-evidence");
    items.forEach(function (item) {
      var li = el("li");
      if (item.sentence) { li.appendChild(el("q", item.sentence)); }
      var source = el("span", null, "warta-source");
      var href = safeHref(item.url);
      var name = item.title || item.identifier || item.url || item.article;
      if (withLinks && href) {
        var a = el("a", name);
        a.href = href;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        source.appendChild(a);
      } else {
        source.appendChild(el("cite", name));
      }
      var meta = [item.publisher, item.date].filter(Boolean).join(", ");
      if (meta) { source.appendChild(el("span", " (" + meta + ")")); }
      li.appendChild(source);
      list.appendChild(li);
    });
    return list;
  }

  function kindLabel(node) {
    var style = styles[node.kind];
    var label = style ? style.label : node.kind;
    return node.government ? "government " + label : label;
  }

  function nodeCard(node, full) {
    var card = el("div", null, "warta-card");
    card.appendChild(el("h3", node.name));
    field(card, "type", kindLabel(node));
    field(card, "also called", node.aliases);
    field(card, "offices", node.offices);
    field(card, "date", node.date);
    field(card, "articles", node.mentions || "");
    field(card, "links", node.links);
    node.properties.forEach(function (pair) { field(card, pair[0], pair[1]); });
    if (full) { field(card, "IRI", node.iri); }
    if (node.evidence.length) {
      card.appendChild(el("p", "Sources", "warta-key"));
      card.appendChild(evidenceList(full ? node.evidence : node.evidence.slice(0, 2), full));
    }
    return card;
  }

  function edgeCard(edge, full) {
    var card = el("div", null, "warta-card");
    card.appendChild(el("h3", byId[edge.from].name + " \u2192 " + edge.label + " \u2192 " + byId[edge.to].name));
    if (edge.evidence.length) {
      card.appendChild(el("p", "Why this link", "warta-key"));
      card.appendChild(evidenceList(full ? edge.evidence : edge.evidence.slice(0, 2), full));
    }
    return card;
  }

  var byId = {};
  data.nodes.forEach(function (node) { byId[node.id] = node; });
  var large = !data.physics;

  var nodes = new vis.DataSet(data.nodes.map(function (node) {
    var style = styles[node.kind] || { color: "#F0E442", shape: "dot" };
    return {
      id: node.id, label: node.label, shape: style.shape, size: node.size,
      x: node.x, y: node.y, color: { background: style.color, border: "#333333" },
      title: nodeCard(node, false),
    };
  }));
  var edges = new vis.DataSet(data.edges.map(function (edge, i) {
    return { id: i, from: edge.from, to: edge.to, label: edge.label, title: edgeCard(edge, false) };
  }));

  var options = {
    nodes: { font: { size: 14, face: "sans-serif", strokeWidth: 3, strokeColor: "#ffffff" }, borderWidth: 1 },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      color: { color: "#8a8a8a", highlight: "#222222" },
      font: { size: 10, face: "sans-serif", align: "middle", strokeWidth: 3, strokeColor: "#ffffff" },
      smooth: large ? false : { type: "continuous" },
    },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: large, hideEdgesOnZoom: large },
    layout: { randomSeed: 7, improvedLayout: false },
    physics: large ? false : {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.3 },
      stabilization: { enabled: true, iterations: data.stabilization, updateInterval: 50, fit: true },
    },
  };

  var container = document.getElementById("warta-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  network.once("afterDrawing", function () {
    state.firstDrawMs = Math.round(performance.now() - started);
  });
  function settled() {
    state.stabilizedMs = Math.round(performance.now() - started);
    state.ready = true;
    // Physics only settles a small view; left running it would spin the CPU forever.
    network.setOptions({ physics: false });
    if (data.focus !== null && data.focus !== undefined) { focusNode(data.focus, false); }
  }
  if (large || !data.nodes.length) {
    network.once("afterDrawing", settled);
  } else {
    network.once("stabilizationIterationsDone", settled);
  }

  // --- details panel ---------------------------------------------------
  var details = document.getElementById("warta-details");
  function showDetails(card) {
    while (details.childNodes.length > 1) { details.removeChild(details.lastChild); }
    details.appendChild(card);
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showDetails(nodeCard(byId[params.nodes[0]], true)); }
    else if (params.edges.length) { showDetails(edgeCard(data.edges[params.edges[0]], true)); }
  });

  // --- legend: click a kind to hide or show it ------------------------
  var legend = document.querySelector("#warta-legend ul");
  var hidden = {};
  data.legend.forEach(function (entry) {
    var li = el("li");
    var button = el("button", null, "warta-legend-item");
    button.type = "button";
    button.setAttribute("aria-pressed", "true");
    var glyph = el("span", entry.glyph, "warta-glyph");
    glyph.style.color = entry.color;
    button.appendChild(glyph);
    var count = data.nodes.filter(function (n) { return n.kind === entry.kind; }).length;
    button.appendChild(el("span", entry.label + " (" + count + ")"));
    button.addEventListener("click", function () {
      hidden[entry.kind] = !hidden[entry.kind];
      button.setAttribute("aria-pressed", hidden[entry.kind] ? "false" : "true");
      nodes.update(data.nodes.filter(function (n) { return n.kind === entry.kind; })
        .map(function (n) { return { id: n.id, hidden: !!hidden[entry.kind] }; }));
    });
    li.appendChild(button);
    legend.appendChild(li);
  });
  var relations = el("p", "Links read source \u2192 relation \u2192 target; hover one for its sentence.", "warta-hint");
  legend.parentNode.appendChild(relations);

  document.getElementById("warta-subtitle").textContent = data.subtitle || "";
  document.getElementById("warta-footer").textContent =
    data.nodes.length + " nodes, " + data.edges.length + " links" +
    (large ? " \u00b7 laid out in advance, physics off" : "") +
    " \u00b7 made by Warta";
  if (!data.nodes.length) {
    container.appendChild(el("p", "Nothing to draw: no entity matches this view.", "warta-empty"));
  }

  // --- search ------------------------------------------------------------
  var index = data.nodes.map(function (node) {
    return { id: node.id, forms: [fold(node.name)].concat(node.aliases.map(fold)) };
  });

  // Best first: a whole name or alias, then one starting with the text, then any containing it;
  // among equals, the node with more links.
  function search(text) {
    var wanted = fold(text);
    if (!wanted) { return []; }
    var hits = [];
    index.forEach(function (entry) {
      var rank = 9;
      entry.forms.forEach(function (form) {
        if (form === wanted) { rank = Math.min(rank, 0); }
        else if (form.indexOf(wanted) === 0) { rank = Math.min(rank, 1); }
        else if ((" " + form).indexOf(" " + wanted) >= 0) { rank = Math.min(rank, 2); }
        else if (form.indexOf(wanted) >= 0) { rank = Math.min(rank, 3); }
      });
      if (rank < 9) { hits.push({ id: entry.id, rank: rank }); }
    });
    hits.sort(function (a, b) { return a.rank - b.rank || byId[b.id].links - byId[a.id].links || a.id - b.id; });
    return hits.map(function (hit) { return hit.id; });
  }

  function focusNode(id, animate) {
    if (byId[id] === undefined) { return; }
    if (hidden[byId[id].kind]) { nodes.update({ id: id, hidden: false }); }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: animate && !large ? { duration: 300 } : false });
    showDetails(nodeCard(byId[id], true));
  }

  var input = document.getElementById("warta-search-input");
  var status = document.getElementById("warta-search-status");
  var results = document.getElementById("warta-search-results");
  var timer = null;

  function runSearch(focusFirst) {
    var ids = search(input.value);
    while (results.firstChild) { results.removeChild(results.firstChild); }
    status.textContent = input.value.trim() ? (ids.length ? ids.length + " found" : "no match") : "";
    ids.slice(0, 8).forEach(function (id) {
      var li = el("li");
      var button = el("button", byId[id].name, "warta-result");
      button.type = "button";
      button.appendChild(el("span", " " + kindLabel(byId[id]), "warta-result-kind"));
      button.addEventListener("click", function () { focusNode(id, true); });
      li.appendChild(button);
      results.appendChild(li);
    });
    if (focusFirst && ids.length) { focusNode(ids[0], true); }
    return ids;
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { runSearch(true); }, 200);
  });
  document.getElementById("warta-search").addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    runSearch(true);
  });

  // For tests and measurements (tests/test_viz_browser.py, docs/viz.md).
  window.wartaView = {
    network: network, nodes: nodes, edges: edges, data: data, state: state,
    search: search, focus: focusNode, fold: fold,
  };
})();
