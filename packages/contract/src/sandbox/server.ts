import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SandboxDataset } from './dataset';
import { type FaultOutcome, runFaultActions, toFaultList } from './fault-actions';
import { createRequestLog, type RequestLog } from './request-log';
import type { FaultHook, RespondFault, RunningSandbox } from './types';

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

function respondFaultToResponse(fault: RespondFault, base: Record<string, string>): SandboxResponse {
  const body =
    fault.body === undefined ? '' : typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
  return {
    status: fault.status,
    headers: { ...base, 'content-type': fault.contentType ?? jsonContentType, ...fault.headers },
    body,
  };
}

/** Sends the response, or half of its body before ending the socket when a fault says so. */
async function writeResponse(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  response: SandboxResponse,
  faults: FaultOutcome,
): Promise<void> {
  const bytes = Buffer.from(response.body, 'utf8');
  outgoing.writeHead(response.status, { ...response.headers, 'content-length': String(bytes.length) });
  if (faults.reset === 'mid-body' || faults.truncate) {
    // flushHeaders + a partial write, then end the socket: the client sees a body shorter than
    // Content-Length (truncate: clean FIN) or an ECONNRESET (reset).
    outgoing.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (faults.reset === 'mid-body') incoming.socket.resetAndDestroy();
    else incoming.socket.end();
    return;
  }
  outgoing.end(bytes);
}

/** One request: logged, then faults, latency, the provider's (or a fault's) answer, wire shaping. */
async function serveRequest<Item, Dataset extends SandboxDataset<Item>>(
  options: SandboxServerOptions<Dataset, Item>,
  log: RequestLog,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  const { provider } = options;
  const entry = log.record(incoming);
  const request: SandboxRequest = {
    requestIndex: entry.requestIndex,
    method: entry.method,
    url: new URL(entry.url, 'http://sandbox.invalid'),
    headers: incoming.headers,
  };
  // Drain any request body so keep-alive connections stay usable.
  incoming.resume();

  const actions = toFaultList(options.faults?.({ ...request, dataset: provider.dataset as Dataset }));
  const faults = await runFaultActions(actions, provider.dataset);
  if (options.latencyMs > 0) await sleep(options.latencyMs);
  if (faults.reset === 'before-headers') {
    incoming.socket.destroy();
    return;
  }
  const response = faults.override
    ? respondFaultToResponse(faults.override, provider.baseHeaders(request))
    : provider.handle(request);
  entry.status = response.status;
  await writeResponse(incoming, outgoing, response, faults);
}

// A hook that throws is a test bug: answer 500 with the message (never headers or tokens).
function answerHookFailure(outgoing: ServerResponse, error: unknown): void {
  if (!outgoing.headersSent) {
    outgoing.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  }
  outgoing.end(`sandbox fault hook failed: ${error instanceof Error ? error.message : String(error)}`);
}

/** Starts the node:http server shared by both sandboxes: logging, faults, latency, wire shaping. */
export async function startSandboxServer<Item, Dataset extends SandboxDataset<Item>>(
  options: SandboxServerOptions<Dataset, Item>,
): Promise<RunningSandbox<Dataset>> {
  const { provider } = options;
  const log = createRequestLog(options.secretHeaders);
  const server = createServer((incoming, outgoing) => {
    serveRequest(options, log, incoming, outgoing).catch((error: unknown) =>
      answerHookFailure(outgoing, error),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requestLog: log.entries,
    dataset: provider.dataset as Dataset,
    reset() {
      log.clear();
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
