/*! Rare-Earth Flows script embed. MIT licence.
 *
 * One line in an article:
 *   <div data-rare-earth-flows="?month=2025-08"></div>
 *   <script src="https://example.org/rare-earth-flows/embed.js" async></script>
 *
 * Each element with a data-rare-earth-flows attribute (a view's query, or
 * an address on this script's own site) becomes an iframe of that view; the
 * frame takes the height the explorer reports. Only messages from this
 * script's origin, sent by one of its own frames, resize anything.
 * Optional: data-title, the frame's accessible name.
 */
(() => {
  if (window.rareEarthFlowsEmbed) return window.rareEarthFlowsEmbed.scan();
  const script = document.currentScript;
  const home = new URL(".", script ? script.src : location.href);
  const frames = [];

  function scan() {
    for (const holder of document.querySelectorAll("[data-rare-earth-flows]:not([data-rare-earth-flows-ready])")) {
      const src = new URL(holder.getAttribute("data-rare-earth-flows") || "", home);
      // A view of this explorer only: another site's page is not ours to frame.
      if (src.origin !== home.origin) continue;
      src.searchParams.set("embed", "1");
      const frame = document.createElement("iframe");
      frame.src = src.href;
      frame.title = holder.getAttribute("data-title") || "Rare-Earth Flows: China's rare-earth exports, by destination";
      frame.loading = "lazy";
      frame.allow = "clipboard-write";
      frame.height = "640";
      frame.style.width = "100%";
      frame.style.border = "0";
      holder.setAttribute("data-rare-earth-flows-ready", "");
      holder.replaceChildren(frame);
      frames.push(frame);
    }
  }

  addEventListener("message", (event) => {
    if (event.origin !== home.origin || event.data?.type !== "rare-earth-flows:height") return;
    const height = Number(event.data.height);
    if (!Number.isFinite(height) || height <= 0) return;
    for (const frame of frames) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
    }
  });

  window.rareEarthFlowsEmbed = { scan };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
