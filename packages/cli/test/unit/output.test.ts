import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createOutput, isBrokenPipe } from '../../src/output';

describe('createOutput', () => {
  it('waits for drain when the reader is slow', async () => {
    const stream = new PassThrough({ highWaterMark: 4 });
    const output = createOutput(stream, () => {});
    let written = false;
    const pending = output.write('0123456789').then(() => {
      written = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toBe(false);
    stream.read();
    await pending;
    expect(written).toBe(true);
  });

  it('reports a failed stream once and then drops writes instead of throwing', async () => {
    const failures: string[] = [];
    const stream = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const output = createOutput(stream, (error) => failures.push(error.code ?? ''));
    await output.write('first');
    await new Promise((resolve) => setImmediate(resolve));
    await output.write('second');
    expect(failures).toEqual(['EPIPE']);
    expect(isBrokenPipe(output.error)).toBe(true);
  });

  it('tells a closed pipe from other failures', () => {
    expect(isBrokenPipe(Object.assign(new Error('x'), { code: 'EPIPE' }))).toBe(true);
    expect(isBrokenPipe(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe(false);
    expect(isBrokenPipe(undefined)).toBe(false);
  });
});
