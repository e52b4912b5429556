import { STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldError {
  /** Dotted path into the body, array items by index: `measures.0.owner`. */
  field: string;
  message: string;
}

/** RFC 9457 problem details, plus `code` for domain errors and `errors` for validation. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  errors?: FieldError[];
}

export function problemType(slug: string): string {
  return `urn:rectify:problem:${slug.toLowerCase()}`;
}

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
