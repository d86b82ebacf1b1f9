import { AuthenticationError, ConnectionError, ValidationError } from '@commerce-collections/sdk';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/exit-codes';
import { describeFailure } from '../../src/failure';
import { redact } from '../../src/redact';
import { UsageError } from '../../src/usage-error';

const quiet = { verbose: false, secrets: [] };

describe('describeFailure', () => {
  it('a usage error: exit 2, one line with the hint', () => {
    expect(describeFailure(new UsageError('unknown option --x'), quiet)).toEqual({
      code: ExitCode.usage,
      text: 'commerce-collections: unknown option --x. Run commerce-collections list --help\n',
    });
  });

  it("the SDK's ValidationError (bad input caught before any request) is a usage error too", () => {
    const error = new ValidationError({
      provider: 'shoplazza',
      operation: 'list',
      option: 'pageSize',
      rule: 'must be an integer from 1 to 100',
      value: 500,
    });
    const failure = describeFailure(error, { verbose: true, secrets: [] });
    expect(failure.code).toBe(ExitCode.usage);
    expect(failure.text.split('\n')[0]).toBe(
      `commerce-collections: ${error.message}. Run commerce-collections list --help`,
    );
  });

  it('an API error: exit 1 and its own message on one line', () => {
    const error = new AuthenticationError({
      provider: 'highlevel',
      operation: 'list collections',
      status: 401,
      messages: ['Invalid token: access token is invalid'],
    });
    expect(describeFailure(error, quiet)).toEqual({
      code: ExitCode.apiFailure,
      text: `commerce-collections: ${error.message}\n`,
    });
  });

  it('--verbose adds the stack and the log-safe details', () => {
    const error = new ConnectionError({
      provider: 'shoplazza',
      operation: 'list',
      cause: new Error('ECONNREFUSED'),
    });
    const { code, text } = describeFailure(error, { verbose: true, secrets: [] });
    expect(code).toBe(ExitCode.apiFailure);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(`commerce-collections: ${error.message}`);
    expect(text).toContain('at ');
    expect(text).toContain("provider: 'shoplazza'");
  });

  it('an unexpected error is exit 1 with its message', () => {
    expect(describeFailure(new TypeError('boom'), quiet)).toEqual({
      code: ExitCode.apiFailure,
      text: 'commerce-collections: boom\n',
    });
  });

  it('scrubs every token value from what it prints', () => {
    const failure = describeFailure(new Error('leaked tok-123 twice: tok-123'), {
      verbose: true,
      secrets: ['tok-123'],
    });
    expect(failure.text).not.toContain('tok-123');
    expect(failure.text).toContain('leaked [redacted] twice: [redacted]');
    expect(redact('abc', [''])).toBe('abc');
  });
});
