/* The query page: library menu, running queries over the SPARQL protocol, the results table,
 * downloads and shareable URLs. Talks only to this server. */
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const base = document.querySelector('meta[name="warta-base"]').content;
  const state = {library: [], current: null, lastJson: null, lastKind: null, prefixes: {}};
  let editor = null;
  //: Rows drawn at once: 10,000 rows as one table took seconds and a 590,000-px page.
  const PAGE_ROWS = 100;

  // Known namespaces shown as prefixed names (schema:name), as a reader writes them.
  const curie = (iri) => {
    let best = null;
    for (const [p, ns] of Object.entries(state.prefixes)) {
      if (iri.startsWith(ns) && iri.length > ns.length && (!best || ns.length > best[1].length)) best = [p, ns];
    }
    return best ? best[0] + ":" + iri.slice(best[1].length) : iri;
  };

  // A library query's leading comment is its description: shown above the editor, not in it.
  const splitComment = (text) => {
    const lines = text.split("\n");
    let i = 0;
    while (i < lines.length && (/^\s*#/.test(lines[i]) || (!lines[i].trim() && i < lines.length - 1 && /^\s*#/.test(lines[i + 1] || "")))) i++;
    while (i < lines.length && !lines[i].trim()) i++;
    return {comment: lines.slice(0, i).map((l) => l.replace(/^\s*#\s?/, "")).join("\n").trim(), body: lines.slice(i).join("\n")};
  };

  // SELECT * columns in the order the query names them (the engine returns them in its own order).
  const queryOrder = (query, vars) => {
    if (!/SELECT\s+(DISTINCT\s+|REDUCED\s+)?\*/i.test(query)) return vars;
    const body = query.replace(/#[^\n]*/g, "");
    const at = (v) => { const m = new RegExp("[?$]" + v + "(?![\\w])").exec(body); return m ? m.index : Infinity; };
    return [...vars].sort((a, b) => at(a) - at(b));
  };

  const href = (iri) => {
    if (iri.startsWith(base)) return "/resource/" + iri.slice(base.length);
    if (/^https?:\/\//.test(iri)) return iri;
    return null;
  };

  const setStatus = (text, isError) => {
    $("status").textContent = text;
    $("status").classList.toggle("error", !!isError);
  };

  // --- the library -------------------------------------------------------
  function showLibrary(list) {
    const ul = $("library");
    ul.innerHTML = "";
    for (const q of list) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "?library=" + encodeURIComponent(q.name);
      a.textContent = q.title;
      a.dataset.name = q.name;
      a.addEventListener("click", (e) => { e.preventDefault(); choose(q); });
      const p = document.createElement("p");
      p.className = "desc";
      p.textContent = q.question_en;
      li.append(a, p);
      ul.appendChild(li);
    }
    if (!list.length) ul.innerHTML = '<li class="muted">No queries found.</li>';
  }

  function choose(q, values) {
    state.current = q;
    const parts = splitComment(q.text);
    q.body = parts.body;
    editor.value = q.body;
    const info = $("query-info");
    info.hidden = false;
    info.innerHTML = "";
    const h = document.createElement("h2");
    h.textContent = q.title;
    const en = document.createElement("p");
    en.textContent = q.question_en;
    const id = document.createElement("p");
    id.lang = "id";
    id.className = "muted";
    id.textContent = q.question_id;
    info.append(h, en, id);
    if (parts.comment) {
      const details = document.createElement("details");
      const summary = document.createElement("summary");
      summary.textContent = "About this query";
      const pre = document.createElement("pre");
      pre.className = "query-comment";
      pre.textContent = parts.comment;
      details.append(summary, pre);
      info.appendChild(details);
    }
    const params = $("params");
    params.innerHTML = "";
    params.hidden = !q.params.length;
    for (const p of q.params) {
      const label = document.createElement("label");
      label.textContent = "?" + p.name + " ";
      const input = document.createElement("input");
      input.name = p.name;
      input.value = (values && values[p.name]) || p.example;
      input.title = p.description;
      input.dataset.param = p.name;
      label.appendChild(input);
      params.appendChild(label);
    }
    document.querySelectorAll("#library a").forEach((a) => a.classList.toggle("active", a.dataset.name === q.name));
  }

  function paramValues() {
    const values = {};
    if (!state.current || state.current.body !== editor.value) return values;  // edited: parameters no longer apply
    document.querySelectorAll("#params input").forEach((input) => { if (input.value) values[input.dataset.param] = input.value; });
    return values;
  }

  // --- running -------------------------------------------------------------
  function formBody(query, params, extra) {
    const form = new URLSearchParams();
    form.set("query", query);
    for (const [k, v] of Object.entries(params)) form.set("param." + k, v);
    for (const [k, v] of Object.entries(extra || {})) form.set(k, v);
    return form;
  }

  async function run() {
    const query = editor.withPrefixes();
    if (query !== editor.value) editor.value = query;
    const params = paramValues();
    share(query, params);
    setStatus("Running…");
    $("results").innerHTML = "";
    state.lastJson = null;
    const started = performance.now();
    let response;
    try {
      response = await fetch("/sparql", {
        method: "POST",
        headers: {"Accept": "application/sparql-results+json, application/n-triples;q=0.9"},
        body: formBody(query, params),
      });
    } catch (err) {
      setStatus("The server did not answer: " + err, true);
      return;
    }
    const ms = Math.round(performance.now() - started);
    const text = await response.text();
    if (!response.ok) {
      setStatus(`Error ${response.status}`, true);
      const pre = document.createElement("pre");
      pre.className = "error";
      pre.textContent = text;
      $("results").appendChild(pre);
      return;
    }
    const kind = response.headers.get("X-Warta-Query-Kind") || "SELECT";
    const truncated = response.headers.get("X-Warta-Truncated");
    state.lastKind = kind;
    let count;
    if (kind === "SELECT" || kind === "ASK") {
      state.lastJson = text;
      const data = JSON.parse(text);
      count = "boolean" in data ? null : data.results.bindings.length;
      if ("boolean" in data) showBoolean(data.boolean); else showTable(queryOrder(query, data.head.vars), data.results.bindings);
    } else {
      const triples = parseNTriples(text);
      count = triples.length;
      showGraph(query, params, triples);
    }
    $("download-csv").disabled = $("download-json").disabled = false;
    const rows = count === null ? "" : `${count} ${kind === "SELECT" ? "row" : "triple"}${count === 1 ? "" : "s"}`;
    setStatus(`${rows} in ${ms} ms${truncated ? ` — cut at the server's limit of ${truncated}` : ""}`);
  }

  function showBoolean(value) {
    const p = document.createElement("p");
    p.className = "boolean";
    p.textContent = value ? "true (yes)" : "false (no)";
    $("results").appendChild(p);
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      const link = href(term.value);
      const el = document.createElement(link ? "a" : "span");
      if (link) el.href = link;
      el.textContent = term.value.startsWith(base) ? term.value.slice(base.length) : curie(term.value);
      el.title = term.value;
      td.appendChild(el);
    } else {
      td.textContent = term.value;
      if (term.datatype && /#(integer|decimal|double|float|int|long|nonNegativeInteger)$/.test(term.datatype)) td.className = "num";
    }
    td.dataset.sort = term.value;
    return td;
  }

  function showTable(vars, rows) {
    const table = document.createElement("table");
    table.className = "data sortable";
    const view = {rows: [...rows], page: 0};
    const thead = table.createTHead().insertRow();
    vars.forEach((v, i) => {
      const th = document.createElement("th");
      th.textContent = v;
      th.tabIndex = 0;
      th.title = "Sort";
      th.addEventListener("click", () => sortBy(table, view, v, th, draw));
      th.addEventListener("keydown", (e) => { if (e.key === "Enter") sortBy(table, view, v, th, draw); });
      thead.appendChild(th);
    });
    const body = table.createTBody();
    const pager = document.createElement("p");
    pager.className = "pager";
    const pages = Math.max(1, Math.ceil(view.rows.length / PAGE_ROWS));
    const button = (label, to) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", () => { view.page = Math.max(0, Math.min(pages - 1, to())); draw(); });
      return b;
    };
    const first = button("\u00ab First", () => 0), prev = button("\u2039 Previous", () => view.page - 1);
    const next = button("Next \u203a", () => view.page + 1), last = button("Last \u00bb", () => pages - 1);
    const where = document.createElement("span");
    pager.append(first, prev, where, next, last);
    function draw() {
      body.innerHTML = "";
      const start = view.page * PAGE_ROWS;
      for (const row of view.rows.slice(start, start + PAGE_ROWS)) {
        const tr = body.insertRow();
        for (const v of vars) tr.appendChild(cell(row[v]));
      }
      where.textContent = ` rows ${view.rows.length ? start + 1 : 0}\u2013${Math.min(start + PAGE_ROWS, view.rows.length)} of ${view.rows.length} `;
      first.disabled = prev.disabled = view.page === 0;
      next.disabled = last.disabled = view.page >= pages - 1;
    }
    draw();
    if (pages > 1) $("results").appendChild(pager);
    $("results").appendChild(table);
  }

  function sortBy(table, view, column, th, draw) {
    const ascending = th.dataset.dir !== "asc";
    table.querySelectorAll("th").forEach((h) => { delete h.dataset.dir; });
    th.dataset.dir = ascending ? "asc" : "desc";
    const key = (row) => (row[column] ? row[column].value : "");
    const numeric = view.rows.every((row) => key(row) === "" || !isNaN(Number(key(row))));
    view.rows.sort((a, b) => {
      const x = key(a), y = key(b);
      const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "id");
      return ascending ? order : -order;
    });
    view.page = 0;
    draw();
  }

  // N-Triples is line-based: one regex per line is a full parser for what the server writes.
  const NT_TERM = /(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^<[^>]*>)?)/g;
  function ntTerm(text) {
    if (text.startsWith("<")) return {type: "uri", value: text.slice(1, -1)};
    if (text.startsWith("_:")) return {type: "bnode", value: text};
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(text);
    return {type: "literal", value: JSON.parse('"' + m[1].replace(/\\U([0-9A-Fa-f]{8})/g,
      (_, h) => String.fromCodePoint(parseInt(h, 16))) + '"')};
  }
  function parseNTriples(text) {
    const triples = [];
    for (const line of text.split("\n")) {
      const terms = line.match(NT_TERM);
      if (terms && terms.length >= 3) triples.push({s: ntTerm(terms[0]), p: ntTerm(terms[1]), o: ntTerm(terms[2])});
    }
    return triples;
  }

  function showGraph(query, params, triples) {
    const frame = document.createElement("iframe");
    frame.className = "graphview";
    frame.title = "Graph view of the result";
    frame.src = "/viz?" + new URLSearchParams({query}).toString();
    $("results").appendChild(frame);
    showTable(["subject", "predicate", "object"], triples.map((t) => ({subject: t.s, predicate: t.p, object: t.o})));
  }

  // --- downloads and sharing ---------------------------------------------------
  function save(blob, name) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  async function download(format) {
    const graph = !(state.lastKind === "SELECT" || state.lastKind === "ASK");
    const fmt = graph ? (format === "csv" ? "nt" : "jsonld") : format;
    const response = await fetch("/sparql", {method: "POST", body: formBody(editor.value, paramValues(), {format: fmt})});
    const blob = await response.blob();
    const ext = {csv: "csv", json: "json", nt: "nt", jsonld: "jsonld"}[fmt];
    save(blob, `warta-result.${ext}`);
  }

  function share(query, params) {
    const url = new URL(location.href);
    url.search = "";
    if (state.current && state.current.body === editor.value) {
      // A library query as it stands: its name and parameters make a short link.
      url.searchParams.set("library", state.current.name);
      url.searchParams.set("run", "1");
      for (const [k, v] of Object.entries(params)) url.searchParams.set("param." + k, v);
      history.replaceState(null, "", url);
      return;
    }
    url.searchParams.set("query", query);
    for (const [k, v] of Object.entries(params)) url.searchParams.set("param." + k, v);
    history.replaceState(null, "", url);
  }

  async function copyLink() {
    share(editor.value, paramValues());
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus("Link copied.");
    } catch (err) {
      setStatus("Link is in the address bar.");
    }
  }

  // --- start -----------------------------------------------------------------------
  async function start() {
    const prefixes = await (await fetch("/api/prefixes")).json();
    state.prefixes = prefixes;
    const terms = await (await fetch("/api/terms")).json();
    editor = SparqlEditor.attach($("query"), $("highlight"), $("completions"), {prefixes, terms});
    $("run").addEventListener("click", run);
    $("share").addEventListener("click", copyLink);
    $("download-csv").addEventListener("click", () => download("csv"));
    $("download-json").addEventListener("click", () => download("json"));
    $("query").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); } });
    state.library = await (await fetch("/api/queries")).json();
    showLibrary(state.library);
    const url = new URL(location.href);
    const values = {};
    for (const [k, v] of url.searchParams) if (k.startsWith("param.")) values[k.slice(6)] = v;
    const fromLibrary = state.library.find((q) => q.name === url.searchParams.get("library"));
    if (fromLibrary) choose(fromLibrary, values);
    if (fromLibrary && url.searchParams.get("run")) run();
    const shared = url.searchParams.get("query");
    if (shared) {
      const match = state.library.find((q) => q.text === shared || splitComment(q.text).body === shared);
      if (match) choose(match, values); else editor.value = shared;
      run();
    }
  }

  document.addEventListener("DOMContentLoaded", start);
})();
