// Turn timers, shared meeting notes and the paced-breathing guide.
(function () {
  "use strict";

  function clock(seconds) {
    var whole = Math.max(0, Math.ceil(seconds));
    var rest = whole % 60;
    return Math.floor(whole / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  // Turn timers: the server sends when the turn ends and its own clock, so that two
  // devices with different clocks show the same time left.
  function tickCountdowns() {
    document.querySelectorAll("[data-countdown]").forEach(function (timer) {
      if (!timer.dataset.offset) {
        timer.dataset.offset = String(Number(timer.dataset.serverNow) - Date.now());
      }
      var now = Date.now() + Number(timer.dataset.offset);
      var left = (Number(timer.dataset.endsAt) - now) / 1000;
      timer.textContent = clock(left);
      if (left <= 0) {
        timer.classList.add("timer--up");
        var box = timer.closest("section");
        var upMessage = box && box.querySelector("[data-time-up]");
        if (upMessage && upMessage.hidden) { upMessage.hidden = false; }
      }
    });
  }

  // Shared notes: while someone is typing, the polled refresh must not replace their words.
  function wireNotes() {
    document.body.addEventListener("input", function (event) {
      if (event.target.matches("[data-notes-field]")) { event.target.dataset.dirty = "true"; }
    });
    document.body.addEventListener("htmx:afterRequest", function (event) {
      var source = event.detail.elt;
      if (source && source.matches && source.matches("[data-notes-field]") && event.detail.successful) {
        delete source.dataset.dirty;
      }
    });
    document.body.addEventListener("htmx:beforeRequest", function (event) {
      var source = event.detail.elt;
      if (!source || !source.matches || !source.matches("[data-notes-poll]")) { return; }
      var busy = source.contains(document.activeElement) ||
        source.querySelector("[data-notes-field][data-dirty]");
      if (busy) { event.preventDefault(); }
    });
  }

  // Paced breathing.
  var session = null;

  function parsePhases(text) {
    return text.split(",").map(function (part) {
      var bits = part.split(":");
      return { key: bits[0], seconds: Number(bits[1]), label: bits.slice(2).join(":") };
    });
  }

  function prefersStill() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  function setShape(shape, phase) {
    shape.classList.remove("is-in", "is-out", "is-hold-in", "is-hold-out", "dur-4", "dur-5");
    // Force a style flush so that the next class change starts a fresh transition.
    void shape.offsetWidth;
    shape.classList.add("is-" + phase.key, "dur-" + phase.seconds);
  }

  function stopBreathing(finished) {
    if (!session) { return; }
    window.clearInterval(session.timer);
    var panel = session.panel;
    var done = document.querySelector("[data-breath-done]");
    panel.hidden = true;
    session.form.hidden = false;
    if (done) {
      done.querySelector("[data-log-pattern]").value = session.pattern;
      done.querySelector("[data-log-minutes]").value = String(session.minutes);
      done.querySelector("[data-breath-done-text]").textContent = finished
        ? "You finished " + session.minutes + " minute" + (session.minutes === 1 ? "" : "s") + " of breathing."
        : "You stopped early, and that is fine.";
      done.hidden = false;
      var heading = done.querySelector("h2");
      if (heading) { heading.focus(); }
    }
    session = null;
  }

  function startBreathing(form) {
    var choice = form.querySelector("input[name='pattern']:checked");
    var minutesField = form.querySelector("[name='minutes']");
    var panel = document.querySelector("[data-breath]");
    if (!choice || !minutesField || !panel) { return; }
    var minutes = Math.min(10, Math.max(1, Number(minutesField.value) || 3));
    var phases = parsePhases(choice.dataset.phases);
    var still = prefersStill();
    var shape = panel.querySelector("[data-breath-shape]");
    var phaseText = panel.querySelector("[data-breath-phase]");
    var countText = panel.querySelector("[data-breath-count]");
    var leftText = panel.querySelector("[data-breath-left]");
    var done = document.querySelector("[data-breath-done]");
    if (done) { done.hidden = true; }
    panel.classList.toggle("breath--still", still);
    panel.hidden = false;
    form.hidden = true;

    session = {
      form: form, panel: panel, pattern: choice.value, minutes: minutes,
      endsAt: Date.now() + minutes * 60 * 1000, phaseIndex: -1, phaseEndsAt: 0, timer: null
    };

    function step() {
      var now = Date.now();
      if (now >= session.endsAt) { stopBreathing(true); return; }
      if (now >= session.phaseEndsAt) {
        session.phaseIndex = (session.phaseIndex + 1) % phases.length;
        var phase = phases[session.phaseIndex];
        session.phaseEndsAt = now + phase.seconds * 1000;
        phaseText.textContent = phase.label;
        if (!still) { setShape(shape, phase); }
      }
      countText.textContent = String(Math.max(1, Math.ceil((session.phaseEndsAt - now) / 1000)));
      leftText.textContent = clock((session.endsAt - now) / 1000);
    }
    step();
    session.timer = window.setInterval(step, 200);
    panel.querySelector("[data-breathe-stop]").focus();
  }

  function wireBreathing() {
    var form = document.querySelector("[data-breathe-form]");
    if (!form) { return; }
    form.querySelectorAll("[data-needs-js]").forEach(function (hint) { hint.hidden = true; });
    form.querySelector("[data-breathe-start]").addEventListener("click", function () {
      startBreathing(form);
    });
    var stop = document.querySelector("[data-breathe-stop]");
    if (stop) { stop.addEventListener("click", function () { stopBreathing(false); }); }
    if (form.hasAttribute("data-autostart")) { startBreathing(form); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    wireNotes();
    wireBreathing();
    tickCountdowns();
    window.setInterval(tickCountdowns, 250);
  });
})();
