import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleSite } from './console-site';

/** The console's static serving over real HTTP and a real folder, as the gateway mounts it. */
describe('console site', () => {
  let outside: string;
  let root: string;
  let server: Server;
  let base: string;

  const INDEX = '<!doctype html><title>Rectify</title><div id="root"></div>';

  beforeAll(async () => {
    outside = mkdtempSync(join(tmpdir(), 'console-site-'));
    root = join(outside, 'console');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, 'assets', 'index-AbC123.js'), 'console.log(1)');
    writeFileSync(join(root, '.env'), 'SECRET=1');
    writeFileSync(join(outside, 'secret.txt'), 'outside the console');
    const site = consoleSite(root);
    // What the gateway does with what the site leaves alone: its own routes, or a 404.
    server = createServer((request, response) => site(request, response, () => response.writeHead(404).end('next')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(outside, { recursive: true, force: true });
  });

  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${base}${path}`, init);
    return { status: res.status, headers: res.headers, body: await res.text() };
  };

  it('serves index.html at / and for any app path, revalidated on every load', async () => {
    for (const path of ['/', '/cases/4ed208e6-f079-57f5-abc1-882f28610942', '/admin/users?page=2']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.body).toBe(INDEX);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year and other files revalidated, with their content types', async () => {
    const asset = await get('/assets/index-AbC123.js');
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const first = await get('/');
    const again = await get('/', { headers: { 'if-none-match': first.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('answers HEAD with the headers only', async () => {
    const res = await get('/assets/index-AbC123.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String('console.log(1)'.length));
    expect(res.body).toBe('');
  });

  it('leaves the gateway its own paths, other methods and missing assets', async () => {
    for (const path of ['/api/cases', '/api', '/docs', '/docs-json', '/health', '/metrics', '/assets/index-Gone99.js', '/assets/index-AbC123.js.map']) {
      expect(await get(path)).toMatchObject({ status: 404, body: 'next' });
    }
    expect(await get('/cases', { method: 'POST', body: '{}' })).toMatchObject({ status: 404, body: 'next' });
  });

  it('never serves dot files or anything outside the console folder', async () => {
    for (const path of ['/.env', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt']) {
      const res = await get(path);
      expect(res.body).not.toContain('SECRET');
      expect(res.body).not.toContain('outside the console');
    }
  });

  it('leaves / to the gateway when the console was not built', async () => {
    const site = consoleSite(join(outside, 'not-built'));
    const bare = createServer((request, response) => site(request, response, () => response.writeHead(404).end('next')));
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`);
      expect(await res.text()).toBe('next');
    } finally {
      await new Promise((resolve) => bare.close(resolve));
    }
  });
});
