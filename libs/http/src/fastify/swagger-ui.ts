import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The Swagger UI files a page needs, from the swagger-ui-dist package @nestjs/swagger ships. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

/**
 * Swagger UI at `path` without @fastify/static: the page, its initializer (a file, since the
 * Content-Security-Policy allows no inline script) and a fixed list of assets.
 */
export function serveSwaggerUiOnFastify(app: NestFastifyApplication, { path, documentUrl, title }: { path: string; documentUrl: string; title: string }): void {
  const fastify = app.getHttpAdapter().getInstance();
  const root = dirname(require.resolve('swagger-ui-dist/package.json'));
  const page = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8"><title>${title}</title>
  <link rel="stylesheet" href="${path}/swagger-ui.css"><link rel="stylesheet" href="${path}/index.css">
  <link rel="icon" type="image/png" href="${path}/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${path}/swagger-ui-bundle.js"></script>
  <script src="${path}/swagger-ui-standalone-preset.js"></script>
  <script src="${path}/swagger-ui-init.js"></script>
</body>
</html>`;
  const init = `window.onload = function () {
  window.ui = SwaggerUIBundle({ url: ${JSON.stringify(documentUrl)}, dom_id: '#swagger-ui', deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });
};`;

  fastify.get(path, async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  fastify.get(`${path}/swagger-ui-init.js`, async (_request, reply) => reply.type('application/javascript; charset=utf-8').send(init));
  fastify.get<{ Params: { file: string } }>(`${path}/:file`, async (request, reply) => {
    const type = Object.hasOwn(ASSETS, request.params.file) ? ASSETS[request.params.file] : undefined;
    if (!type) return reply.callNotFound();
    return reply.type(type).header('Cache-Control', 'public, max-age=3600').send(await readFile(join(root, request.params.file)));
  });
}
