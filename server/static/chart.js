// Charts of a SPARQL result on the query page, drawn as plain SVG: a bar chart of a number per
// category, or a line chart of a number over dates. Without a number column, rows are counted.
var IsnadChart = (function () {
  "use strict";
  var XSD = "http://www.w3.org/2001/XMLSchema#";
  var NUMBERS = ["integer", "decimal", "double", "float", "int", "long", "short", "byte",
                 "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger"];
  var DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;
  var PLAIN_DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;  // a string such as "2021-07" from SUBSTR
  var WIDTH = 860, HEIGHT = 360, LEFT = 60, RIGHT = 20, TOP = 16, BOTTOM = 90, MAX_BARS = 40;

  var el = IsnadGraph.el;  // graph.js's SVG element maker (loaded first)

  function isNumber(term) {
    return !!term && term.type === "literal" && !!term.datatype &&
      NUMBERS.indexOf(term.datatype.replace(XSD, "")) >= 0 && isFinite(parseFloat(term.value));
  }

  // A date, a partial date ("2021-07", "2021") or a dateTime: its first day, in ms; else NaN.
  function dateValue(term) {
    if (!term || term.type !== "literal") return NaN;
    var typed = term.datatype && term.datatype !== XSD + "string";
    var m = (typed ? DATE_RE : PLAIN_DATE_RE).exec(term.value);
    if (!m || (typed && term.datatype.indexOf(XSD + "g") !== 0 && term.datatype.indexOf(XSD + "date") !== 0)) {
      return NaN;
    }
    return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
  }

  // The columns a chart can use: {numbers: [...], dates: [...], all: [...]}.
  function columns(doc) {
    var rows = doc.results.bindings, found = { numbers: [], dates: [], all: doc.head.vars.slice() };
    doc.head.vars.forEach(function (v) {
      var present = rows.filter(function (r) { return r[v]; });
      if (!present.length) return;
      if (present.every(function (r) { return isNumber(r[v]); })) found.numbers.push(v);
      else if (present.every(function (r) { return !isNaN(dateValue(r[v])); })) found.dates.push(v);
    });
    return found;
  }

  // Sum y (or count rows) per x key, keeping the first-seen order.
  function aggregate(rows, x, y, key) {
    var sums = {}, order = [];
    rows.forEach(function (r) {
      if (!r[x]) return;
      var k = key(r[x]);
      if (!(k in sums)) { sums[k] = { key: k, label: r[x].value, value: 0 }; order.push(k); }
      sums[k].value += y ? (isNumber(r[y]) ? parseFloat(r[y].value) : 0) : 1;
    });
    return order.map(function (k) { return sums[k]; });
  }

  function axes(svg, maxValue) {
    el("line", { x1: LEFT, y1: HEIGHT - BOTTOM, x2: WIDTH - RIGHT, y2: HEIGHT - BOTTOM, class: "axis" }, svg);
    el("line", { x1: LEFT, y1: TOP, x2: LEFT, y2: HEIGHT - BOTTOM, class: "axis" }, svg);
    [0, 0.5, 1].forEach(function (f) {
      var y = HEIGHT - BOTTOM - f * (HEIGHT - BOTTOM - TOP);
      var t = el("text", { x: LEFT - 6, y: y + 4, "text-anchor": "end", class: "value-label" }, svg);
      t.textContent = +(maxValue * f).toPrecision(3);
    });
  }

  function scaleY(value, maxValue) {
    return HEIGHT - BOTTOM - (maxValue ? value / maxValue : 0) * (HEIGHT - BOTTOM - TOP);
  }

  function bars(svg, points) {
    points = points.slice().sort(function (a, b) { return b.value - a.value; }).slice(0, MAX_BARS);
    var maxValue = Math.max.apply(null, points.map(function (p) { return p.value; }).concat([0]));
    axes(svg, maxValue);
    var step = (WIDTH - LEFT - RIGHT) / Math.max(points.length, 1);
    points.forEach(function (p, i) {
      var x = LEFT + i * step + step * 0.1, top = scaleY(p.value, maxValue);
      var bar = el("rect", { x: x, y: top, width: step * 0.8, height: HEIGHT - BOTTOM - top, class: "bar" }, svg);
      el("title", {}, bar).textContent = p.label + ": " + p.value;
      var label = el("text", { x: x + step * 0.4, y: HEIGHT - BOTTOM + 12, class: "category",
                               transform: "rotate(45 " + (x + step * 0.4) + " " + (HEIGHT - BOTTOM + 12) + ")" }, svg);
      label.textContent = p.label.length > 24 ? p.label.slice(0, 23) + "…" : p.label;
    });
    return points.length;
  }

  function line(svg, points) {
    points = points.filter(function (p) { return !isNaN(p.key); }).sort(function (a, b) { return a.key - b.key; });
    if (!points.length) return 0;
    var first = points[0].key, last = points[points.length - 1].key, span = last - first || 1;
    var maxValue = Math.max.apply(null, points.map(function (p) { return p.value; }).concat([0]));
    axes(svg, maxValue);
    var xs = function (p) { return LEFT + (p.key - first) / span * (WIDTH - LEFT - RIGHT); };
    el("polyline", { class: "line", fill: "none", points: points.map(function (p) {
      return xs(p) + "," + scaleY(p.value, maxValue); }).join(" ") }, svg);
    points.forEach(function (p) {
      var dot = el("circle", { cx: xs(p), cy: scaleY(p.value, maxValue), r: 3, class: "point" }, svg);
      el("title", {}, dot).textContent = p.label + ": " + p.value;
    });
    [points[0], points[points.length - 1]].forEach(function (p, i) {
      var t = el("text", { x: xs(p), y: HEIGHT - BOTTOM + 16, "text-anchor": i ? "end" : "start", class: "category" }, svg);
      t.textContent = p.label;
    });
    return points.length;
  }

  // Draw kind ("bar" or "line") of y (a number column, or "" to count rows) against x.
  function draw(container, doc, kind, x, y) {
    container.textContent = "";
    var svg = el("svg", { viewBox: "0 0 " + WIDTH + " " + HEIGHT, role: "img", class: "chart " + kind }, container);
    var rows = doc.results.bindings;
    var drawn = kind === "line"
      ? line(svg, aggregate(rows, x, y, dateValue))
      : bars(svg, aggregate(rows, x, y, function (term) { return term.value; }));
    if (!drawn) container.textContent = "Nothing to draw: the column " + x + " holds no " +
      (kind === "line" ? "dates." : "values.");
    return drawn;
  }

  return { columns: columns, draw: draw };
})();
