import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ProxiedRequest {
  method: string;
  path: string;
  status: number;
  /** Bytes of the answer's body that crossed the wire. */
  bodyBytes: number;
}

/**
 * An HTTP hop between a client and Azurite that forwards every request unchanged and records what
 * came back, so a test can see the round trips a backend makes and what each one downloaded.
 */
export class RecordingProxy {
  readonly requests: ProxiedRequest[] = [];
  private server?: Server;

  constructor(private readonly target: URL) {}

  async start(): Promise<string> {
    this.server = createServer((incoming, answer) => {
      const forwarded = request(
        { host: this.target.hostname, port: this.target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (response) => {
          const entry: ProxiedRequest = { method: incoming.method ?? '', path: incoming.url ?? '', status: response.statusCode ?? 0, bodyBytes: 0 };
          this.requests.push(entry);
          answer.writeHead(response.statusCode ?? 502, response.headers);
          response.on('data', (chunk: Buffer) => (entry.bodyBytes += chunk.length));
          response.pipe(answer);
        },
      );
      forwarded.on('error', () => answer.destroy());
      incoming.pipe(forwarded);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}
