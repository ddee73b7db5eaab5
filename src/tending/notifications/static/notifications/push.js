// Turning Web Push on and off for this browser, from the notification settings page.
(function () {
  "use strict";

  var setup = document.getElementById("push-setup");
  if (!setup) { return; }
  var status = setup.querySelector("[data-push-status]");
  var onButton = setup.querySelector("[data-push-on]");
  var offButton = setup.querySelector("[data-push-off]");
  var iosSteps = setup.querySelector("[data-ios-steps]");

  function say(text) { status.textContent = text; }

  function keyBytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  function post(url, fields) {
    var body = new URLSearchParams(fields);
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": setup.dataset.csrf },
    });
  }

  function deviceName() {
    var agent = navigator.userAgent;
    var system = /iPhone|iPad/.test(agent) ? "iPhone or iPad" : /Android/.test(agent) ? "Android" :
      /Mac/.test(agent) ? "Mac" : /Windows/.test(agent) ? "Windows" : /Linux/.test(agent) ? "Linux" : "A device";
    var browser = /Edg\//.test(agent) ? "Edge" : /Firefox\//.test(agent) ? "Firefox" :
      /Chrome\//.test(agent) ? "Chrome" : /Safari\//.test(agent) ? "Safari" : "a browser";
    return browser + " on " + system;
  }

  function show(subscribed) {
    onButton.hidden = subscribed;
    offButton.hidden = !subscribed;
    say(subscribed ? "Notifications are on for this device." : "Notifications are off for this device.");
  }

  function turnOn(registration) {
    onButton.disabled = true;
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") {
        say("Notifications are blocked for Tending in this browser's settings.");
        return null;
      }
      return registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(setup.dataset.serverKey),
      });
    }).then(function (subscription) {
      if (!subscription) { return null; }
      var json = subscription.toJSON();
      return post(setup.dataset.addUrl, {
        endpoint: json.endpoint, p256dh: json.keys.p256dh, auth: json.keys.auth, name: deviceName(),
      }).then(function (response) {
        if (response.ok) { show(true); return null; }
        return response.json().then(function (answer) {
          subscription.unsubscribe();
          say(answer.error || "This device could not be set up. Please try again.");
        });
      });
    }).catch(function () {
      say("This browser could not turn notifications on. Please try again later.");
    }).then(function () { onButton.disabled = false; });
  }

  function turnOff(registration) {
    offButton.disabled = true;
    registration.pushManager.getSubscription().then(function (subscription) {
      if (!subscription) { return null; }
      return post(setup.dataset.forgetUrl, { endpoint: subscription.endpoint }).then(function () {
        return subscription.unsubscribe();
      });
    }).then(function () { show(false); }, function () {
      say("This browser could not turn notifications off. Please try again.");
    }).then(function () { offButton.disabled = false; });
  }

  var ios = /iPhone|iPad/.test(navigator.userAgent);
  var standalone = window.matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    if (ios && !standalone) { iosSteps.hidden = false; say("Notifications are not on for this device."); }
    return;
  }
  navigator.serviceWorker.ready.then(function (registration) {
    onButton.addEventListener("click", function () { turnOn(registration); });
    offButton.addEventListener("click", function () { turnOff(registration); });
    return registration.pushManager.getSubscription().then(function (subscription) {
      show(Boolean(subscription) && Notification.permission === "granted");
    });
  });
})();
