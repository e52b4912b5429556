import type { ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details';

/** Written with plain node APIs so Express middleware (proxy, body parser) can use it too. */
export function writeProblem(response: ServerResponse, problem: ProblemDetails): void {
  if (response.headersSent) {
    // Part of another body is already out; the client can only learn of the error by a cut.
    response.destroy();
    return;
  }
  const body = JSON.stringify(problem);
  response.statusCode = problem.status;
  response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(body);
}
