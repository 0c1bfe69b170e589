import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-output/**', 'resources/**', 'bench-output/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core runs in the app, the CLI and the tests alike: it must never need Electron.
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'main/core must not import electron: put shell code in main/electron/' }],
          patterns: [{ group: ['**/electron/*', '../electron', '../../electron'], message: 'main/core must not depend on the Electron shell' }],
        },
      ],
    },
  },
  {
    // The renderer is a web page: no Node built-ins, and only types from the core contract.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'electron', 'better-sqlite3'], message: 'the renderer has no Node access' },
            { group: ['**/main/core/db/*', '**/main/core/server/*', '**/main/core/cli/*'], message: 'talk to the core through the API client' },
          ],
        },
      ],
    },
  },
);
