// Benchmark of the release build beside the D3 reference page, both served
// on loopback and driven by the same harness in the same run. Not a test:
// it prints figures (and their ratios) for the notes and fails nothing.
//   1. gzip bytes of everything a first visit downloads, by kind
//   2. time from navigation to data-state="ready" (map drawn), cold loads
//   3. largest contentful paint under throttling (4x CPU, slow 4G-like link),
//      and Lighthouse's mobile audit (LCP, TBT, CLS, the four scores)
//   4. slider input to the next painted frame, and the main-thread work it
//      causes (frame alignment left out), p50/p95, at 1x and 4x CPU
//   5. DOM mutation records per month step (default view, compare panel)
// Usage: node tests/tools/bench.mjs [runs] [--peer DIR] [--baseline DIST]
// The reference is ../shared/peer-d3 by default; it is copied to a
// temporary folder first, since the shared one is read-only.
import { gzipSync } from "node:zlib";
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "./static-server.mjs";
import { launch } from "./browser.mjs";
import { BUDGET } from "./budget.mjs";
import { audit } from "./lighthouse.mjs";

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => /^\d+$/.test(a)) ?? 15);
const peerFlag = args.indexOf("--peer");
// Enough moves that p95 is not the third-worst of a handful (it was 60).
const SLIDER_MOVES = 200;
const root = fileURLToPath(new URL("../../", import.meta.url));
const dist = join(root, "dist");
const peerSource = peerFlag >= 0 ? args[peerFlag + 1] : join(root, "../shared/peer-d3");

const kindOf = (url) => {
  const path = new URL(url).pathname;
  if (path.endsWith(".wasm")) return "wasm";
  if (path.endsWith(".js")) return "js";
  if (path.endsWith(".css")) return "css";
  if (path.includes("/geo/") || path.includes("countries")) return "geometry";
  if (path.includes("/data/")) return "data";
  if (path.includes("/i18n/")) return "catalogue";
  return "html";
};

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ratio = (ours, theirs) => (theirs > 0 ? `${(ours / theirs).toFixed(2)}x` : "n/a");

const baselineFlag = args.indexOf("--baseline");
const sites = [{ name: "explorer", root: dist, server: await serveStatic(dist) }];
// Another build of the explorer (an older commit's dist/), for A/B figures.
if (baselineFlag >= 0) sites.push({ name: "baseline", root: args[baselineFlag + 1], server: await serveStatic(args[baselineFlag + 1]) });
if (existsSync(join(peerSource, "index.html"))) {
  const copy = mkdtempSync(join(tmpdir(), "peer-d3-"));
  cpSync(peerSource, copy, { recursive: true });
  sites.push({ name: "peer-d3", root: copy, server: await serveStatic(copy) });
} else {
  console.log(`No reference page at ${peerSource}: measuring the explorer alone.`);
}
const browser = await launch();
const results = {};
const record = (site, key, value) => ((results[site] ??= {})[key] = value);

async function cdpPage(context, cpu = 1) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  return { page, cdp };
}

