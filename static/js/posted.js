// A page sent in answer to a POST (a form refused, shown again with its errors) becomes a plain GET
// entry in the history: Back or reload then asks for the form's page again, which the browser refills
// with what was typed, instead of failing with "confirm form resubmission" under no-store.
(function () {
  "use strict";
  if (!window.history || !window.history.replaceState) { return; }
  window.history.replaceState(window.history.state, "", window.location.href);
})();
