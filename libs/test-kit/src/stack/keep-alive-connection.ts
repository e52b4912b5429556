import { connect, type Socket } from 'node:net';

export interface Answer {
  status: number;
  body: Buffer;
}

const HEADERS_END = Buffer.from('\r\n\r\n');

/**
 * One keep-alive HTTP/1.1 connection for load generation: one request at a time, as a client
 * waiting for each answer would send them, each answer read by its Content-Length. The bench
 * shares the CPU with the service it measures; node:http's client costs several times more per
 * request, which would count against the service.
 */
export class KeepAliveConnection {
  private received: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (answer: Answer) => void; reject: (error: Error) => void } | undefined;

  private constructor(
    private readonly socket: Socket,
    private readonly host: string,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('the server closed the connection')));
  }

  static open(url: string): Promise<KeepAliveConnection> {
    const { hostname, port, host } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => resolve(new KeepAliveConnection(socket, host)));
      socket.once('error', reject);
    });
  }

  /** The server closed it (e.g. its keep-alive timeout passed) or it failed: open another. */
  get closed(): boolean {
    return this.socket.readyState !== 'open';
  }

  request(method: string, path: string, headers: Record<string, string>, body = ''): Promise<Answer> {
    if (this.waiting) throw new Error('one request at a time on a connection');
    if (this.closed) return Promise.reject(new Error('the connection is closed'));
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    const head = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}\r\n${lines}content-length: ${Buffer.byteLength(body)}\r\n\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(head + body);
    });
  }

  close(): void {
    this.socket.removeAllListeners('close');
    this.socket.end();
  }

  private onData(chunk: Buffer): void {
    this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
    const headersEnd = this.received.indexOf(HEADERS_END);
    if (headersEnd < 0 || !this.waiting) return;
    const head = this.received.toString('latin1', 0, headersEnd);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) return this.fail(new Error(`an answer without Content-Length: ${head.split('\r\n')[0]}`));
    const end = headersEnd + HEADERS_END.length + Number(length[1]);
    if (this.received.length < end) return;
    const answer = { status: Number(head.slice(9, 12)), body: this.received.subarray(headersEnd + HEADERS_END.length, end) };
    this.received = this.received.subarray(end);
    const { resolve } = this.waiting;
    this.waiting = undefined;
    resolve(answer);
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }
}
