import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startHighLevelSandbox } from '../../src/sandbox/highlevel';
import { startShoplazzaSandbox } from '../../src/sandbox/shoplazza';
import { highLevelList, shoplazza202506List, shoplazzaList } from './requests';
import { builtCli, runBuiltCli } from './run-built-cli';

/** Starts `sandbox …` from the built CLI and resolves with its URL and a stop function. */
function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [builtCli, 'sandbox', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /sandbox listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', () => reject(new Error(`sandbox exited early: ${output}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

describe('sandbox command (built CLI)', () => {
  it('applies its flags, takes the token from --token-env, and exits 0 on SIGINT', async () => {
    const server = serve(
      ['shoplazza', '--collections', '3', '--mode', 'drifted', '--no-rate-limit', '--token-env', 'MY_TOKEN'],
      { MY_TOKEN: 'from-env-token' },
    );
    const url = await server.url;
    const response = await shoplazzaList(url, '', { 'access-token': 'from-env-token' });
    const body = (await response.json()) as { collections: Record<string, unknown>[] };
    expect(body.collections).toHaveLength(3);
    expect(body.collections[0]).not.toHaveProperty('id');
    expect(await server.stop()).toBe(0);
  });

  it('serves the same data as the library for the same seed and location', async () => {
    const server = serve(['highlevel', '--seed', 's1', '--location-id', '6578278e879ad2646715ba9c']);
    const local = await startHighLevelSandbox({ seed: 's1' });
    try {
      const fromCli = await (await highLevelList(await server.url)).text();
      expect(fromCli).toBe(await (await highLevelList(local.url)).text());
    } finally {
      await local.close();
      await server.stop();
    }
  });

  it('serves 2025-06 with an offset cursor under --cursor-mode offset (a keyset sandbox refuses it)', async () => {
    const server = serve(['shoplazza', '--collections', '30', '--no-rate-limit', '--cursor-mode', 'offset']);
    const keyset = await startShoplazzaSandbox({ collections: 30, rateLimit: false });
    try {
      const url = await server.url;
      const first = (await (await shoplazza202506List(url, 'page_size=10')).json()) as {
        data: { cursor: string; has_more: boolean };
      };
      expect(first.data.has_more).toBe(true);
      const next = `page_size=10&cursor=${first.data.cursor}`;
      expect((await shoplazza202506List(url, next)).status).toBe(200);
      expect((await shoplazza202506List(keyset.url, next)).status).toBe(422);
    } finally {
      await keyset.close();
      await server.stop();
    }
  });

  it.each([
    [['highlevel', '--shop', 'x'], '--shop, --inactive and --cursor-mode apply to shoplazza only'],
    [
      ['highlevel', '--cursor-mode', 'offset'],
      '--shop, --inactive and --cursor-mode apply to shoplazza only',
    ],
    [['shoplazza', '--cursor-mode', 'random'], '--cursor-mode must be "keyset" or "offset"; got "random"'],
    [['shoplazza', '--mode', 'weird'], '--mode must be "faithful" or "drifted"'],
    [['shoplazza', '--collections', '1.5'], '--collections must be an integer >= 0; got "1.5"'],
    [['shoplazza', '--token-env', 'UNSET_VAR'], 'UNSET_VAR is empty or unset'],
    [['shoplazza', '--shop', 'not a shop'], 'Sandbox option `shop`'],
  ])('exits 2 on %j', async (args, message) => {
    const run = await runBuiltCli(['sandbox', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
