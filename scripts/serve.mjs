// Quick start: serves a real VS Code (the server from the `code-server` npm
// package, test/vscode/env) on the sample workspace, with the built extension
// installed, so you can try it in a browser. Runs until Ctrl-C, then cleans up.
// Usage: npm run build && node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--folder samples]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    folder: { type: 'string', default: join(repo, 'samples') },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log('Usage: node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--folder <workspace>] [--verbose]');
  process.exit(0);
}

const { ensureSetup, startServer } = await import('../test/vscode/server.mjs');
const { installExtension } = await import('../test/vscode/install-extension.mjs');
try {
  ensureSetup(); // the pinned VS Code server environment; fast when already in place
} catch (e) {
  console.error(`serve: ${/** @type {Error} */ (e).message}`);
  process.exit(1);
}

const tmp = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'msp-serve-'));
/** @type {{ url: string, stop(): Promise<void> } | undefined} */
let server;
let stopping = false;
/** Stops the server and removes the temp folders. @param {number} code */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  process.exit(code);
}
process.on('SIGINT', () => { console.log('\nstopping…'); void shutdown(0); });
process.on('SIGTERM', () => void shutdown(0));
// Closing the terminal sends SIGHUP; the server runs in its own process group and must go too.
process.on('SIGHUP', () => void shutdown(0));

try {
  const extensionsDir = join(tmp, 'extensions');
  const { id } = installExtension(extensionsDir, repo);
  const workspace = resolve(args.folder); // opened in place, as desktop VS Code would
  server = await startServer({
    workspace,
    extensionsDir,
    host: args.host,
    port: Number(args.port),
    verbose: args.verbose,
    // A VS Code to use by hand, not a test run: without the smoke-test driver, so that dialogs
    // (New Project's folder picker, confirmations) behave as on a desktop.
    smokeTestDriver: false,
  });
  console.log(`\n${id} installed; workspace: ${workspace}`);
  console.log(`Open ${server.url}\n(Ctrl-C to stop)`);
} catch (e) {
  console.error(`serve: ${/** @type {Error} */ (e).message}`);
  await shutdown(1);
}
