import { readStack } from './e2e-stack';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A tiny HTTP client for e2e tests, speaking to the gateway of the running stack. */
export class ApiClient {
  constructor(
    private readonly baseUrl = readStack().gatewayUrl,
    private readonly token?: string,
  ) {}

  static async login(username: string, password = process.env.DEMO_PASSWORD ?? 'rectify-demo'): Promise<ApiClient> {
    const anonymous = new ApiClient();
    const res = await anonymous.post<{ accessToken: string }>('/api/auth/login', { username, password });
    if (res.status !== 200 && res.status !== 201) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return new ApiClient(anonymous.baseUrl, res.body.accessToken);
  }

  // Bodies default to `any`: each test asserts on the fields it cares about.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get<T = any>(path: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, undefined, headers);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  post<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body, headers);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  put<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request<T>('PUT', path, body, headers);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  patch<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request<T>('PATCH', path, body, headers);
  }

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
  }
}

/** Polls until `probe` returns a value (eventual consistency across Kafka), or fails with the last state. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
