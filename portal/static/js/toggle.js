// Save/follow buttons toggle in place. Without this file they are plain form posts that return to
// the same page, so nothing depends on it. Loaded only for signed-in members; no inline script (CSP).
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) { return; }
  var live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("role", "status");
  document.body.appendChild(live);

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-enhance='toggle']")) { return; }
    event.preventDefault();
    var button = form.querySelector("button");
    if (button) {
      if (button.disabled) { return; }
      button.disabled = true;
    }
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (data) {
      var holder = document.createElement("div");
      holder.innerHTML = data.html.trim();
      var fresh = holder.firstElementChild;
      form.replaceWith(fresh);
      var freshButton = fresh.querySelector("button");
      if (freshButton) { freshButton.focus(); }
      live.textContent = data.message || "";
    }).catch(function () {
      form.submit(); // anything unexpected (e.g. e-mail not verified yet): do the plain post
    });
  });
})();
