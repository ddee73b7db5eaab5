// The coach's copy button; everything else on the coach's pages works without script.
(function () {
  "use strict";

  function copyFrom(button) {
    var field = document.getElementById(button.dataset.coachCopy);
    if (!field) { return; }
    var done = function () { button.textContent = "Copied"; };
    field.select();
    if (navigator.clipboard) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        document.execCommand("copy");
        done();
      });
    } else {
      document.execCommand("copy");
      done();
    }
  }

  function revealCopyButtons() {
    document.querySelectorAll("[data-coach-copy]").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-coach-copy]");
    if (button) { copyFrom(button); }
  });
  document.addEventListener("DOMContentLoaded", revealCopyButtons);
  document.addEventListener("htmx:afterSettle", revealCopyButtons);
})();
