// Lint rules, including the ones that keep the process boundary honest: only the Electron
// adapters, the composition root and the preload may import `electron`; the renderer and
// `shared/` never import Node built-ins.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const noElectron = {
  paths: [
    {
      name: 'electron',
      message:
        'Only electron/main/adapters/, electron/main/index.ts and the preload import electron.',
    },
  ],
};
const noNode = {
  paths: noElectron.paths,
  patterns: [
    { group: ['node:*'], message: 'No Node built-ins on this side of the boundary.' },
    {
      group: ['**/electron/**', '@core/*'],
      message: 'Reach main through the IPC contract, not by import.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.ringside-dev/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/adapters/**', 'electron/main/index.ts', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte', 'shared/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', noNode] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
