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

  function registerServiceWorker() {
    var url = document.body.dataset.serviceWorker;
    if (!url || !("serviceWorker" in navigator)) { return; }
    navigator.serviceWorker.register(url, { scope: "/" }).catch(function () { return null; });
  }

  // Live pages: the poller asks every few seconds whether the partner did something. It
  // rests while the page is hidden, and a part of the page someone is typing in is not
  // replaced under their fingers: it is refreshed once they leave it.
  function isTypingIn(element) {
    var fields = element.querySelectorAll("textarea, input[type='text']");
    for (var i = 0; i < fields.length; i++) {
      if (fields[i] === document.activeElement || fields[i].value !== fields[i].defaultValue) { return true; }
    }
    return false;
  }

  function wireLivePages() {
    var held = false;
    document.body.addEventListener("htmx:beforeRequest", function (event) {
      if (document.hidden && event.detail.elt.hasAttribute("data-live-poller")) { event.preventDefault(); }
    });
    document.body.addEventListener("htmx:oobBeforeSwap", function (event) {
      if (isTypingIn(event.detail.target)) {
        event.detail.shouldSwap = false;
        held = true;
      }
    });
    document.addEventListener("focusout", function () {
      if (!held) { return; }
      window.setTimeout(function () {
        if (held && !isTypingIn(document.body)) { held = false; document.body.dispatchEvent(new Event("live-changed")); }
      }, 300);
    });
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) { document.body.dispatchEvent(new Event("visible-again")); }
    });
  }

  function wireInstallHint() {
    var hint = document.querySelector("[data-install-hint]");
    if (!hint) { return; }
    var dismissable = hint.hasAttribute("data-dismissable");
    var standalone = window.matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
    var phone = window.matchMedia("(pointer: coarse)").matches;
    var dismissed = false;
    try { dismissed = window.localStorage.getItem("tending-install-hint") === "dismissed"; } catch (e) { dismissed = false; }
    if (standalone || (dismissable && (dismissed || !phone))) { return; }
    var button = hint.querySelector("[data-install-button]");
    window.addEventListener("beforeinstallprompt", function (event) {
      event.preventDefault();
      hint.hidden = false;
      hint.querySelector("[data-install-ready]").hidden = false;
      button.hidden = false;
      button.addEventListener("click", function () {
        event.prompt();
        event.userChoice.then(function () { hint.hidden = true; });
      }, { once: true });
    });
    if (/iPhone|iPad/.test(navigator.userAgent)) {
      hint.hidden = false;
      hint.querySelector("[data-install-ios]").hidden = false;
    }
    var dismiss = hint.querySelector("[data-install-dismiss]");
    if (dismiss) {
      dismiss.addEventListener("click", function () {
        hint.hidden = true;
        try { window.localStorage.setItem("tending-install-hint", "dismissed"); } catch (e) { return; }
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    registerServiceWorker();
    wireLivePages();
    wireInstallHint();
    wireMoreMenu();
    prefillTimeZone();
    wireCopyButtons();
    wireShareButtons();
    wireCounters();
    wireExclusiveNothing();
  });
})();
