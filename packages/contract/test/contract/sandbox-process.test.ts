import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startHighLevelSandbox } from '../../src/sandbox/highlevel';
import { startSandboxProcess } from '../../src/sandbox/process';
import { highLevelHeaders, highLevelList, shoplazzaList } from './requests';
import { builtCli } from './run-built-cli';

describe('startSandboxProcess', () => {
  it('serves the same bytes from a child process as in-process, with the token kept out of argv', async () => {
    const child = await startSandboxProcess('highlevel', {
      collections: 12,
      seed: 'bench',
      token: 'sandbox-token',
    });
    const local = await startHighLevelSandbox({ collections: 12, seed: 'bench', rateLimit: false });
    try {
      expect(child.pid).not.toBe(process.pid);
      const fromChild = await highLevelList(child.url, '&limit=12');
      expect(fromChild.status).toBe(200);
      expect(await fromChild.text()).toBe(await (await highLevelList(local.url, '&limit=12')).text());
    } finally {
      await child.close();
      await local.close();
    }
    await expect(fetch(child.url)).rejects.toThrow();
  });

  it('passes Shoplazza options through (inactive)', async () => {
    const child = await startSandboxProcess('shoplazza', { inactive: true });
    try {
      const response = await shoplazzaList(child.url);
      expect([response.status, await response.text()]).toEqual([401, '{"error":"store is not active"}']);
    } finally {
      await child.close();
    }
  });

  it('refuses faults (functions cannot cross the process boundary) and bad providers', async () => {
    await expect(startSandboxProcess('highlevel', { faults: () => undefined } as never)).rejects.toThrow(
      '`faults`',
    );
    await expect(startSandboxProcess('magento' as never)).rejects.toThrow('`provider`');
  });

  it('reports a child that fails to start, with its reason', async () => {
    await expect(startSandboxProcess('highlevel', { collections: -1 })).rejects.toThrow('`collections`');
  });
});

describe('mock command (built CLI)', () => {
  it('prints the URL, serves the spec examples, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [builtCli, 'mock', 'highlevel'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /highlevel Prism mock listening on (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1] as string);
      });
      child.once('exit', () => reject(new Error(`mock exited early: ${output}`)));
    });
    const response = await highLevelList(url, '', { ...highLevelHeaders, Prefer: 'example=emptyPage' });
    expect([response.status, await response.text()]).toEqual([200, '{"data":[],"total":0}']);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
