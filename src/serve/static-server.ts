import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml; charset=utf-8",
  ".xsl": "text/xsl; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
  /** Bytes sent so far, by request path: what a first visit costs. */
  bytesSent: Map<string, number>;
}

/**
 * Serves a built site on 127.0.0.1 the way a static host does: `/x/` serves
 * `x/index.html`, unknown paths get `404.html` with status 404, and the site
 * may sit under a base path. For tests, screenshots and audits; not a dev server.
 */
export interface ServeOptions {
  /** Gzip text responses for clients that accept it, as real static hosts do (for audits). */
  compress?: boolean;
}

const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".xml", ".txt", ".svg"]);

export function serveStatic(site: string, basePath = "/", options: ServeOptions = {}): Promise<StaticServer> {
  const root = path.resolve(site);
  const bytesSent = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let pathname = decodeURIComponent(url.pathname);
    const send = (status: number, file: string) => {
      let body = fs.readFileSync(file);
      const headers: Record<string, string | number> = { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" };
      if (options.compress && COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
        body = gzipSync(body);
        headers["content-encoding"] = "gzip";
      }
      headers["content-length"] = body.length;
      bytesSent.set(url.pathname, (bytesSent.get(url.pathname) ?? 0) + body.length);
      response.writeHead(status, headers);
      response.end(body);
    };
    if (!pathname.startsWith(basePath)) return send(404, path.join(root, "404.html"));
    pathname = pathname.slice(basePath.length);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) return send(404, path.join(root, "404.html"));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) return send(404, path.join(root, "404.html"));
    send(200, file);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}${basePath}`,
        bytesSent,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
