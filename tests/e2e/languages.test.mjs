// End-to-end: the explorer in Korean and Mongolian, chosen by the address,
// the switcher or the browser, with numbers, months and sentences in the
// reader's language and the sources' excerpts left as written.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openMap, startSuite } from "./helpers.mjs";

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

const EXPECTED = {
  ko: {
    summary: /^2025년 8월 중국의 희토류 자석 수출은 6,146톤으로, 2025년 7월보다 10\.2% 증가했습니다\. 목적지별: 유럽연합 2,582톤/,
    usa: "미국",
    month: "2025.8",
    announcement: /중국에서 미국으로, 2025년 8월: 590톤, 2025년 7월보다 4\.7% 감소/,
    share: "공유 또는 임베드",
  },
  mn: {
    summary: /^2025 оны 8-р сард Хятад 6,146 тн газрын ховор элементийн соронз экспортолсон нь 2025 оны 7-р сараас 10\.2%-иар их\. Хүлээн авагчаар: /,
    usa: "АНУ",
    month: "2025.08",
    announcement: /Хятадаас АНУ руу, 2025 оны 8-р сар: 590 тонн, 2025 оны 7-р сараас 4\.7%-иар бага/,
    share: "Хуваалцах эсвэл суулгах",
  },
};

for (const [lang, expected] of Object.entries(EXPECTED)) {
  test(`lang=${lang}: sentences, names, months, numbers and announcements in that language`, async () => {
    const { page, errors } = await openMap(suite, `?month=2025-08&lang=${lang}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal(await page.getByTestId("lang").inputValue(), lang);
    assert.match(await page.getByTestId("summary").innerText(), expected.summary);
    assert.equal(await page.getByTestId("month-label").innerText(), expected.month);
    const rows = await page.getByTestId("data-table").locator("tbody th").allInnerTexts();
    assert.ok(rows.some((r) => r.includes(expected.usa)), JSON.stringify(rows));
    assert.equal(await page.getByTestId("share").innerText(), expected.share);
    await page.locator('[data-testid="flow"][data-to="USA"]').focus();
    assert.match(await page.getByTestId("announcer").innerText(), expected.announcement);
    // The figures are the data's, whatever the language.
    assert.match(await page.getByTestId("total").innerText(), /6,146/);
    // Excerpts stay as the sources wrote them, and say so.
    const excerpt = page.getByTestId("flow-tooltip").locator("blockquote.excerpt");
    assert.equal(await excerpt.getAttribute("lang"), "en");
    assert.match(await excerpt.innerText(), /590 tons/);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("the switcher reloads the view in the chosen language, and Back returns", async () => {
  const { page } = await openMap(suite, "?month=2025-08&country=KOR");
  await page.getByTestId("lang").selectOption("ko");
  await page.waitForURL(/lang=ko/);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  assert.equal(new URL(page.url()).search, "?month=2025-08&country=KOR&lang=ko", "the view is kept");
  assert.match(await page.getByTestId("country-panel").locator("h2").innerText(), /대한민국/);
  await page.goBack();
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  assert.match(await page.getByTestId("country-panel").locator("h2").innerText(), /South Korea/);
  await page.close();
});

test("without a lang parameter the browser's language is used", async () => {
  const context = await suite.browser.newContext({ locale: "mn-MN" });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}?month=2025-08`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), "mn");
  assert.match(await page.getByTestId("summary").innerText(), /Хятад/);
  await context.close();
});

test("an unknown language falls back with a notice", async () => {
  const { page } = await openMap(suite, "?lang=fr");
  assert.match(await page.getByTestId("notice").innerText(), /“fr” is not a language here/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  await page.close();
});

test("an embed made in Korean stays Korean", async () => {
  const { page } = await openMap(suite, "?month=2025-08&lang=ko");
  await page.getByTestId("share").click();
  const snippet = await page.getByTestId("share-snippet").inputValue();
  assert.match(snippet, /\?month=2025-08&theme=light&lang=ko&embed=1"/);
  // The frame's accessible name is in the language the embed speaks.
  assert.match(snippet, /title="희토류 흐름\(Rare-Earth Flows\): 중국 희토류 수출의 목적지별 지도"/);
  const preview = page.frameLocator('[data-testid="share-preview"] iframe');
  await preview.locator('[data-testid="flow-map"][data-state="ready"]').waitFor();
  assert.equal(await preview.locator("html").getAttribute("lang"), "ko");
  assert.match(await preview.getByTestId("full-explorer").innerText(), /전체 탐색기에서 열기/);
  await page.close();
});
