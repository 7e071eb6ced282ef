// A picture of every month of every series, in each language, made at build
// time from what the release app draws (issue 12, item 2): the script embed
// the share dialog gives carries the month's picture in a <noscript>, so a
// reader whose browser runs no script, a feed reader or an e-mail still
// sees the map the editor chose, not a blank box.
//
// Each picture is the app's own "Map (SVG)" download (headline, arcs with
// their tonnes, width key, sources, credit) drawn on a white canvas at its
// own size. Names are stable, so the dialog can write them without a list:
//   views/<series>-<YYYY-MM>-<lang>.png   one month, as the slider names it
//   views/<series>-latest-<lang>.png      the month a "latest" embed opens on
// (src/core/state/share.rs, `picture_path`, writes the same names; an
// end-to-end test loads the dialog's picture.)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SERIES = ["magnets", "rare-earths", "re-products"];
export const LANGUAGES = ["en", "ko", "mn"];
/** Two pages at once: the machines that build have two cores. */
const PAGES = 2;

/** Runs in the page: the SVG on a white canvas at its own size, as base64 PNG. */
async function drawPicture(svg) {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = Object.assign(document.createElement("canvas"), { width: image.naturalWidth, height: image.naturalHeight });
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0);
  URL.revokeObjectURL(url);
  return canvas.toDataURL("image/png").split(",")[1];
}

/** Opens `query` and returns the month it shows and its picture. */
async function picture(page, address, query) {
  await page.goto(`${address}${query}`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]', { timeout: 30000 });
  const month = await page.locator('[data-testid="timeline-bar"].shown').first().getAttribute("data-month");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="download-svg"]')]);
  const svg = readFileSync(await download.path(), "utf8");
  return { month, png: Buffer.from(await page.evaluate(drawPicture, svg), "base64") };
}

/** Writes every picture into `staging`/views; `address` serves the built site. */
export async function writeViewPictures(browser, address, staging) {
  const folder = join(staging, "views");
  mkdirSync(folder, { recursive: true });
  const pages = [];
  for (let i = 0; i < PAGES; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: "light", reducedMotion: "reduce" });
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    pages.push({ page, errors });
  }
  // The months of each series, as its timeline lists them.
  const jobs = [];
  for (const series of SERIES) {
    const { page } = pages[0];
    await page.goto(`${address}?series=${series}`);
    await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]', { timeout: 30000 });
    const months = await page.$$eval('[data-testid="timeline-bar"]', (bars) => bars.map((bar) => bar.dataset.month));
    if (months.length === 0) throw new Error(`view pictures: ${series} has no months`);
    for (const lang of LANGUAGES) {
      jobs.push({ query: `?series=${series}&lang=${lang}&theme=light`, name: `${series}-latest-${lang}.png` });
      for (const month of months) {
        jobs.push({ query: `?series=${series}&month=${month}&lang=${lang}&theme=light`, name: `${series}-${month}-${lang}.png`, month });
      }
    }
  }
  const count = jobs.length;
  let bytes = 0;
  const work = pages.map(async ({ page }) => {
    for (let job; (job = jobs.shift()); ) {
      const drawn = await picture(page, address, job.query);
      if (job.month && drawn.month !== job.month) throw new Error(`view pictures: ${job.query} shows ${drawn.month}`);
      writeFileSync(join(folder, job.name), drawn.png);
      bytes += drawn.png.length;
    }
  });
  await Promise.all(work);
  for (const { page, errors } of pages) {
    await page.close();
    if (errors.length) throw new Error(`view pictures: the app reported errors: ${errors.join("; ")}`);
  }
  return { count, bytes };
}
