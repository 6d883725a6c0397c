// The client's shared plan: tell the coordinator the client has seen this version of the plan.
// Sent once, on the reader's first interaction (a scroll, a tap, a key, a mouse move), so that a
// link previewer that fetches or even renders the page never counts as the client reading it.
(function () {
  "use strict";

  var EVENTS = ["pointerdown", "keydown", "scroll", "touchstart", "wheel", "mousemove"];

  function start() {
    var beacon = document.querySelector("[data-seen-url]");
    if (!beacon) { return; }
    var sent = false;
    function listen(on) {
      EVENTS.forEach(function (name) {
        if (on) { window.addEventListener(name, send, { capture: true, passive: true }); }
        else { window.removeEventListener(name, send, true); }
      });
    }
    function send(event) {
      if (sent || !event.isTrusted) { return; }
      sent = true;
      listen(false);
      var body = new URLSearchParams();
      body.set("csrf_token", beacon.getAttribute("data-seen-csrf"));
      body.set("version", beacon.getAttribute("data-seen-version"));
      window.fetch(beacon.getAttribute("data-seen-url"), {
        method: "POST",
        body: body,
        credentials: "same-origin",
        keepalive: true
      }).catch(function () { sent = false; listen(true); });  // offline: try again on the next interaction
    }
    listen(true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
