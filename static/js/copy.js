// Copy buttons next to one-time addresses: the field is read-only and selectable without script;
// with it, the button appears, copies the address and says so in a live region, in the words the
// template put in the button's data-copied and data-selected attributes (the page's language).
(function () {
  "use strict";

  function say(button, text) {
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    if (status) { status.textContent = text; }
  }

  function fallback(field, button) {
    field.focus();
    field.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    say(button, button.getAttribute(copied ? "data-copied" : "data-selected") || "");
  }

  function copy(button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () {
        say(button, button.getAttribute("data-copied") || "");
      }, function () { fallback(field, button); });
    } else {
      fallback(field, button);
    }
  }

  function start() {
    var buttons = document.querySelectorAll("[data-copy]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
}());
