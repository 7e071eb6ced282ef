// The first-visit budget, in gzip bytes on the wire, shared by the e2e test
// and the benchmark. Issue 2 set 250,000 B for the map alone; the share
// dialog, downloads and data check of issue 4 measured about 16 KB more
// after every cut we found (see README "Size budget"), so the ceiling is
// now 270,000 B. Raising it again needs the same kind of account.
export const BUDGET = 270_000;
