import { parseArgs } from 'node:util';
import { MAX_PAGE_SIZE, type ShoplazzaApiVersion } from '@commerce-collections/sdk';
import { optionNames, optionSpec } from './options';
import { parseShoplazzaVersion } from './shoplazza-version';
import { suggest } from './suggest';
import { UsageError } from './usage-error';
import {
  parseBaseUrl,
  parseChoice,
  parseDateTime,
  parseList,
  parseNonEmpty,
  parsePositiveInteger,
} from './values';

export type Format = 'table' | 'json' | 'ndjson';
export type ProviderChoice = 'highlevel' | 'shoplazza' | 'all';

export const formats: readonly Format[] = ['table', 'json', 'ndjson'];
export const providerChoices: readonly ProviderChoice[] = ['highlevel', 'shoplazza', 'all'];

export interface ListArgs {
  provider: ProviderChoice;
  search?: string;
  ids?: string[];
  updatedAfter?: Date;
  updatedBefore?: Date;
  productId?: string;
  format: Format;
  max?: number;
  /** Unset: the SDK's default (its maximum, the fewest requests). */
  pageSize?: number;
  raw: boolean;
  mock: boolean;
  verbose: boolean;
  highlevelLocationId?: string;
  shoplazzaShop?: string;
  highlevelBaseUrl?: string;
  shoplazzaBaseUrl?: string;
  shoplazzaVersion?: ShoplazzaApiVersion;
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'list'; args: ListArgs };

const commands = ['list', 'help'];

/** Flags someone might try for a token: refused with the reason, never with the value. */
const tokenFlag = /^--?(?:[a-z]+-)?(?:token|access-token|api-key|secret)$/i;

function rethrowParseError(error: unknown): never {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  // Only the quoted option name is reused from node's message: anything after `=` could be a secret.
  const flag = /'(-[^'=\s<]*)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    if (tokenFlag.test(flag)) {
      throw new UsageError(
        `${flag} is not accepted: tokens are read only from HIGHLEVEL_TOKEN and SHOPLAZZA_TOKEN, so they never land in shell history`,
      );
    }
    const guess = flag.startsWith('--') ? suggest(flag.slice(2), optionNames) : undefined;
    throw new UsageError(`unknown option ${flag}${guess ? ` (did you mean --${guess}?)` : ''}`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (message.includes('does not take an argument')) throw new UsageError(`${flag} does not take a value`);
    throw new UsageError(`${flag} needs a value`);
  }
  throw new UsageError(message.split('\n')[0] ?? message);
}

type ParsedLine = ReturnType<typeof parseArgs<{ options: typeof optionSpec; allowPositionals: true }>>;
type OptionValues = ParsedLine['values'];

/** Turns argv (without node and the script) into a command, or throws a UsageError. */
export function parseCommandLine(argv: readonly string[]): Command {
  let parsed: ParsedLine;
  try {
    parsed = parseArgs({ args: [...argv], options: optionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    rethrowParseError(error);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (command === undefined) throw new UsageError('missing command: the only command is `list`');
  if (command !== 'list') {
    const guess = suggest(command, commands);
    throw new UsageError(
      `unknown command ${JSON.stringify(command)}${guess ? ` (did you mean ${guess}?)` : ''}`,
    );
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
  const args = readListArgs(values);
  checkCombinations(args, values);
  return { kind: 'list', args };
}

/** Each `list` option's value, parsed (a bad one is a UsageError naming the flag). */
function readListArgs(values: OptionValues): ListArgs {
  const args: ListArgs = {
    provider:
      values.provider === undefined ? 'all' : parseChoice('provider', values.provider, providerChoices),
    format: values.format === undefined ? 'table' : parseChoice('format', values.format, formats),
    raw: values.raw ?? false,
    mock: values.mock ?? false,
    verbose: values.verbose ?? false,
  };
  if (values.search !== undefined) args.search = parseNonEmpty('search', values.search);
  if (values.ids !== undefined) args.ids = parseList('ids', values.ids);
  if (values['updated-after'] !== undefined) {
    args.updatedAfter = parseDateTime('updated-after', values['updated-after']);
  }
  if (values['updated-before'] !== undefined) {
    args.updatedBefore = parseDateTime('updated-before', values['updated-before']);
  }
  if (values['product-id'] !== undefined) args.productId = parseNonEmpty('product-id', values['product-id']);
  if (values.max !== undefined) args.max = parsePositiveInteger('max', values.max);
  if (values['page-size'] !== undefined) {
    args.pageSize = parsePositiveInteger('page-size', values['page-size'], MAX_PAGE_SIZE);
  }
  if (values['highlevel-location-id'] !== undefined) {
    args.highlevelLocationId = parseNonEmpty('highlevel-location-id', values['highlevel-location-id']);
  }
  if (values['shoplazza-shop'] !== undefined) {
    args.shoplazzaShop = parseNonEmpty('shoplazza-shop', values['shoplazza-shop']);
  }
  if (values['highlevel-base-url'] !== undefined) {
    args.highlevelBaseUrl = parseBaseUrl('highlevel-base-url', values['highlevel-base-url']);
  }
  if (values['shoplazza-base-url'] !== undefined) {
    args.shoplazzaBaseUrl = parseBaseUrl('shoplazza-base-url', values['shoplazza-base-url']);
  }
  if (values['shoplazza-version'] !== undefined) {
    args.shoplazzaVersion = parseShoplazzaVersion(values['shoplazza-version'], '--shoplazza-version');
  }
  return args;
}

/** Options that are each valid but not together. */
function checkCombinations(args: ListArgs, values: OptionValues): void {
  if (args.updatedAfter && args.updatedBefore && args.updatedAfter > args.updatedBefore) {
    throw new UsageError('--updated-after must not be later than --updated-before');
  }
  const shoplazzaOnly = (['updated-after', 'updated-before', 'product-id'] as const).filter(
    (flag) => values[flag] !== undefined,
  );
  if (shoplazzaOnly.length > 0 && args.provider !== 'shoplazza') {
    // HighLevel has no such filters; dropping them silently would list collections the user excluded.
    throw new UsageError(`--${shoplazzaOnly[0]} is a Shoplazza filter: add --provider shoplazza`);
  }
  if (args.raw && args.format === 'table') {
    throw new UsageError('--raw applies to --format json and ndjson only');
  }
  if (args.mock && (args.highlevelBaseUrl || args.shoplazzaBaseUrl)) {
    throw new UsageError('--mock cannot be combined with --highlevel-base-url or --shoplazza-base-url');
  }
}
