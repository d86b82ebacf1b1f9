import { createLogger } from '@stoplight/prism-core';
import { getHttpOperationsFromSpec, type IHttpConfig } from '@stoplight/prism-http';
import { createServer } from '@stoplight/prism-http-server';
import type { ApiName } from '../sandbox/types';
import { resolveSpecPath } from './spec-source';

export interface RunningPrism {
  /** Base URL, e.g. `http://127.0.0.1:40123`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export interface PrismServerSettings {
  api: ApiName;
  config: IHttpConfig;
  port?: number;
  /** Answer CORS preflights and add CORS headers (for pages on another origin). Default false. */
  cors?: boolean;
}

/**
 * Prism in-process: operations from the bundled spec, Prism's own HTTP server on 127.0.0.1.
 * Its pino logger is silenced; violations still reach clients in the `sl-violations` header.
 */
export async function startPrismServer(settings: PrismServerSettings): Promise<RunningPrism> {
  const operations = await getHttpOperationsFromSpec(resolveSpecPath(settings.api));
  // Note: pass the level in options. Passing the string 'silent' as pino's *destination* makes pino
  // write its JSON lines to a file literally named "silent" in the working directory.
  const logger = createLogger('prism', { level: 'silent' });
  const server = createServer(operations, {
    components: { logger },
    config: settings.config,
    cors: settings.cors ?? false,
  });
  const address = await server.listen(settings.port ?? 0, '127.0.0.1');
  return {
    url: address.replace(/\/$/, ''),
    close: () => server.close(),
  };
}
