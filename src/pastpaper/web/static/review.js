// Keys for the review page (ours, no library): space shows the answer, 1 to 4 rate.
// Each key only clicks a button the page already has, so without this file the same
// buttons work with a mouse, a finger or Tab and Enter. Keys typed into a box are left
// alone: a space in an answer is a space.
(function () {
  "use strict";

  function press(selector, event) {
    var region = document.getElementById("review");
    var button = region && region.querySelector(selector);
    if (!button) return;
    event.preventDefault();
    // A key may come before htmx has looked at a card just swapped in: have it do so now
    // (again is no change), so the button is sent by htmx, not by loading the page again.
    if (window.htmx) window.htmx.process(region);
    button.click();
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.key === " ") {
      // A focused button already answers to space by itself.
      if (target.closest && target.closest("button, a")) return;
      press("[data-reveal]", event);
    } else if (/^[1-4]$/.test(event.key)) {
      press('[data-rating="' + event.key + '"]', event);
    }
  });

  // After a card is swapped in, put the focus on it (or on the suggested rating), so a
  // screen reader reads the new card and the keys go on working.
  document.addEventListener("htmx:afterSettle", function (event) {
    var swapped = event.detail && event.detail.target;
    if (!swapped || swapped.id !== "review") return;
    var region = document.getElementById("review");
    if (!region) return;
    var first = region.querySelector("[autofocus]") || region.querySelector("h2");
    if (first) first.focus();
  });
})();
