/**
 * What a controller may use of `@Res({ passthrough: true })`: the same call on Express's
 * response and on Fastify's reply, so a controller does not depend on the platform.
 */
export interface PassthroughResponse {
  header(name: string, value: string): unknown;
}
