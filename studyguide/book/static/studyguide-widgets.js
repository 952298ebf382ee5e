// Loaded after require.js and before the self-hosted ipywidgets embed script.
// The embed script's bundles find their icon fonts beside their own AMD module
// address; mapping those modules to _static/jupyter-widgets/ makes it load them from the
// book itself (also from file://) instead of a path relative to the page.
(function () {
  var here = new URL("jupyter-widgets", document.currentScript.src).href;
  window.__jupyter_widgets_assets_path__ = here + "/";
  window.require.config({
    paths: {
      "@jupyter-widgets/base": here + "/base",
      "@jupyter-widgets/controls": here + "/controls",
      "@jupyter-widgets/html-manager": here + "/html-manager",
      "@jupyter-widgets/html-manager/dist": here,
    },
  });
})();
