// Passkeys: register one (security page), or use one to sign in (log-in page, second step).
// A button names its ceremony with data-passkey="register" or "sign-in" and the URLs it
// talks to; the server checks everything, this only carries bytes between it and the
// browser's authenticator.
(function () {
  "use strict";

  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) { base64 += "="; }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) { bytes[i] = binary.charCodeAt(i); }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i += 1) { binary += String.fromCharCode(bytes[i]); }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function descriptors(list) {
    return (list || []).map(function (item) {
      return { type: item.type, id: toBytes(item.id), transports: item.transports };
    });
  }

  function creationOptions(options) {
    options.challenge = toBytes(options.challenge);
    options.user.id = toBytes(options.user.id);
    options.excludeCredentials = descriptors(options.excludeCredentials);
    return options;
  }

  function requestOptions(options) {
    options.challenge = toBytes(options.challenge);
    options.allowCredentials = descriptors(options.allowCredentials);
    return options;
  }

  function credentialJSON(credential) {
    var response = credential.response;
    var json = {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: { clientDataJSON: toBase64url(response.clientDataJSON) }
    };
    if (response.attestationObject) {
      json.response.attestationObject = toBase64url(response.attestationObject);
      json.response.transports = response.getTransports ? response.getTransports() : [];
    } else {
      json.response.authenticatorData = toBase64url(response.authenticatorData);
      json.response.signature = toBase64url(response.signature);
      if (response.userHandle) { json.response.userHandle = toBase64url(response.userHandle); }
    }
    return json;
  }

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function post(url, body, extraHeaders) {
    var headers = { "X-CSRFToken": csrfToken(), "Content-Type": "application/json" };
    Object.keys(extraHeaders || {}).forEach(function (name) { headers[name] = extraHeaders[name]; });
    return fetch(url, {
      method: "POST", credentials: "same-origin", headers: headers, body: body || "{}"
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.detail || "Something went wrong."); }
        return data;
      });
    });
  }

  function say(button, message) {
    var status = document.getElementById(button.dataset.status);
    if (status) { status.textContent = message; }
  }

  function run(button) {
    if (!window.PublicKeyCredential) {
      say(button, "This browser cannot use passkeys.");
      return;
    }
    var registering = button.dataset.passkey === "register";
    button.disabled = true;
    say(button, "Waiting for your passkey…");
    post(button.dataset.optionsUrl).then(function (options) {
      return registering
        ? navigator.credentials.create({ publicKey: creationOptions(options) })
        : navigator.credentials.get({ publicKey: requestOptions(options) });
    }).then(function (credential) {
      var nameField = document.getElementById(button.dataset.nameField || "");
      var headers = registering && nameField ? { "X-Passkey-Name": encodeURIComponent(nameField.value) } : {};
      return post(button.dataset.url, JSON.stringify(credentialJSON(credential)), headers);
    }).then(function (result) {
      window.location.assign(result.redirect);
    }).catch(function (error) {
      button.disabled = false;
      say(button, error && error.name === "NotAllowedError"
        ? "The passkey was not used. You can try again."
        : (error && error.message) || "The passkey did not work. You can try again.");
    });
  }

  document.querySelectorAll("[data-passkey]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { run(button); });
  });
})();
