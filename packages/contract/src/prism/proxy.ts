import type { IHttpConfig } from '@stoplight/prism-http';
import type { ApiName } from '../sandbox/types';
import { type RunningPrism, startPrismServer } from './prism-server';
import { assertApiName } from './spec-source';

export interface PrismProxyOptions {
  api: ApiName;
  /** Base URL of the real (or sandboxed) service, e.g. `https://services.leadconnectorhq.com`. */
  upstream: string;
  /**
   * Default true: an invalid request is refused (422/401) instead of forwarded, and a response that violates
   * the spec becomes a 500 problem+json. With false, violations are only reported in `sl-violations`.
   */
  errors?: boolean;
  port?: number;
  /** Answer CORS preflights and add CORS headers. Default false. */
  cors?: boolean;
}

/** A validating Prism proxy: forwards to `upstream` and checks both directions against the bundled spec. */
export async function startPrismProxy(options: PrismProxyOptions): Promise<RunningPrism> {
  assertApiName(options.api);
  let upstream: URL;
  try {
    upstream = new URL(options.upstream);
  } catch {
    throw new TypeError(
      `\`upstream\` must be an absolute http(s) URL; got ${JSON.stringify(options.upstream)}.`,
    );
  }
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') {
    throw new TypeError(
      `\`upstream\` must be an absolute http(s) URL; got ${JSON.stringify(options.upstream)}.`,
    );
  }
  const config = {
    checkSecurity: true,
    validateRequest: true,
    validateResponse: true,
    errors: options.errors ?? true,
    upstreamProxy: undefined,
    isProxy: true,
    upstream,
    mock: { dynamic: false },
  } satisfies IHttpConfig;
  return startPrismServer({ api: options.api, config, port: options.port, cors: options.cors });
}
