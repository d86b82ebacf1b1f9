import type { ServerResponse } from 'node:http';
import zlib from 'node:zlib';

export type Encoding = 'gzip' | 'deflate' | 'br';
export const ENCODINGS: readonly Encoding[] = ['gzip', 'deflate', 'br'];

/**
 * A compressed stream that decodes to `prefix` followed by `unit` repeated without end, as two byte strings:
 * `head` (the stream header, `prefix` and some units) and `segment` (about 1 MiB of units more). `head` then any
 * number of `segment`s is a valid stream, so a server sends gigabytes of decoded body for the price of a memcpy:
 * gzip and deflate reset their history at each full flush, so a segment refers to nothing before it; brotli keeps
 * its history, but with a 64 KiB window and more than that of units in `head`, whatever a segment refers back to
 * is units too. Built once per encoding (tens of milliseconds).
 */
export interface CompressedBomb {
  encoding: Encoding;
  head: Buffer;
  segment: Buffer;
  /** Decoded bytes per segment. */
  segmentDecodedBytes: number;
}

const HEAD_UNITS_BYTES = 256 * 1024;
const SEGMENT_BYTES = 1024 * 1024;

type Compressor = zlib.Gzip | zlib.Deflate | zlib.BrotliCompress;

function compressor(encoding: Encoding): { stream: Compressor; flush: number } {
  if (encoding === 'br') {
    const params = { [zlib.constants.BROTLI_PARAM_LGWIN]: 16, [zlib.constants.BROTLI_PARAM_QUALITY]: 5 };
    return {
      stream: zlib.createBrotliCompress({ params }),
      flush: zlib.constants.BROTLI_OPERATION_FLUSH,
    };
  }
  const stream = encoding === 'gzip' ? zlib.createGzip({ level: 9 }) : zlib.createDeflate({ level: 9 });
  return { stream, flush: zlib.constants.Z_FULL_FLUSH };
}

export async function buildBomb(encoding: Encoding, prefix: string, unit: string): Promise<CompressedBomb> {
  const { stream, flush } = compressor(encoding);
  const out: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => out.push(chunk));
  const flushed = (): Promise<Buffer> =>
    new Promise((resolve) => stream.flush(flush, () => resolve(Buffer.concat(out.splice(0)))));
  stream.write(prefix + unit.repeat(Math.ceil(HEAD_UNITS_BYTES / unit.length)));
  const head = await flushed();
  const units = Math.ceil(SEGMENT_BYTES / unit.length);
  stream.write(unit.repeat(units));
  const segment = await flushed();
  stream.destroy();
  return { encoding, head, segment, segmentDecodedBytes: units * unit.length };
}

/** What the server saw of one bomb it served. */
export interface BombShot {
  /** Compressed bytes handed to the socket. */
  sent: number;
  /** Decoded bytes those stand for (at least). */
  decodedSent: number;
  /** True when every byte was written and the response ended: the client did not hang up early. */
  completed: boolean;
  /** Resolves when the response is over (the client hung up, or everything was sent). */
  finished: Promise<void>;
}

export function newShot(): BombShot {
  return { sent: 0, decodedSent: 0, completed: false, finished: Promise.resolve() };
}

/**
 * Serves `bomb` with `Content-Encoding`: `head`, then `segments` segments (honouring back-pressure), stopping at
 * once when the client hangs up. `contentLength`: 'none' (chunked), 'honest' (the bytes really sent), or a number
 * of bytes to announce (a lie: fewer or more than are sent; with more, the server then waits for the client to hang up).
 */
export function serveBomb(
  response: ServerResponse,
  bomb: CompressedBomb,
  options: { status?: number; segments: number; contentLength?: 'none' | 'honest' | number },
  shot: BombShot,
): void {
  let done!: () => void;
  Object.assign(shot, newShot(), { finished: new Promise<void>((resolve) => (done = resolve)) });
  response.once('close', () => done());
  const total = bomb.head.length + options.segments * bomb.segment.length;
  const length = options.contentLength ?? 'none';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-encoding': bomb.encoding,
  };
  if (length !== 'none') headers['content-length'] = String(length === 'honest' ? total : length);
  response.writeHead(options.status ?? 200, headers);
  response.write(bomb.head);
  shot.sent += bomb.head.length;
  let written = 0;
  const pump = (): void => {
    while (written < options.segments) {
      if (response.destroyed || response.writableEnded) return;
      written++;
      shot.sent += bomb.segment.length;
      shot.decodedSent += bomb.segmentDecodedBytes;
      if (!response.write(bomb.segment)) {
        response.once('drain', pump);
        return;
      }
    }
    // Announced more than it has: keep the connection open, so only the client can end the exchange (a server
    // that hung up instead could fail the read with a lost connection before the client reaches the cap).
    if (typeof length === 'number' && length > total) return;
    response.end(() => {
      shot.completed = true;
    });
  };
  pump();
}
