// B10's fresh-process sample: import openapi-typescript, then generate one spec once (what `pnpm generate` pays
// per process). argv: <spec path>. Prints { importMs, firstMs }.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const t0 = performance.now();
const { default: openapiTS, astToString } = require('openapi-typescript');
const t1 = performance.now();
astToString(await openapiTS(pathToFileURL(process.argv[2])));
const t2 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1 }));
