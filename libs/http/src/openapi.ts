import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Swagger UI at /docs, the document at /docs-json. */
export function setupOpenApi(app: INestApplication, service: string): void {
  const config = new DocumentBuilder()
    .setTitle(`Rectify ${service}`)
    .setDescription(`HTTP API of the ${service} service. Errors are RFC 9457 problem+json.`)
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config));
}
