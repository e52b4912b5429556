import type { ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details';

/** What writeProblem uses of a Fastify reply (the domain services run on Fastify). */
export interface ProblemReply {
  raw: ServerResponse;
  code(statusCode: number): ProblemReply;
  header(name: string, value: string): ProblemReply;
  send(payload: string): unknown;
}

/**
 * Written with plain node APIs so Express middleware (proxy, body parser) can use it too; a
 * Fastify reply is answered through Fastify, which then sends the headers set on it.
 */
export function writeProblem(response: ServerResponse | ProblemReply, problem: ProblemDetails): void {
  const raw = 'raw' in response ? response.raw : response;
  if (raw.headersSent) {
    // Part of another body is already out; the client can only learn of the error by a cut.
    raw.destroy();
    return;
  }
  const body = JSON.stringify(problem);
  const contentType = `${PROBLEM_CONTENT_TYPE}; charset=utf-8`;
  if ('raw' in response) {
    response.code(problem.status).header('Content-Type', contentType).send(body);
    return;
  }
  response.statusCode = problem.status;
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(body);
}
