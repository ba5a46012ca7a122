// ESLint flat config: typescript-eslint's recommended rules, and the architecture rule that
// `src/core/` never imports `vscode` (it runs in plain Node: tests and the command line). The layering
// of src/ (groups, their index.ts, no circles) is checked by dependency-cruiser: .dependency-cruiser.cjs.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/vscode/env/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core/ runs without VS Code; put VS Code glue in src/extension/.' }], patterns: [{ group: ['**/extension/**'], message: 'src/core/ must not depend on the extension.' }] }],
    },
  },
);
