// Benchmark of the release build in Chromium, on loopback. Not a test: it
// prints figures for the notes and fails nothing.
//   1. gzip bytes of everything a first visit downloads, by kind
//   2. time from navigation to data-state="ready" (map drawn)
//   3. latency from a slider input to the next painted frame, p50/p95
// Usage: node tests/tools/bench.mjs [runs]
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { serveStatic } from "./static-server.mjs";
import { launch } from "./browser.mjs";
import { BUDGET } from "./budget.mjs";

const RUNS = Number(process.argv[2] ?? 15);
const SLIDER_MOVES = 60;
const dist = fileURLToPath(new URL("../../dist/", import.meta.url));

const kindOf = (url) => {
  const path = new URL(url).pathname;
  if (path.endsWith(".wasm")) return "wasm";
  if (path.endsWith(".js")) return "js";
  if (path.endsWith(".css")) return "css";
  if (path.includes("/geo/")) return "geometry";
  if (path.includes("/data/")) return "data";
  if (path.includes("/i18n/")) return "catalogue";
  return "html";
};

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const server = await serveStatic(dist);
const browser = await launch();

// 1. Bytes: one cold visit per language, every response gzipped at level 9.
for (const lang of ["en", "ko", "mn"]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bytes = {};
  const pending = [];
  page.on("response", (response) => {
    pending.push(
      response.body().then((body) => {
        const kind = kindOf(response.url());
        bytes[kind] = (bytes[kind] ?? 0) + gzipSync(body, { level: 9 }).length;
      }).catch(() => {}),
    );
  });
  await page.goto(`${server.url}?lang=${lang}`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  console.log(`First visit in ${lang}, gzip bytes by kind:`);
  for (const [kind, size] of Object.entries(bytes).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${kind.padEnd(9)} ${String(size).padStart(8)} B  (${(size / 1024).toFixed(1)} KiB)`);
  }
  console.log(`  ${"total".padEnd(9)} ${String(total).padStart(8)} B  (${(total / 1024).toFixed(1)} KiB; budget ${BUDGET} B)`);
  await context.close();
}

// 2. Navigation to a drawn map, cold cache each run.
{
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const map = document.querySelector('[data-testid="flow-map"][data-state="ready"]');
        if (map) {
          window.__readyAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(server.url);
    await page.waitForFunction(() => window.__readyAt !== undefined);
    times.push(await page.evaluate(() => window.__readyAt));
    await context.close();
  }
  console.log(`Navigation to data-state="ready" over ${RUNS} cold loads: p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms`);
}

// 3. Slider input to the next painted frame.
{
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  const latencies = await page.evaluate(async (moves) => {
    const slider = document.querySelector('[data-testid="timeline"]');
    const max = Number(slider.max);
    const afterNextPaint = () =>
      new Promise((resolve) => requestAnimationFrame(() => {
        // A message posted from a frame callback is handled after that frame paints.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }));
    const results = [];
    for (let i = 0; i < moves; i++) {
      await afterNextPaint();
      slider.value = String((i * 7) % (max + 1));
      const start = performance.now();
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      results.push((await afterNextPaint()) - start);
    }
    return results;
  }, SLIDER_MOVES);
  console.log(`Slider input to next painted frame over ${SLIDER_MOVES} moves: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`);
  await page.close();
}

await browser.close();
await server.close();
