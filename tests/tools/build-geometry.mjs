// Turns Natural Earth country shapes (npm `world-atlas`, public domain) into the
// app's own compact basemap: pre-projected, quantised SVG path strings, so the
// browser never projects polygons and never downloads TopoJSON tooling.
//
// The projection parameters are written into the asset, together with a few
// checkpoints projected by d3-geo; the Rust core's own Equal Earth must
// reproduce them (see src/core/projection.rs tests), so arcs drawn by the app
// land on the right places of this basemap.
//
// Usage: node tests/tools/build-geometry.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import { presimplify, quantile, simplify, sphericalTriangleArea } from "topojson-simplify";
import countries from "i18n-iso-countries";

const root = fileURLToPath(new URL("../../", import.meta.url));
const projectionFile = `${root}public/geo/projection.json`;
const shapesFile = `${root}public/geo/countries.json`;
const topology = JSON.parse(
  readFileSync(`${root}node_modules/world-atlas/countries-110m.json`, "utf8"),
);

// Europe on the left, East Asia in the middle, the Americas on the right: the
// map is cut in the mid-Atlantic, so China -> US arcs cross the Pacific.
const CENTRAL_MERIDIAN = 150;
const WIDTH = 1000;
const QUANTUM = 1;
const KEPT_SHARE = 0.5;
const MARGIN = 4;

// Visvalingam simplification keeps the most significant KEPT_SHARE of the
// vertices; the rest are invisible at the map's size, a few KB off every first visit.
const weighted = presimplify(topology, sphericalTriangleArea);
const simplified = simplify(weighted, quantile(weighted, KEPT_SHARE));
const world = feature(simplified, simplified.objects.countries);
// Antarctica carries no flow and would take a fifth of an equal-area map.
world.features = world.features.filter((f) => f.id !== "010");

// The whole globe spans the width; the height is cropped to the land left
// after Antarctica, so no pixels go to empty southern ocean.
const projection = geoEqualEarth()
  .rotate([-CENTRAL_MERIDIAN, 0])
  .fitWidth(WIDTH, { type: "Sphere" });
const [[, y0], [, y1]] = geoPath(projection).bounds(world);
const height = Math.ceil(y1 - y0 + 2 * MARGIN);
projection.translate([projection.translate()[0], projection.translate()[1] - y0 + MARGIN]);

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
  name: "equal-earth",
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
const shapesAsset = {
  source: "Natural Earth 1:110m via npm world-atlas (public domain)",
  width: WIDTH,
  height,
  outline: encode({ type: "Sphere" }),
  countries: shapes,
};

let stale = false;
for (const [file, asset] of [[projectionFile, projectionAsset], [shapesFile, shapesAsset]]) {
  const text = `${JSON.stringify(asset)}\n`;
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
