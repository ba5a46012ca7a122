/**
 * The A4 renderer (`renderProposal`, with markdown-it) for the extension and the command line
 * (`dist/extension.js`, `dist/cli.js`), loaded on first use.
 *
 * `npm run build` bundles it on its own as `dist/render.js` and defines `MSP_DOCS_BUNDLE`, so the
 * bundles require `render.js` from their own folder (`dist/`) at the first render and start without it
 * (docs/benchmarks.md: each bundle under 400 KB). Run from source (tsx, unit tests) the constant is
 * not defined and the module is required directly. Everything else of `src/core/render/` is
 * imported through its index (`index.ts`), which exports only types of `proposal.ts`: with
 * `"sideEffects": false` in package.json a bundle keeps only what it uses, and
 * `scripts/build.mjs` fails the build when the renderer lands in `dist/extension.js` or `dist/cli.js`.
 */
import { join } from 'node:path';
import type * as Renderer from './proposal';

declare const MSP_DOCS_BUNDLE: boolean | undefined;

let renderer: typeof Renderer | undefined;

/** The renderer module, loaded on the first call. */
export function loadRender(): typeof Renderer {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
  renderer ??=
    typeof MSP_DOCS_BUNDLE !== 'undefined' && MSP_DOCS_BUNDLE
      ? (require(join(__dirname, 'render.js')) as typeof Renderer)
      : (require('./proposal') as typeof Renderer);
  /* eslint-enable @typescript-eslint/no-require-imports */
  return renderer;
}
