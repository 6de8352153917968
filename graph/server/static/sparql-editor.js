/* A small SPARQL editor: a textarea over a highlighted copy of its text, plus prefix completion.
 * No framework and no build step, so the page works offline and under a strict CSP
 * (why not YASGUI: see docs/server.md). */
"use strict";

const SparqlEditor = (() => {
  const KEYWORDS = new Set(("BASE PREFIX SELECT DISTINCT REDUCED AS CONSTRUCT DESCRIBE ASK FROM NAMED WHERE " +
    "ORDER BY ASC DESC LIMIT OFFSET GROUP HAVING VALUES OPTIONAL UNION MINUS GRAPH SERVICE SILENT FILTER BIND " +
    "EXISTS NOT IN UNDEF A INSERT DELETE DATA WITH USING LOAD CLEAR DROP CREATE ADD MOVE COPY TO DEFAULT ALL INTO " +
    "COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS " +
    "CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR " +
    "MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG " +
    "STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE TRUE FALSE").split(" "));
  const TOKEN = new RegExp([
    "(#[^\\n]*)",                                            // 1 comment
    "(\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*')", // 2 string
    "(<[^<>\"{}|^`\\\\\\s]*>)",                               // 3 IRI
    "([?$][A-Za-z0-9_\\u00C0-\\uFFFF]+)",                     // 4 variable
    "([A-Za-z][\\w.-]*)?:([\\w.%-]*)",                        // 5,6 prefixed name
    "(\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)",                   // 7 number
    "([A-Za-z_]+)",                                          // 8 word
  ].join("|"), "g");

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }

  function highlight(text) {
    let out = "", last = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      if (m[0] === "") { TOKEN.lastIndex++; continue; }
      out += escapeHtml(text.slice(last, m.index));
      let cls = null;
      if (m[1] !== undefined) cls = "tok-comment";
      else if (m[2] !== undefined) cls = "tok-string";
      else if (m[3] !== undefined) cls = "tok-iri";
      else if (m[4] !== undefined) cls = "tok-var";
      else if (m[6] !== undefined) cls = "tok-pname";
      else if (m[7] !== undefined) cls = "tok-number";
      else if (m[8] !== undefined && KEYWORDS.has(m[8].toUpperCase())) cls = "tok-keyword";
      const piece = escapeHtml(m[0]);
      out += cls ? `<span class="${cls}">${piece}</span>` : piece;
      last = m.index + m[0].length;
    }
    return out + escapeHtml(text.slice(last)) + "\n";
  }

  function declaredPrefixes(text) {
    const found = new Set();
    const re = /PREFIX\s+([A-Za-z][\w.-]*)?:/gi;
    let m;
    while ((m = re.exec(text)) !== null) found.add(m[1] || "");
    return found;
  }

  /** Adds PREFIX lines for known prefixes that the query uses but does not declare. */
  function addMissingPrefixes(text, known) {
    const declared = declaredPrefixes(text);
    const body = text.replace(/#[^\n]*/g, "").replace(/<[^>\s]*>/g, "").replace(/"(?:[^"\\]|\\.)*"/g, "");
    const missing = [];
    for (const prefix of Object.keys(known)) {
      if (!declared.has(prefix) && new RegExp(`(^|[\\s(/^|;,.])${prefix}:`).test(body)) missing.push(prefix);
    }
    if (!missing.length) return text;
    return missing.map((p) => `PREFIX ${p}: <${known[p]}>`).join("\n") + "\n" + text;
  }

  function attach(textarea, codeEl, listEl, options) {
    const known = options.prefixes || {};
    const terms = options.terms || [];
    let items = [], selected = 0, wordStart = 0, moved = false;

    const render = () => {
      codeEl.innerHTML = highlight(textarea.value);
      codeEl.parentElement.scrollTop = textarea.scrollTop;
      codeEl.parentElement.scrollLeft = textarea.scrollLeft;
    };

    const currentWord = () => {
      const upto = textarea.value.slice(0, textarea.selectionStart);
      const m = /([A-Za-z][\w.-]*:?[\w.-]*)$/.exec(upto);
      return m ? {text: m[1], start: upto.length - m[1].length} : null;
    };

    const close = () => { listEl.hidden = true; items = []; };

    const suggest = () => {
      const word = currentWord();
      if (!word || word.text.length < 2) return close();
      const lower = word.text.toLowerCase();
      const candidates = [];
      if (!lower.includes(":")) {
        for (const [p, iri] of Object.entries(known)) {
          if (p.startsWith(lower)) candidates.push({insert: p + ":", label: `${p}: <${iri}>`, prefix: p});
        }
      }
      for (const t of terms) {
        if (t.toLowerCase().startsWith(lower) && t.toLowerCase() !== lower) {
          candidates.push({insert: t, label: t, prefix: t.split(":")[0]});
        }
      }
      items = candidates.slice(0, 12);
      if (!items.length) return close();
      wordStart = word.start;
      selected = 0;
      moved = false;
      listEl.innerHTML = "";
      items.forEach((item, i) => {
        const li = document.createElement("li");
        li.textContent = item.label;
        li.setAttribute("role", "option");
        li.addEventListener("mousedown", (e) => { e.preventDefault(); accept(i); });
        listEl.appendChild(li);
      });
      mark();
      listEl.hidden = false;
      placeAtCaret();
    };

    // The list opens under the caret, not in a corner where it covers the line being typed.
    // The editor is monospace with no wrapping, so line and column give the caret's place.
    const placeAtCaret = () => {
      const style = getComputedStyle(textarea);
      const upto = textarea.value.slice(0, textarea.selectionStart);
      const line = upto.split("\n").length - 1;
      const column = upto.length - upto.lastIndexOf("\n") - 1;
      const lineHeight = parseFloat(style.lineHeight) || 20;
      const probe = document.createElement("span");
      probe.textContent = "M".repeat(20);
      probe.style.font = style.font;
      probe.style.position = "absolute";
      probe.style.visibility = "hidden";
      document.body.appendChild(probe);
      const charWidth = probe.getBoundingClientRect().width / 20 || 8;
      probe.remove();
      const box = textarea.parentElement.getBoundingClientRect();
      const top = parseFloat(style.paddingTop) + (line + 1) * lineHeight - textarea.scrollTop;
      const left = Math.min(parseFloat(style.paddingLeft) + column * charWidth - textarea.scrollLeft,
                            Math.max(box.width - 260, 0));
      listEl.style.left = Math.max(left, 0) + "px";
      listEl.style.top = Math.max(top, 0) + "px";
      listEl.style.bottom = "auto";
    };

    const mark = () => {
      [...listEl.children].forEach((li, i) => li.classList.toggle("active", i === selected));
    };

    const accept = (i) => {
      const item = items[i];
      const before = textarea.value.slice(0, wordStart);
      const after = textarea.value.slice(textarea.selectionStart);
      let text = before + item.insert + after;
      let caret = before.length + item.insert.length;
      if (item.prefix in known && !declaredPrefixes(text).has(item.prefix)) {
        const line = `PREFIX ${item.prefix}: <${known[item.prefix]}>\n`;
        text = line + text;
        caret += line.length;
      }
      textarea.value = text;
      textarea.selectionStart = textarea.selectionEnd = caret;
      close();
      render();
      textarea.focus();
    };

    textarea.addEventListener("input", () => { render(); suggest(); });
    textarea.addEventListener("scroll", render);
    textarea.addEventListener("blur", () => setTimeout(close, 100));
    textarea.addEventListener("keydown", (e) => {
      if (!listEl.hidden && items.length) {
        if (e.key === "ArrowDown") { selected = (selected + 1) % items.length; moved = true; mark(); e.preventDefault(); return; }
        if (e.key === "ArrowUp") { selected = (selected + items.length - 1) % items.length; moved = true; mark(); e.preventDefault(); return; }
        // Enter after a finished word is a new line: it takes a completion only once one was picked in the list.
        if (e.key === "Tab" || (e.key === "Enter" && moved && !e.ctrlKey && !e.metaKey)) { accept(selected); e.preventDefault(); return; }
        if (e.key === "Enter") { close(); }
        if (e.key === "Escape") { close(); e.preventDefault(); return; }
      }
      if (e.key === "Tab") {  // indent instead of leaving the editor
        e.preventDefault();
        textarea.setRangeText("  ", textarea.selectionStart, textarea.selectionEnd, "end");
        render();
      }
    });
    render();
    return {
      get value() { return textarea.value; },
      set value(text) { textarea.value = text; render(); },
      withPrefixes() { return addMissingPrefixes(textarea.value, known); },
      setTerms(list) { terms.splice(0, terms.length, ...list); },
      refresh: render,
    };
  }

  return {attach, highlight, addMissingPrefixes, escapeHtml};
})();
