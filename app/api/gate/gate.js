// Progressive enhancement only: the pages work without it.
"use strict";
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
});
