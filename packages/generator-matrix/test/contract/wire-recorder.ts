import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request exactly as a generated client put it on the wire (raw path and query, header values). */
export interface WireRequest {
  method: string;
  /** Path and query as received, before any decoding. */
  url: string;
  headers: IncomingHttpHeaders;
}

export interface WireRecorder {
  url: string;
  requests: WireRequest[];
  close(): Promise<void>;
}

/**
 * A pass-through HTTP proxy on 127.0.0.1 in front of Prism: records every request byte-for-byte as the client
 * sent it (Prism matches query names case-insensitively and accepts repeated keys for comma lists, and it
 * decodes before forwarding, so only the raw request line proves the encoding), then forwards it unchanged.
 */
export async function startWireRecorder(upstream: string): Promise<WireRecorder> {
  const target = new URL(upstream);
  const requests: WireRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    requests.push({ method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers });
    const forwarded = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
