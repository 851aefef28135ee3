// "Use my location" on the trial finder: optional, the form works without it.
// The coordinates go into the form's hidden fields and the page address only; nothing is stored.
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form || !("geolocation" in navigator)) return;
  var lat = form.querySelector("input[name=lat]");
  var lon = form.querySelector("input[name=lon]");
  var place = form.querySelector("input[name=place]");
  var note = document.getElementById("use-location-note");
  if (!lat || !lon || !place) return;
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = "Use my location";
  button.setAttribute("aria-describedby", "use-location-note");
  place.parentNode.appendChild(button);
  if (note) note.hidden = false;
  place.addEventListener("input", function () { lat.value = ""; lon.value = ""; });
  button.addEventListener("click", function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      lat.value = position.coords.latitude.toFixed(3);
      lon.value = position.coords.longitude.toFixed(3);
      place.value = "";
      form.submit();
    }, function () {
      button.disabled = false;
      if (note) note.textContent = "Your browser did not share a location. Type a town or city instead.";
    }, { maximumAge: 600000, timeout: 10000 });
  });
})();
