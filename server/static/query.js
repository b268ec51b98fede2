// The query page: CodeMirror editor, example buttons, results table with entity links,
// download links, and the neighbourhood picture of a chosen entity.
(function () {
  "use strict";
  var form = document.getElementById("query-form");
  var editor = CodeMirror.fromTextArea(document.getElementById("query"), {
    mode: "sparql", lineNumbers: true, extraKeys: { "Ctrl-Enter": function () { run(); } }
  });
  var results = document.getElementById("results");
  var status = document.getElementById("status");
  var errorBox = document.getElementById("error");
  var downloads = document.getElementById("downloads");
  var maxRows = parseInt(results.dataset.maxRows, 10);
  var base = results.dataset.base;
  var pages = results.dataset.pages;
  var endpoint = form.getAttribute("action");

  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      editor.setValue(button.dataset.query);
      run();
    });
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });

  function localPath(iri) {
    return iri.indexOf(base) === 0 ? pages + iri.slice(base.length) : null;
  }

  function iriTail(iri) {
    return iri.slice(base.length);
  }

  function cell(term) {
    var td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      var path = localPath(term.value);
      // Only pages of this site and http(s) IRIs become links: a javascript: IRI would run here.
      var a = document.createElement(path || /^https?:\/\//i.test(term.value) ? "a" : "span");
      if (a.tagName === "A") a.href = path || term.value;
      a.textContent = path ? iriTail(term.value) : term.value;
      a.className = path ? "entity" : "external";
      td.appendChild(a);
      if (path) {
        var graph = document.createElement("button");
        graph.type = "button";
        graph.className = "graph-button";
        graph.title = "Show its neighbourhood";
        graph.textContent = "◎";
        graph.addEventListener("click", function () { showNeighbourhood(term.value); });
        td.appendChild(graph);
      }
    } else {
      td.textContent = term.value;
      td.dir = "auto";
      if (term["xml:lang"]) td.lang = term["xml:lang"];
    }
    return td;
  }

  function renderTable(doc) {
    results.textContent = "";
    if (doc.boolean !== undefined) {
      results.textContent = "Answer: " + doc.boolean;
      return;
    }
    var rows = doc.results.bindings;
    var table = document.createElement("table");
    table.id = "results-table";
    var head = table.createTHead().insertRow();
    doc.head.vars.forEach(function (v) {
      var th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    });
    var body = table.createTBody();
    rows.slice(0, maxRows).forEach(function (binding) {
      var tr = body.insertRow();
      doc.head.vars.forEach(function (v) { tr.appendChild(cell(binding[v])); });
    });
    status.textContent = rows.length + " rows" + (rows.length > maxRows ? " (showing the first " + maxRows + ")" : "");
    results.appendChild(table);
  }

  function setDownloads(query) {
    downloads.querySelectorAll("a").forEach(function (a) {
      a.href = endpoint + "?format=" + a.dataset.format + "&query=" + encodeURIComponent(query);
    });
    downloads.hidden = false;
  }

  function run() {
    var query = editor.getValue();
    status.textContent = "Running…";
    errorBox.hidden = true;
    fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded",
                 Accept: "application/sparql-results+json, text/turtle;q=0.9" },
      body: new URLSearchParams({ query: query })
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (!response.ok) return response.text().then(function (text) { throw new Error(text); });
      if (type.indexOf("json") >= 0) return response.json().then(renderTable);
      return response.text().then(function (text) {
        results.textContent = "";
        var pre = document.createElement("pre");
        pre.textContent = text;
        results.appendChild(pre);
        status.textContent = "Graph result";
      });
    }).then(function () { setDownloads(query); })
      .catch(function (err) {
        status.textContent = "";
        errorBox.textContent = err.message;
        errorBox.hidden = false;
      });
  }

  function showNeighbourhood(iri) {
    var panel = document.getElementById("neighbourhood-panel");
    panel.hidden = false;
    document.getElementById("neighbourhood-title").textContent = iri;
    IsnadGraph.load(document.getElementById("neighbourhood"), iri, results.dataset.neighbourhood);
  }
})();
