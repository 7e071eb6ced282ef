// Rare-Earth Flows: decides, before the page is drawn, whether the
// build-time copy of the default view in index.html (#first-paint) may be
// shown while the app loads. It may only when the reader will get that very
// view: no view parameters in the address and English as the language the
// app picks (src/core/text/i18n.rs, Lang::from_preferences). Otherwise the
// copy stays hidden, so no reader sees December 2025 turn into another month
// or English into Korean. The colours follow the system as the app's do.
// A file, not an inline script, so a strict Content Security Policy runs it.
(function () {
  var root = document.documentElement;
  // pym.js adds these to an embed's address; they do not change the view.
  var pym = { childId: 1, initialWidth: 1, parentTitle: 1, parentUrl: 1 };
  var params = new URLSearchParams(location.search);
  var defaultView = true;
  params.forEach(function (_, key) {
    if (!pym[key]) defaultView = false;
  });
  var known = { en: 1, ko: 1, mn: 1 };
  var languages = navigator.languages || [navigator.language || ""];
  var lang = "en";
  for (var i = 0; i < languages.length; i++) {
    var primary = String(languages[i]).split(/[-_]/)[0].toLowerCase();
    if (known[primary]) { lang = primary; break; }
  }
  var shown = defaultView && lang === "en";
  root.classList.add(shown ? "first-paint" : "first-paint-off");
  if (shown && window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches) {
    root.setAttribute("data-theme", "dark");
  }
})();