// 1. Bytes: one cold visit, every response gzipped at level 9.
const gzipByPath = {};
for (const site of sites) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bytes = {};
  const pending = [];
  const byPath = (gzipByPath[site.name] = {});
  page.on("response", (response) => {
    pending.push(
      response.body().then((body) => {
        const kind = kindOf(response.url());
        const size = gzipSync(body, { level: 9 }).length;
        bytes[kind] = (bytes[kind] ?? 0) + size;
        byPath[new URL(response.url()).pathname] = size;
      }).catch(() => {}),
    );
  });
  await page.goto(site.server.url);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  record(site.name, "bytes", total);
  console.log(`First visit, ${site.name}, gzip bytes by kind:`);
  for (const [kind, size] of Object.entries(bytes).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${kind.padEnd(9)} ${String(size).padStart(8)} B`);
  }
  console.log(`  ${"total".padEnd(9)} ${String(total).padStart(8)} B${site.name === "peer-d3" ? "" : ` (budget ${BUDGET} B)`}`);
  await context.close();
}

// 2. Navigation to a drawn map, cold cache each run, the two sites interleaved.
{
  const times = Object.fromEntries(sites.map((s) => [s.name, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const site of sites) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('[data-testid="flow-map"][data-state="ready"]')) {
            window.__readyAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
      await page.goto(site.server.url);
      await page.waitForFunction(() => window.__readyAt !== undefined);
      times[site.name].push(await page.evaluate(() => window.__readyAt));
      await context.close();
    }
  }
  for (const site of sites) {
    record(site.name, "ready p50", percentile(times[site.name], 50));
    record(site.name, "ready p95", percentile(times[site.name], 95));
  }
}

// 3. Largest contentful paint with 4x CPU and a slow link (150 ms, 1.6 Mbit/s
// down), as a phone on a mobile network; cold cache each run.
{
  const runs = Math.min(RUNS, 5);
  for (const site of sites) {
    const lcps = [];
    const beforeFcp = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const { page, cdp } = await cdpPage(context, 4);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
      });
      await page.addInitScript(() => {
        window.__lcp = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__lcp = entry.startTime;
        }).observe({ type: "largest-contentful-paint", buffered: true });
      });
      await page.goto(site.server.url);
      await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]', { timeout: 60000 });
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(300);
      lcps.push(await page.evaluate(() => window.__lcp));
      // The bytes that had arrived by the first contentful paint: the page
      // and every response that ended before it, gzip -9 as in section 1.
      const { fcp, arrived } = await page.evaluate(() => ({
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Infinity,
        arrived: [performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")]
          .map((entry) => ({ path: new URL(entry.name).pathname, end: entry.responseEnd })),
      }));
      beforeFcp.push(arrived.filter((r) => r.end <= fcp).reduce((sum, r) => sum + (gzipByPath[site.name][r.path] ?? 0), 0));
      await context.close();
    }
    record(site.name, "LCP p50", percentile(lcps, 50));
    record(site.name, "gzip bytes before FCP p50", percentile(beforeFcp, 50));
  }
}

// 3b. Lighthouse's mobile audit (simulated slow 4G and 4x CPU), each site
// served gzip as a host would, the two sites interleaved; medians of up to
// five cold runs.
{
  const runs = Math.min(RUNS, 5);
  const audits = Object.fromEntries(sites.map((s) => [s.name, []]));
  const servers = await Promise.all(sites.map((s) => serveStatic(s.root, { gzip: true })));
  for (let run = 0; run < runs; run++) {
    for (const [i, site] of sites.entries()) audits[site.name].push(...(await audit(servers[i].url, 1)));
  }
  for (const [i, site] of sites.entries()) {
    await servers[i].close();
    const list = audits[site.name];
    const median = (f) => percentile(list.map(f), 50);
    record(site.name, "Lighthouse LCP p50", median((r) => r.lcp));
    record(site.name, "Lighthouse FCP p50", median((r) => r.fcp));
    record(site.name, "Lighthouse TBT p50", median((r) => r.tbt));
    record(site.name, "Lighthouse CLS max", Math.max(...list.map((r) => r.cls)));
    for (const category of ["performance", "accessibility", "best-practices", "seo"]) {
      record(site.name, `Lighthouse ${category} min`, Math.min(...list.map((r) => r.scores[category])));
    }
    console.log(`Lighthouse, ${site.name}: LCP ${list.map((r) => Math.round(r.lcp)).join(", ")} ms; LCP element ${list[0].lcpElement}`);
    const failing = [...new Set(list.flatMap((r) => r.failing))];
    if (failing.length) console.log(`  audits not passed in some run: ${failing.join(", ")}`);
  }
}

// 4. Slider input to the next painted frame, at 1x and 4x CPU.
for (const cpu of [1, 4]) {
  for (const site of sites) {
    const context = await browser.newContext();
    const { page } = await cdpPage(context, 1);
    await page.goto(site.server.url);
    await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
    await page.waitForLoadState("networkidle");
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
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
      // The work an input causes, queued effects included, ends before a
      // task posted right after it runs; frame alignment is not counted.
      const afterWork = () => new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
      const frame = [];
      const work = [];
      for (let i = 0; i < moves; i++) {
        await afterNextPaint();
        slider.value = String((i * 7) % (max + 1));
        const start = performance.now();
        slider.dispatchEvent(new Event("input", { bubbles: true }));
        work.push((await afterWork()) - start);
        frame.push((await afterNextPaint()) - start);
      }
      slider.dispatchEvent(new Event("change", { bubbles: true }));
      return { frame, work };
    }, SLIDER_MOVES);
    record(site.name, `slider ${cpu}x frame p50`, percentile(latencies.frame, 50));
    record(site.name, `slider ${cpu}x frame p95`, percentile(latencies.frame, 95));
    record(site.name, `slider ${cpu}x work p50`, percentile(latencies.work, 50));
    record(site.name, `slider ${cpu}x work p95`, percentile(latencies.work, 95));
    await context.close();
  }
}

// 5. Mutation records for one month step, Aug to Sep 2025, by the slider.
for (const [label, query] of [["default view", ""], ["compare panel", "&compare=eu-us"]]) {
  for (const site of sites) {
    if (site.name === "peer-d3" && query) continue;
    const page = await browser.newPage();
    await page.goto(`${site.server.url}?month=2025-08${query}`);
    await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
    await page.waitForLoadState("networkidle");
    const count = await page.evaluate(async () => {
      const slider = document.querySelector('[data-testid="timeline"]');
      const records = [];
      const observer = new MutationObserver((list) => records.push(...list));
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      slider.value = String(Number(slider.value) + 1);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      records.push(...observer.takeRecords());
      observer.disconnect();
      return records.length;
    });
    record(site.name, `mutations, ${label}`, count);
    await page.close();
  }
}

const names = sites.map((s) => s.name);
const show = (v) => (v === undefined ? "-" : Number.isInteger(v) ? String(v) : v.toFixed(1));
console.log(`\n${"figure".padEnd(28)} ${names.map((n) => n.padStart(10)).join(" ")}   explorer / peer-d3`);
for (const key of Object.keys(results.explorer)) {
  const row = names.map((n) => show(results[n]?.[key]).padStart(10)).join(" ");
  const theirs = results["peer-d3"]?.[key];
  console.log(`${key.padEnd(28)} ${row}   ${theirs === undefined ? "" : ratio(results.explorer[key], theirs)}`);
}

await browser.close();
for (const site of sites) await site.server.close();
