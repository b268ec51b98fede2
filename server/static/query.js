// The query page: CodeMirror editor with completion, example buttons, the query kept in the
// page's address, results table with entity links (paged), download links, charts, and the
// neighbourhood picture of a chosen entity.
(function () {
  "use strict";
  var form = document.getElementById("query-form");
  var textarea = document.getElementById("query");
  var editor = CodeMirror.fromTextArea(textarea, {
    mode: "sparql", lineNumbers: true, extraKeys: { "Ctrl-Enter": function () { run(); } }
  });
  IsnadComplete.attach(editor, textarea.dataset.completions);
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
      offerChart(doc);
      return;
    }
    shown = doc;
    status.textContent = doc.results.bindings.length.toLocaleString("en") + " rows";
    showPage(0);
    offerChart(doc);
  }

  // Results are shown --max-rows at a time; the pager moves through the rest.
  var shown = null;
  var pager = document.getElementById("pager");
  var pageInfo = document.getElementById("page-info");
  var previousPage = document.getElementById("previous-page");
  var nextPage = document.getElementById("next-page");
  var firstRow = 0;

  function showPage(start) {
    var rows = shown.results.bindings;
    firstRow = start;
    results.textContent = "";
    var table = document.createElement("table");
    table.id = "results-table";
    var head = table.createTHead().insertRow();
    shown.head.vars.forEach(function (v) {
      var th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    });
    var body = table.createTBody();
    rows.slice(start, start + maxRows).forEach(function (binding) {
      var tr = body.insertRow();
      shown.head.vars.forEach(function (v) { tr.appendChild(cell(binding[v])); });
    });
    results.appendChild(table);
    pager.hidden = rows.length <= maxRows;
    pageInfo.textContent = "Rows " + (start + 1).toLocaleString("en") + "–" +
      Math.min(start + maxRows, rows.length).toLocaleString("en") + " of " + rows.length.toLocaleString("en");
    previousPage.disabled = start === 0;
    nextPage.disabled = start + maxRows >= rows.length;
  }

  previousPage.addEventListener("click", function () { showPage(Math.max(0, firstRow - maxRows)); });
  nextPage.addEventListener("click", function () { showPage(firstRow + maxRows); });

  // The chart controls, offered when the result has a number or a date column.
  var chartPanel = document.getElementById("chart-panel");
  var chartKind = document.getElementById("chart-kind");
  var chartX = document.getElementById("chart-x");
  var chartY = document.getElementById("chart-y");
  var chartDoc = null;

  function fillSelect(select, values, labels) {
    select.textContent = "";
    values.forEach(function (value, i) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = labels ? labels[i] : value;
      select.appendChild(option);
    });
  }

  function fillAxes() {
    var found = IsnadChart.columns(chartDoc);
    var xs = chartKind.value === "line" ? found.dates : found.all.filter(function (v) {
      return found.numbers.indexOf(v) < 0;
    });
    fillSelect(chartX, xs);
    fillSelect(chartY, found.numbers.concat([""]), found.numbers.concat(["number of rows"]));
  }

  function offerChart(doc) {
    document.getElementById("chart").textContent = "";
    var found = doc.results ? IsnadChart.columns(doc) : null;
    chartPanel.hidden = !found || !(found.numbers.length || found.dates.length);
    if (chartPanel.hidden) return;
    chartDoc = doc;
    chartKind.value = found.dates.length ? "line" : "bar";
    fillAxes();
  }

  chartKind.addEventListener("change", fillAxes);
  document.getElementById("draw-chart").addEventListener("click", function () {
    IsnadChart.draw(document.getElementById("chart"), chartDoc, chartKind.value, chartX.value, chartY.value);
  });

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
    pager.hidden = true;
    // The query goes into the page's address, so a link or a reload reproduces it.
    history.replaceState(null, "", location.pathname + "?query=" + encodeURIComponent(query));
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
        offerChart({});
      });
    }).then(function () { setDownloads(query); })
      .catch(function (err) {
        status.textContent = "";
        errorBox.textContent = err.message;
        errorBox.hidden = false;
      });
  }

  if (textarea.dataset.run) run();  // opened from a link with ?query=

  function showNeighbourhood(iri) {
    var panel = document.getElementById("neighbourhood-panel");
    panel.hidden = false;
    document.getElementById("neighbourhood-title").textContent = iri;
    IsnadGraph.load(document.getElementById("neighbourhood"), iri, results.dataset.neighbourhood);
  }
})();
