import type { INestApplication } from '@nestjs/common';

/**
 * Nest's built-in helmet-equivalent headers, tightened for an API: no framing at all and
 * no upgrade-insecure-requests (the stack is served over plain HTTP on localhost, where
 * that directive would break the console and /docs). script-src stays 'self' so the
 * Swagger UI at /docs, and later the console, still load their own scripts.
 * Must run before any other middleware so that proxied and error responses carry them.
 */
export function applySecurityHeaders(app: INestApplication): void {
  app.useSecurityHeaders({
    contentSecurityPolicy: {
      directives: {
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
    strictTransportSecurity: false,
  });
}
