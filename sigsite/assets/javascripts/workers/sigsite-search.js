// Material's search worker, with the Chinese of each query cut into the words its index holds.
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

  var SETUP = 0, QUERY = 2; // Material's message types (integrations/search/worker/message)
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

  var forwarding = false;
  self.addEventListener("message", function (event) {
    if (forwarding || !event.data) return;
    if (event.data.type === SETUP && event.data.data && event.data.data.config) {
      learn(event.data.data);
    } else if (event.data.type === QUERY && typeof event.data.data === "string" && words.size) {
      var query = event.data.data.replace(RUN, function (run, offset, whole) {
        // Apart from the words around it, but kept to a `+` or `-` written before it.
        var lead = offset && !/[\s+\-~^:"]/.test(whole.charAt(offset - 1)) ? " " : "";
        var end = offset + run.length;
        return lead + cut(run) + (end < whole.length && !/\s/.test(whole.charAt(end)) ? " " : "");
      });
      if (query === event.data.data) return;
      event.stopImmediatePropagation();
      forwarding = true;
      try {
        self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: query } }));
      } finally {
        forwarding = false;
      }
    }
  });

  var theme = new URL(self.location.href).searchParams.get("theme") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(theme)) throw new Error("sigsite: no search worker named");
  importScripts(theme);
})();
