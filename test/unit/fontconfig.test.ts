import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { browserEnvironment, bundledFontDirs, fontconfigXml, inheritedFontconfigFile } from '../../src/core/render/fontconfig';

describe('fontconfig of the headless browser', () => {
  it('includes the configuration fontconfig would have read, in its documented order', () => {
    assert.equal(inheritedFontconfigFile({ FONTCONFIG_FILE: '/x/fonts.conf', FONTCONFIG_PATH: '/y' }), '/x/fonts.conf');
    assert.equal(inheritedFontconfigFile({ FONTCONFIG_PATH: '/y' }), path.join('/y', 'fonts.conf'));
    assert.equal(inheritedFontconfigFile({}), '/etc/fonts/fonts.conf');
  });

  it('adds the bundled folder, maps the generic families and fixes the rendering settings', () => {
    const text = fontconfigXml('/etc/a&b.conf', ['/opt/fonts'], '/tmp/cache');
    assert.match(text, /<include ignore_missing="yes">\/etc\/a&amp;b\.conf<\/include>/);
    assert.match(text, /<dir>\/opt\/fonts<\/dir>/);
    assert.match(text, /<cachedir>\/tmp\/cache<\/cachedir>/);
    assert.match(text, /<string>sans-serif<\/string><\/test><edit name="family" mode="prepend_first" binding="strong"><string>Arimo<\/string>/);
    assert.match(text, /<string>monospace<\/string><\/test><edit name="family" mode="prepend_first" binding="strong"><string>Cousine<\/string>/);
    assert.match(text, /<edit name="hintstyle" mode="assign"><const>hintslight<\/const><\/edit>/);
    // The include comes first, so the fixed settings win over the machine's.
    assert.ok(text.indexOf('<include') < text.indexOf('hintstyle'));
  });

  it('writes the configuration into the profile and names it in FONTCONFIG_FILE (after npm run build: the TrueType font is there)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'msp-fc-'));
    try {
      const env = await browserEnvironment(dir, { PATH: '/bin', FONTCONFIG_FILE: '/none.conf' });
      if (process.platform === 'win32' || process.platform === 'darwin') return assert.equal(env.FONTCONFIG_FILE, '/none.conf');
      assert.equal(env.FONTCONFIG_FILE, path.join(dir, 'fonts.conf'));
      assert.equal(env.PATH, '/bin');
      assert.match(readFileSync(env.FONTCONFIG_FILE, 'utf8'), /<include ignore_missing="yes">\/none\.conf<\/include>/);
      const [fontDir] = bundledFontDirs();
      assert.ok(existsSync(fontDir), fontDir);
      assert.deepEqual(readdirSync(fontDir).filter((f) => f.endsWith('.ttf')), ['arimo-latin-400-normal.ttf']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
