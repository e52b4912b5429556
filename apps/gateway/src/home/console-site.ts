import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Vite names everything under assets/ by content hash: a changed file gets a new name.
const HASHED = /^\/assets\//;
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Revalidated on every load (cheap with the ETag), so a new build is picked up at once.
const REVALIDATE = 'no-cache';

/** Paths the gateway itself answers: never the console's, whatever their method. */
export function isServerPath(pathname: string): boolean {
  return /^\/(?:api|health|metrics)(?:\/|$)/.test(pathname) || /^\/docs(?:[/-]|$)/.test(pathname);
}

type Next = (error?: unknown) => void;

/**
 * Serves the built console (dist/console) and answers any other GET with its index.html, so
 * that /cases/42 reloads into the single-page app. Calls `next` for the gateway's own paths,
 * for methods other than GET/HEAD, for a missing hashed asset, and when the console is not
 * built (the home page then explains where the API is).
 */
export function consoleSite(root: string) {
  const base = resolve(root);
  return (request: IncomingMessage, response: ServerResponse, next: Next): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const pathname = pathOf(request.url);
    if (pathname === null || isServerPath(pathname)) return next();
    serve(base, pathname, request, response).then(
      (served) => {
        if (!served) next();
      },
      (error: unknown) => next(error),
    );
  };
}

function pathOf(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://console.local').pathname);
  } catch {
    return null; // malformed escapes: leave it to the gateway's 404
  }
}

async function serve(base: string, pathname: string, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const file = pathname === '/' ? null : await fileIn(base, pathname);
  if (file) {
    send(file.path, file.stats, HASHED.test(pathname) ? IMMUTABLE : REVALIDATE, request, response);
    return true;
  }
  if (HASHED.test(pathname) || extname(pathname) === '.map') return false;
  const index = await fileIn(base, '/index.html');
  if (!index) return false;
  send(index.path, index.stats, REVALIDATE, request, response);
  return true;
}

async function fileIn(base: string, pathname: string): Promise<{ path: string; stats: Stats } | null> {
  // Dot files and anything resolving outside the console's folder are never served.
  if (pathname.includes('\0') || pathname.split('/').some((part) => part.startsWith('.'))) return null;
  const path = join(base, pathname);
  if (!path.startsWith(base + sep)) return null;
  try {
    const stats = await stat(path);
    return stats.isFile() ? { path, stats } : null;
  } catch {
    return null;
  }
}

function send(path: string, stats: Stats, cacheControl: string, request: IncomingMessage, response: ServerResponse): void {
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  response.setHeader('Cache-Control', cacheControl);
  response.setHeader('ETag', etag);
  response.setHeader('Last-Modified', stats.mtime.toUTCString());
  response.setHeader('Content-Type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
  if (request.headers['if-none-match'] === etag) {
    response.statusCode = 304;
    response.end();
    return;
  }
  response.statusCode = 200;
  response.setHeader('Content-Length', stats.size);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(path);
  stream.once('error', () => response.destroy());
  stream.pipe(response);
}
