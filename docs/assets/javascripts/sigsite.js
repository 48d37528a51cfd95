// Progressive enhancements of the SIG site; every page reads correctly without them.
(function () {
  "use strict";

  // Members page: show the role filter and filter the roster on the client.
  function enhanceRoster(roster) {
    var filters = roster.querySelector(".sig-roster__filters");
    if (!filters) return;
    var buttons = filters.querySelectorAll("button[data-role]");
    var people = roster.querySelectorAll(".sig-person");
    filters.hidden = false;
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var role = button.getAttribute("data-role");
        buttons.forEach(function (other) {
          other.setAttribute("aria-pressed", String(other === button));
        });
        people.forEach(function (person) {
          var roles = (person.getAttribute("data-roles") || "").split(" ");
          person.hidden = role !== "" && roles.indexOf(role) === -1;
        });
      });
    });
  }

  function init() {
    document.querySelectorAll("[data-sig-roster]").forEach(enhanceRoster);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
