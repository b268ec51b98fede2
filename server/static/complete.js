// Completion in the query editor (CodeMirror's show-hint addon): the predeclared prefixes, and
// the classes and properties of the ontology and the store as prefixed names (isnad:Person).
var IsnadComplete = (function () {
  "use strict";
  var WORD_RE = /[\w\-]*:?[\w\-]*$/;

  // Completion entries from /completions.json: {text, displayText} sorted by text.
  function entries(data) {
    var prefixes = Object.keys(data.prefixes);
    var list = prefixes.map(function (p) {
      return { text: p + ":", displayText: p + ":  " + data.prefixes[p] };
    });
    var seen = {};
    data.terms.forEach(function (term) {
      var name = null;
      prefixes.forEach(function (p) {
        var ns = data.prefixes[p];
        var local = term.iri.slice(ns.length);
        if (!name && term.iri.indexOf(ns) === 0 && /^[\w\-]+$/.test(local)) name = p + ":" + local;
      });
      name = name || "<" + term.iri + ">";
      if (seen[name]) return;
      seen[name] = true;
      list.push({ text: name, displayText: name + "  (" + term.kind + (term.label ? ": " + term.label : "") + ")" });
    });
    return list.sort(function (a, b) { return a.text < b.text ? -1 : a.text > b.text ? 1 : 0; });
  }

  function attach(editor, url) {
    var list = [];
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.statusText); })
      .then(function (data) { list = entries(data); })
      .catch(function () { list = []; });

    function hint(cm) {
      var cursor = cm.getCursor();
      var word = WORD_RE.exec(cm.getLine(cursor.line).slice(0, cursor.ch))[0];
      if (!word) return null;
      var lower = word.toLowerCase();
      var found = list.filter(function (e) {
        return e.text.toLowerCase().indexOf(lower) === 0 && e.text !== word;
      });
      return found.length ? { list: found.slice(0, 60), from: CodeMirror.Pos(cursor.line, cursor.ch - word.length),
                              to: cursor } : null;
    }

    editor.setOption("hintOptions", { hint: hint, completeSingle: false });
    editor.addKeyMap({ "Ctrl-Space": function (cm) { cm.showHint(); } });
    // Offer names while typing one: after a prefix's colon, or three letters into a word.
    editor.on("inputRead", function (cm, change) {
      if (cm.state.completionActive || change.origin !== "+input") return;
      var before = cm.getLine(cm.getCursor().line).slice(0, cm.getCursor().ch);
      var word = WORD_RE.exec(before)[0];
      var variable = /[?$]$/.test(before.slice(0, before.length - word.length));
      if (!variable && (word.indexOf(":") > 0 || word.length >= 3)) cm.showHint();
    });
  }

  return { attach: attach, entries: entries };
})();
