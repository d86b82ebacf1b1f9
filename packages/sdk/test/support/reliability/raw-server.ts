import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Every request URL (path and query) received, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * A bare node:http server on 127.0.0.1, port 0, for answers the sandboxes cannot produce (invalid UTF-8 bytes,
 * bodies streamed forever, hand-written JSON). The handler writes whatever bytes it likes.
 */
export async function startRawServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void | Promise<void>,
): Promise<RawServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '/');
    request.resume();
    Promise.resolve(handler(request, response)).catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export interface Firehose {
  /** Bytes the server managed to hand to the socket for the latest request. */
  sent: number;
  /** Resolves when the latest response stopped (client went away, or everything was sent). */
  finished: Promise<void>;
}

/**
 * Writes `prefix`, then `chunk` over and over (honouring back-pressure) until `totalBytes` were sent or the client
 * disconnects, without a Content-Length (chunked). With a cap far below `totalBytes`, `sent` proves the client
 * stopped reading early instead of buffering the whole body.
 */
export function firehose(
  response: ServerResponse,
  options: { status?: number; contentType: string; prefix: string; chunk: string; totalBytes: number },
  state: Firehose,
): void {
  const chunk = Buffer.from(options.chunk);
  let done!: () => void;
  state.sent = 0;
  state.finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  response.once('close', () => done());
  response.writeHead(options.status ?? 200, { 'content-type': options.contentType });
  const prefix = Buffer.from(options.prefix);
  response.write(prefix);
  state.sent += prefix.length;
  const pump = (): void => {
    while (state.sent < options.totalBytes) {
      if (response.destroyed || response.writableEnded) return;
      state.sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end();
  };
  pump();
}
