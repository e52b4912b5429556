import { InvalidRequestException } from '@rectify/http';

/**
 * Domain refusals of one request field (e.g. an unknown target unit) reach the client as the
 * same field-level 400 as a DTO validation failure; other errors pass through unchanged.
 */
export async function withFieldErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { field, httpStatus, message } = error as { field?: unknown; httpStatus?: unknown; message?: string };
    if (typeof field === 'string' && httpStatus === 400) throw new InvalidRequestException([{ field, message: message ?? 'invalid' }]);
    throw error;
  }
}
