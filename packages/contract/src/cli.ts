import { processIo } from './cli/io';
import { runCli } from './cli/run-cli';

// Entry of the `commerce-collections-contract` bin (via bin/commerce-collections-contract.js).
runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
