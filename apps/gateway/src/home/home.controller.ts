import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@rectify/auth';

/**
 * What http://localhost:8080 shows when the web console was not built (ConsoleSiteMiddleware
 * serves dist/console otherwise): where the API, its documentation and the demo logins are.
 */
@Controller()
export class HomeController {
  @Get()
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  home(): string {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rectify</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222}code{background:#f3f3f3;padding:.1rem .3rem}</style>
</head><body>
<h1>Rectify</h1>
<p>Work-style rectification cases, from finding to verified solution.</p>
<p>The web console is not built (<code>npm run build:console</code> builds it into <code>dist/console</code>). The HTTP API is running: see its <a href="/docs">OpenAPI documentation</a> for the gateway;
each service serves its own at <code>/docs</code>.</p>
<p>Log in with <code>POST /api/auth/login {"username":"inspector","password":"rectify-demo"}</code>
(demo users: admin, inspector, inspector2, analyst, dept-a, dept-b, dept-county) and send the token as
<code>Authorization: Bearer …</code>.</p>
</body></html>`;
  }
}
