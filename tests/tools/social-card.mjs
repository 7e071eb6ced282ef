// Social cards and oEmbed for the default view (issue 12, items 2 and 3),
// made at build time from what the release app draws, in the same Chromium
// session as the first paint (first-paint.mjs):
// - the card is the picture a reader downloads (the app's own SVG: headline,
//   arcs with their tonnes, width key, sources, credit), drawn centred on a
//   1200x630 canvas, the size Open Graph and X's summary_large_image ask for;
// - its title, description and alt text are the app's headline, summary
//   and the map's title with the summary;
// - the oEmbed file's `html` is the share dialog's own embed code for the
//   pinned month, so it reproduces the view an editor would copy.
// Crawlers and oEmbed consumers need absolute addresses, which dist/ does
// not know: SITE_URL (the address dist/ will be served at, with its trailing
// slash) makes them absolute and adds og:url and the oEmbed file; without
// it og:image is relative and no oEmbed file is written.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const CARD = { width: 1200, height: 630 };

/** Runs in the page: the downloaded SVG centred on a white 1200x630 PNG, as base64. */
async function drawCard({ svg, width, height }) {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = Object.assign(document.createElement("canvas"), { width, height });
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  const margin = 24;
  const scale = Math.min((width - 2 * margin) / image.naturalWidth, (height - 2 * margin) / image.naturalHeight);
  const [w, h] = [image.naturalWidth * scale, image.naturalHeight * scale];
  context.drawImage(image, (width - w) / 2, (height - h) / 2, w, h);
  URL.revokeObjectURL(url);
  return canvas.toDataURL("image/png").split(",")[1];
}

/** What the card and the embed need, read off the drawn default view in `page`. */
export async function readSocial(page, servedAt) {
  const text = (selector) => page.locator(selector).first().evaluate((el) => el.textContent.trim());
  const title = await text('[data-testid="headline"]');
  const description = await text('[data-testid="summary"]');
  const mapTitle = await text('[data-testid="flow-map"] > svg > title');
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="download-svg"]')]);
  const svg = readFileSync(await download.path(), "utf8");
  const png = Buffer.from(await page.evaluate(drawCard, { svg, ...CARD }), "base64");
  await page.click('[data-testid="share"]');
  await page.selectOption('[data-testid="embed-month"]', "fixed");
  const snippet = await page.locator('[data-testid="share-snippet"]').inputValue();
  await page.click('[data-testid="share-close"]');
  if (!snippet.includes(servedAt)) throw new Error("social card: the embed code does not name the page's address");
  return { title, description, alt: `${mapTitle}. ${description}`, png, snippet, servedAt };
}

const escape = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Normalises SITE_URL to an absolute http(s) address ending in "/", or null. */
export function siteUrl(value) {
  if (!value) return null;
  const url = new URL(value);
  if (!/^https?:$/.test(url.protocol)) throw new Error(`SITE_URL must be http(s): ${value}`);
  url.search = "";
  url.hash = "";
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** Writes the card, the meta tags and (with a site address) the oEmbed file into `staging`. */
export function writeSocial(staging, social, site) {
  const cardName = `social-card-${createHash("sha256").update(social.png).digest("hex").slice(0, 16)}.png`;
  writeFileSync(join(staging, cardName), social.png);
  const image = site ? new URL(cardName, site).href : cardName;
  const meta = [
    ["property", "og:type", "website"],
    ["property", "og:site_name", "Rare-Earth Flows"],
    ["property", "og:title", social.title],
    ["property", "og:description", social.description],
    ["property", "og:image", image],
    ["property", "og:image:type", "image/png"],
    ["property", "og:image:width", String(CARD.width)],
    ["property", "og:image:height", String(CARD.height)],
    ["property", "og:image:alt", social.alt],
    ["name", "twitter:card", "summary_large_image"],
    ["name", "twitter:title", social.title],
    ["name", "twitter:description", social.description],
    ["name", "twitter:image", image],
    ["name", "twitter:image:alt", social.alt],
  ];
  if (site) meta.unshift(["property", "og:url", site]);
  let head = meta.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escape(value)}">`).join("");
  if (site) {
    const oembed = {
      version: "1.0",
      type: "rich",
      provider_name: "Rare-Earth Flows",
      provider_url: site,
      title: social.title,
      // The share dialog's embed code for the pinned month, at the site's address.
      html: social.snippet.replaceAll(social.servedAt, site),
      width: 1000,
      height: Number(/height="(\d+)"/.exec(social.snippet)?.[1] ?? 640),
      thumbnail_url: image,
      thumbnail_width: CARD.width,
      thumbnail_height: CARD.height,
    };
    writeFileSync(join(staging, "oembed.json"), JSON.stringify(oembed, null, 2) + "\n");
    head += `<link rel="alternate" type="application/json+oembed" href="${escape(new URL("oembed.json", site).href)}" title="${escape(social.title)}">`;
  }
  const htmlPath = join(staging, "index.html");
  const html = readFileSync(htmlPath, "utf8");
  if (!html.includes("</head>")) throw new Error("social card: index.html has no </head>");
  writeFileSync(htmlPath, html.replace("</head>", `${head}</head>`));
  return { card: cardName, oembed: Boolean(site) };
}
