import type { GatewayEnv } from '../gateway.env';

/** Where a group of /api paths is served. */
export interface UpstreamRoute {
  service: string;
  target: URL;
  /** Route label for metrics, e.g. `/api/cases*`. */
  label: string;
  methods?: readonly string[];
  path: RegExp;
  /** Larger request bodies are refused at the gateway (413) before reaching the service. */
  maxBodyBytes?: number;
}

/** The public pages send a token and a few ratings, or a complaint: 16 KiB is plenty. */
export const PUBLIC_BODY_LIMIT_BYTES = 16 * 1024;

// `/api/cases` and `/api/cases/...`, not `/api/casesXYZ`.
function under(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[/]/g, '\\/')}(?:\\/|$)`);
}

export function upstreamRoutes(env: GatewayEnv): UpstreamRoute[] {
  const rectification = new URL(env.RECTIFICATION_URL);
  const inspections = new URL(env.INSPECTIONS_URL);
  const evaluations = new URL(env.EVALUATIONS_URL);
  const notifications = new URL(env.NOTIFICATIONS_URL);
  return [
    { service: 'rectification', target: rectification, label: '/api/cases*', path: under('/api/cases') },
    { service: 'inspections', target: inspections, label: '/api/inspections*', path: under('/api/inspections') },
    { service: 'evaluations', target: evaluations, label: '/api/evaluations*', path: under('/api/evaluations') },
    { service: 'evaluations', target: evaluations, label: '/api/public*', path: under('/api/public'), maxBodyBytes: PUBLIC_BODY_LIMIT_BYTES },
    { service: 'notifications', target: notifications, label: '/api/notices*', path: under('/api/notices') },
    {
      service: 'notifications',
      target: notifications,
      label: '/api/units/:id/channels',
      methods: ['PUT'],
      path: /^\/api\/units\/[^/]+\/channels$/,
    },
  ];
}

export function findRoute(routes: readonly UpstreamRoute[], method: string, pathname: string): UpstreamRoute | undefined {
  return routes.find((r) => r.path.test(pathname) && (!r.methods || r.methods.includes(method)));
}
