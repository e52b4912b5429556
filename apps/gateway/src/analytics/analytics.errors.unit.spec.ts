import { UpstreamFailedError } from './analytics.errors';

describe('UpstreamFailedError', () => {
  it('names the one service that is down, as a 502', () => {
    const error = new UpstreamFailedError([{ service: 'inspections', timedOut: false }]);
    expect(error).toMatchObject({ httpStatus: 502, code: 'GATEWAY.UPSTREAM_UNAVAILABLE', message: 'the inspections service is unavailable' });
  });

  it('names two services together', () => {
    const error = new UpstreamFailedError([{ service: 'rectification', timedOut: false }, { service: 'evaluations', timedOut: true }]);
    expect(error).toMatchObject({ httpStatus: 502, message: 'the rectification and evaluations services are unavailable' });
  });

  it('is a 504 when every failure was a timeout', () => {
    const error = new UpstreamFailedError([{ service: 'evaluations', timedOut: true }]);
    expect(error).toMatchObject({ httpStatus: 504, code: 'GATEWAY.UPSTREAM_TIMEOUT', message: 'the evaluations service did not answer in time' });
  });
});
