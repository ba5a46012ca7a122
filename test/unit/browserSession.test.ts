/**
 * The browser session's failure paths, with fake browsers (shell scripts): one that hangs and
 * starts a child of its own, one that exits at once. No real browser is needed.
 */
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { measureLoadedPage, type BrowserSession } from '../../src/core/render/browser';
import { BrowserRunError, BrowserSession as Session, STEP_TIMEOUT_MS } from '../../src/core/render/session';
import { SAMPLE } from './renderFixtures';

/** True while a process exists and is not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

(process.platform === 'win32' ? describe.skip : describe)('browser session failures', () => {
  let tmp: string;
  let hanging: string;
  let crashing: string;
  let childPidFile: string;

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'msp-session-'));
    childPidFile = path.join(tmp, 'child.pid');
    hanging = path.join(tmp, 'hanging-browser');
    // Starts a helper process (as Chromium starts its renderers), then never answers.
    writeFileSync(hanging, `#!/bin/sh\nsleep 300 &\necho $! > '${childPidFile}'\nsleep 300\n`);
    crashing = path.join(tmp, 'crashing-browser');
    writeFileSync(crashing, '#!/bin/sh\necho "cannot open display" >&2\nexit 3\n');
    chmodSync(hanging, 0o755);
    chmodSync(crashing, 0o755);
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('stops within 15 s by default', () => {
    assert.ok(STEP_TIMEOUT_MS <= 15_000, `${STEP_TIMEOUT_MS} ms`);
  });

  it('stops a hanging browser at the deadline together with its child process, and names the setting', async () => {
    const started = Date.now();
    await assert.rejects(Session.launch({ browser: hanging, setting: 'mspDocs.browserPath', timeoutMs: 1500 }), (e: unknown) => {
      assert.ok(e instanceof BrowserRunError, String(e));
      assert.match(e.message, /did not finish within 1\.5 seconds/);
      assert.match(e.message, /mspDocs\.browserPath/);
      assert.ok(e.message.includes(hanging));
      return true;
    });
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 1400 && elapsed < 6000, `${elapsed} ms`);
    const child = Number(readFileSync(childPidFile, 'utf8'));
    assert.ok(child > 0);
    assert.ok(await until(() => !alive(child), 3000), `the browser's child ${child} still runs`);
  });

  it('reports a browser that exits at once with its message and the setting', async () => {
    await assert.rejects(Session.launch({ browser: crashing, setting: '--browser' }), (e: unknown) => {
      assert.ok(e instanceof BrowserRunError, String(e));
      assert.match(e.message, /cannot open display/);
      assert.match(e.message, /--browser/);
      return true;
    });
  });

  it('turns a malformed measurement into a clear error', async () => {
    for (const reported of [{ fits: true }, null, 'x', { fits: false, overflowMm: 1, overflowPercent: 1, contentHeightMm: 1, availableHeightMm: 1 }]) {
      let calls = 0;
      const fake = { evaluate: async () => (calls++ === 0 ? undefined : reported) } as unknown as BrowserSession;
      await assert.rejects(measureLoadedPage(fake), (e: unknown) => e instanceof BrowserRunError && /did not report a valid page measurement/.test(e.message) && !/Cannot read/.test(e.message));
    }
  });

  it('removes an older PDF on the command line when --force was given and no new PDF could be made', async () => {
    const out = path.join(tmp, 'out');
    mkdirSync(out, { recursive: true });
    const pdf = path.join(out, 'dekker-m365-v0.3.pdf');
    writeFileSync(pdf, '%PDF-1.4 old');
    const result = await run(['render', SAMPLE, '--out', out, '--pdf', '--force', '--browser', crashing, '--lang', 'en']);
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr ?? '', /--browser/);
    assert.match(result.stderr ?? '', /Removed the older .*dekker-m365-v0\.3\.pdf: it no longer matches the HTML\./);
    assert.equal(existsSync(pdf), false);
    assert.equal(existsSync(path.join(out, 'dekker-m365-v0.3.html')), true);
  });
});
