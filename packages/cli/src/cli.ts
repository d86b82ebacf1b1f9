import { ExitCode } from './exit-codes';
import { run } from './run';

// The bin entry: wires the real process into run(). No top-level await, so the CJS build works too.
const interrupt = new AbortController();
// SIGTERM (a process manager, `timeout`, a cancelled CI job) stops the listing the same graceful way as Ctrl-C:
// requests aborted, sandboxes closed, output closed, summary printed. The abort reason names the signal, so run()
// answers 143 instead of 130.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // The first signal stops the listing gracefully; a second one means "now".
    if (interrupt.signal.aborted)
      process.exit(signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted);
    interrupt.abort(signal);
  });
}
// A closed pipe is handled where data is written; this only keeps an early EPIPE from crashing the process.
process.stdout.on('error', () => {});

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write('', () => resolve());
  });
}

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  interrupt: interrupt.signal,
}).then(async (code) => {
  // Exit explicitly once both streams are drained: idle keep-alive sockets must not hold the process open.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
});
