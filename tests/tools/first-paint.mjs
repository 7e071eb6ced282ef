// The first paint, drawn at build time by the release app itself (issue 12):
// the built site is served on loopback, Chromium opens the default view at a
// desktop and a phone width, and what the app drew there is written into
// index.html as `<div id="first-paint">`, so a reader sees the map, the
// headline, the summary and the month's totals before the wasm has arrived,
// and a reader without JavaScript sees them at all. The app mounts beside
// that copy and takes it over once drawn (src/view/browser/first_paint.rs);
// public/first-paint.js shows the copy only for the view it is. The same
// session makes the social card and the oEmbed file (social-card.mjs) and
// the embed's picture of every month (view-pictures.mjs).
//
// Rendering with the app, not a second renderer, means the copy cannot drift
// from what the app draws. Two things the DOM keeps outside its markup are
// carried over by hand:
// - form state that lives in properties (the slider's value, the pickers'
//   choices) is written back as attributes;
// - styles the app sets through the CSSOM (bar heights, the label scale)
//   would be `style` attributes, which a strict `style-src 'self'` refuses:
//   each becomes a rule in the site's own style sheet instead.
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "./static-server.mjs";
import { launch } from "./browser.mjs";
import { readSocial, siteUrl, writeSocial } from "./social-card.mjs";
import { writeViewPictures } from "./view-pictures.mjs";

/** A phone width, below the 480 px where the bar list replaces the map's words (src/view/browser/media.rs). */
const PHONE_WIDTH = 390;

/** Runs in the page: the drawn app, with form state and styles made static. */
function capture(part) {
  for (const input of document.querySelectorAll("input")) {
    if (input.type === "checkbox" || input.type === "radio") input.toggleAttribute("checked", input.checked);
    else input.setAttribute("value", input.value);
  }
  for (const option of document.querySelectorAll("option")) option.toggleAttribute("selected", option.selected);
  for (const area of document.querySelectorAll("textarea")) area.textContent = area.value;
  const root = part === "app" ? document.getElementById("app") : document.querySelector(part);
  if (!root) throw new Error(`${part} is not on the page`);
  const copy = root.cloneNode(true);
  const next = root.nextElementSibling?.getAttribute("data-testid") ?? null;
  return { html: part === "app" ? copy.innerHTML : copy.outerHTML, next };
}

async function drawn(browser, url, viewport) {
  const page = await browser.newPage({ viewport, locale: "en-US", colorScheme: "light", reducedMotion: "reduce" });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(url);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]', { timeout: 30000 });
  // The totals and the summary land a painted frame after the map.
  await page.waitForFunction(() => document.querySelector('[data-testid="summary"]')?.textContent.trim());
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
  if (errors.length) throw new Error(`first paint: the app reported errors: ${errors.join("; ")}`);
  return page;
}

/** `style="…"` attributes become rules of `sheet`, keyed by a data attribute. */
function styleToRules(html, rules) {
  return html.replace(/ style="([^"]*)"/g, (_, css) => {
    const decoded = css.replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    if (!rules.has(decoded)) rules.set(decoded, rules.size);
    return ` data-fp-style="${rules.get(decoded)}"`;
  });
}

const integrity = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** Writes the first paint into `staging`'s index.html and its style sheet. */
export async function writeFirstPaint(staging) {
  const server = await serveStatic(staging);
  const browser = await launch();
  let desktop;
  let phone;
  let social;
  let pictures;
  try {
    const wide = await drawn(browser, server.url, { width: 1280, height: 900 });
    desktop = await wide.evaluate(capture, "app");
    // After the capture: the card's download and the share dialog change the page.
    social = await readSocial(wide, server.url);
    const narrow = await drawn(browser, server.url, { width: PHONE_WIDTH, height: 844 });
    phone = await narrow.evaluate(capture, '[data-testid="flow-bars"]');
    pictures = await writeViewPictures(browser, server.url, staging);
  } finally {
    await browser.close();
    await server.close();
  }
  if (phone.next !== "summary") {
    throw new Error(`first paint: the phone's bar list precedes ${phone.next}, not the summary; update first-paint.mjs`);
  }
  const rules = new Map();
  // Leptos' markers of where dynamic parts go mean nothing in a copy.
  const unmarked = (html) => html.replace(/<!--[\s\S]*?-->/g, "");
  let app = styleToRules(unmarked(desktop.html), rules);
  const bars = styleToRules(unmarked(phone.html), rules).replace(/^<([a-z0-9-]+)/, '<$1 data-first-paint="phone"');
  // Not a drawn map yet: tests and tools wait for the app's `ready`.
  app = app.replace(/(data-testid="flow-map"[^>]*?)data-state="ready"/, '$1data-state="first-paint"');
  if (app.includes('data-state="ready"')) throw new Error("first paint: a second ready map in the copy");
  // Where the phone has it: just before the summary.
  const summaryStart = app.lastIndexOf("<", app.indexOf('data-testid="summary"'));
  app = app.slice(0, summaryStart) + bars + app.slice(summaryStart);

  const htmlPath = join(staging, "index.html");
  let html = readFileSync(htmlPath, "utf8");
  if (html.includes('id="first-paint"')) throw new Error("first paint: index.html already has one");
  // First in the body: a reader without JavaScript sees the map before the
  // noscript lines (which say, in three languages, what needs JavaScript).
  const body = /<body[^>]*>/.exec(html);
  if (!body) throw new Error("first paint: index.html has no <body>");
  const at = body.index + body[0].length;
  html = `${html.slice(0, at)}<div id="first-paint">${app}</div>${html.slice(at)}`;

  // The copy's styles join the site's style sheet: no extra request, and no
  // inline style for a strict CSP to refuse. The file is renamed by its new
  // content and its integrity hash rewritten, as Trunk would have.
  const sheetLink = html.match(/href="?\.?\/?(main-[0-9a-f]+\.css)"?/);
  if (!sheetLink) throw new Error("first paint: no main-<hash>.css in index.html");
  const oldName = sheetLink[1];
  const oldSheet = readFileSync(join(staging, oldName));
  const extra = [...rules].map(([css, n]) => `#first-paint [data-fp-style="${n}"]{${css}}`).join("");
  const sheet = Buffer.concat([oldSheet, Buffer.from(extra)]);
  const newName = `main-${createHash("sha256").update(sheet).digest("hex").slice(0, 16)}.css`;
  writeFileSync(join(staging, oldName), sheet);
  renameSync(join(staging, oldName), join(staging, newName));
  if (!html.includes(integrity(oldSheet))) throw new Error("first paint: the style sheet's integrity hash is not in index.html");
  html = html.replaceAll(oldName, newName).replace(integrity(oldSheet), integrity(sheet));
  writeFileSync(htmlPath, html);
  const cards = writeSocial(staging, social, siteUrl(process.env.SITE_URL));
  return { bytes: app.length, rules: rules.size, sheet: newName, pictures, ...cards };
}
