import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  CommerceCollectionsError,
  ConsistencyError,
  getListProgress,
  hasListProgress,
  PageSizeError,
  ValidationError,
} from '../../src/index';
import { attachProgress } from '../../src/progress';
import { clientFor, collect } from './clients';
import { fakeHighLevel, fakeShoplazza, highLevelItems, shoplazzaItems } from './fake-servers';

describe('errors', () => {
  it('a 401 mid-listing is typed, carries progress, and never contains the token', async () => {
    const highlevel = fakeHighLevel(highLevelItems(30), {
      onRequest: (index) =>
        index === 1
          ? Response.json(
              { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' },
              { status: 401 },
            )
          : undefined,
    });
    const logged: string[] = [];
    const log = (msg: string, fields?: Record<string, unknown>) =>
      logged.push(msg, JSON.stringify(fields ?? {}));
    const client = clientFor(
      { highlevel },
      { concurrency: 1, logger: { debug: log, info: log, warn: log, error: log }, logLevel: 'debug' },
    );
    const error = await collect(client.list({ pageSize: 10 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(CommerceCollectionsError);
    expect(hasListProgress(error)).toBe(true);
    const everything = [
      String(error),
      JSON.stringify(error),
      JSON.stringify(getListProgress(error)),
      ...logged,
    ].join('\n');
    expect(logged.length).toBeGreaterThan(0);
    expect(everything).not.toContain('hl-secret-token');
  });

  it('ConsistencyError is a CommerceCollectionsError with a readable name and message', () => {
    const error = new ConsistencyError({
      provider: 'highlevel',
      expectedTotal: 10,
      actualTotal: 12,
      restarts: 2,
    });
    expect(error).toBeInstanceOf(CommerceCollectionsError);
    expect(error.name).toBe('ConsistencyError');
    expect(error.message).toBe(
      'HighLevel list failed: the collections changed while listing (total 10 → 12) after 2 re-reads',
    );
    expect(error.toJSON()).toMatchObject({ expectedTotal: 10, actualTotal: 12, provider: 'highlevel' });
  });

  it('PageSizeError serialises its own fields (page sizes and the resume cursor) with the base ones', () => {
    const cursor = { provider: 'shoplazza' as const, page: 3, pageSize: 50 };
    const error = new PageSizeError({ operation: 'list', cursor, served: 20, requestId: 'req-1' });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'PageSizeError',
      provider: 'shoplazza',
      requestId: 'req-1',
      pageSize: 50,
      served: 20,
      suggestedPageSize: 20,
      resumeCursor: { provider: 'shoplazza', page: 6, pageSize: 20 },
    });
  });

  it('getListProgress is undefined for errors without progress and for non-errors', () => {
    expect(getListProgress(new Error('x'))).toBeUndefined();
    expect(getListProgress({ progress: { provider: 'highlevel' } })).toBeUndefined();
    expect(getListProgress(undefined)).toBeUndefined();
    expect(getListProgress('text')).toBeUndefined();
    const progress = {
      provider: 'shoplazza',
      yielded: 3,
      resumeCursor: { provider: 'shoplazza', page: 2, pageSize: 3 },
    } as const;
    expect(getListProgress(attachProgress(new Error('x'), progress))).toEqual(progress);
  });

  it.each([
    ['a string', 'x', 'options'],
    ['an unknown key', { signl: AbortSignal.abort() }, 'signl'],
    ['a non-signal', { signal: {} }, 'signal'],
  ])('list options: %s → ValidationError, nothing sent', async (_name, options, option) => {
    const highlevel = fakeHighLevel(highLevelItems(3));
    const shoplazza = fakeShoplazza(shoplazzaItems(3));
    const client = clientFor({ highlevel, shoplazza });
    expect(() => client.list({}, options as never)).toThrow(expect.objectContaining({ option }));
    expect(() => client.listPages({}, options as never)).toThrow(ValidationError);
    await expect(client.listPage({}, options as never)).rejects.toBeInstanceOf(ValidationError);
    expect(highlevel.calls).toHaveLength(0);
    expect(shoplazza.calls).toHaveLength(0);
  });

  it('listPage refuses resumeFrom (it takes a cursor in the query)', async () => {
    const highlevel = fakeHighLevel(highLevelItems(3));
    const client = clientFor({ highlevel });
    await expect(
      client.listPage({}, { resumeFrom: { provider: 'highlevel', offset: 0 } } as never),
    ).rejects.toMatchObject({ option: 'resumeFrom' });
  });
});
