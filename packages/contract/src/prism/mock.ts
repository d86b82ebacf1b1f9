import type { IHttpConfig } from '@stoplight/prism-http';
import type { ApiName } from '../sandbox/types';
import { setFillProperties } from './json-schema-faker';
import { type RunningPrism, startPrismServer } from './prism-server';
import { assertApiName } from './spec-source';

export interface PrismMockOptions {
  api: ApiName;
  /** Generate bodies from the schemas (json-schema-faker) instead of answering the examples. */
  dynamic?: boolean;
  /** Makes dynamic bodies repeatable, across restarts too. */
  seed?: string;
  /**
   * Whether dynamic bodies get random extra properties. Default false (the spec's shapes only).
   * This is a process-wide json-schema-faker option: the last mock started wins.
   */
  fillProperties?: boolean;
  /** Turn responses that violate the spec into 500 problem+json answers. Default false. */
  errors?: boolean;
  port?: number;
  /** Answer CORS preflights and add CORS headers, as the Prism CLI does by default. Default false. */
  cors?: boolean;
}

/** A Prism mock of the bundled spec on 127.0.0.1. Choose responses with `Prefer: code=401, example=name`. */
export async function startPrismMock(options: PrismMockOptions): Promise<RunningPrism> {
  assertApiName(options.api);
  if (options.seed !== undefined && typeof options.seed !== 'string') {
    throw new TypeError(`\`seed\` must be a string; got ${JSON.stringify(options.seed)}.`);
  }
  setFillProperties(options.fillProperties ?? false);
  const config = {
    checkSecurity: true,
    validateRequest: true,
    validateResponse: true,
    errors: options.errors ?? false,
    upstreamProxy: undefined,
    isProxy: false,
    mock: {
      dynamic: options.dynamic ?? false,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    },
  } satisfies IHttpConfig;
  return startPrismServer({ api: options.api, config, port: options.port, cors: options.cors });
}
