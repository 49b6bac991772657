// Page actions without inline handlers (the Content-Security-Policy refuses onclick= and javascript: links):
// - a button, link or form with data-confirm="…" asks first, and does nothing unless confirmed;
// - a link with data-back goes back a page (its href is where it leads without script or history).
(function () {
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    var asking = target && target.closest("[data-confirm]:not(form)");
    if (asking && !window.confirm(asking.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    var back = target && target.closest("a[data-back]");
    if (back && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  }, true);

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("form[data-confirm]") && !window.confirm(form.dataset.confirm)) event.preventDefault();
  }, true);
})();
