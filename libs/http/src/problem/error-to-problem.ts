import { HttpException } from '@nestjs/common';
import { InvalidRequestException } from './invalid-request.exception';
import { type ProblemDetails, problemType, statusTitle } from './problem-details';

/** A domain error that knows its HTTP status (see CONVENTIONS: typed errors, mapped at the edge). */
interface DomainError {
  code: string;
  httpStatus: number;
  message?: string;
  /** The request field the error is about, if any. */
  field?: unknown;
}

// Duck-typed rather than imported: libs/http must not depend on the event store, and a
// second copy of the class (ESM and CommonJS loads) would defeat instanceof anyway.
const CONCURRENCY_CODE = 'EVENT_STORE.CONCURRENCY';

/** Maps a thrown value to the problem the client sees; null when it is unexpected (a 500). */
export function errorToProblem(error: unknown): ProblemDetails | null {
  if (error instanceof InvalidRequestException) {
    return {
      type: problemType('validation'),
      title: 'Invalid request',
      status: 400,
      detail: error.message,
      errors: error.fieldErrors,
    };
  }
  // Nest turns body-parser failures (malformed JSON, 413) into HttpExceptions too.
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { type: 'about:blank', title: statusTitle(status), status, detail: httpExceptionDetail(error) };
  }
  if (hasCode(error) && error.code === CONCURRENCY_CODE) {
    return { type: problemType('concurrency'), title: statusTitle(409), status: 409, detail: messageOf(error, 409), code: error.code };
  }
  if (isDomainError(error)) {
    const status = error.httpStatus;
    const detail = messageOf(error, status);
    // A domain error about one input (an unknown unit id) names it like a validation error does.
    const errors = typeof error.field === 'string' ? { errors: [{ field: error.field, message: detail }] } : {};
    return { type: problemType(error.code), title: statusTitle(status), status, detail, code: error.code, ...errors };
  }
  return null;
}

export function unexpectedProblem(): ProblemDetails {
  return { type: 'about:blank', title: statusTitle(500), status: 500, detail: 'An unexpected error occurred.' };
}

function httpExceptionDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}

// Domain errors may be Error subclasses or plain typed values; both carry a string code.
function hasCode(error: unknown): error is { code: string; message?: unknown } {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

function messageOf(error: { message?: unknown }, status: number): string {
  return typeof error.message === 'string' && error.message ? error.message : statusTitle(status);
}

function isDomainError(error: unknown): error is DomainError {
  if (!hasCode(error)) return false;
  const status = (error as { httpStatus?: unknown }).httpStatus;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599;
}
