// Small enhancements; every page works without them.
(function () {
  "use strict";

  function prefillTimeZone() {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    if (!zone) { return; }
    document.querySelectorAll("select[name='timezone'][data-browser-default]").forEach(function (select) {
      if (select.dataset.userChosen === "true") { return; }
      var option = select.querySelector("option[value='" + zone.replace(/'/g, "") + "']");
      if (option) { select.value = zone; }
    });
  }

  function wireCopyButtons() {
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
      button.addEventListener("click", function () {
        var field = document.getElementById(button.dataset.copyTarget);
        if (!field) { return; }
        field.select();
        var done = function () { button.textContent = "Copied"; };
        if (navigator.clipboard) {
          navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); });
        } else {
          document.execCommand("copy");
          done();
        }
      });
    });
  }

  // The device's own share sheet (Web Share API) where there is one; the copy button
  // and the QR code serve everywhere else, so the button stays hidden there.
  function wireShareButtons() {
    if (typeof navigator.share !== "function") { return; }
    document.querySelectorAll("[data-share-url]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.share({
          title: button.dataset.shareTitle || document.title,
          text: button.dataset.shareText || "",
          url: button.dataset.shareUrl
        }).catch(function () { /* The person closed the share sheet. */ });
      });
    });
  }

  function wireCounters() {
    document.querySelectorAll("[data-counter-for]").forEach(function (counter) {
      var field = document.getElementById(counter.dataset.counterFor);
      if (!field) { return; }
      var max = parseInt(field.getAttribute("maxlength"), 10);
      var update = function () { counter.textContent = field.value.length + " of " + max + " characters"; };
      field.addEventListener("input", update);
      update();
    });
  }

  function wireExclusiveNothing() {
    var boxes = document.querySelectorAll("input[name='needs']");
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        if (!box.checked) { return; }
        boxes.forEach(function (other) {
          if (other === box) { return; }
          if (box.value === "nothing" || other.value === "nothing") { other.checked = false; }
        });
      });
    });
  }

  function wireMoreMenu() {
    var menu = document.querySelector(".more-menu");
    if (!menu) { return; }
    document.addEventListener("click", function (event) {
      if (menu.open && !menu.contains(event.target)) { menu.open = false; }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    wireMoreMenu();
    prefillTimeZone();
    wireCopyButtons();
    wireShareButtons();
    wireCounters();
    wireExclusiveNothing();
  });
})();
