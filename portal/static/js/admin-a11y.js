// Accessibility fixes for widgets Django's admin builds in the browser, applied once they exist.
// SelectFilter2 (filter_horizontal) puts aria-label on a plain <span> (axe aria-prohibited-attr):
// give it role="img", which allows the label. Its own load handler runs first (registered earlier).
window.addEventListener("load", function () {
  "use strict";
  document.querySelectorAll("span.search-label-icon[aria-label]:not([role])").forEach(function (icon) {
    icon.setAttribute("role", "img");
  });
});
