/* Labels that read: which names and link labels a view draws, at what size, and a frame that holds them.
 *
 * Pure geometry over vis-network positions (graph units) and the canvas size (pixels):
 * - the overview names as many of its most central nodes as the canvas has room for, at a
 *   size that is readable on screen once the whole network is framed, skipping a name
 *   that would cover another name;
 * - other views keep every node's name and drop a link's label where it would cover a
 *   node, a name or another link's label (the tooltip still has it);
 * - the frame is fitted to every drawn node and label, so no name runs off the canvas.
 * Collisions are looked up in a grid of cells, so each check is local, not a scan of all boxes.
 */
(function () {
  "use strict";

  //: On-screen size of node names in the overview: the least central named node, the most central.
  var NAME_PX = [12, 17];
  //: Canvas pixels each name of the overview needs around it (about 190 x 70): the label budget.
  var PX_PER_NAME = 190 * 70;
  //: At most one name for this many nodes drawn, so a small network is not covered in text.
  var NODES_PER_NAME = 4;
  //: Margin kept around the framed drawing, in pixels.
  var MARGIN_PX = 12;

  function Grid(cell) {
    this.cell = cell;
    this.cells = new Map();
  }
  Grid.prototype.each = function (box, visit) {
    var c = this.cell;
    for (var i = Math.floor(box.left / c); i <= Math.floor(box.right / c); i++) {
      for (var j = Math.floor(box.top / c); j <= Math.floor(box.bottom / c); j++) {
        if (visit(i + ":" + j) === false) { return false; }
      }
    }
    return true;
  };
  Grid.prototype.hits = function (box) {
    var cells = this.cells;
    return !this.each(box, function (key) {
      var inside = cells.get(key) || [];
      for (var k = 0; k < inside.length; k++) {
        var b = inside[k];
        if (b.owner !== box.owner && b.left < box.right && box.left < b.right && b.top < box.bottom && box.top < b.bottom) {
          return false;
        }
      }
      return true;
    });
  };
  Grid.prototype.add = function (box) {
    var cells = this.cells;
    this.each(box, function (key) {
      if (!cells.has(key)) { cells.set(key, []); }
      cells.get(key).push(box);
    });
  };

  var measure = document.createElement("canvas").getContext("2d");
  function textWidth(text, size) {
    measure.font = size + "px sans-serif";
    return measure.measureText(text).width;
  }

  // vis draws a name centred under the node (dot, square, triangle... shapes) and a link's
  // label centred on the middle of the link.
  function nameBox(at, node, label, size, owner) {
    var half = textWidth(label, size) / 2 + size * 0.2;
    var top = at.y + (node.size || 10) + size * 0.2;
    return { left: at.x - half, right: at.x + half, top: top, bottom: top + size * 1.25, owner: owner };
  }
  function nodeBox(at, node, owner) {
    var r = node.size || 10;
    return { left: at.x - r, right: at.x + r, top: at.y - r, bottom: at.y + r, owner: owner };
  }
  function linkBox(from, to, label, size, owner) {
    var x = (from.x + to.x) / 2, y = (from.y + to.y) / 2;
    var half = textWidth(label, size) * 0.55 + 2;  // bold when its node is selected: a tenth wider
    return { left: x - half, right: x + half, top: y - size * 0.7, bottom: y + size * 0.7, owner: owner };
  }
  function union(boxes) {
    var out = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
    boxes.forEach(function (b) {
      out.left = Math.min(out.left, b.left); out.right = Math.max(out.right, b.right);
      out.top = Math.min(out.top, b.top); out.bottom = Math.max(out.bottom, b.bottom);
    });
    return out;
  }

  // The scale and centre showing all of `box` on a canvas of `width` x `height` pixels.
  function frame(box, width, height, maxScale) {
    var w = Math.max(box.right - box.left, 1), h = Math.max(box.bottom - box.top, 1);
    var scale = Math.min((width - 2 * MARGIN_PX) / w, (height - 2 * MARGIN_PX) / h, maxScale);
    return { scale: scale, position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 } };
  }

  /* Overview: choose and size the names. `candidates` are node data, most central first
   * (the ones the page may name); returns {named: {id: fontSize}, view: {scale, position}}. */
  function placeNames(nodes, candidates, positions, width, height) {
    var budget = Math.min(candidates.length, Math.ceil(nodes.length / NODES_PER_NAME),
                          Math.max(3, Math.floor(width * height / PX_PER_NAME)));
    var sizes = candidates.map(function (n) { return n.size || 10; });
    var big = Math.max.apply(null, sizes.concat([1])), small = Math.min.apply(null, sizes.concat([big]));
    function px(node) { return NAME_PX[0] + (NAME_PX[1] - NAME_PX[0]) * ((node.size || 10) - small) / ((big - small) || 1); }
    var bodies = nodes.map(function (n) { return nodeBox(positions[n.id], n, n.id); });
    var view = frame(union(bodies), width, height, 1.5);
    var named = {};
    // Sizes depend on the scale and the scale on the names' extent: three rounds settle it.
    for (var round = 0; round < 3; round++) {
      // Names avoid each other, not the nodes: in a dense group every place under a node covers another.
      var grid = new Grid(60 / view.scale);
      var boxes = bodies.slice();
      named = {};
      var count = 0;
      for (var k = 0; k < candidates.length && count < budget; k++) {
        var node = candidates[k];
        var size = px(node) / view.scale;
        var box = nameBox(positions[node.id], node, node.label, size, node.id);
        if (grid.hits(box)) { continue; }
        grid.add(box);
        boxes.push(box);
        named[node.id] = size;
        count++;
      }
      // Never zoom in past the scale the names were sized for: they would grow past NAME_PX.
      var next = frame(union(boxes), width, height, 1.5);
      view = { scale: Math.min(next.scale, view.scale), position: next.position };
    }
    return { named: named, view: view };
  }

  /* Other views: every node keeps its name; a link label is kept only where it covers no node,
   * name or other link label. Returns {shown: {edgeId: true}, view}. */
  function placeLinkLabels(nodes, edges, positions, width, height, nameSize, linkSize, maxScale) {
    var grid = new Grid(80);
    var boxes = [];
    nodes.forEach(function (n) {
      var at = positions[n.id];
      if (!at) { return; }
      var body = nodeBox(at, n, "n" + n.id);
      var name = nameBox(at, n, n.label || "", n.font_size || nameSize, "n" + n.id);
      grid.add(body); grid.add(name);
      boxes.push(body, name);
    });
    var shown = {};
    edges.forEach(function (e) {
      var from = positions[e.from], to = positions[e.to];
      if (!e.label || !from || !to) { return; }
      var box = linkBox(from, to, e.label, linkSize, "e" + e.id);
      if (grid.hits(box)) { return; }
      grid.add(box);
      shown[e.id] = true;
    });
    return { shown: shown, view: frame(union(boxes), width, height, maxScale || 1) };
  }

  //: How far apart spread() may move the nodes of a view, at most, to keep their names apart.
  var MAX_SPREAD = 3;

  /* Names that overlap one another in a small view: move the nodes apart (about their centre)
   * until no name covers another, up to MAX_SPREAD (or `most`) times the distances. Returns the
   * factor, or null when that is not enough. */
  function spread(nodes, positions, nameSize, most) {
    var limit = Math.min(MAX_SPREAD, most || MAX_SPREAD);
    var ids = nodes.map(function (n) { return n.id; }).filter(function (id) { return positions[id]; });
    var cx = 0, cy = 0;
    ids.forEach(function (id) { cx += positions[id].x; cy += positions[id].y; });
    cx /= ids.length || 1; cy /= ids.length || 1;
    function overlaps(factor) {
      var grid = new Grid(100);
      return nodes.some(function (n) {
        var p = positions[n.id];
        if (!p) { return false; }
        var at = { x: cx + (p.x - cx) * factor, y: cy + (p.y - cy) * factor };
        var name = nameBox(at, n, n.label || "", n.font_size || nameSize, n.id);
        var body = nodeBox(at, n, n.id);
        if (grid.hits(name) || grid.hits(body)) { return true; }
        grid.add(name); grid.add(body);
        return false;
      });
    }
    var factor = 1;
    while (factor <= limit && overlaps(factor)) { factor *= 1.2; }
    // Null: names still overlap at the largest spread allowed.
    return factor <= limit ? factor : null;
  }

  window.wartaLabels = { spread: spread,  placeNames: placeNames, placeLinkLabels: placeLinkLabels, frame: frame, Grid: Grid };
})();
