/**
 * The Word export (`proposalDocx`, with the `docx` package), loaded on first use, like the A4
 * renderer (`src/core/render/load.ts`): `npm run build` bundles `proposalDocx.ts` on its own as
 * `dist/word.js` and defines `MSP_DOCS_BUNDLE`, so `dist/extension.js` and `dist/cli.js` require it
 * from their own folder only when a Word export runs. From source (tsx, unit tests) the module is
 * required directly. Nothing else in `src/` may import `proposalDocx.ts` or `docx` statically;
 * `scripts/build.mjs` checks that.
 */
import { join } from 'node:path';
import type * as Word from './proposalDocx';

declare const MSP_DOCS_BUNDLE: boolean | undefined;

let word: typeof Word | undefined;

/** The Word export module, loaded on the first call. */
export function loadWord(): typeof Word {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
  word ??=
    typeof MSP_DOCS_BUNDLE !== 'undefined' && MSP_DOCS_BUNDLE
      ? (require(join(__dirname, 'word.js')) as typeof Word)
      : (require('./proposalDocx') as typeof Word);
  /* eslint-enable @typescript-eslint/no-require-imports */
  return word;
}
