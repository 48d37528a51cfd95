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
//   - at each place, the longest word of the index that the run holds there, closed by 〇: Material
//     reads the run without its last character, so it takes the word whole (量子〇 is 量子*);
//   - where the run goes on as the start of longer words of the index only (量子计 of 量子计算),
//     those words, as Material's own trailing wildcard would find them in English;
//   - a character no word of the index starts with, as it is.
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

  // One run of Chinese as the terms Material is to search, separated by spaces.
  function cut(run) {
    var chars = Array.from(run), terms = [];
    for (var start = 0; start < chars.length;) {
      var end = Math.min(chars.length, start + longest);
      while (end > start && !words.has(chars.slice(start, end).join(""))) end--;
      var rest = chars.slice(start, Math.min(chars.length, start + longest)).join("");
      var more = rest.length > chars.slice(start, end).join("").length ? startingWith(rest) : null;
      if (more && more.length) { // the rest of the run is where longer words start
        terms.push(more.map(function (word) { return word + CLOSE; }).join(" "));
        start += Array.from(rest).length;
      } else if (end > start) { // a whole word of the index
        terms.push(chars.slice(start, end).join("") + CLOSE);
        start = end;
      } else { // no word starts here
        terms.push(chars[start]);
        start += 1;
      }
    }
    return terms.join(" ");
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
