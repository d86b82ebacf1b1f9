import { PassThrough } from 'node:stream';
import { startValidatedSandbox, type ValidatedSandbox } from '@commerce-collections/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalStream } from '../../src/io';
import { run } from '../../src/run';

// Progress depends on stderr being a terminal, which a spawned child's pipe never is: run() in-process with
// streams that say they are terminals, against a real Shoplazza sandbox with its 2 requests/s limit.
let shoplazza: ValidatedSandbox<'shoplazza'>;
beforeAll(async () => {
  shoplazza = await startValidatedSandbox('shoplazza', { collections: 180, token: 'sl-token-progress-1e2d' });
});
afterAll(async () => {
  await shoplazza?.close();
});

function stream(isTTY: boolean): TerminalStream & { text: () => string } {
  const passThrough = new PassThrough();
  let text = '';
  passThrough.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  return Object.assign(passThrough, { isTTY, columns: 160, text: () => text });
}

const clearLine = '\r\x1b[2K';

describe('progress', () => {
  it('on a terminal stderr: a live line with pages, items and rate-limit waits, erased before the summary', async () => {
    const stdout = stream(false);
    const stderr = stream(true);
    const code = await run(
      [
        'list',
        '--provider',
        'shoplazza',
        '--page-size',
        '50',
        '--format',
        'ndjson',
        '--shoplazza-base-url',
        shoplazza.url,
      ],
      {
        stdout,
        stderr,
        env: { SHOPLAZZA_TOKEN: shoplazza.sandbox.token, SHOPLAZZA_SHOP: shoplazza.sandbox.shop },
      },
    );
    expect(code).toBe(0);
    expect(stdout.text().trimEnd().split('\n')).toHaveLength(180);
    expect(stdout.text()).not.toContain('\x1b');
    const err = stderr.text();
    const frames = err.split(clearLine).filter((frame) => frame.length > 0);
    // Pages count as the SDK hands them out (with their items); redraws are throttled, forced at each request.
    expect(frames.some((frame) => /^Shoplazza: 1 page, [1-9]\d* items?/.test(frame))).toBe(true);
    // Four requests at 2 per second: the limiter made the client wait, and the line says so.
    expect(
      frames.some((frame) => /^Shoplazza: \d pages, \d+ items, \d+\.\d s rate-limit wait$/.test(frame)),
    ).toBe(true);
    // The line is erased before the summary, which is the last thing printed.
    expect(err.split(clearLine).at(-1)).toMatch(
      /^180 Shoplazza collections, 4 pages, \d+\.\d s, \d+\.\d s of it waiting on rate limits\n$/,
    );
  });

  it('when stdout is the same terminal, the line is erased before each row', async () => {
    // One stream for both, as on a real terminal: the order of everything written is visible.
    const terminal = stream(true);
    const code = await run(
      ['list', '--provider', 'shoplazza', '--max', '3', '--shoplazza-base-url', shoplazza.url],
      {
        stdout: terminal,
        stderr: terminal,
        env: { SHOPLAZZA_TOKEN: shoplazza.sandbox.token, SHOPLAZZA_SHOP: shoplazza.sandbox.shop },
      },
    );
    expect(code).toBe(0);
    const lines = terminal.text().trimEnd().split('\n');
    const rows = lines.filter((line) => line.includes('shoplazza '));
    expect(rows).toHaveLength(3);
    expect(terminal.text()).toMatch(/Shoplazza: \d+ pages?, \d+ items?/); // a status line was drawn…
    for (const line of [...rows, lines.find((line) => line.includes('PROVIDER'))!]) {
      // Whatever progress was drawn on this line was erased first: the row starts right after the clear.
      const at = line.lastIndexOf(clearLine);
      const visible = at === -1 ? line : line.slice(at + clearLine.length);
      expect(visible).toMatch(/^(shoplazza|PROVIDER) /);
      // Fitted to the 160 columns the terminal reports.
      expect(visible.length).toBeLessThanOrEqual(160);
    }
  });
});
