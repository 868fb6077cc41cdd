// Progressive enhancement: the password and code forms work without it; the
// security-key steps need it (navigator.credentials), and say so otherwise.
"use strict";

function fromBase64Url(text) {
  var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

function toBase64Url(buffer) {
  var bytes = new Uint8Array(buffer);
  var binary = "";
  for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// The options the server sent, with its base64url members as bytes.
function decodeOptions(options) {
  options.challenge = fromBase64Url(options.challenge);
  if (options.user) options.user.id = fromBase64Url(options.user.id);
  ["allowCredentials", "excludeCredentials"].forEach(function (list) {
    (options[list] || []).forEach(function (credential) {
      credential.id = fromBase64Url(credential.id);
    });
  });
  return options;
}

// A PublicKeyCredential in the JSON form the server reads.
function credentialJson(credential) {
  var response = {};
  ["clientDataJSON", "attestationObject", "authenticatorData", "signature", "userHandle"]
    .forEach(function (name) {
      if (credential.response[name]) response[name] = toBase64Url(credential.response[name]);
    });
  return JSON.stringify({
    id: credential.id, rawId: toBase64Url(credential.rawId), type: credential.type,
    response: response,
  });
}

// One key step: fetch options from the form's data-options, run the
// ceremony, put its answer into the form's hidden `field` and submit it.
function keyStep(form, button, field, ceremony) {
  var error = form.querySelector("#key-error");
  function fail(text) {
    error.textContent = text;
    error.hidden = false;
    button.disabled = false;
  }
  if (!window.PublicKeyCredential || !navigator.credentials) {
    fail(form.dataset.unsupported);
    button.disabled = true;
    return;
  }
  button.addEventListener("click", function () {
    if (!form.reportValidity()) return;
    error.hidden = true;
    button.disabled = true;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.dataset.options, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (reply) {
        if (!reply.ok) throw new Error("options " + reply.status);
        return reply.json();
      })
      .then(function (options) {
        return navigator.credentials[ceremony]({ publicKey: decodeOptions(options) });
      })
      .then(function (credential) {
        form.querySelector("input[name='" + field + "']").value = credentialJson(credential);
        form.submit();
      })
      .catch(function () { fail(form.dataset.failed); });
  });
}

document.addEventListener("DOMContentLoaded", function () {
  var invalid = document.querySelector("[aria-invalid='true']");
  if (invalid) {
    invalid.focus();
  }
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type='submit']");
      if (button) {
        // After the submit has started, so that the button's value is sent.
        window.setTimeout(function () { button.disabled = true; }, 0);
      }
    });
  });
  var signIn = document.getElementById("key-sign-in");
  if (signIn) keyStep(signIn, document.getElementById("use-key"), "assertion", "get");
  var add = document.getElementById("key-add");
  if (add) keyStep(add, document.getElementById("add-key"), "credential", "create");
});
