// Search every story in the reader's browser: the index is a JSON file next to this page.
// Results are built with textContent only, so no story text can become markup. What the
// reader types while the index loads is kept, and searched as soon as it arrives.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script.getAttribute("data-root");
  var strings = JSON.parse(script.getAttribute("data-strings"));
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var LIMIT = 100;
  var index = null;

  function say(key, values) {
    var text = strings[key];
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    status.textContent = text;
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function show(query) {
    if (index === null) return;  // still loading: searched when it arrives
    var words = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { say("all", {n: index.length}); return; }
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
    if (found === 0) say("none");
    else if (found > LIMIT) say("some", {shown: LIMIT, n: found});
    else say(found === 1 ? "one" : "many", {n: found});
  }

  var asked = new URLSearchParams(location.search).get("q") || "";
  if (!input.value) input.value = asked;
  say("loading");
  input.addEventListener("input", function () {
    var url = new URL(location.href);
    if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
    history.replaceState(null, "", url);  // the address shares the search
    show(input.value);
  });
  fetch(script.getAttribute("data-index")).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(function (data) {
    index = data;
    show(input.value);
  }).catch(function () { say("failed"); });
})();
