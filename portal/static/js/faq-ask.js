/* Ask a question: show similar published answers while the person types.
   Progressive enhancement only: without this file the preview step shows the same suggestions. */
(function () {
  "use strict";
  var box = document.getElementById("similar-live");
  var field = document.getElementById("id_question");
  if (!box || !field || !window.fetch) { return; }
  var url = box.getAttribute("data-similar-url");
  var timer = null;
  var last = "";
  var controller = null;

  function update() {
    var text = field.value.trim();
    if (text === last) { return; }
    last = text;
    if (text.length < 10) { box.innerHTML = ""; return; }
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + "?q=" + encodeURIComponent(text), {
      headers: { "Accept": "text/html" },
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.ok ? response.text() : "";
    }).then(function (html) {
      /* The fragment is rendered and escaped by our own template. */
      box.innerHTML = html;
    }).catch(function () { /* Offline or aborted: the preview step still shows suggestions. */ });
  }

  field.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 500);
  });
  /* Says the live suggestions are listening (the browser tests wait for this before typing). */
  box.setAttribute("data-live", "ready");
})();
