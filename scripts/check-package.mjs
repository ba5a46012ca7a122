// Checks that the extension packages offline into a .vsix (as the README says) and that the package
// holds what the extension needs at run time. Run after `npm run build`; part of `npm test`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const vsce = join('node_modules', '.bin', 'vsce');
const required = ['package.json', 'package.nls.json', 'package.nls.nl.json', 'dist/extension.js', 'dist/cli.js', 'dist/render.js', 'dist/word.js', 'media/preview.js', 'media/preview.css', 'l10n/bundle.l10n.nl.json', 'schemas/plan.schema.json', 'schemas/msp-docs.schema.json', 'schemas/i18n/nl.json', 'README.md', 'LICENSE', 'THIRD-PARTY-NOTICES.txt',
  // The proposal's bundled fonts and their licences (src/core/render/fonts.json, copied by scripts/build.mjs).
  'media/fonts/arimo-latin-400-normal.woff2', 'media/fonts/arimo-latin-700-italic.woff2', 'media/fonts/cousine-latin-400-normal.woff2', 'media/fonts/arimo-greek-400-normal.woff2', 'media/fonts/arimo-hebrew-700-italic.woff2', 'media/fonts/noto-sans-arabic-arabic-400-normal.woff2', 'media/fonts/arimo-OFL.txt', 'media/fonts/cousine-OFL.txt', 'media/fonts/noto-sans-arabic-OFL.txt', 'media/fonts/fontconfig/arimo-latin-400-normal.ttf', 'media/walkthrough/create-project.md', 'media/walkthrough/nl/create-project.md'];
const files = execFileSync(vsce, ['ls', '--no-dependencies'], { encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter(Boolean);
const missing = required.filter((f) => !files.includes(f));
const unwanted = files.filter((f) => /^(src|test|bench|node_modules|out)\//.test(f));
if (missing.length || unwanted.length) {
  console.error(`check-package: missing ${JSON.stringify(missing)}, unwanted ${JSON.stringify(unwanted)}`);
  process.exit(1);
}
const tmp = mkdtempSync(join(tmpdir(), 'msp-vsix-'));
try {
  const out = join(tmp, 'msp-project-docs.vsix');
  execFileSync(vsce, ['package', '--no-dependencies', '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`check-package: ${files.length} files, .vsix ${(statSync(out).size / 1024).toFixed(1)} KB`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
