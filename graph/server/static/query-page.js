/* The query page: library menu, running queries over the SPARQL protocol, the results table,
 * downloads and shareable URLs. Talks only to this server. */
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const base = document.querySelector('meta[name="warta-base"]').content;
  const state = {library: [], current: null, lastJson: null, lastKind: null};
  let editor = null;

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
    editor.value = q.text;
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
    if (!state.current || state.current.text !== editor.value) return values;  // edited: parameters no longer apply
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
      if ("boolean" in data) showBoolean(data.boolean); else showTable(data.head.vars, data.results.bindings);
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
      el.textContent = term.value.startsWith(base) ? term.value.slice(base.length) : term.value;
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
    const thead = table.createTHead().insertRow();
    vars.forEach((v, i) => {
      const th = document.createElement("th");
      th.textContent = v;
      th.tabIndex = 0;
      th.title = "Sort";
      th.addEventListener("click", () => sortBy(table, i, th));
      th.addEventListener("keydown", (e) => { if (e.key === "Enter") sortBy(table, i, th); });
      thead.appendChild(th);
    });
    const body = table.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      for (const v of vars) tr.appendChild(cell(row[v]));
    }
    $("results").appendChild(table);
  }

  function sortBy(table, column, th) {
    const ascending = th.dataset.dir !== "asc";
    table.querySelectorAll("th").forEach((h) => { delete h.dataset.dir; });
    th.dataset.dir = ascending ? "asc" : "desc";
    const rows = [...table.tBodies[0].rows];
    const key = (tr) => tr.cells[column].dataset.sort || "";
    const numeric = rows.every((tr) => key(tr) === "" || !isNaN(Number(key(tr))));
    rows.sort((a, b) => {
      const x = key(a), y = key(b);
      const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "id");
      return ascending ? order : -order;
    });
    rows.forEach((tr) => table.tBodies[0].appendChild(tr));
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
    const shared = url.searchParams.get("query");
    if (shared) {
      const match = state.library.find((q) => q.text === shared);
      if (match) choose(match, values); else editor.value = shared;
      run();
    }
  }

  document.addEventListener("DOMContentLoaded", start);
})();
