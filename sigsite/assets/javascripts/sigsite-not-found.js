// The 404 page in the visitor's language, before Material's script starts (overrides/404.html
// loads this first). A static host serves one 404 page, the default language's, for every missing
// address; it holds a section per language (sigsite.render.not_found). This keeps the section of
// the language root the missing address is in (the longest that matches; else the first, the
// default language's), and points search at that root: its pages' index and their addresses.
(function () {
  "use strict";

  var sections = Array.prototype.slice.call(document.querySelectorAll(".sig-not-found"));
  if (sections.length < 2) return;
  var path = window.location.pathname, chosen = sections[0], longest = -1;
  sections.forEach(function (section) {
    var root = new URL(section.getAttribute("data-sig-language-root"), window.location.href).pathname;
    if (path.indexOf(root) === 0 && root.length > longest) {
      chosen = section;
      longest = root.length;
    }
  });
  sections.forEach(function (section) { section.hidden = section !== chosen; });
  document.documentElement.lang = chosen.lang;
  if (chosen === sections[0]) return;

  // Material reads its settings from #__config when its script starts, which is after this one.
  var element = document.getElementById("__config");
  if (!element) return;
  var settings = JSON.parse(element.textContent);
  var root = new URL(chosen.getAttribute("data-sig-language-root"), window.location.href);
  settings.base = root.pathname;
  if (typeof settings.search === "string") {
    var worker = new URL(settings.search, window.location.href);
    if (worker.searchParams.has("index")) {
      worker.searchParams.set("index", new URL("search/search_index.full.json", root).pathname);
      settings.search = worker.pathname + worker.search;
    }
  }
  element.textContent = JSON.stringify(settings);
})();
