// The plan import review posts its fields as one JSON document (the hidden form #review-post, field
// "review"): a plan of a thousand tasks has more than ten thousand fields, and Django refuses a
// request of more than 1,000 (DATA_UPLOAD_MAX_NUMBER_FIELDS). The server reads the document back
// into the same fields and answers the same way (vetplan/plans/review_post.py).
(function () {
  "use strict";

  var SKIPPED = { submit: true, button: true, reset: true, file: true, image: true };

  function add(fields, name, value) {
    if (Object.prototype.hasOwnProperty.call(fields, name)) {
      fields[name] = [].concat(fields[name], value);
    } else {
      fields[name] = value;
    }
  }

  // What the browser itself would post from the form, as {name: value}: unticked boxes are left out,
  // a ticked one without a value posts "on", and the button that submitted it posts its own name.
  function serialise(form, submitter) {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      var type = (element.type || "").toLowerCase();
      if (!element.name || element.disabled || SKIPPED[type] || element.name === "csrfmiddlewaretoken") {
        return;
      }
      if ((type === "checkbox" || type === "radio") && !element.checked) {
        return;
      }
      if (element.tagName === "SELECT" && element.multiple) {
        Array.prototype.forEach.call(element.selectedOptions, function (option) {
          add(fields, element.name, option.value);
        });
        return;
      }
      add(fields, element.name, element.value);
    });
    if (submitter && submitter.name) {
      add(fields, submitter.name, submitter.value);
    }
    return fields;
  }

  function start() {
    var form = document.getElementById("review-form");
    var post = document.getElementById("review-post");
    if (!form || !post) {
      return;
    }
    var clicked = null; // for browsers without SubmitEvent.submitter
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button, input[type=submit]");
      if (button && button.form === form) {
        clicked = button;
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var submitter = event.submitter || clicked;
      clicked = null;
      post.action = submitter && submitter.hasAttribute("formaction") ? submitter.formAction : form.action;
      post.elements.review.value = JSON.stringify(serialise(form, submitter));
      post.submit();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
