import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

// The CLI pointed at an API host that redirects to another host (both real servers on loopback): exit 1, a
// message naming the status and the target host, no token printed, and nothing sent to the other host.
const TOKEN = 'cli-redirect-token-5d2b9e';

interface Host {
  server: Server;
  url: string;
  requests: string[];
}

async function start(answer: (url: string) => [number, Record<string, string>, string]): Promise<Host> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '/');
    const [status, headers, body] = answer(request.url ?? '/');
    response.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

let api: Host;
let other: Host;
beforeAll(async () => {
  other = await start(() => [200, { 'content-type': 'application/json' }, '{"data":[],"total":0}']);
  api = await start(() => [302, { location: `${other.url}/steal?access_token=${TOKEN}` }, '']);
});
afterAll(async () => {
  for (const host of [api, other]) {
    host?.server.closeAllConnections();
    await new Promise((resolve) => host?.server.close(resolve));
  }
});
beforeEach(() => {
  api.requests.length = 0;
  other.requests.length = 0;
});

describe('a redirect from the API host', () => {
  it.each([
    ['highlevel', { HIGHLEVEL_TOKEN: TOKEN, HIGHLEVEL_LOCATION_ID: 'loc_1' }],
    ['shoplazza', { SHOPLAZZA_TOKEN: TOKEN, SHOPLAZZA_SHOP: 'redirected' }],
  ] as const)(
    '%s: exit 1 naming the status and target host; the other host receives nothing',
    async (provider, env) => {
      const result = await runCli(
        [
          'list',
          '--provider',
          provider,
          '--format',
          'ndjson',
          `--${provider}-base-url`,
          api.url,
          '--verbose',
        ],
        env,
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`redirect refused (302 Found, to ${new URL(other.url).host})`);
      expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
      expect(result.stderr).not.toContain('access_token');
      expect(api.requests).toHaveLength(1);
      expect(other.requests).toEqual([]);
    },
  );
});
