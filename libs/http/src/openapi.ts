import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { serveSwaggerUiOnFastify } from './fastify/swagger-ui';

/** Swagger UI at /docs, the document at /docs-json. */
export function setupOpenApi(app: INestApplication, service: string, platform: 'express' | 'fastify' = 'express'): void {
  const config = new DocumentBuilder()
    .setTitle(`Rectify ${service}`)
    .setDescription(`HTTP API of the ${service} service. Errors are RFC 9457 problem+json.`)
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  const document = () => SwaggerModule.createDocument(app, config);
  if (platform === 'express') {
    SwaggerModule.setup('docs', app, document);
    return;
  }
  // On Fastify, SwaggerModule serves the UI's files with @fastify/static, which we do not ship.
  SwaggerModule.setup('docs', app, document, { ui: false });
  serveSwaggerUiOnFastify(app as NestFastifyApplication, { path: '/docs', documentUrl: '/docs-json', title: `Rectify ${service}` });
}
