import { processIo } from './cli/io';
import { runCli } from './cli/run-cli';

// Exits as soon as the command is done, once stdout and stderr are flushed. Waiting for the event loop to empty
// would outlast `verify --timeout`: a request Prism's proxy forwarded before the budget ran out keeps its socket
// to the upstream open until the upstream answers, and Prism gives no way to cancel it.
function exitWith(code: number): void {
  let pending = 2;
  const flushed = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

// Entry of the `commerce-collections-contract` bin (via bin/commerce-collections-contract.js).
runCli(process.argv.slice(2), processIo()).then(exitWith, (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  exitWith(1);
});
