import { ServiceEnv } from '@rectify/config';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';

const SERVICE_URL = { protocols: ['http', 'https'], require_tld: false, require_protocol: true };

export class GatewayEnv extends ServiceEnv {
  override PORT = 8080;

  @IsUrl(SERVICE_URL)
  RECTIFICATION_URL: string = 'http://127.0.0.1:3001';

  @IsUrl(SERVICE_URL)
  INSPECTIONS_URL: string = 'http://127.0.0.1:3002';

  @IsUrl(SERVICE_URL)
  EVALUATIONS_URL: string = 'http://127.0.0.1:3003';

  @IsUrl(SERVICE_URL)
  NOTIFICATIONS_URL: string = 'http://127.0.0.1:3004';

  /** How long a proxied request may wait for the service's response headers. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  PROXY_TIMEOUT_MS: number = 30_000;

  /** Anything but "false" seeds the demo directory (DESIGN §7) into an empty database. */
  @IsString()
  DEMO_DATA: string = 'true';

  @IsString()
  @MinLength(8)
  DEMO_PASSWORD: string = 'rectify-demo';
}
