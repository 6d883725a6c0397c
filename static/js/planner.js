// The planner's small helpers: each one only improves a page that already works without it.
(function () {
  "use strict";

  // The home time zone: show the current difference to Seoul for the zone typed or picked, in the
  // sentence the template wrote in data-right-now ("{difference}" marks where the difference goes).
  function zoneDifference() {
    var input = document.querySelector("[data-zone-input]");
    var output = document.querySelector("[data-zone-output]");
    if (!input || !output || !input.list) { return; }
    function show() {
      var value = input.value.trim();
      var options = input.list.options;
      output.textContent = "";
      for (var i = 0; i < options.length; i += 1) {
        var option = options[i];
        if (option.dataset.difference && (option.value === value || option.dataset.zone === value)) {
          var sentence = output.getAttribute("data-right-now") || "{difference}";
          output.textContent = sentence.replace("{difference}", option.dataset.difference);
          return;
        }
      }
    }
    input.addEventListener("input", show);
    input.addEventListener("change", show);
    return show;
  }

  // "Find my shortest stay" hides the flight-home fields, which are then not needed.
  function shortestStay() {
    var box = document.querySelector("[data-shortest]");
    var departure = document.querySelector("[data-departure]");
    if (!box || !departure) { return; }
    function toggle() {
      departure.hidden = box.checked;
      departure.querySelectorAll("input").forEach(function (field) { field.disabled = box.checked; });
    }
    box.addEventListener("change", toggle);
    return toggle;
  }

  // Treatment details: show only the chosen treatments' cards, and their session range on the count field.
  function treatmentInfo() {
    var selects = document.querySelectorAll("[data-protocol-select]");
    var cards = document.querySelectorAll(".treatment-info");
    if (!selects.length || !cards.length) { return; }
    function update() {
      var chosen = {};
      selects.forEach(function (select) {
        var row = select.closest("[data-treatment-row]");
        var count = row ? row.querySelector("input[type=number], input[inputmode=numeric]") : null;
        var card = select.value ? document.querySelector('.treatment-info[data-protocol="' + select.value + '"]') : null;
        if (select.value) { chosen[select.value] = true; }
        if (count) {
          count.disabled = !card || !card.dataset.min;
          if (card && card.dataset.min) {
            count.min = card.dataset.min;
            count.max = card.dataset.max;
            count.placeholder = card.dataset.usually || card.dataset.default;
          }
        }
      });
      cards.forEach(function (card) {
        var shown = chosen[card.dataset.protocol] === true;
        card.hidden = !shown && Object.keys(chosen).length > 0;
        if (shown) { card.open = true; }
      });
    }
    selects.forEach(function (select) { select.addEventListener("change", update); });
    return update;
  }

  // A print button (the print stylesheet does the layout).
  function printButton() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // Each helper shows the form's own values, never the HTML's first ones: on Back the browser puts the
  // typed answers back after the page is parsed, so the helpers look again when the page is shown
  // (pageshow also fires when the page comes back from the back-forward cache). Until then nothing
  // is disabled: a disabled field is neither restored nor sent.
  document.addEventListener("DOMContentLoaded", function () {
    var helpers = [zoneDifference(), shortestStay(), treatmentInfo()].filter(Boolean);
    printButton();
    function sync() { helpers.forEach(function (helper) { helper(); }); }
    window.addEventListener("pageshow", sync);
  });
}());
