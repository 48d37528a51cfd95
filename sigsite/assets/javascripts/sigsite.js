// Progressive enhancements of the SIG site; every page reads correctly without them.
(function () {
  "use strict";

  // Members page: the role filter and the name search filter the roster on the client. The
  // directory of groups uses the same filters, one group of buttons per facet: a card carries its
  // keys in data-<facet> (data-roles by default), and words only it should match in data-search.
  // A control with data-param keeps its choice in the page's address under that name (the
  // directory's), so a filtered view can be shared and comes back on reload; the address keeps
  // every other parameter (Material's ?h=) and its fragment.
  function enhanceRoster(roster) {
    var groups = roster.querySelectorAll(".sig-roster__filters");
    var find = roster.querySelector(".sig-roster__find");
    if (!groups.length || !find) return;
    var input = find.querySelector("input");
    var status = find.querySelector(".sig-roster__status");
    var cards = Array.prototype.map.call(roster.querySelectorAll(".sig-person, .sig-card, .sig-repo"), function (card, index) {
      return {
        element: card,
        index: index,
        latest: card.getAttribute("data-latest") || "",
        text: (card.textContent + " " + (card.getAttribute("data-search") || "")).toLowerCase()
      };
    });
    var chosen = {};
    var params = {};  // address parameter -> function () { its value now ("" for the default) }
    var address = new URLSearchParams(window.location.search);

    function keysOf(card, facet) {
      return (card.element.getAttribute("data-" + facet) || "").split(" ");
    }

    function keepInAddress() {
      var names = Object.keys(params);
      if (!names.length) return;
      var kept = new URLSearchParams(window.location.search);
      names.forEach(function (name) {
        var value = params[name]();
        if (value) kept.set(name, value); else kept.delete(name);
      });
      var query = kept.toString();
      window.history.replaceState(window.history.state, "",
        window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    function update() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      cards.forEach(function (card) {
        var visible = Object.keys(chosen).every(function (facet) {
          return chosen[facet] === "" || keysOf(card, facet).indexOf(chosen[facet]) !== -1;
        }) && words.every(function (word) { return card.text.indexOf(word) !== -1; });
        card.element.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = shown === 0
        ? status.getAttribute("data-none")
        : status.getAttribute("data-showing")
          .replace("{shown}", String(shown)).replace("{total}", String(cards.length));
      keepInAddress();
    }

    // Buttons of which one is pressed: `choose` is told the key of the one pressed.
    function oneOf(group, attribute, choose) {
      var buttons = Array.prototype.slice.call(group.querySelectorAll("button[" + attribute + "]"));
      function press(button) {
        buttons.forEach(function (other) {
          other.setAttribute("aria-pressed", String(other === button));
        });
        choose(button.getAttribute(attribute));
      }
      buttons.forEach(function (button) {
        button.addEventListener("click", function () { press(button); update(); });
      });
      var param = group.getAttribute("data-param");
      if (param) {
        var wanted = address.get(param) || "";
        var found = buttons.filter(function (b) { return b.getAttribute(attribute) === wanted; })[0];
        if (found) press(found);
        params[param] = function () {
          var pressed = buttons.filter(function (b) { return b.getAttribute("aria-pressed") === "true"; })[0];
          return pressed ? pressed.getAttribute(attribute) : "";
        };
      }
    }

    groups.forEach(function (group) {
      var facet = group.getAttribute("data-facet") || "roles";
      chosen[facet] = "";
      oneOf(group, "data-role", function (key) { chosen[facet] = key; });
    });

    // The second order (the directory's by latest activity): the page's own order is the first.
    var order = roster.querySelector(".sig-roster__order");
    if (order && cards.length) {
      var list = cards[0].element.parentNode;
      oneOf(order, "data-order", function (key) {
        var ordered = key === "" ? cards : cards.slice().sort(function (a, b) {
          if (a.latest === b.latest) return a.index - b.index;
          return a.latest < b.latest ? 1 : -1;  // the latest first; unknown ("") last
        });
        ordered.forEach(function (card) { list.appendChild(card.element); });
      });
    }

    var param = input.getAttribute("data-param");
    if (param) {
      input.value = address.get(param) || "";
      params[param] = function () { return input.value.trim(); };
    }
    input.addEventListener("input", update);
    if (Object.keys(params).some(function (name) { return params[name](); })) update();
  }

  // Meeting times: add the time in the visitor's own zone when it differs from the meeting's.
  function offsetMinutes(iso) {
    var match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
    if (!match) return 0;
    var minutes = parseInt(match[2], 10) * 60 + parseInt(match[3], 10);
    return match[1] === "-" ? -minutes : minutes;
  }

  function showLocalTime(element) {
    var iso = element.getAttribute("datetime") || "";
    if (iso.indexOf("T") === -1 || element.querySelector(".sig-local-time")) return;
    var instant = new Date(iso);
    if (isNaN(instant.getTime())) return;
    if (-instant.getTimezoneOffset() === offsetMinutes(iso)) return;
    var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      weekday: "short", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit",
      timeZoneName: "short"
    });
    // The words come from the page, in its language: " (your time: {time})".
    var words = element.getAttribute("data-sig-local") || "";
    if (words.indexOf("{time}") === -1) return;
    var local = document.createElement("span");
    local.className = "sig-local-time";
    local.textContent = words.replace("{time}", format.format(instant));
    element.appendChild(local);
  }

  // Code blocks that scroll sideways must be reachable by keyboard.
  function focusableWhenScrolling(code) {
    if (code.scrollWidth > code.clientWidth && !code.hasAttribute("tabindex")) {
      code.setAttribute("tabindex", "0");
    }
  }

  // Material's search dialog has no accessible name: give it the search field's.
  function nameSearchDialog(dialog) {
    var input = dialog.querySelector("input[aria-label]");
    if (input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
    }
  }

  function init() {
    document.querySelectorAll('.md-search[role="dialog"]').forEach(nameSearchDialog);
    document.querySelectorAll("pre > code").forEach(focusableWhenScrolling);
    document.querySelectorAll("[data-sig-roster]").forEach(enhanceRoster);
    document.querySelectorAll("time[data-sig-local]").forEach(showLocalTime);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
