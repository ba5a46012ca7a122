// esbuild plugin: every `import * as vscode from 'vscode'` (or `import { Uri } from 'vscode'`) of
// the extension bundle shares one module namespace. Left alone, esbuild turns each importing
// module's import of the external `vscode` into its own `__toESM(require("vscode"))`, which copies
// every property of VS Code's API object (a few hundred) into a fresh object, once per module, while
// VS Code loads the extension (docs/benchmarks.md, "Activation"). Here `vscode` resolves to one
// internal module, `export * from 'vscode'`, whose namespace is built once; that module's own import
// stays external.
/** @type {import('esbuild').Plugin} */
export const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};
