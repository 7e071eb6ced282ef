// The first-visit budget, in gzip bytes on the wire, shared by the e2e test
// and the benchmark; it holds in English, Korean and Mongolian. Issue 2 set
// 250,000 B for the map alone. Issue 4's share dialog, downloads and data
// check, and issue 5's zoom, touch targets and three languages, measured
// about 44 KB more after every cut we found (README, "Size budget"), so the
// ceiling was 295,000 B. Issue 9's store and keyed, in-place updates cost
// 23 KB (README, "Size budget"): the ceiling is now 320,000 B. Raising it
// again needs the same kind of account. Issue 11 embeds the whole research
// file (604 facts instead of 261: +32 KB of gzipped CSV), the sources and
// events tables, conflict handling, Korea's record and the ties: measured
// 385,655 B in English and 397,446 B in Mongolian, so the ceiling is
// 400,000 B until issue 12 moves the excerpts and panels out of the first
// visit. Its second half (unit bases, the all-facts table, the contested
// sentence, tie wording, 27 translations a language) measured 405,591 B in
// Korean and 406,225 B in Mongolian: 410,000 B. Issue 13's stricter
// loader, honest notices, catalogue timeout, CSP-safe loader and memory fix
// measured 410,041 B in Mongolian (README, "Size budget"): 420,000 B.
// Issue 14's whole sentences, plural forms, Korean particles, the labels of
// all 143 metrics and the translated names of the data's 75 places and
// companies measured 424,001 B in Korean and 425,006 B in Mongolian
// (README, "Size budget"): 430,000 B. Issue 9's deferred side panel and
// series index, and issue 10's tonnes on the map with their placement, the
// default month and the concentration sentence without an index measured
// 432,624 B in Korean and 433,630 B in Mongolian (README, "Size budget"):
// 440,000 B. Issue 10's timeline as a bar chart (bars keyed by month, the
// shown bar through a selector, numbered events, years, a key and the Play
// note, in three languages) measured 443,622 B in Korean and 444,673 B in
// Mongolian (README, "Size budget"): 450,000 B. Its phone bar list, the
// tables as cards, names placed clear of each other, the picture's own
// headline and the legend sentence for the EU's inner band measured
// 450,113 B in Mongolian before the last two (README, "Size budget"):
// 460,000 B. The country panels as answers, one verdict, the bold names of
// places with a figure and the default view's reason measured 460,134 B in
// Mongolian (README, "Size budget"): 470,000 B, the last raise before
// issue 12 moves the panels and the dialog out of the first visit.
// Issue 12's first paint (the default view drawn into index.html, about
// 18 KB of gzip HTML and 0.5 KB of its styles, paid by every language since
// a static host serves one index.html) measured 483,047 B in Korean and
// 484,218 B in Mongolian (README, "Size budget"): 490,000 B. It buys the
// largest contentful paint before the wasm arrives. Building the app a part
// a task behind that copy, and reading the dataset 100 rows a task (+5.8 KB
// of wasm), measured 491,019 B in Korean and 492,190 B in Mongolian: 495,000
// B. It took Lighthouse's total blocking time from about 300 ms to 25-80 ms.
// The script embed with each month's picture (+1.3 KB) and a slider that
// stays put (the timeline under the map, the events list under the summary,
// the headline's room kept: +1.9 KB) measured 495,301 B in Korean and
// 496,468 B in Mongolian: 500,000 B. Issue 12's item 7 (the 604 excerpts,
// 23 KB of the embedded file's 52 KB gzip, fetched when a reader first
// opens one) brought it back down: 474,827 B in Korean and 475,989 B in
// Mongolian, so 480,000 B.
export const BUDGET = 480_000;
