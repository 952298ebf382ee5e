// Loaded just after Popper and tippy.js: gives require.js its define.amd back
// (see studyguide-amd-pause.js).
(function () {
  if (window.__studyguideAmd && typeof window.define === "function") {
    window.define.amd = window.__studyguideAmd;
    delete window.__studyguideAmd;
  }
})();
