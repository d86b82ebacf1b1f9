import { validateToken } from '@commerce-collections/runtime/internal';
import { PROVIDER } from './constants';
import type { HighLevelClientOptions } from './options';

export interface Auth {
  /** Sent on every request when the token is a fixed string (built once, not per call). */
  staticHeaders: Record<string, string>;
  /** Set when the token is a function: the transport calls it per attempt, and with refresh after a 401. */
  authenticate: ((headers: Headers, context: { refresh: boolean }) => Promise<void>) | undefined;
}

const CONTEXT = { provider: PROVIDER, operation: 'authenticate' } as const;

/**
 * `Authorization: Bearer <token>` — capital B: Prism (and some gateways) refuse `bearer`.
 * A fixed token goes into the static headers and gets no authenticate hook, so the transport does not
 * pointlessly retry a 401 with the same token.
 */
export function bearerAuth(token: HighLevelClientOptions['token']): Auth {
  if (typeof token === 'string') {
    return { staticHeaders: { Authorization: `Bearer ${token}` }, authenticate: undefined };
  }
  return {
    staticHeaders: {},
    async authenticate(headers, context) {
      const value = await token({ refresh: context.refresh });
      // A function can return anything at run time; a bad value must fail before it reaches a header.
      validateToken(value, 'token', CONTEXT);
      headers.set('Authorization', `Bearer ${value}`);
    },
  };
}
