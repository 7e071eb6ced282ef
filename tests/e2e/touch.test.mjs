// End-to-end on a touch phone: a tap opens a tooltip that stays, thin arcs
// have a 24 px touch band, and the map zooms by buttons and by pinching.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startSuite } from "./helpers.mjs";

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

async function openPhone(query, viewport = { width: 390, height: 844 }) {
  const context = await suite.browser.newContext({ viewport, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}${query}`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  return { context, page };
}

/** A point on a flow's touch band, `offset` CSS px off its centre line. */
async function pointNearFlow(page, to, offset) {
  return page.locator(`.flow-hit[data-to="${to}"]`).evaluate((path, offset) => {
    const svg = path.ownerSVGElement;
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const q = path.getPointAtLength(path.getTotalLength() / 2 + 1);
    const point = svg.createSVGPoint();
    [point.x, point.y] = [p.x, p.y];
    const screen = point.matrixTransform(path.getScreenCTM());
    // Perpendicular to the line at that point, in screen space.
    const [dx, dy] = [q.x - p.x, q.y - p.y];
    const length = Math.hypot(dx, dy);
    return { x: screen.x - (dy / length) * offset, y: screen.y + (dx / length) * offset };
  }, offset);
}

test("a tap opens the flow's tooltip, which stays until it is dismissed", async () => {
  const { context, page } = await openPhone("?month=2025-08");
  const { x, y } = await pointNearFlow(page, "USA", 0);
  await page.touchscreen.tap(x, y);
  const tooltip = page.getByTestId("flow-tooltip");
  await tooltip.waitFor();
  assert.match(await tooltip.innerText(), /United States/);
  // A tap on the sea elsewhere does not close it.
  const box = await page.getByTestId("flow-map").boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.3, box.y + box.height * 0.75);
  assert.ok(await tooltip.isVisible(), "the tooltip stays");
  await tooltip.getByRole("button", { name: "Close" }).tap();
  assert.equal(await tooltip.count(), 0);
  await context.close();
});

test("a thin arc answers a tap 9 px off its line", async () => {
  // September 2025: Korea's 854 t and Japan's 228 t are short, thin arcs.
  const { context, page } = await openPhone("?month=2025-09");
  const widths = await page.locator('[data-testid="flow"]').evaluateAll((paths) =>
    paths.map((p) => [p.dataset.to, p.getBoundingClientRect().height]));
  const { x, y } = await pointNearFlow(page, "JPN", 9);
  const hit = await page.evaluate(([x, y]) => {
    const element = document.elementFromPoint(x, y);
    return [element.getAttribute("class"), element.dataset.to];
  }, [x, y]);
  assert.deepEqual(hit, ["flow-hit", "JPN"], `widths ${JSON.stringify(widths)}`);
  await page.touchscreen.tap(x, y);
  await page.getByTestId("flow-tooltip").waitFor();
  assert.match(await page.getByTestId("flow-tooltip").innerText(), /Japan/);
  await context.close();
});

// A small tablet: below 480 px the map is a locator without words (the bar
// list under it names the places, phone.test.mjs), so the labels' growth is
// measured where the map carries them.
test("the zoom buttons magnify around the selected country and Back undoes them", async () => {
  const { context, page } = await openPhone("?month=2025-09&country=KOR", { width: 600, height: 960 });
  const svg = page.locator('[data-testid="flow-map"] > svg');
  const whole = (await svg.getAttribute("viewBox")).split(" ").map(Number);
  const labelHeight = () => page.locator(".place.figure text", { hasText: "South Korea" }).evaluate((t) => t.getBoundingClientRect().height);
  const before = await labelHeight();
  await page.getByTestId("zoom-in").tap();
  await page.waitForURL(/zoom=2/);
  await page.getByTestId("zoom-in").tap();
  await page.waitForURL(/zoom=4/);
  const zoomed = (await svg.getAttribute("viewBox")).split(" ").map(Number);
  assert.equal(zoomed[2], whole[2] / 4);
  // Seoul is inside the window, near its middle.
  const seoul = await page.locator('.flow-hit[data-to="KOR"], [data-testid="flow"][data-to="KOR"]').first().boundingBox();
  const map = await svg.boundingBox();
  assert.ok(seoul.x > map.x && seoul.x < map.x + map.width, "Korea's arc is in view");
  // Labels grow on screen, but half as fast as the map, so they come apart.
  const after = await labelHeight();
  assert.ok(after / before > 1.5 && after / before < 2.5, `label ${before}px, then ${after}px at ×4`);
  await page.goBack();
  await page.waitForURL((url) => url.search.includes("zoom=2"));
  await page.getByTestId("zoom-out").tap();
  await page.waitForURL((url) => !url.search.includes("zoom"));
  assert.deepEqual((await svg.getAttribute("viewBox")).split(" ").map(Number), whole);
  await context.close();
});

test("pinching the map zooms it in and out", async () => {
  const { context, page } = await openPhone("?month=2025-09");
  const client = await context.newCDPSession(page);
  const box = await page.locator('[data-testid="flow-map"] > svg').boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const fingers = (spread) => [
    { x: cx - spread, y: cy, id: 1 },
    { x: cx + spread, y: cy, id: 2 },
  ];
  const pinch = async (from, to) => {
    await client.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: fingers(from) });
    for (let step = 1; step <= 5; step++) {
      const spread = from + ((to - from) * step) / 5;
      await client.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: fingers(spread) });
    }
    await client.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  };
  await pinch(20, 60);
  await page.waitForURL(/zoom=/);
  assert.match(new URL(page.url()).search, /zoom=(2|4)/);
  await pinch(80, 10);
  await page.waitForURL((url) => !url.search.includes("zoom"));
  await context.close();
});
