import { describe, expect, it } from 'vitest';
import { headerCell, idsCell, parsed, textCell } from '../contract/cells';

// The rules that turn a recorded request into a matrix cell. The contract test applies them to real traffic;
// here each rule is shown to fail on the wire the issue reported (repeated keys, missing headers, bad encoding).
const noRecipe = { recipe: {} };
const request = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });
const text = 'Spring & Summer + 100% été';

describe('matrix cell rules', () => {
  it('ids: one key whose value decodes to the comma-joined ids; repeated keys fail', () => {
    expect(idsCell(noRecipe, 'ids', request('/c?ids=a%2Cb'), ['a', 'b']).result).toBe('ok');
    expect(idsCell(noRecipe, 'ids', request('/c?ids=a,b&limit=1'), ['a', 'b']).result).toBe('ok');
    expect(idsCell(noRecipe, 'ids', request('/c?ids=a&ids=b'), ['a', 'b'])).toEqual({
      result: 'fail',
      wire: 'ids=a&ids=b',
    });
    expect(idsCell(noRecipe, 'ids', request('/c?ids[]=a&ids[]=b'), ['a', 'b']).result).toBe('fail');
  });

  it('text: must decode to exactly the text; a raw `&` or `+` fails, `+` for a space is noted', () => {
    const encoded = encodeURIComponent(text);
    expect(textCell(noRecipe, 'title', request(`/c?title=${encoded}`), text).result).toBe('ok');
    const plus = textCell(noRecipe, 'title', request(`/c?title=${encoded.replaceAll('%20', '+')}`), text);
    expect(plus).toMatchObject({ result: 'ok' });
    expect(plus.wire).toContain('(space as `+`)');
    expect(textCell(noRecipe, 'title', request('/c?title=Spring & Summer + 100%25 été'), text).result).toBe(
      'fail',
    );
  });

  it('headers: exact value; a recipe turns ok into recipe; secrets are never shown', () => {
    const withRecipe = { recipe: { 'Content-Type': "headers: { 'Content-Type': 'application/json' }" } };
    const sent = request('/c', { 'content-type': 'application/json', 'access-token': 'secret' });
    expect(headerCell(withRecipe, 'Content-Type', sent, 'application/json').result).toBe('recipe');
    expect(headerCell(noRecipe, 'Content-Type', request('/c'), 'application/json')).toEqual({
      result: 'fail',
      wire: 'Content-Type: absent',
    });
    expect(JSON.stringify(headerCell(noRecipe, 'access-token', sent, 'secret'))).not.toContain('secret"');
  });

  it('bodies: the shape check, then the generated schema when there is one', () => {
    const page = { status: 200, body: { collections: [] } };
    const isPage = (body: unknown) => typeof body === 'object' && body !== null && 'collections' in body;
    expect(parsed(noRecipe, page, isPage)).toBe('ok');
    expect(parsed({ recipe: {}, parses: () => false }, page, isPage)).toBe('fail (schema rejects it)');
    expect(parsed(noRecipe, { status: 200, body: [] }, isPage)).toBe('fail');
  });
});
