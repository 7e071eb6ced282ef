// A minimal static file server for the end-to-end tests and the benchmark:
// serves dist/ on loopback, optionally under a sub-path, like any static host.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Answers byte ranges as static hosts do (RFC 9110: `bytes=a-b`, `bytes=a-`, `bytes=-n`). */
function send(request, response, body, name, extra = {}, gzip = false) {
  const headers = { ...extra, "content-type": TYPES[extname(name)] ?? "application/octet-stream", "accept-ranges": "bytes" };
  // As a production host would, when asked (`gzip`): whole answers only.
  if (gzip && !request.headers.range && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
    response.writeHead(200, { ...headers, "content-encoding": "gzip", vary: "accept-encoding" }).end(gzipSync(body, { level: 6 }));
    return;
  }
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? "");
  if (!range || (range[1] === "" && range[2] === "")) {
    response.writeHead(200, headers).end(body);
    return;
  }
  const size = body.length;
  let [start, end] = range[1] === ""
    ? [Math.max(0, size - Number(range[2])), size - 1]
    : [Number(range[1]), range[2] === "" ? size - 1 : Math.min(Number(range[2]), size - 1)];
  if (start > end || start >= size) {
    response.writeHead(416, { "content-range": `bytes */${size}` }).end();
    return;
  }
  response.writeHead(206, { ...headers, "content-range": `bytes ${start}-${end}/${size}` }).end(body.subarray(start, end + 1));
}

/** Starts a server for `root`; resolves to { url, close }. */
/** `headers` are added to every answer, as a host's configuration would (a CSP, say); */
/** `gzip` compresses answers for clients that accept it. */
export function serveStatic(root, { prefix = "/", port = 0, overrides = {}, delays = {}, headers = {}, gzip = false } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end("not under the served prefix");
      return;
    }
    const relative = path.slice(prefix.length) || "index.html";
    // A slow network for one file: `delays` maps a path to milliseconds.
    if (delays[relative]) await new Promise((r) => setTimeout(r, delays[relative]));
    if (relative in overrides) {
      const body = overrides[relative];
      if (body === null) response.writeHead(404).end("absent");
      else send(request, response, Buffer.from(body), relative, headers, gzip);
      return;
    }
    const file = normalize(join(base, relative));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const target = info.isDirectory() ? join(file, "index.html") : file;
      send(request, response, await readFile(target), target, headers, gzip);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  return new Promise((done) => {
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address();
      done({ url: `http://127.0.0.1:${bound}${prefix}`, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = "dist", port = "8080"] = process.argv.slice(2);
  const { url } = await serveStatic(root, { port: Number(port) });
  console.log(`serving ${root} at ${url}`);
}
