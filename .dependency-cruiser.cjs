// dependency-cruiser rules for the layering of src/ (run by `npm run lint`):
//   1. from outside a group (a folder in src/core/ or src/extension/) import only the group's folder,
//      which is its index.ts, never a file inside it;
//   2. a group imports only groups below it (the LAYERS below, lowest first; groups on the same
//      layer do not import each other); src/core imports nothing from src/extension, src/cli or
//      src/webview, and those three do not import each other;
//   3. no circular imports anywhere in src/ (type-only imports count too).
// Tests in test/ may import internals: only src/ is checked. That src/core never imports `vscode`
// is an ESLint rule (eslint.config.mjs).

/** Layers of src/core, lowest first. Each entry is one layer; a layer may hold several groups. */
const CORE_LAYERS = [['common'], ['webview'], ['document'], ['rules'], ['project'], ['authoring', 'render', 'board'], ['delivery'], ['word']];
/** Layers of src/extension, lowest first; extension.ts and api.ts sit on top of all of them. */
const EXTENSION_LAYERS = [['common'], ['projects'], ['authoring', 'preview', 'board'], ['delivery']];

const CORE_ORDER = 'core/common < core/webview < core/document < core/rules < core/project < core/authoring, core/render, core/board < core/delivery < core/word';
const EXTENSION_ORDER = 'extension/common < extension/projects < extension/authoring, extension/preview, extension/board < extension/delivery < extension.ts, api.ts';

/** One rule per group: it may not import any group on its own layer or above. */
function layerRules(area, layers, order) {
  const rules = [];
  layers.forEach((layer, rank) => {
    for (const group of layer) {
      const forbidden = layers.slice(rank).flat().filter((other) => other !== group);
      if (forbidden.length === 0) continue;
      const name = `layers-${area}-${group}`;
      const comment = `src/${area}/${group} may import only lower layers (${order}); not ${forbidden.map((g) => `${area}/${g}`).join(', ')}.`;
      const to = `^src/${area}/(${forbidden.join('|')})/`;
      rules.push({ name, comment, severity: 'error', from: { path: `^src/${area}/${group}/` }, to: { path: to } });
    }
  });
  return rules;
}

const GROUP = '^src/(core|extension)/[^/]+/';
const GROUP_INDEX = '^src/(core|extension)/[^/]+/index\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-group-internals',
      comment:
        'From another group, import the group folder (its index.ts, e.g. "../document"), not a file inside it. ' +
        'If the index does not export what you need, export it there.',
      severity: 'error',
      from: { path: '^(src/(core|extension)/[^/]+)/' },
      to: { path: GROUP, pathNot: ['^$1/', GROUP_INDEX] },
    },
    {
      name: 'no-group-internals-from-outside',
      comment:
        'src/cli, src/webview, src/extension/extension.ts and api.ts import a group through its folder (its index.ts, ' +
        'e.g. "../core/document"), not a file inside it. If the index does not export what you need, export it there.',
      severity: 'error',
      from: { path: '^src/', pathNot: GROUP },
      to: { path: GROUP, pathNot: GROUP_INDEX },
    },
    {
      name: 'core-stays-core',
      comment: 'src/core runs in plain Node for the CLI, the tests and the extension: it must not import src/extension, src/cli or src/webview.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(extension|cli|webview)/' },
    },
    {
      name: 'no-cross-entry-points',
      comment: 'src/extension, src/cli and src/webview are separate programs built on src/core: none imports another.',
      severity: 'error',
      from: { path: '^src/(extension|cli|webview)/' },
      to: { path: '^src/(extension|cli|webview)/', pathNot: '^src/$1/' },
    },
    ...layerRules('core', CORE_LAYERS, CORE_ORDER),
    ...layerRules('extension', EXTENSION_LAYERS, EXTENSION_ORDER),
    {
      name: 'extension-groups-below-entry',
      comment: `The groups of src/extension sit below extension.ts and api.ts (${EXTENSION_ORDER}).`,
      severity: 'error',
      from: { path: '^src/extension/[^/]+/' },
      to: { path: '^src/extension/[^/]+\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'This import is part of a circle of imports. Move the shared piece into one of the files, or into a third file both import.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
