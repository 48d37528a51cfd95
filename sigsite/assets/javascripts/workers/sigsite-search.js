// Material's search worker, given the pages of its index when a visitor first searches, and with
// the Chinese of each query cut into the words its index holds.
//
// Material's page script fetches search/search_index.json on every page load and hands it to its
// worker (type 0); sigsite leaves the settings there and no pages (theme_hooks.split_search_index),
// so a page load fetches and parses a few hundred bytes, not the whole site's text. The pages are
// in the file this worker's address names (?index=..., from its folder): the first query that is
// not blank fetches them and hands them to Material as its index; that query, or the last one
// typed while they load, is answered once Material says the index is ready (type 1, kept from
// the page: it heard the first already).
//
// Material indexes Chinese as jieba cuts it (its search plugin puts a zero-width space between the
// words; mkdocs.yml's separator splits there) and cuts a query's Chinese against the index's words,
// but never takes a run of Chinese as one whole word: its loop stops one character short, so 量子
// is searched as 量* and finds 量化 and 轻量. This worker runs Material's own (named in its address,
// ?theme=..., by sigsite/adapters/theme_hooks.py) and hands it each Chinese run already cut:
//   - the words of the index that cover the run best (fewest characters outside them, then fewest
//     words), each closed by 〇: Material reads the run without its last character, so it takes the
//     word whole (量子〇 is 量子*); a word that is also shorter words of the index, as both;
//   - where the run ends as the start of longer words of the index only (量子计 of 量子计算),
//     those words, as Material's own trailing wildcard would find them in English;
//   - a character no word of the index holds, as it is.
// Everything else of the query, and every other message, passes as it is.
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2; // Material's message types (integrations/search/worker/message)
  var RUN = /\p{sc=Han}+/gu;
  var WORD = /^\p{sc=Han}+$/u;
  // U+3007, the ideographic zero: a Han character, so Material reads it as part of the run.
  var CLOSE = "\u3007";
  var LONGEST = 16; // characters: the longest word of the index a query is matched against
  var EXPANDED = 32; // the most index words one unfinished word may stand for

  var words = new Set(); // the Chinese words of the index
  var sorted = []; // the same, in order, to find the words a piece starts
  var longest = 1;

  // The words of the index, as Material's tokenizer makes them: text out of its tags, split by
  // the index's separator, in lower case (Chinese has none).
  function learn(index) {
    var separator = new RegExp(index.config.separator);
    index.docs.forEach(function (doc) {
      [doc.title, doc.text].forEach(function (field) {
        String(field || "").replace(/<[^>]*>/g, " ").split(separator).forEach(function (token) {
          if (WORD.test(token) && Array.from(token).length <= LONGEST) words.add(token);
        });
      });
    });
    sorted = Array.from(words).sort();
    words.forEach(function (word) { longest = Math.max(longest, Array.from(word).length); });
  }

  // The index words that start with `piece`, in order; null when more than EXPANDED do.
  function startingWith(piece) {
    var low = 0, high = sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sorted[middle] < piece) low = middle + 1; else high = middle;
    }
    var found = [];
    for (var i = low; i < sorted.length && sorted[i].indexOf(piece) === 0; i++) {
      if (found.length === EXPANDED) return null;
      found.push(sorted[i]);
    }
    return found;
  }

  // The pieces of a run (an array of characters) that leave the fewest of its characters outside
  // every word of the index, then are the fewest: worked out for every place at once (linear in
  // the run times LONGEST), where cutting at the longest word first would leave 议 of 小组会议
  // alone (小组会, then 议). A piece is a word of the index; the run's end where it starts longer
  // words only (量子计 of 量子计算), as Material's trailing wildcard would find them in English;
  // or a character no word holds. With `parts`, the whole run is no piece: its words inside.
  function pieces(chars, parts) {
    var n = chars.length, best = [], next = [];
    best[n] = [0, 0];
    for (var i = n - 1; i >= 0; i--) {
      best[i] = null;
      for (var j = i + 1; j <= Math.min(n, i + longest); j++) {
        if (parts && i === 0 && j === n) continue;
        var piece = chars.slice(i, j).join(""), missed;
        if (words.has(piece)) missed = 0;
        else if (j === i + 1) missed = 1;
        else if (j === n && (startingWith(piece) || []).length) missed = 0;
        else continue;
        var cost = [best[j][0] + missed, best[j][1] + 1];
        if (best[i] === null || cost[0] < best[i][0] || (cost[0] === best[i][0] && cost[1] < best[i][1])) {
          best[i] = cost;
          next[i] = j;
        }
      }
    }
    var found = [];
    for (var k = 0; k < n; k = next[k]) found.push(chars.slice(k, next[k]).join(""));
    return { pieces: found, missed: best[0][0] };
  }

  // One run of Chinese as the terms Material is to search, separated by spaces: each piece a word
  // closed by 〇 (Material reads a run without its last character, so it takes the word whole);
  // a word the index also holds as shorter words (小组会议: 小组, 会议; jieba cuts some texts one
  // way, some the other) as both, so that one page's text cannot hide the others'; the run's end
  // as the longer words it starts; a character no word holds as it is.
  function cut(run) {
    return pieces(Array.from(run), false).pieces.map(function (piece) {
      var chars = Array.from(piece);
      if (words.has(piece)) {
        var inside = chars.length > 2 ? pieces(chars, true) : null;
        var also = inside && !inside.missed && inside.pieces.length > 1 ? inside.pieces : [];
        return [piece].concat(also).map(function (word) { return word + CLOSE; }).join(" ");
      }
      if (chars.length === 1) return piece;
      return startingWith(piece).map(function (word) { return word + CLOSE; }).join(" ");
    }).join(" ");
  }

  // A query with each run of Chinese cut into the index's words.
  function segmented(query) {
    if (!words.size) return query;
    return query.replace(RUN, function (run, offset, whole) {
      // Apart from the words around it, but kept to a `+` or `-` written before it.
      var lead = offset && !/[\s+\-~^:"]/.test(whole.charAt(offset - 1)) ? " " : "";
      var end = offset + run.length;
      return lead + cut(run) + (end < whole.length && !/\s/.test(whole.charAt(end)) ? " " : "");
    });
  }

  var address = new URL(self.location.href).searchParams;
  var theme = address.get("theme") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(theme)) throw new Error("sigsite: no search worker named");
  var pages = address.get("index") ? new URL(address.get("index"), self.location.href) : null;
  if (pages && (pages.origin !== self.location.origin || !/\/search\/[\w.]+\.json$/.test(pages.pathname))) {
    throw new Error("sigsite: no search index named");
  }

  var setup = null; // the page's type-0 message: the index's settings, and its options
  var loaded = !pages; // Material holds the index's pages
  var loading = false; // they are being fetched, or Material builds its index of them
  var waiting = null; // the query to answer once they are in

  var forwarding = false;
  function forward(type, data) { // a message for Material's own listener, not for ours
    forwarding = true;
    try {
      self.dispatchEvent(new MessageEvent("message", { data: { type: type, data: data } }));
    } finally {
      forwarding = false;
    }
  }

  function answerWaiting() {
    var query = waiting;
    waiting = null;
    if (query !== null) forward(QUERY, segmented(query));
  }

  function load() {
    loading = true;
    fetch(pages.href).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    }).then(function (index) {
      learn(index);
      forward(SETUP, { config: index.config, docs: index.docs, options: setup.options });
    }).catch(function (error) {
      console.error("sigsite: the search index " + pages.href + " could not be loaded: " + error);
      loading = false; // the next query tries again; this one finds nothing
      answerWaiting();
    });
  }

  // Material's answer that its index of the pages is built: the page heard one already.
  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (loading && message && message.type === READY) {
      loading = false;
      loaded = true;
      answerWaiting();
      return;
    }
    post.apply(self, arguments);
  };

  self.addEventListener("message", function (event) {
    if (forwarding || !event.data) return;
    var message = event.data;
    if (message.type === SETUP && message.data && message.data.config) {
      setup = message.data;
      if (message.data.docs && message.data.docs.length) {
        learn(message.data); // a whole index after all: nothing to fetch
        loaded = true;
      }
    } else if (message.type === QUERY && typeof message.data === "string") {
      if (!loaded && setup && (loading || message.data.trim())) {
        event.stopImmediatePropagation();
        waiting = message.data;
        if (!loading) load();
        return;
      }
      var query = segmented(message.data);
      if (query === message.data) return;
      event.stopImmediatePropagation();
      forward(QUERY, query);
    }
  });

  importScripts(theme);
})();
