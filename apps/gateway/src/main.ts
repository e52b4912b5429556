import { InvalidEnvironmentError, loadConfig } from '@rectify/config';
import { bootstrapService } from '@rectify/http';
import { AppModule } from './app.module';
import { GatewayEnv } from './gateway.env';
import { mountApiProxy } from './proxy/mount-api-proxy';

async function main(): Promise<void> {
  // Validated here first so a bad environment stops the process with one readable message.
  const env = loadConfig(GatewayEnv);
  await bootstrapService(AppModule, {
    name: 'gateway',
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    beforeBodyParser: mountApiProxy,
  });
}

main().catch((error: unknown) => {
  // A bad environment is the operator's to fix: the list says it all, a stack would not help.
  console.error(error instanceof InvalidEnvironmentError ? error.message : error);
  process.exit(1);
});
