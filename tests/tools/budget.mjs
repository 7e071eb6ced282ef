// The first-visit budget, in gzip bytes on the wire, shared by the e2e test
// and the benchmark; it holds in English, Korean and Mongolian. Issue 2 set
// 250,000 B for the map alone. Issue 4's share dialog, downloads and data
// check, and issue 5's zoom, touch targets and three languages, measured
// about 44 KB more after every cut we found (README, "Size budget"), so the
// ceiling was 295,000 B. Issue 9's store and keyed, in-place updates cost
// 23 KB (README, "Size budget"): the ceiling is now 320,000 B. Raising it
// again needs the same kind of account.
export const BUDGET = 320_000;
