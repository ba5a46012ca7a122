// esbuild plugin: bundle the `yaml` package's browser build (its "default" export condition)
// instead of its Node build. The Node build reads `process.env.LOG_TOKENS` for every token and
// `process.env.LOG_STREAM` for every document; a `process.env` read is a call into the C++
// runtime (~0.5 µs), which makes parsing 10-40 % slower (docs/benchmarks.md). Both builds
// come from the same source; the browser build logs warnings with console.warn instead of
// process.emitWarning and decodes `!!binary` to a Uint8Array instead of a Buffer.
import { createRequire } from 'node:module';
import * as path from 'node:path';

/** @type {import('esbuild').Plugin} */
export const yamlBrowserBuild = {
  name: 'yaml-browser-build',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) => {
      // The copy of `yaml` that the importing file would get, so nested versions stay nested.
      const require = createRequire(path.join(args.resolveDir || process.cwd(), 'index.js'));
      const root = path.dirname(require.resolve('yaml/package.json'));
      return { path: path.join(root, 'browser', 'dist', 'index.js') };
    });
  },
};
