// The theme's header menus, button tooltips and back-to-top button (Bootstrap, 80 KB), loaded at the
// reader's first move rather than at load. At load, Bootstrap built a dozen tooltips and measured the
// header, which forced a layout of the whole page inside its script: one task of 100-250 ms on a phone.
// Put in Bootstrap's place by studyguide.book.speed (data-bootstrap: its path under _static/).
// Bootstrap sets everything up itself when it arrives; here only what happened before it arrived is
// replayed: a menu opened by a click or a key, a tooltip wanted by a pointer or the focus.
(function () {
  "use strict";

  var me = document.currentScript;
  if (!me || !me.dataset.bootstrap) return;
  var source = new URL(me.dataset.bootstrap, new URL(".", me.src)).href;
  var FIRST_MOVES = ["pointerover", "pointerdown", "focusin", "touchstart", "keydown", "wheel"];
  var OPTIONS = { capture: true, passive: true };
  // Scrolling the page: a scroll of the window itself, not caught on its way down (the theme scrolls
  // its sidebar to the current page at load, which is not the reader's move).
  var PAGE_SCROLL = { passive: true };
  var loading = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = source;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("menus: cannot load " + me.dataset.bootstrap)); };
        document.head.appendChild(script);
      });
      loading.catch(function (error) { console.error(error.message); });
    }
    return loading;
  }
  function firstMove(event) {
    FIRST_MOVES.forEach(function (name) { window.removeEventListener(name, firstMove, OPTIONS); });
    window.removeEventListener("scroll", firstMove, PAGE_SCROLL);
    var target = event.target && event.target.closest ? event.target.closest("[data-bs-toggle='tooltip']") : null;
    load().then(function () {
      // Bootstrap made the tooltips on arrival; show the one the reader is already on.
      if (target && (target.matches(":hover") || document.activeElement === target)) {
        var tip = window.bootstrap.Tooltip.getInstance(target);
        if (tip) tip.show();
      }
    }, function () {});
  }
  FIRST_MOVES.forEach(function (name) { window.addEventListener(name, firstMove, OPTIONS); });
  window.addEventListener("scroll", firstMove, PAGE_SCROLL);

  // A click (or Enter, Space) on a menu button before Bootstrap's own listener exists.
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest ? event.target.closest("[data-bs-toggle='dropdown']") : null;
    if (!toggle || window.bootstrap) return;
    load().then(function () { window.bootstrap.Dropdown.getOrCreateInstance(toggle).toggle(); }, function () {});
  });
})();
