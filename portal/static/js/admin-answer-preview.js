// The reader-question answer page: refresh the Markdown preview while the editor types.
// Without JavaScript the "Preview" button does the same with a page reload; this only saves the click.
(function () {
  "use strict";
  var form = document.getElementById("answer-form");
  var body = form && form.querySelector("textarea[name=body]");
  var preview = document.getElementById("answer-preview");
  if (!body || !preview || !window.fetch || !window.DOMParser) return;
  var timer = null;
  var latest = 0;

  function refresh() {
    var data = new FormData(form);
    data.set("preview", "1");
    var request = ++latest;
    fetch(form.action || window.location.href, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html || request !== latest) return;
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("#answer-preview .answer-preview-body");
        var current = preview.querySelector(".answer-preview-body");
        if (fresh && current) current.replaceWith(document.importNode(fresh, true));
      })
      .catch(function () { /* the Preview button still works */ });
  }

  body.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 600);
  });
})();
