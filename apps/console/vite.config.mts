import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// No React plugin: Vite 8 transforms TSX itself (oxc, automatic JSX runtime). The gateway serves
// the output from dist/console and answers /api itself, so the dev server proxies /api to it.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
  },
  server: {
    proxy: { '/api': process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080' },
  },
});
