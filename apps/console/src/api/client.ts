import { ApiError, isProblem, type Problem } from './problem';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  /** The version the caller saw (`ETag`); sent as `If-Match` so a stale command gets a 409. */
  ifMatch?: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

let token: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The session sets the bearer token and what to do when the server no longer accepts it. */
export function configureApi(options: { token: string | null; onUnauthorized: () => void }): void {
  token = options.token;
  onUnauthorized = options.onUnauthorized;
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: '' });
  }
  const text = await response.text();
  const body: unknown = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text || undefined;
  if (response.ok) return body as T;
  const problem: Problem = isProblem(body) ? body : { type: 'about:blank', title: response.statusText || 'Error', status: response.status, detail: typeof body === 'string' ? body.slice(0, 200) : '' };
  // A rejected token (expired, or the server restarted with a new secret) ends the session.
  if (response.status === 401 && token && !path.startsWith('/api/auth/')) onUnauthorized?.();
  throw new ApiError(problem);
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body: body ?? {} }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
};

/** `?a=1&b=x` from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
