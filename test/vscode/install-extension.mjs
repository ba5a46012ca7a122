// Installs the built extension into a VS Code extensions folder by copying the
// files a .vsix would hold. Shared by scripts/serve.mjs and test/vscode/screenshot.mjs.
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two levels above this file). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Folders and files copied when present (besides package.nls*.json). */
const ENTRIES = ['package.json', 'dist', 'l10n', 'schemas', 'snippets', 'media', 'README.md', 'LICENSE'];

/**
 * Copies the built extension from `root` into `extensionsDir` as
 * `<publisher>.<name>-<version>/`.
 * @param {string} extensionsDir target extensions folder (exists)
 * @param {string} [root] extension folder, default the repository root
 * @returns {{ id: string, dir: string }} the extension id and installed folder
 */
export function installExtension(extensionsDir, root = REPO_ROOT) {
  const pkgPath = join(root, 'package.json');
  if (!existsSync(pkgPath)) throw new Error(`no package.json in ${root}`);
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const main = pkg.main ? join(root, pkg.main.endsWith('.js') ? pkg.main : `${pkg.main}.js`) : undefined;
  if (main && !existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const id = `${pkg.publisher}.${pkg.name}`;
  const dir = join(extensionsDir, `${id}-${pkg.version}`);
  const names = [...ENTRIES, ...readdirSync(root).filter((n) => /^package\.nls(\..+)?\.json$/.test(n))];
  for (const name of names) {
    const src = join(root, name);
    if (existsSync(src)) cpSync(src, join(dir, name), { recursive: true, dereference: true });
  }
  return { id, dir };
}
