import * as assert from 'node:assert/strict';
import { BrowserNotFoundError, browserCandidates, findBrowser } from '../../src/core/render/browser';

/** An `isExecutable` that knows exactly these files. */
const only =
  (...files: string[]) =>
  async (file: string) =>
    files.includes(file);

describe('browser discovery', () => {
  it('uses the configured path, and only that', async () => {
    const found = await findBrowser({ configured: '/opt/my/chrome', configuredName: '--browser', isExecutable: only('/opt/my/chrome', '/usr/bin/chromium'), platform: 'linux', env: { PATH: '/usr/bin' } });
    assert.deepEqual(found, { path: '/opt/my/chrome', source: 'configured' });
    await assert.rejects(
      findBrowser({ configured: '/wrong/chrome', configuredName: 'mspDocs.browserPath', isExecutable: only('/usr/bin/chromium'), platform: 'linux', env: { PATH: '/usr/bin' } }),
      (e: unknown) => e instanceof BrowserNotFoundError && /mspDocs\.browserPath/.test(e.message) && /\/wrong\/chrome/.test(e.message) && e.tried.length === 1,
    );
  });

  it('searches PATH by the usual names first, Chromium before Chrome before Edge', async () => {
    const env = { PATH: '/home/u/bin:/usr/local/bin:/usr/bin' };
    assert.deepEqual(await findBrowser({ configuredName: '--browser', platform: 'linux', env, isExecutable: only('/usr/bin/google-chrome', '/usr/local/bin/chromium') }), { path: '/usr/local/bin/chromium', source: 'path' });
    assert.deepEqual(await findBrowser({ configuredName: '--browser', platform: 'linux', env, isExecutable: only('/usr/bin/microsoft-edge', '/usr/bin/google-chrome-stable') }), { path: '/usr/bin/google-chrome-stable', source: 'path' });
    assert.deepEqual(await findBrowser({ configuredName: '--browser', platform: 'linux', env: { PATH: '' }, isExecutable: only('/snap/bin/chromium') }), { path: '/snap/bin/chromium', source: 'install-location' });
  });

  it('knows the install locations on macOS and Windows', () => {
    const mac = browserCandidates('darwin', { PATH: '/usr/bin' }, '/Users/u').map((c) => c.path);
    assert.ok(mac.includes('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'));
    assert.ok(mac.includes('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'));
    assert.ok(mac.includes('/Applications/Chromium.app/Contents/MacOS/Chromium'));
    assert.ok(mac.includes('/Users/u/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'));
    const win = browserCandidates('win32', { Path: 'C:\\Windows;C:\\Tools', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }).map((c) => c.path);
    assert.equal(win[0], 'C:\\Windows\\chrome.exe');
    for (const p of [
      'C:\\Tools\\msedge.exe',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    ]) {
      assert.ok(win.includes(p), p);
    }
    assert.equal(new Set(win).size, win.length, 'no path twice');
  });

  it('names the setting when nothing is found', async () => {
    await assert.rejects(
      findBrowser({ configuredName: 'mspDocs.browserPath', platform: 'linux', env: { PATH: '/usr/bin' }, isExecutable: only() }),
      (e: unknown) =>
        e instanceof BrowserNotFoundError &&
        e.message === 'No Chromium, Google Chrome or Microsoft Edge was found on this machine. Install one, or set the path of its executable in mspDocs.browserPath.' &&
        e.tried.includes('/usr/bin/chromium') &&
        e.tried.includes('/opt/google/chrome/chrome'),
    );
  });
});
