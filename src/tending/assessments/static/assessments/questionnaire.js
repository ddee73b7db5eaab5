// One question per screen on narrow screens, with Back and Next; every question at once
// on wider screens or without JavaScript. The form and its answers are the same either way.
(function () {
  "use strict";

  var NARROW = window.matchMedia("(max-width: 39.99rem)");

  function setUp(form) {
    var questions = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
    var steps = form.querySelector("[data-steps]");
    var back = form.querySelector("[data-back]");
    var next = form.querySelector("[data-next]");
    var submit = form.querySelector("[data-submit]");
    var progressWrap = form.querySelector("[data-progress-wrap]");
    var progress = form.querySelector("[data-progress]");
    if (!questions.length || !steps || !back || !next || !submit) { return; }

    function isAnswered(question) {
      return question.querySelector("input:checked") !== null;
    }

    function firstToShow() {
      for (var i = 0; i < questions.length; i += 1) {
        if (questions[i].classList.contains("question--error")) { return i; }
      }
      return 0;
    }

    var current = firstToShow();

    function updateProgress() {
      if (!progress) { return; }
      progress.value = questions.filter(isAnswered).length;
    }

    function show(moveFocus) {
      var stepping = NARROW.matches;
      var last = questions.length - 1;
      questions.forEach(function (question, index) {
        question.hidden = stepping && index !== current;
      });
      steps.hidden = !stepping;
      back.hidden = current === 0;
      next.hidden = current === last;
      submit.hidden = stepping && current !== last;
      if (progressWrap) { progressWrap.hidden = false; }
      updateProgress();
      if (stepping && moveFocus) { questions[current].focus(); }
    }

    next.addEventListener("click", function () {
      if (current < questions.length - 1) { current += 1; show(true); }
    });
    back.addEventListener("click", function () {
      if (current > 0) { current -= 1; show(true); }
    });
    form.addEventListener("change", updateProgress);
    if (NARROW.addEventListener) {
      NARROW.addEventListener("change", function () { show(false); });
    }
    show(false);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-questionnaire]").forEach(setUp);
  });
})();
