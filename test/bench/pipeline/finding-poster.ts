import { KeepAliveConnection } from '../../../libs/test-kit/src/stack/keep-alive-connection';

/**
 * Posts JSON over kept-alive connections, one request in flight on each (a new connection when
 * all are busy). Raw HTTP/1.1 on a socket rather than node:http or fetch: the benchmark shares
 * two cores with the services it measures, and fetch (undici) cost it as much CPU per finding as
 * a whole service, node:http still about half of that.
 */
export class JsonPoster {
  private readonly idle: KeepAliveConnection[] = [];
  private readonly open = new Set<KeepAliveConnection>();
  private readonly headers: Record<string, string>;

  constructor(
    private readonly baseUrl: string,
    token: string,
  ) {
    this.headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  }

  async post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const connection = this.takeIdle() ?? (await this.connect());
    let answer;
    try {
      answer = await connection.request('POST', path, this.headers, JSON.stringify(body));
    } catch (error) {
      // A connection that failed is not used again.
      this.open.delete(connection);
      connection.close();
      throw error;
    }
    this.idle.push(connection);
    const text = answer.body.toString();
    try {
      return { status: answer.status, body: text ? JSON.parse(text) : undefined };
    } catch {
      return { status: answer.status, body: text };
    }
  }

  close(): void {
    for (const connection of this.open) connection.close();
    this.open.clear();
    this.idle.length = 0;
  }

  /** An idle connection the server has not closed meanwhile (Node's keep-alive timeout is 5 s). */
  private takeIdle(): KeepAliveConnection | undefined {
    for (let connection = this.idle.pop(); connection; connection = this.idle.pop()) {
      if (!connection.closed) return connection;
      this.open.delete(connection);
    }
    return undefined;
  }

  private async connect(): Promise<KeepAliveConnection> {
    const connection = await KeepAliveConnection.open(this.baseUrl);
    this.open.add(connection);
    return connection;
  }
}
