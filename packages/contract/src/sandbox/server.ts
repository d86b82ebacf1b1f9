import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SandboxDataset } from './dataset';
import type { FaultAction, FaultHook, RequestLogEntry, RespondFault, RunningSandbox } from './types';

/** A response a provider computed, before faults shape how it goes on the wire. */
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  /** Exact body bytes as a string (already serialized). */
  body: string;
}

export interface SandboxRequest {
  requestIndex: number;
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
}

/** What a provider (HighLevel, Shoplazza) plugs into the shared HTTP machinery. */
export interface SandboxProvider<Item> {
  dataset: SandboxDataset<Item>;
  /** Headers every response carries, also fault responses (e.g. `Request-Id`, rate-limit state). */
  baseHeaders(request: SandboxRequest): Record<string, string>;
  handle(request: SandboxRequest): SandboxResponse;
  /** Clears provider state beyond the dataset (rate limiter). */
  reset(): void;
}

export interface SandboxServerOptions<Dataset, Item> {
  provider: SandboxProvider<Item>;
  latencyMs: number;
  faults: FaultHook<Dataset, Item> | undefined;
  port: number;
  /** Header names whose values never reach the request log. */
  secretHeaders: readonly string[];
}

export const jsonContentType = 'application/json; charset=utf-8';

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): SandboxResponse {
  return { status, headers: { 'content-type': jsonContentType, ...headers }, body: JSON.stringify(body) };
}

function toList<Item>(
  actions: FaultAction<Item> | readonly FaultAction<Item>[] | undefined,
): readonly FaultAction<Item>[] {
  if (actions === undefined) return [];
  return Array.isArray(actions) ? actions : [actions as FaultAction<Item>];
}

function redactHeaders(
  headers: IncomingMessage['headers'],
  secrets: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = secrets.includes(name) ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function respondFaultToResponse(fault: RespondFault, base: Record<string, string>): SandboxResponse {
  const body =
    fault.body === undefined ? '' : typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
  return {
    status: fault.status,
    headers: { ...base, 'content-type': fault.contentType ?? jsonContentType, ...fault.headers },
    body,
  };
}

/** Starts the node:http server shared by both sandboxes: logging, faults, latency, wire shaping. */
export async function startSandboxServer<Item, Dataset extends SandboxDataset<Item>>(
  options: SandboxServerOptions<Dataset, Item>,
): Promise<RunningSandbox<Dataset>> {
  const { provider } = options;
  const requestLog: RequestLogEntry[] = [];
  let requestCounter = 0;

  const serve = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const requestIndex = requestCounter++;
    const rawUrl = incoming.url ?? '/';
    const entry: RequestLogEntry = {
      requestIndex,
      method: incoming.method ?? 'GET',
      url: rawUrl,
      headers: redactHeaders(incoming.headers, options.secretHeaders),
      status: undefined,
    };
    requestLog.push(entry);
    const request: SandboxRequest = {
      requestIndex,
      method: entry.method,
      url: new URL(rawUrl, 'http://sandbox.invalid'),
      headers: incoming.headers,
    };
    // Drain any request body so keep-alive connections stay usable.
    incoming.resume();

    const actions = toList(
      options.faults?.({
        requestIndex,
        method: request.method,
        url: request.url,
        headers: request.headers,
        dataset: provider.dataset as Dataset,
      }),
    );
    let override: RespondFault | undefined;
    let reset: 'before-headers' | 'mid-body' | undefined;
    let truncate = false;
    for (const action of actions) {
      if ('delayMs' in action) await sleep(action.delayMs);
      else if ('insert' in action)
        provider.dataset.insert(action.insert as Item | readonly Item[], action.index);
      else if ('remove' in action) provider.dataset.remove(action.remove);
      else if ('status' in action) override = action;
      else if ('resetConnection' in action) reset = action.resetConnection;
      else if ('truncateBody' in action) truncate = true;
    }
    if (options.latencyMs > 0) await sleep(options.latencyMs);
    if (reset === 'before-headers') {
      incoming.socket.destroy();
      return;
    }

    const response = override
      ? respondFaultToResponse(override, provider.baseHeaders(request))
      : provider.handle(request);
    entry.status = response.status;
    const bytes = Buffer.from(response.body, 'utf8');
    outgoing.writeHead(response.status, { ...response.headers, 'content-length': String(bytes.length) });
    if (reset === 'mid-body' || truncate) {
      // flushHeaders + a partial write, then end the socket: the client sees a body shorter than
      // Content-Length (truncate: clean FIN) or an ECONNRESET (reset).
      outgoing.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (reset === 'mid-body') incoming.socket.resetAndDestroy();
      else incoming.socket.end();
      return;
    }
    outgoing.end(bytes);
  };

  const server = createServer((incoming, outgoing) => {
    serve(incoming, outgoing).catch((error: unknown) => {
      // A hook that throws is a test bug: answer 500 with the message (never headers or tokens).
      if (!outgoing.headersSent) {
        outgoing.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      }
      outgoing.end(`sandbox fault hook failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requestLog,
    dataset: provider.dataset as Dataset,
    reset() {
      requestLog.length = 0;
      requestCounter = 0;
      provider.dataset.reset();
      provider.reset();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
