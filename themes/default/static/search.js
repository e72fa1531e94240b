// Full-text search in the reader's browser, from the index files next to this page (see
// digest/search.py): per word of the query, one bucket file of each chunk of stories; then
// the packs of text of the results shown. Words are folded and reduced as the index's were
// (the rules come in the page's settings). Results are built with textContent only, so no
// story text can become markup. What the reader types is never overwritten.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script.getAttribute("data-root");
  var files = script.getAttribute("data-files");
  var strings = JSON.parse(script.getAttribute("data-strings"));
  var settings = JSON.parse(document.getElementById("search-settings").textContent);
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var PAGE = 10;
  var stop = new Set(settings.stop);
  var loaded = new Map();  // file -> promise of its JSON
  var asked = 0;           // the latest query: an older one's answer arriving late is dropped
  var found = [];
  var shown = 0;

  function say(key, values) {
    var text = strings[key];
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    status.textContent = text;
  }

  // --- words, as digest/search.py makes them -------------------------------------------
  var CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var WORDS = new RegExp("[" + CJK + "]|(?:(?![" + CJK + "])[\\p{L}\\p{N}])+", "gu");
  var LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i"};

  function fold(text) {
    return text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, "").replace(/[\u2122\u2120]/g, " ").toLowerCase()
      .normalize("NFKD").replace(/[œæßøđłı]/g, function (c) { return LIGATURES[c]; }).toLowerCase()
      .replace(/\p{M}/gu, "");
  }

  function length(word) { return Array.from(word).length; }  // in characters, as Python counts

  function reduce(word) {
    if (length(word) <= settings.min) return word;
    for (var i = 0; i < settings.rules.length; i++) {
      var suffix = settings.rules[i][0];
      if (word.endsWith(suffix) && length(word) - suffix.length >= settings.rules[i][2]) {
        word = word.slice(0, word.length - suffix.length) + settings.rules[i][1];
        break;
      }
    }
    var stripped = word.replace(/e+$/, "");
    return length(stripped) >= settings.min ? stripped : word;
  }

  function keyOf(word) {  // a folded word's key, or "" for a word not indexed
    if (stop.has(word) || (word.length === 1 && word >= "a" && word <= "z")) return "";  // a digit stays: March 5
    return reduce(word);
  }

  function keys(text) {  // the query's keys: dates as written (2025-03-28), then its words
    var out = [];
    text = text.normalize("NFC").toLowerCase().replace(/\b\d{4}-\d\d(?:-\d\d)?\b/g, function (date) { out.push(date); return " "; });
    (fold(text).match(WORDS) || []).forEach(function (w) { var k = keyOf(w); if (k) out.push(k); });
    return Array.from(new Set(out));
  }

  function bucketOf(key, buckets) {  // FNV-1a over code points
    var h = 0x811c9dc5;
    for (var ch of key) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193) >>> 0;
    return h % buckets;
  }

  // --- files ----------------------------------------------------------------------------
  function load(name) {
    if (!loaded.has(name)) {
      loaded.set(name, fetch(files + name).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.arrayBuffer();
      }).then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);  // a host unpacked it
        var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
        return new Response(stream).text();
      }).then(JSON.parse));
      loaded.get(name).catch(function () { loaded.delete(name); });  // tried again by the next query
    }
    return loaded.get(name);
  }

  // --- searching ------------------------------------------------------------------------
  function matches(chunk, tables, wanted) {
    // stories of the chunk holding every key: [place among all stories, headline keys]
    var score = null;
    for (var i = 0; i < wanted.length; i++) {
      var gaps = tables[i][wanted[i]];
      if (!gaps) return [];
      var here = new Map(), n = -1;
      for (var j = 0; j < gaps.length; j++) {
        n += gaps[j] >> 1;
        if (score === null || score.has(n)) here.set(n, (score === null ? 0 : score.get(n)) + (gaps[j] & 1));
      }
      score = here;
    }
    var out = [];
    score.forEach(function (s, n) { out.push([chunk[1] + n, s]); });
    return out;
  }

  function search(query) {
    var ask = ++asked;
    var wanted = keys(query);
    list.textContent = "";
    more.hidden = true;
    found = [];
    shown = 0;
    if (!wanted.length) { say("all", {n: settings.count}); return; }
    say("loading");
    var work = settings.chunks.map(function (chunk) {
      return Promise.all(wanted.map(function (key) {
        return load(chunk[0] + "/b" + bucketOf(key, chunk[3]));
      })).then(function (tables) { return matches(chunk, tables, wanted); });
    });
    Promise.all(work).then(function (parts) {
      if (ask !== asked) return;
      found = [].concat.apply([], parts);
      // headline matches first, then the newest
      found.sort(function (a, b) { return b[1] - a[1] || b[0] - a[0]; });
      if (!found.length) { say("none"); return; }
      return showMore(ask, wanted);
    }).catch(function () { if (ask === asked) say("failed"); });
  }

  function showMore(ask, wanted) {
    var next = found.slice(shown, shown + PAGE);
    shown += next.length;  // now: a second click while these load takes the ten after them
    more.disabled = true;
    return Promise.all(next.map(function (hit) {
      return load("p/" + Math.floor(hit[0] / settings.pack)).then(function (pack) { return pack[hit[0] % settings.pack]; });
    })).then(function (stories) {
      if (ask !== asked) return;
      // a pack cached from before the archive changed may lack a story: it is left out
      stories.filter(Boolean).forEach(function (story) { list.append(result(story, wanted)); });
      performance.mark("search-shown");  // bench/bench_search.py times the results from the data's arrival
      more.disabled = false;
      more.hidden = shown >= found.length;
      if (found.length === 1) say("one");
      else if (shown < found.length) say("some", {shown: shown, n: found.length});
      else say("many", {n: found.length});
    });
  }

  function result(story, wanted) {
    var item = document.createElement("li");
    item.lang = story.l;
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = root + story.u;
    link.textContent = story.t;
    heading.append(link);
    var meta = document.createElement("p");
    meta.className = "meta";
    var time = document.createElement("time");
    time.dateTime = story.d;
    time.textContent = longDate(story.d);
    meta.append(story.c + " · ", time);
    item.append(heading, meta, snippet(story, wanted));
    return item;
  }

  function longDate(iso) {  // the day as the site writes it (March 28, 2025 · 28 mars 2025)
    try {
      return new Intl.DateTimeFormat(document.documentElement.lang || undefined,
        {year: "numeric", month: "long", day: "numeric", timeZone: "UTC"}).format(new Date(iso + "T00:00:00Z"));
    } catch (e) { return iso; }
  }

  function snippet(story, wanted) {
    // about thirty words of the text around the first word the query asked for, marked;
    // the summary when the match is elsewhere (headline, tags, topic, date)
    var p = document.createElement("p");
    var want = new Set(wanted);
    var words = [], hit = -1, m;
    var re = /[\p{L}\p{N}\p{M}]+/gu;
    while ((m = re.exec(story.x)) !== null) {
      var word = fold(m[0]);
      var ks = word.match(WORDS) || [];
      var marked = ks.some(function (w) { return want.has(keyOf(w)); });
      words.push([m.index, m.index + m[0].length, marked]);
      if (marked && hit < 0) hit = words.length - 1;
    }
    if (hit < 0) { p.textContent = story.s; return p; }
    var first = Math.max(0, hit - 10), last = Math.min(words.length - 1, hit + 20);
    var at = words[first][0];
    if (first > 0) p.append("… ");
    for (var i = first; i <= last; i++) {
      if (!words[i][2]) continue;
      p.append(story.x.slice(at, words[i][0]));
      var mark = document.createElement("mark");
      mark.textContent = story.x.slice(words[i][0], words[i][1]);
      p.append(mark);
      at = words[i][1];
    }
    p.append(story.x.slice(at, words[last][1]));
    if (last < words.length - 1) p.append(" …");
    return p;
  }

  var timer = 0;
  if (typeof DecompressionStream === "undefined") {  // Safari before 16.4, Firefox before 113
    say("failed");
    return;
  }
  var initial = new URLSearchParams(location.search).get("q") || "";
  if (!input.value) input.value = initial;
  input.addEventListener("input", function () {
    var url = new URL(location.href);
    if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
    history.replaceState(null, "", url);  // the address shares the search
    clearTimeout(timer);
    asked++;  // an answer to what the box said before is not shown
    list.textContent = "";
    more.hidden = true;
    timer = setTimeout(function () { search(input.value); }, 150);  // not a fetch per key typed
  });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value);
  });
  more.addEventListener("click", function () {
    var before = shown;
    var ask = asked;
    showMore(ask, keys(input.value)).then(function () {
      var next = list.children[before];
      if (next) next.querySelector("a").focus();  // the keyboard goes on where the new results start
    }).catch(function () { if (ask === asked) say("failed"); });
  });
  search(input.value);
})();
