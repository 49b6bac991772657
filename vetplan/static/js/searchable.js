// A search box in front of every <select class="searchable">: typing keeps only the options whose
// text contains what was typed (the chosen option always stays). No library; works without it too.
(function () {
  function enhance(select) {
    if (select.dataset.searchReady) return;
    select.dataset.searchReady = "1";
    var box = document.createElement("input");
    box.type = "search";
    box.className = "select-search";
    box.placeholder = select.dataset.search || "输入筛选";
    box.setAttribute("aria-label", box.placeholder);
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", function () {
      var needle = box.value.trim().toLowerCase();
      Array.prototype.forEach.call(select.options, function (option) {
        var keep = !needle || option.selected || option.text.toLowerCase().indexOf(needle) !== -1;
        option.hidden = !keep;
      });
    });
  }
  function run() {
    Array.prototype.forEach.call(document.querySelectorAll("select.searchable"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
