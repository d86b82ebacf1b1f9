import type { ApiAdapter, Outcome } from './adapters/types';
import { rawQueryValues } from './query';
import type { WireRequest } from './wire-recorder';

/** One cell of the matrix: `ok` (right with no configuration), `recipe` (right with the recipe), `fail`. */
export type CellResult = { result: 'ok' | 'recipe' | 'fail'; wire: string; recipe?: string };
type AnyAdapter = Pick<ApiAdapter<never, string>, 'recipe' | 'parses'>;

/** `ok` when the wire was right with no configuration, `recipe` when right with the adapter's recipe. */
export function cell(adapter: AnyAdapter, name: string, right: boolean, wire: string): CellResult {
  const recipe = adapter.recipe[name as never] as string | undefined;
  if (!right) return { result: 'fail', wire, ...(recipe ? { recipe } : {}) };
  return recipe ? { result: 'recipe', wire, recipe } : { result: 'ok', wire };
}

export function textCell(adapter: AnyAdapter, name: string, request: WireRequest, text: string): CellResult {
  const raw = rawQueryValues(request.url, name);
  const decoded = new URLSearchParams(request.url.slice(request.url.indexOf('?'))).getAll(name);
  const spaceAs = raw[0]?.includes('+') && !raw[0].includes('%20') ? ' (space as `+`)' : '';
  return cell(
    adapter,
    name,
    decoded.length === 1 && decoded[0] === text,
    `${name}=${raw.join('&')}${spaceAs}`,
  );
}

export function idsCell(adapter: AnyAdapter, name: string, request: WireRequest, ids: string[]): CellResult {
  const raw = rawQueryValues(request.url, name);
  const right = raw.length === 1 && decodeURIComponent(raw[0] ?? '') === ids.join(',');
  return cell(adapter, name, right, raw.map((value) => `${name}=${value}`).join('&'));
}

export function headerCell(adapter: AnyAdapter, name: string, request: WireRequest, expected: string) {
  const value = request.headers[name.toLowerCase()];
  const shown =
    name === 'Authorization' || name === 'access-token'
      ? value
        ? '<token>'
        : 'absent'
      : (value ?? 'absent');
  return cell(adapter, name, value === expected, `${name}: ${shown}`);
}

export function parsed(adapter: AnyAdapter, outcome: Outcome, shape: (body: unknown) => boolean): string {
  if (!shape(outcome.body)) return 'fail';
  if (adapter.parses && !adapter.parses(outcome.status, outcome.body)) return 'fail (schema rejects it)';
  return adapter.parses ? 'ok (zod parses)' : 'ok';
}
