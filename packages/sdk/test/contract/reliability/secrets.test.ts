import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createCollectionsClient, getListProgress } from '../../../src/index';
import { capture } from '../../support/reliability/capture';
import { FAST, FAULT_KINDS, wireFault } from '../../support/reliability/fault-schedule';
import { type ProviderRig, startRig } from '../../support/reliability/providers';
import { findLeaks, SECRET_TOKEN } from '../../support/reliability/secrets';

/**
 * The token never shows up in what a user could print or ship to a log service: the error's message,
 * String(error), JSON.stringify(error), util.inspect(error, { depth: Infinity }) (causes included), the progress
 * attached to it, logger records at debug level (a capturing logger, and the built-in console logger), and hook
 * events. Scanned for every fault kind, with the token given as a string and as a function (the refresh path: a
 * 401 makes the client ask the function again).
 */
const tokenForms = {
  string: () => SECRET_TOKEN,
  function: () => async () => SECRET_TOKEN,
} as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(['highlevel', 'shoplazza'] as const)('%s', (provider) => {
  let rig: ProviderRig;
  beforeAll(async () => {
    rig = await startRig(provider);
  });
  afterAll(async () => {
    await rig?.close();
  });

  describe.each(Object.keys(tokenForms) as (keyof typeof tokenForms)[])('token as a %s', (form) => {
    test.each([...FAULT_KINDS, '401' as const])('%s on every request', { timeout: 20_000 }, async (kind) => {
      rig.reset(8);
      rig.route = () =>
        kind === '401' ? { status: 401, body: rig.errorBody } : wireFault(kind, rig.errorBody);
      const observed = capture();
      const consoleLines: unknown[] = [];
      for (const method of ['debug', 'info', 'warn', 'error', 'log'] as const) {
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          consoleLines.push(args);
        });
      }
      const options = (logger: 'capture' | 'console') => ({
        [provider]: rig.block({ token: tokenForms[form]() }),
        retry: { ...FAST.retry, maxRetries: 1 },
        timeoutMs: FAST.timeoutMs,
        logLevel: 'debug' as const,
        hooks: observed.hooks,
        ...(logger === 'capture' ? { logger: observed.logger } : {}),
      });
      const errors: unknown[] = [];
      for (const logger of ['capture', 'console'] as const) {
        try {
          for await (const _ of createCollectionsClient(options(logger)).list({ provider, pageSize: 5 })) {
            // the fault is on every request: nothing arrives
          }
        } catch (error) {
          errors.push(
            error,
            getListProgress(error),
            inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
          );
        }
      }
      expect(errors.length, 'the listing should have failed').toBeGreaterThan(0);
      expect(observed.events.length).toBeGreaterThan(0);
      expect(consoleLines.length + observed.logs.length).toBeGreaterThan(0);
      expect(
        findLeaks(SECRET_TOKEN, [...errors, ...observed.logs, ...observed.events, ...consoleLines]),
      ).toEqual([]);
    });
  });
});
