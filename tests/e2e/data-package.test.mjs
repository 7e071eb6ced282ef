// Issue 12, item 6: the data package describes the files that dist/ ships,
// column for column, so a reader's tools can load them without guessing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { DIST, parseCsv } from "./helpers.mjs";

const pkg = JSON.parse(readFileSync(`${DIST}datapackage.json`, "utf8"));

test("every resource of datapackage.json is a file in dist/ whose header is the schema's fields, in order", () => {
  assert.equal(pkg.profile, "data-package");
  assert.ok(pkg.licenses?.length >= 1 && pkg.licenses[0].name, "a licence");
  assert.ok(pkg.resources.length >= 4);
  for (const resource of pkg.resources) {
    const path = `${DIST}${resource.path}`;
    assert.ok(existsSync(path), `${resource.path} is shipped`);
    const header = readFileSync(path, "utf8").split(/\r?\n/, 1)[0].split(",");
    assert.deepEqual(resource.schema.fields.map((f) => f.name), header, resource.path);
    for (const field of resource.schema.fields) assert.ok(field.description?.length > 10, `${resource.name}.${field.name} is described`);
  }
});

test("the data keeps the package's promises: unique keys, units and grades from its lists, events pointing at facts", () => {
  const rows = (name) => parseCsv(readFileSync(`${DIST}${pkg.resources.find((r) => r.name === name).path}`, "utf8"));
  const field = (name, column) => pkg.resources.find((r) => r.name === name).schema.fields.find((f) => f.name === column);
  const facts = rows("facts");
  assert.equal(facts.length, 604);
  assert.equal(new Set(facts.map((f) => f.id)).size, facts.length, "fact ids are unique");
  const units = new Set(field("facts", "unit").constraints.enum);
  assert.deepEqual(facts.filter((f) => !units.has(f.unit)).map((f) => f.id), []);
  assert.deepEqual(facts.filter((f) => !Number.isFinite(Number(f.value))).map((f) => f.id), [], "values are numbers");
  const grades = new Set(field("sources", "grade").constraints.enum);
  assert.deepEqual(rows("sources").filter((s) => !grades.has(s.grade)).map((s) => s.publisher), []);
  const ids = new Set(facts.map((f) => f.id));
  assert.deepEqual(rows("events").filter((e) => !ids.has(e.fact)).map((e) => e.fact), [], "every event's fact exists");
});

test("CITATION.cff names the project, its licence and the dataset", () => {
  const cff = readFileSync(new URL("../../CITATION.cff", import.meta.url), "utf8");
  assert.match(cff, /^cff-version: 1\.2\.0$/m);
  assert.match(cff, /^title: "Rare-Earth Flows/m);
  assert.match(cff, /^license: MIT$/m);
  assert.match(cff, /datapackage\.json/);
});
