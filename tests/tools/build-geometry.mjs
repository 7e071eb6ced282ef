// Turns Natural Earth country shapes (npm `world-atlas`, public domain) into the
// app's own compact basemap: pre-projected, quantised SVG path strings, so the
// browser never projects polygons and never downloads TopoJSON tooling.
//
// The projection parameters are written into the asset, together with a few
// checkpoints projected by d3-geo; the Rust core's own Miller projection must
// reproduce them (see src/core/projection.rs tests), so arcs drawn by the app
// land on the right places of this basemap.
//
// Usage: node tests/tools/build-geometry.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { geoPath, geoProjection } from "d3-geo";
import { feature } from "topojson-client";
import { presimplify, quantile, simplify, sphericalTriangleArea } from "topojson-simplify";
import countries from "i18n-iso-countries";

const root = fileURLToPath(new URL("../../", import.meta.url));
const projectionFile = `${root}public/geo/projection.json`;
const shapesFile = `${root}public/geo/countries.tsv`;
const paramsFile = `${root}src/core/geo/basemap_frame.rs`;
const topology = JSON.parse(
  readFileSync(`${root}node_modules/world-atlas/countries-110m.json`, "utf8"),
);

// Europe on the left, East Asia in the middle, the Americas on the right: the
// map is cut in the mid-Atlantic, so China -> US arcs cross the Pacific.
// Miller's cylindrical projection, not a pseudo-cylindrical one: its meridians
// stay upright, so Europe at the left end is drawn square instead of as the
// slanted shards an Equal Earth map cut there gives, and a crop to a band of
// latitudes (the flows' 10S-75N) fills its rectangle with no empty corners.
const CENTRAL_MERIDIAN = 150;
const WIDTH = 1000;
// The basemap's band: north of the last Arctic land a flow could touch,
// south to the southern tips of Africa, Australia and South America, so the
// production layer still shows every mining country. Antarctica is dropped.
const NORTH = 78;
const SOUTH = -56;
const QUANTUM = 1;
const KEPT_SHARE = 0.18;

function millerRaw(lambda, phi) {
  return [lambda, 1.25 * Math.log(Math.tan(Math.PI / 4 + 0.4 * phi))];
}
millerRaw.invert = (x, y) => [x, 2.5 * Math.atan(Math.exp(0.8 * y)) - 0.625 * Math.PI];

// Visvalingam simplification keeps the most significant KEPT_SHARE of the
// vertices; the rest are invisible at the map's size, a few KB off every first visit.
const weighted = presimplify(topology, sphericalTriangleArea);
const simplified = simplify(weighted, quantile(weighted, KEPT_SHARE));
const world = feature(simplified, simplified.objects.countries);
world.features = world.features.filter((f) => f.id !== "010");

// The whole globe spans the width; the height is the band, NORTH at y = 0.
const projection = geoProjection(millerRaw)
  .rotate([-CENTRAL_MERIDIAN, 0])
  .fitWidth(WIDTH, { type: "Sphere" });
const top = projection([CENTRAL_MERIDIAN, NORTH])[1];
projection.translate([projection.translate()[0], projection.translate()[1] - top]);
const height = Math.ceil(projection([CENTRAL_MERIDIAN, SOUTH])[1]);
projection.clipExtent([[0, 0], [WIDTH, height]]);

// Coordinates are snapped to a 1/QUANTUM px grid and written as relative
// moves, which roughly halves the gzip size against absolute decimals.
function encode(geometry) {
  const rings = [];
  const context = {
    moveTo(x, y) { rings.push([[x, y]]); },
    lineTo(x, y) { rings.at(-1).push([x, y]); },
    closePath() {},
    arc() {},
  };
  geoPath(projection, context)(geometry);
  let out = "";
  let [px, py] = [0, 0];
  for (const ring of rings) {
    const deltas = [];
    ring.forEach(([x, y], i) => {
      const [qx, qy] = [Math.round(x * QUANTUM), Math.round(y * QUANTUM)];
      if (i === 0) {
        out += `M${joinNumbers([qx / QUANTUM, qy / QUANTUM])}`;
      } else if (qx !== px || qy !== py) {
        deltas.push((qx - px) / QUANTUM, (qy - py) / QUANTUM);
      }
      [px, py] = [qx, qy];
    });
    if (deltas.length > 0) out += `l${joinNumbers(deltas)}`;
    out += "z";
  }
  return out;
}

// SVG reads a minus sign as a separator, so "1-2" is two numbers.
function joinNumbers(values) {
  return values.map((v, i) => (i > 0 && v >= 0 ? ` ${v}` : `${v}`)).join("");
}

const round = (v) => Math.round(v * 10) / 10;
const shapes = world.features
  .map((f, i) => ({
    id: countries.numericToAlpha3(f.id) ?? `X${String(i).padStart(3, "0")}`,
    name: f.properties.name,
    d: encode(f),
  }))
  .filter((s) => s.d)
  .sort((a, b) => a.id.localeCompare(b.id));

const checkpointLonLat = [
  [116.4, 39.9], [4.35, 50.85], [-77.04, 38.9], [126.98, 37.57],
  [106.9, 47.92], [13.4, 52.52], [-122.4, 37.8], [151.2, -33.9], [0, 0],
];
// Two files: the small projection file is compiled into the wasm so arcs
// draw at once; the shapes are fetched in parallel with the wasm.
const projectionAsset = {
  name: "miller",
  central_meridian: CENTRAL_MERIDIAN,
  scale: projection.scale(),
  translate: projection.translate(),
  width: WIDTH,
  height,
  checkpoints: checkpointLonLat.map(([lon, lat]) => {
    const [x, y] = projection([lon, lat]);
    return { lon, lat, x: round(x), y: round(y) };
  }),
};
// The shapes as tab-separated lines (id, name, SVG path), the sphere's
// outline (the band's rectangle) first: the browser splits lines instead of parsing JSON, which
// keeps a JSON parser out of the wasm.
const shapesText = [["outline", "", `M0 0h${WIDTH}v${height}h-${WIDTH}z`], ...shapes.map((s) => [s.id, s.name, s.d])]
  .map((fields) => fields.join("\t"))
  .join("\n");
// The same parameters as Rust constants, so the app needs no parsing at all.
const paramsText = `// Generated by tests/tools/build-geometry.mjs from the d3-geo projection of
// the basemap; do not edit. The projection tests check it against projection.json.

pub const CENTRAL_MERIDIAN: f64 = ${CENTRAL_MERIDIAN.toFixed(1)};
pub const SCALE: f64 = ${projection.scale()};
pub const TRANSLATE: [f64; 2] = [${projection.translate().map((v) => (Number.isInteger(v) ? v.toFixed(1) : v)).join(", ")}];
pub const WIDTH: f64 = ${WIDTH.toFixed(1)};
pub const HEIGHT: f64 = ${height.toFixed(1)};
`;

let stale = false;
const outputs = [
  [projectionFile, `${JSON.stringify(projectionAsset)}\n`],
  [shapesFile, `${shapesText}\n`],
  [paramsFile, paramsText],
];
for (const [file, text] of outputs) {
  if (process.argv.includes("--check")) {
    let current = "";
    try { current = readFileSync(file, "utf8"); } catch {}
    if (current !== text) {
      console.error(`${file} is stale: run npm run geometry`);
      stale = true;
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${file}: ${text.length} bytes`);
  }
}
process.exit(stale ? 1 : 0);
