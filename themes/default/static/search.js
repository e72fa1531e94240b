// Search every story in the reader's browser: the index is a JSON file next to this page.
// Results are built with textContent only, so no story text can become markup.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script.getAttribute("data-root");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var LIMIT = 100;
  var index = null;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function show(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = index.length + " stories to search."; return; }
    var found = 0;
    for (var i = 0; i < index.length; i++) {
      var e = index[i];
      var hay = e.h || (e.h = fold([e.t, e.s, e.c].concat(e.g).join(" ")));
      if (!words.every(function (w) { return hay.indexOf(w) !== -1; })) continue;
      found++;
      if (found > LIMIT) continue;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + e.u;
      link.textContent = e.t;
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = e.c + " · " + e.d;
      var summary = document.createElement("p");
      summary.textContent = e.s;
      item.append(link, meta, summary);
      list.append(item);
    }
    status.textContent = found === 0 ? "No story matches." :
      (found > LIMIT ? "Showing " + LIMIT + " of " + found + " stories." : found + (found === 1 ? " story." : " stories."));
  }

  fetch(script.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (data) {
    index = data;
    var query = new URLSearchParams(location.search).get("q") || "";
    input.value = query;
    show(query);
    input.addEventListener("input", function () { show(input.value); });
  }).catch(function () { status.textContent = "The search index could not be loaded."; });
})();
