/* Behaviour every page may use, bound here because the content security policy allows no
   inline script: a button marked data-print prints the page. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-print]") : null;
    if (target) { window.print(); }
  });
})();
