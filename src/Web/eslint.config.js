// The SPA's house rules, run by ./test.sh before the suites (npm run lint). Import boundaries follow
// bulletproof-react: a feature imports only itself and the shared layers (components, lib); only the app composes
// features; the shared layers import no feature and no app code.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/lib/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // Features do not import each other: what two need lives in components/ or lib/, and the app composes them.
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'A feature imports only itself, components/ and lib/: compose features in app/.',
            })),
            { target: ['./src/features', './src/components', './src/lib'], from: './src/app', message: 'Only the app imports the app.' },
            { target: ['./src/components', './src/lib'], from: './src/features', message: 'The shared layers import no feature.' },
          ],
        },
      ],
    },
  },
  { files: ['**/*.test.{ts,tsx}', 'src/testing/**'], languageOptions: { globals: { ...globals.node } } },
  { files: ['*.config.{js,ts}'], languageOptions: { globals: { ...globals.node } } },
  { files: ['*.cjs'], languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' } },
  prettier,
);
