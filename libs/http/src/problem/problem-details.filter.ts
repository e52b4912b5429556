import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorToProblem, unexpectedProblem } from './error-to-problem';
import { type ProblemReply, writeProblem } from './write-problem';

/** Renders every error of an HTTP route as RFC 9457 problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    // Registered on the HTTP app only; anything else keeps its transport's own handling.
    if (host.getType() !== 'http') throw error;

    const http = host.switchToHttp();
    const request = http.getRequest<IncomingMessage & { originalUrl?: string }>();
    // Express hands its response (a ServerResponse), Fastify its reply.
    const response = http.getResponse<ServerResponse | ProblemReply>();

    const problem = errorToProblem(error) ?? unexpectedProblem();
    if (problem.status >= 500) {
      this.logger.error(
        `${request.method} ${request.url} failed: ${(error as Error)?.message ?? String(error)}`,
        (error as Error)?.stack,
      );
    }
    writeProblem(response, { ...problem, instance: (request.originalUrl ?? request.url)?.split('?')[0] });
  }
}
