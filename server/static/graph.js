// The neighbourhood picture: the resource in the middle, its linked actors, dialogues,
// agreements, forces and places on a circle around it, drawn as plain SVG.
var IsnadGraph = (function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var COLOURS = { Person: "#d9534f", Organization: "#5b8def", Country: "#2e9e6a", Force: "#8a5cd1",
                  Place: "#e0a526", Agreement: "#16a2b8", Dialogue: "#f07f3c", Statement: "#888" };

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function shortName(node) {
    return node.label || node.id.replace(/\/$/, "").split("/").pop();
  }

  function draw(container, data) {
    container.textContent = "";
    if (data.edges.length === 0) {
      container.textContent = "No links to actors, dialogues, agreements or forces.";
      return;
    }
    var width = container.clientWidth || 800, height = 420;
    var svg = el("svg", { viewBox: "0 0 " + width + " " + height, role: "img" }, container);
    var others = data.nodes.filter(function (n) { return n.id !== data.centre; });
    var place = {};
    place[data.centre] = { x: width / 2, y: height / 2 };
    var radius = Math.min(width, height) / 2 - 50;
    others.forEach(function (n, i) {
      var angle = 2 * Math.PI * i / others.length - Math.PI / 2;
      place[n.id] = { x: width / 2 + radius * Math.cos(angle) * 1.4, y: height / 2 + radius * Math.sin(angle) };
    });
    data.edges.forEach(function (e) {
      var a = place[e.source], b = place[e.target];
      el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: "#9aa5b4", "stroke-width": 1.5 }, svg);
      var t = el("text", { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, fill: "#6b7685", "text-anchor": "middle" }, svg);
      t.textContent = e.label.replace("isnad:", "");
    });
    data.nodes.forEach(function (n) {
      var p = place[n.id];
      var group = n.href ? el("a", { href: n.href }, svg) : svg;
      el("circle", { cx: p.x, cy: p.y, r: n.id === data.centre ? 14 : 10,
                     fill: COLOURS[n.type] || "#aab", stroke: "#fff", "stroke-width": 2 }, group);
      var label = el("text", { x: p.x, y: p.y - 16, "text-anchor": "middle", direction: "rtl" }, group);
      label.textContent = shortName(n) + (n.type ? " (" + n.type + ")" : "");
    });
  }

  function load(container, iri, url) {
    fetch(url + "?iri=" + encodeURIComponent(iri), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.statusText); })
      .then(function (data) { draw(container, data); })
      .catch(function (err) { container.textContent = "Could not load the neighbourhood: " + err; });
  }

  // A page naming its resource on a picture's element (data-iri, data-url) draws it on load:
  // the Content-Security-Policy runs no inline script.
  document.querySelectorAll(".neighbourhood[data-iri]").forEach(function (container) {
    load(container, container.dataset.iri, container.dataset.url);
  });

  return { load: load, draw: draw, el: el };
})();
