// Lint: typescript-eslint's recommended rules, React hooks in the renderer, and the layer rule that keeps each
// process in its lane (eslint-rules/layers.mjs). Formatting is Prettier's job (npm run format).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { layersRule } from './eslint-rules/layers.mjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-dev/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
      'build/**',
      'release/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { thumper: { rules: { layers: layersRule } } },
    rules: {
      'thumper/layers': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
