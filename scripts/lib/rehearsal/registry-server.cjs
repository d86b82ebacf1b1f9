// Child process of registry.mjs: one Verdaccio on 127.0.0.1, on a port the OS picks. Reports the URL to the
// parent over IPC, then serves until the parent kills it (or goes away: a dead parent must not leave it running).
// CommonJS because Verdaccio 6 is CommonJS and is loaded from a path the parent passes in.
'use strict';

const [verdaccioMain, configPath] = process.argv.slice(2);

async function main() {
  const { runServer } = require(verdaccioMain);
  const server = await runServer(configPath);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    process.send({ url: `http://127.0.0.1:${port}/` });
  });
}

process.on('disconnect', () => process.exit(0));
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
