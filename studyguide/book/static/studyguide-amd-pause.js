// Loaded just before the self-hosted Popper and tippy.js (sphinx-tippy's hover
// previews). On notebook pages require.js is present, and these UMD bundles would
// then register as anonymous AMD modules ("Mismatched anonymous define()") instead
// of setting window.Popper and window.tippy. Hiding define.amd for the moment they
// run makes them use globals; define() itself keeps working for require.js.
(function () {
  if (typeof window.define === "function" && window.define.amd) {
    window.__studyguideAmd = window.define.amd;
    delete window.define.amd;
  }
})();
