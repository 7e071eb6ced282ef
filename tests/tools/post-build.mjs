// Trunk post_build hook, release builds only (debug builds keep readable
// glue):
// 1. minifies wasm-bindgen's JS glue, which Trunk 0.21 ships as written
//    (50 KB raw, 8.8 KB gzip; 6.7 KB minified), and rewrites its
//    Subresource Integrity hash in index.html so the browser still checks it;
// 2. moves Trunk's inline `<script type=module>` loader into a file beside
//    it, so that a host with a strict Content Security Policy
//    (`script-src 'self'`) runs the app instead of refusing an inline script;
// 3. writes the default view, as the app draws it, into index.html as its
//    first paint (first-paint.mjs), and has the wasm wait until that copy
//    is painted.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";
import { writeFirstPaint } from "./first-paint.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("run by Trunk as a post_build hook (TRUNK_STAGING_DIR is unset)");
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

const integrity = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const htmlPath = join(staging, "index.html");
let html = readFileSync(htmlPath, "utf8");
// Only the scripts Trunk wrote for index.html: a copied file (embed.js,
// which articles load; first-paint.js, 1 KB and read by reviewers) ships as
// written.
const copied = new Set(["embed.js", "first-paint.js"]);
for (const name of readdirSync(staging).filter((f) => f.endsWith(".js") && html.includes(f) && !copied.has(f))) {
  const path = join(staging, name);
  const source = readFileSync(path);
  const { code } = await minify(source.toString("utf8"), { module: true, compress: true, mangle: true });
  const before = integrity(source);
  if (!html.includes(before)) throw new Error(`${name}: its integrity hash is not in index.html`);
  writeFileSync(path, code);
  html = html.replace(before, integrity(Buffer.from(code)));
  console.log(`post-build: ${name} ${source.length} -> ${code.length} bytes`);
}
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
const loader = html.match(inline);
if (!loader) throw new Error("index.html has no inline module loader to move");
// While the build-time first paint is on screen, the 270 KB of wasm wait
// for it to be painted: fetched alongside the style sheet they would share
// the reader's link with it and put the first paint off. Trunk's preload of
// the wasm goes for the same reason; the 8 KB glue keeps its modulepreload
// (and its integrity hash).
const start = "const wasm = await init(";
if (!loader[1].includes(start)) throw new Error("Trunk's loader no longer calls init as expected");
const waitForFirstPaint = `if (document.documentElement.classList.contains("first-paint")) {
  // A task queued from a frame callback runs once that frame is painted; a
  // hidden tab paints no frame, so it starts a moment later regardless.
  await new Promise((painted) => {
    requestAnimationFrame(() => setTimeout(painted, 0));
    setTimeout(painted, 1000);
  });
}
`;
const loaderCode = Buffer.from(loader[1].trim().replace(start, waitForFirstPaint + start) + "\n");
const wasmPreload = /<link[^>]*_bg\.wasm[^>]*>/;
if (!wasmPreload.test(html)) throw new Error("index.html has no preload of the wasm to drop");
html = html.replace(wasmPreload, "");
const loaderName = `start-${createHash("sha256").update(loaderCode).digest("hex").slice(0, 16)}.js`;
writeFileSync(join(staging, loaderName), loaderCode);
html = html.replace(inline, `<script type=module src=./${loaderName} integrity=${integrity(loaderCode)}></script>`);
if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) throw new Error("an inline script is left in index.html");
console.log(`post-build: the loader is ${loaderName}`);
writeFileSync(htmlPath, html);

const firstPaint = await writeFirstPaint(staging);
console.log(`post-build: ${firstPaint.pictures.count} view pictures, ${firstPaint.pictures.bytes} bytes, in views/`);
console.log(`post-build: first paint ${firstPaint.bytes} bytes of HTML, ${firstPaint.rules} style rules in ${firstPaint.sheet}`);
console.log(
  `post-build: social card ${firstPaint.card}; ` +
    (firstPaint.oembed ? `oembed.json for ${process.env.SITE_URL}` : "no SITE_URL, so og:image is relative and no oembed.json is written"),
);
