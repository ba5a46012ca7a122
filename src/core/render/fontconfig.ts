/**
 * The fontconfig configuration the headless browser runs with (Linux and other fontconfig
 * systems; macOS and Windows do not use fontconfig and get the environment unchanged).
 *
 * Why: Chromium on Linux builds every typeface, web fonts from `@font-face` included, through its
 * fontconfig font manager. With no font known to fontconfig (a bare container, a CI image without
 * font packages) that manager cannot start, every `@font-face` load ends in `error` and text is
 * laid out without glyphs or not at all, although the page names only the bundled fonts. And the
 * machine's fontconfig rules (hinting, antialiasing) change glyph advances and so the page's
 * millimetres.
 *
 * What: a `fonts.conf` in the browser's temporary profile that
 * - includes the configuration the browser would have read (`FONTCONFIG_FILE`, else
 *   `FONTCONFIG_PATH/fonts.conf`, else `/etc/fonts/fonts.conf`; missing is fine), so
 *   characters the bundled fonts lack still find a machine font;
 * - adds the bundled text font as TrueType (`media/fonts/fontconfig/`; fontconfig lists woff2
 *   files too, but Chromium takes none of them), so there is always at least one font;
 * - maps the generic families to the bundled ones (sans-serif and serif to the text font,
 *   monospace to the code font), so an element without a `font-family` still uses them;
 * - fixes the rendering settings that change advances (slight hinting, greyscale antialiasing),
 *   so every machine lays the text out alike.
 * Reference: https://www.freedesktop.org/software/fontconfig/fontconfig-user.html
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { BUNDLED_FACES } from './fonts';

/** XML text escaped for an element's content. */
function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The configuration fontconfig would read for `env` (its documented lookup order). */
export function inheritedFontconfigFile(env: NodeJS.ProcessEnv): string {
  if (env.FONTCONFIG_FILE) return path.resolve(env.FONTCONFIG_FILE);
  if (env.FONTCONFIG_PATH) return path.join(env.FONTCONFIG_PATH.split(path.delimiter)[0], 'fonts.conf');
  return '/etc/fonts/fonts.conf';
}

declare const MSP_DOCS_BUNDLE: boolean | undefined;

/**
 * The folder with the text font as TrueType (`fonts.json` `fontconfig`), which `scripts/build.mjs`
 * writes into `media/fonts/fontconfig/`: beside `dist/` in the bundles, in the repository when run
 * from source (tests, tsx; after `npm run build`).
 */
export function bundledFontDirs(): string[] {
  const root = typeof MSP_DOCS_BUNDLE !== 'undefined' && MSP_DOCS_BUNDLE ? path.join(__dirname, '..') : path.join(__dirname, '..', '..', '..');
  return [path.join(root, 'media', 'fonts', 'fontconfig')];
}

/** A generic family mapped, first of all, to a bundled family. */
function generic(name: string, family: string): string {
  return (
    `  <match target="pattern"><test name="family"><string>${name}</string></test>` +
    `<edit name="family" mode="prepend_first" binding="strong"><string>${xml(family)}</string></edit></match>\n`
  );
}

/**
 * The `fonts.conf` text: the inherited configuration `include`d, the bundled fonts' folders, the
 * generic families and the fixed rendering settings; fontconfig's cache goes to `cacheDir`.
 */
export function fontconfigXml(inherited: string, fontDirs: readonly string[], cacheDir: string): string {
  const text = BUNDLED_FACES.find((f) => f.generic === 'sans-serif')?.family;
  const code = BUNDLED_FACES.find((f) => f.generic === 'monospace')?.family;
  const set = (name: string, value: string) => `<edit name="${name}" mode="assign">${value}</edit>`;
  return (
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n' +
    `  <include ignore_missing="yes">${xml(inherited)}</include>\n` +
    fontDirs.map((d) => `  <dir>${xml(d)}</dir>\n`).join('') +
    `  <cachedir>${xml(cacheDir)}</cachedir>\n` +
    (text ? generic('sans-serif', text) + generic('serif', text) : '') +
    (code ? generic('monospace', code) : '') +
    '  <match target="font">' +
    set('antialias', '<bool>true</bool>') +
    set('hinting', '<bool>true</bool>') +
    set('hintstyle', '<const>hintslight</const>') +
    set('autohint', '<bool>false</bool>') +
    set('rgba', '<const>none</const>') +
    set('lcdfilter', '<const>lcddefault</const>') +
    set('embeddedbitmap', '<bool>false</bool>') +
    '</match>\n</fontconfig>\n'
  );
}

/**
 * The environment for a browser started with its profile in `profileDir`: `env` with
 * `FONTCONFIG_FILE` naming a `fonts.conf` written into `profileDir` (`fontconfigXml`). On
 * Windows and macOS `env` itself. Throws when the file cannot be written.
 */
export async function browserEnvironment(profileDir: string, env: NodeJS.ProcessEnv = process.env): Promise<NodeJS.ProcessEnv> {
  if (process.platform === 'win32' || process.platform === 'darwin') return env;
  const file = path.join(profileDir, 'fonts.conf');
  await fs.writeFile(file, fontconfigXml(inheritedFontconfigFile(env), bundledFontDirs(), path.join(profileDir, 'fontconfig-cache')));
  return { ...env, FONTCONFIG_FILE: file };
}
