// Second runner: the same suite in desktop VS Code via @vscode/test-electron.
// Needs internet (downloads VS Code into .vscode-test/), so it is for developer
// machines and public CI; offline, use `npm run test:vscode` (test/vscode/run.mjs).
// Usage: npm run build && npm run test:electron
// Env: VSCODE_TEST_VERSION (default 1.100.3, matching engines.vscode), MSP_DOCS_TEST_GREP.
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const suite = join(repo, 'out/test/vscode/suite/index.js');
if (!existsSync(suite)) {
  console.error(`[test:electron] ${suite} not found: run \`npm run build\` first`);
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'msp-electron-test-'));
const workspace = join(tmp, 'workspace');
cpSync(join(repo, 'test/fixtures/workspace'), workspace, { recursive: true, dereference: true });

let code = 1;
try {
  await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
    extensionDevelopmentPath: repo,
    extensionTestsPath: suite,
    extensionTestsEnv: { MSP_DOCS_TEST_WORKSPACE: workspace },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  code = 0;
} catch (e) {
  const msg = String(/** @type {Error} */ (e)?.message ?? e);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|download|fetch failed|getaddrinfo/i.test(msg)) {
    console.error(`[test:electron] could not download VS Code (${msg}).\n` +
      'This runner needs internet access. Offline, run `npm run test:vscode` (real VS Code server in headless Chromium).');
    code = 3;
  } else {
    console.error(`[test:electron] tests failed: ${msg}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
