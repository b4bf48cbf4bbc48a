// The practice page: a countdown at the exam's pace (which the student may hide), and the
// draft sent to the server when the page is left, so closing the browser loses nothing.
// Our own code; the page works without it (the time allowed is written on it, and the
// form has a "Save draft" button).
(function () {
  "use strict";

  function clock(seconds) {
    var whole = Math.abs(Math.round(seconds));
    var minutes = Math.floor(whole / 60);
    var rest = String(whole % 60).padStart(2, "0");
    return minutes + ":" + rest;
  }

  function startTimer() {
    var timer = document.getElementById("timer");
    if (!timer) return;
    var allowed = Number(timer.dataset.seconds);
    var gone = Number(timer.dataset.gone);
    var loaded = Date.now();
    var count = timer.querySelector(".timer-count");
    var left = document.getElementById("timer-left");
    var toggle = document.getElementById("timer-toggle");
    var hidden = window.localStorage && localStorage.getItem("pastpaper-timer") === "hidden";

    function show() {
      var remaining = allowed - gone - (Date.now() - loaded) / 1000;
      left.textContent = remaining >= 0
        ? clock(remaining) + " left"
        : clock(remaining) + " over the time allowed";
      timer.classList.toggle("over", remaining < 0);
    }

    function apply() {
      count.hidden = hidden;
      toggle.textContent = hidden ? "Show the timer" : "Hide the timer";
      toggle.setAttribute("aria-expanded", hidden ? "false" : "true");
    }

    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      hidden = !hidden;
      if (window.localStorage) localStorage.setItem("pastpaper-timer", hidden ? "hidden" : "shown");
      apply();
    });
    apply();
    show();
    window.setInterval(show, 1000);
  }

  function keepOnLeaving() {
    var form = document.getElementById("practise-form");
    if (!form || !navigator.sendBeacon) return;
    var answer = form.querySelector("textarea[name=answer]");
    var sent = answer.value;
    var submitting = false;
    form.addEventListener("submit", function () { submitting = true; });
    document.body.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.elt === answer && event.detail.successful) sent = answer.value;
    });

    function send() {
      if (submitting || answer.value === sent) return;
      // The form's fields, its csrftoken among them (which the server checks), sent
      // url-encoded: the CSRF check cannot read a multipart body with the installed
      // python-multipart, so FormData is turned into URLSearchParams.
      var fields = new URLSearchParams(new FormData(form));
      if (navigator.sendBeacon(form.dataset.draft + "?beacon=1", fields)) {
        sent = answer.value;
      }
    }

    window.addEventListener("pagehide", send);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") send();
    });
  }

  startTimer();
  keepOnLeaving();
})();
