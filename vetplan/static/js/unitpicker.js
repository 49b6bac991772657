// Unit pickers (orgs/unit_picker.html): a search box whose results htmx loads from /orgs/search/.
// Ticking a result moves it among the chosen units (a single choice keeps only the last one);
// unticking a chosen unit removes it; results already chosen are hidden. The search box itself
// is never submitted. Without script the ticked results of the last search are submitted as they are.
(function () {
  function chosenBox(picker) { return picker.querySelector(".unit-picker-chosen"); }

  function hideChosen(picker) {
    var chosen = {};
    chosenBox(picker).querySelectorAll("input[type=checkbox]").forEach(function (box) { chosen[box.value] = true; });
    picker.querySelectorAll(".unit-picker-results input[type=checkbox]").forEach(function (box) {
      box.closest("label").hidden = !!chosen[box.value];
    });
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches(".unit-picker input[type=checkbox]")) return;
    var picker = box.closest(".unit-picker");
    var label = box.closest("label");
    if (box.closest(".unit-picker-results") && box.checked) {
      if (picker.dataset.multiple !== "1") chosenBox(picker).innerHTML = "";
      chosenBox(picker).appendChild(label);
      hideChosen(picker);
    } else if (box.closest(".unit-picker-chosen") && !box.checked) {
      label.remove();
      hideChosen(picker);
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var picker = event.target.closest && event.target.closest(".unit-picker");
    if (picker) hideChosen(picker);
  });

  // The search text is not a form value (a filter form has its own "q").
  document.addEventListener("submit", function (event) {
    event.target.querySelectorAll(".unit-picker-search[name]").forEach(function (input) {
      input.removeAttribute("name");
    });
  }, true);
  window.addEventListener("pageshow", function () {
    document.querySelectorAll(".unit-picker-search:not([name])").forEach(function (input) {
      input.setAttribute("name", "picker_q");
    });
  });
})();
