// Hover previews (glossary terms, links to paragraphs and pages), set up when first wanted.
// studyguide.book.hovertips puts this script in place of sphinx-tippy's: building every tip
// at load was one long task (311 ms on a phone for the commentary). Nothing runs here until a
// pointer moves over a link, a link takes the keyboard focus or a finger touches one; then
// Popper, tippy.js and the page's tips load, once, and only the wanted link's tip is built.
// - Touch screens: the first tap on a glossary term shows its definition, the second follows the link.
// - Escape hides an open preview (WCAG 1.4.13: content shown on hover or focus is dismissible).
(function () {
  "use strict";

  var me = document.currentScript;
  if (!me || !me.dataset.tips) return;
  var folder = new URL(".", me.src); // the book's _static/, where the files named below live
  var files = (me.dataset.libraries || "").split(" ").filter(Boolean).concat([me.dataset.tips]);
  var GLOSSARY = "a.glossary-term, a[href*='glossary.html#term-']";
  var loading = null;
  var made = [];

  function load(path) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.async = false; // run in this order (tippy.js needs Popper), though fetched together
      script.src = new URL(path, folder).href;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("hover previews: cannot load " + path)); };
      document.head.appendChild(script);
    });
  }
  function ready() {
    if (!loading) {
      loading = Promise.all(files.map(load)).then(function () { return window.studyguideTips || null; });
    }
    return loading;
  }
  function tipOf(link, data) {
    if (link._tippy) return link._tippy;
    var html = data && data.tips[link.getAttribute("href")];
    if (html === undefined || !window.tippy) return null;
    if (data.skip.some(function (name) { return link.classList.contains(name); })) return null;
    var tip = window.tippy(link, Object.assign({ content: html, allowHTML: true, arrow: true }, data.props));
    made.push(tip);
    return tip;
  }
  // Build the link's tip, and show it if the reader still points at the link or is on it.
  function want(link, stillWanted) {
    ready().then(function (data) {
      var tip = tipOf(link, data);
      if (tip && stillWanted()) tip.show();
    }, function (error) { console.error(error.message); });
  }
  function linkOf(event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    return link && !link._tippy ? link : null; // a link with its tip built: tippy.js handles it
  }

  document.addEventListener("mouseover", function (event) {
    var link = linkOf(event);
    if (link) want(link, function () { return link.matches(":hover"); });
  });
  document.addEventListener("focusin", function (event) {
    var link = linkOf(event);
    if (link) want(link, function () { return document.activeElement === link; });
  });
  document.addEventListener("touchstart", function (event) {
    if (linkOf(event)) ready();
  }, { passive: true });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") made.forEach(function (tip) { if (tip.state.isVisible) tip.hide(); });
  });

  if (window.matchMedia && window.matchMedia("(hover: none)").matches) {
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest(GLOSSARY) : null;
      if (!link || link.dataset.sgTapped) return;
      event.preventDefault();
      document.querySelectorAll("[data-sg-tapped]").forEach(function (other) { delete other.dataset.sgTapped; });
      link.dataset.sgTapped = "1";
      ready().then(function (data) {
        var tip = tipOf(link, data);
        if (tip) tip.show();
        else window.location.href = link.href; // no definition to show: the tap follows the link
      }, function () { window.location.href = link.href; });
    }, true);
  }
})();
