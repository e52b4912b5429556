import type { GatewayEnv } from '../gateway.env';
import { findRoute, upstreamRoutes } from './upstream-routes';

const routes = upstreamRoutes({
  RECTIFICATION_URL: 'http://r:3001',
  INSPECTIONS_URL: 'http://i:3002',
  EVALUATIONS_URL: 'http://e:3003',
  NOTIFICATIONS_URL: 'http://n:3004',
} as GatewayEnv);

const serviceFor = (method: string, path: string) => findRoute(routes, method, path)?.service;

describe('upstream routes', () => {
  it.each([
    ['GET', '/api/cases', 'rectification'],
    ['POST', '/api/cases/c-1/assign', 'rectification'],
    ['POST', '/api/inspections/plans', 'inspections'],
    ['GET', '/api/evaluations/campaigns/x/results', 'evaluations'],
    ['POST', '/api/public/reports', 'evaluations'],
    ['GET', '/api/notices', 'notifications'],
    ['PUT', '/api/units/unit-a/channels', 'notifications'],
  ])('%s %s goes to %s', (method, path, service) => {
    expect(serviceFor(method, path)).toBe(service);
  });

  it.each([
    ['GET', '/api/units'],
    ['GET', '/api/units/unit-a/channels'],
    ['POST', '/api/auth/login'],
    ['GET', '/api/taxonomy'],
    ['GET', '/api/analytics/overview'],
    ['GET', '/api/casesXYZ'],
    ['GET', '/health'],
  ])('%s %s stays with the gateway', (method, path) => {
    expect(serviceFor(method, path)).toBeUndefined();
  });
});
