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
      // A blockquote, not <q>: the passage keeps the article's own quotation marks and gets none added.
      if (item.sentence) { li.appendChild(el("blockquote", item.sentence, "warta-passage")); }
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

  var overview = data.overview || null;
  var shapes = { person: "dot", organization: "square", place: "triangle", meeting: "diamond", agreement: "star",
                 program: "hexagon", quote: "triangleDown" };
  function visNode(node) {
    var style = styles[node.kind] || { color: "#F0E442", shape: shapes[node.kind] || "dot" };
    return {
      id: node.id, label: node.label, shape: style.shape, size: node.size,
      x: node.x, y: node.y, color: { background: node.color || style.color, border: "#333333" },
      title: nodeCard(node, false),
      font: node.font_size ? { size: node.font_size } : undefined,
    };
  }
  function visEdge(edge, id) {
    var out = { id: id, from: edge.from, to: edge.to, label: edge.label, title: edge.title ? el("div", edge.title) : edgeCard(edge, false) };
    if (edge.width) { out.width = edge.width; }
    if (edge.undirected) { out.arrows = { to: { enabled: false } }; }
    return out;
  }
  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(function (edge, i) { return visEdge(edge, i); }));

  //: Font sizes of names and link labels, in graph units (pixels at scale 1).
  var NAME_FONT = 14, LINK_FONT = 10;
  var options = {
    nodes: { font: { size: NAME_FONT, face: "sans-serif", strokeWidth: 3, strokeColor: "#ffffff" }, borderWidth: 1 },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      color: { color: "#8a8a8a", highlight: "#222222" },
      // Horizontal, not along the link: readable, and its box is what labels.js keeps free.
      font: { size: LINK_FONT, face: "sans-serif", align: "horizontal", strokeWidth: 3, strokeColor: "#ffffff" },
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
    // Frame every node and label (an ego view used to zoom onto its centre and cut most neighbours off).
    arrange();
    // The frame a reader first sees laid out, named and framed (bench/overview.py times it).
    network.once("afterDrawing", function () { state.framedMs = Math.round(performance.now() - started); });
    if (data.focus !== null && data.focus !== undefined) {
      network.selectNodes([data.focus]);
      showDetails(nodeCard(byId[data.focus], true));
    }
  }
  if (large || !data.nodes.length) {
    network.once("afterDrawing", settled);
  } else {
    network.once("stabilizationIterationsDone", settled);
  }

  // --- labels and frame (labels.js): names that fit, link labels that cover nothing ------
  //: Smallest on-screen size, in pixels, at which a view names every node.
  var MIN_NAME_PX = 10;
  // A small view names every node: move nodes apart until names do not cover one another (as far
  // as names stay readable), keep the link labels that cover nothing. Null when names cannot all be
  // both apart and at least MIN_NAME_PX on screen: too many nodes to name them all.
  function labelLinks(shown, positions, width, height) {
    var visible = {};
    shown.forEach(function (n) { visible[n.id] = true; });
    var links = [];
    edges.forEach(function (e) {
      var label = edgeData[e.id] && edgeData[e.id].label;
      if (label && visible[e.from] && visible[e.to]) { links.push({ id: e.id, from: e.from, to: e.to, label: label }); }
    });
    // A large view (laid out in Python, no physics) keeps its layout and every name.
    var factor = 1;
    if (!large) {
      // The scale that would fit the unmoved view, uncapped: spreading by f divides it by about f.
      var unmoved = window.wartaLabels.placeLinkLabels(shown, [], positions, width, height, NAME_FONT, LINK_FONT, Infinity);
      var most = unmoved.view.scale * NAME_FONT / MIN_NAME_PX;
      if (most < 1) { return null; }
      factor = window.wartaLabels.spread(shown, positions, NAME_FONT, most);
      if (factor === null) { return null; }  // apart enough for every name, they would be too small
    }
    if (factor > 1) {
      var c = { x: 0, y: 0 };
      shown.forEach(function (n) { c.x += positions[n.id].x / shown.length; c.y += positions[n.id].y / shown.length; });
      shown.forEach(function (n) {
        var p = positions[n.id];
        p.x = c.x + (p.x - c.x) * factor; p.y = c.y + (p.y - c.y) * factor;
        network.moveNode(n.id, p.x, p.y);
      });
    }
    state.spread = factor;
    var kept = window.wartaLabels.placeLinkLabels(shown, links, positions, width, height, NAME_FONT, LINK_FONT);
    // A blank label: vis keeps the old text when given "" or null.
    edges.update(links.map(function (e) { return { id: e.id, label: kept.shown[e.id] ? e.label : " " }; }));
    state.linkLabels = Object.keys(kept.shown).length;
    return kept.view;
  }

  function arrange() {
    var shown = nodes.get({ filter: function (n) { return !n.hidden; } }).map(function (n) { return byId[n.id]; })
      .filter(Boolean);
    if (!shown.length) { return; }
    var positions = network.getPositions(shown.map(function (n) { return n.id; }));
    var width = container.clientWidth, height = container.clientHeight;
    var view;
    var linkLabels = overview ? null : labelLinks(shown, positions, width, height);
    if (linkLabels) {
      view = linkLabels;
    } else {
      // The overview, or a view with too many nodes to name each one readably: name as many of the
      // most important as the canvas holds (groups' heads or the focus first, then the largest).
      var first = {};
      if (overview) {
        overview.communities.forEach(function (c) { if (c.size > 1) { first[c.head] = true; } });
      } else if (data.focus !== null && data.focus !== undefined) {
        first[data.focus] = true;
      }
      var candidates = shown.filter(function (n) { return n.label; }).sort(function (a, b) {
        return (first[b.id] ? 1 : 0) - (first[a.id] ? 1 : 0) || (b.size || 0) - (a.size || 0) || a.id - b.id;
      });
      var placed = window.wartaLabels.placeNames(shown, candidates, positions, width, height);
      nodes.update(candidates.map(function (n) {
        var size = placed.named[n.id];
        return size ? { id: n.id, label: n.label, font: { size: size } } : { id: n.id, label: " " };
      }));
      if (!overview) { edges.update(edges.getIds().map(function (id) { return { id: id, label: " " }; })); }
      state.named = Object.keys(placed.named).length;
      view = placed.view;
    }
    // fit() first: vis skips drawing nodes it never framed when the view only moves onto them.
    network.fit({ animation: false });
    network.moveTo({ position: view.position, scale: view.scale, animation: false });
  }

  // --- details panel ---------------------------------------------------
  var details = document.getElementById("warta-details");
  function showDetails(card) {
    while (details.childNodes.length > 1) { details.removeChild(details.lastChild); }
    details.appendChild(card);
  }
  var edgeData = {};
  data.edges.forEach(function (edge, i) { edgeData[i] = edge; });
  network.on("click", function (params) {
    if (params.nodes.length) {
      var id = params.nodes[0];
      var card = nodeCard(byId[id], true);
      if (overview) { card.appendChild(aroundList(id)); expand(id); }
      showDetails(card);
    } else if (params.edges.length) {
      var edge = edgeData[params.edges[0]];
      if (edge) { showDetails(edge.title ? tieCard(edge) : edgeCard(edge, true)); }
    }
  });

  function tieCard(edge) {
    var card = el("div", null, "warta-card");
    card.appendChild(el("h3", byId[edge.from].name + " \u2014 " + byId[edge.to].name));
    card.appendChild(el("p", edge.title));
    return card;
  }

  // The meetings, quotes, agreements... of an overview node, with their sources.
  function aroundList(id) {
    var box = el("div");
    var byKind = {};
    (overview.expand.of[id] || []).forEach(function (other) {
      var node = byId[other] || poolNodes[other];
      if (node && node.kind !== "person" && node.kind !== "organization") { (byKind[node.kind] = byKind[node.kind] || []).push(node); }
    });
    ["meeting", "agreement", "program", "quote", "place"].forEach(function (kind) {
      if (!byKind[kind]) { return; }
      box.appendChild(el("p", (styles[kind] ? styles[kind].label : kind) + "s", "warta-key"));
      var ul = el("ul", null, "warta-evidence");
      byKind[kind].forEach(function (node) {
        var li = el("li", node.name + (node.date ? " (" + node.date + ")" : ""));
        if (node.evidence.length) { li.appendChild(evidenceList(node.evidence.slice(0, 1), true)); }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    });
    return box;
  }

  // --- overview: a click adds the node's meetings, quotes, places... around it ---------
  var expanded = {};
  function expand(id) {
    var pool = overview.expand;
    var around = pool.of[id] || [];
    if (expanded[id] || !around.length) { return; }
    expanded[id] = true;
    var at = network.getPosition(id);
    var added = [];
    around.forEach(function (otherId, k) {
      if (!byId[otherId]) {
        var extra = poolNodes[otherId];
        byId[otherId] = extra;
        var angle = 2 * Math.PI * k / around.length;
        var radius = 90 + 4 * around.length;
        var node = visNode(extra);
        node.x = at.x + radius * Math.cos(angle);
        node.y = at.y + radius * Math.sin(angle);
        added.push(node);
      }
    });
    nodes.add(added);
    (poolEdgesOf[id] || []).forEach(function (k) {
      var key = "x" + k;
      if (!edges.get(key)) { edgeData[key] = pool.edges[k]; edges.add(visEdge(pool.edges[k], key)); }
    });
    state.expanded = (state.expanded || 0) + 1;
  }
  var poolNodes = {};
  var poolEdgesOf = {};
  if (overview) {
    overview.expand.nodes.forEach(function (node) { poolNodes[node.id] = node; });
    overview.expand.edges.forEach(function (edge, k) {
      [edge.from, edge.to].forEach(function (end) {
        if (overview.expand.of[end] !== undefined) { (poolEdgesOf[end] = poolEdgesOf[end] || []).push(k); }
      });
    });
  }

  // --- legend: click a kind to hide or show it ------------------------
  var legend = document.querySelector("#warta-legend ul");
  var hidden = {};
  data.legend.forEach(function (entry) {
    var li = el("li");
    var button = el("button", null, "warta-legend-item");
    button.type = "button";
    button.setAttribute("aria-pressed", "true");
    var glyph = el("span", entry.glyph, "warta-glyph");
    // In the overview colour means the group: the legend shows shapes only.
    glyph.style.color = data.overview ? "#555555" : entry.color;
    button.appendChild(glyph);
    var count = data.nodes.filter(function (n) { return n.kind === entry.kind; }).length;
    button.appendChild(el("span", entry.label + " (" + count + ")"));
    button.addEventListener("click", function () {
      hidden[entry.kind] = !hidden[entry.kind];
      button.setAttribute("aria-pressed", hidden[entry.kind] ? "false" : "true");
      nodes.update(nodes.getIds().filter(function (id) { return byId[id] && byId[id].kind === entry.kind; })
        .map(function (id) { return { id: id, hidden: !!hidden[entry.kind] }; }));
      refit();
    });
    li.appendChild(button);
    legend.appendChild(li);
  });
  // After hiding or showing some nodes, frame what is left (and, in the overview, name it anew).
  function refit() { arrange(); }
  if (overview) {
    var groups = el("section", null, "warta-communities");
    groups.appendChild(el("h2", "Groups"));
    groups.appendChild(el("p", "Coloured by who works with whom, each named by its most central member; click one to show only it.", "warta-hint"));
    var list = el("ul");
    var only = null;
    overview.communities.filter(function (c) { return c.size > 1; }).slice(0, 12).forEach(function (c) {
      var li = el("li");
      var button = el("button", null, "warta-legend-item");
      button.type = "button";
      var glyph = el("span", "\u25cf", "warta-glyph");
      glyph.style.color = c.color;
      button.appendChild(glyph);
      button.appendChild(el("span", c.name + " (" + c.size + ")"));
      button.addEventListener("click", function () {
        only = only === c.id ? null : c.id;
        nodes.update(data.nodes.map(function (n) {
          return { id: n.id, hidden: (only !== null && n.community !== only) || !!hidden[n.kind] };
        }));
        refit();
      });
      li.appendChild(button);
      list.appendChild(li);
    });
    groups.appendChild(list);
    legend.parentNode.parentNode.insertBefore(groups, legend.parentNode.nextSibling);
    legend.parentNode.appendChild(el("p", "Size: centrality. Links: shared offices, meetings, agreements and articles; click a node to add its meetings, quotes and places.", "warta-hint"));
  } else {
    legend.parentNode.appendChild(el("p", "Links read source \u2192 relation \u2192 target; hover one for its sentence.", "warta-hint"));
  }

  document.getElementById("warta-subtitle").textContent = data.subtitle || "";
  document.getElementById("warta-footer").textContent =
    data.nodes.length + " nodes, " + data.edges.length + " links" +
    (overview ? " \u00b7 " + overview.isolated + " officials and agencies linked to no other left out" +
      (overview.dropped ? ", " + overview.dropped + " more not linked within the top ones" : "") : "") +
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
