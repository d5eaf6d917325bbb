import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders of @vitamin/core that must stay independent of HTTP: they never import server/ or client/. */
const HTTP_FREE = ['resilience', 'metrics', 'discovery', 'balancing'];

/** Import boundaries inside @vitamin/core (see the architecture map in docs/architecture.md). */
const boundaries = [
  {
    files: ['packages/core/src/metadata/**', 'packages/core/src/errors/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '!../metadata/*', '!../errors/*'],
              message: 'metadata/ and errors/ import nothing else of core.',
            },
          ],
        },
      ],
    },
  },
  ...HTTP_FREE.map((folder) => ({
    files: [`packages/core/src/${folder}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../server/*', '../client/*', '../actuator/*'], message: `${folder}/ knows nothing of HTTP.` },
          ],
        },
      ],
    },
  })),
  {
    files: ['packages/core/src/**'],
    ignores: ['packages/core/src/actuator/**', 'packages/core/src/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../actuator/*'], message: 'Nothing imports actuator/; app/ wires it.' }] },
      ],
    },
  },
  {
    files: ['packages/*/src/**', 'examples/**', 'bench/**'],
    ignores: ['packages/core/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/packages/*/src/**', '../../core/**', '../../../packages/**'],
              message: 'Import other packages by name.',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        fetch: 'readonly',
        setImmediate: 'readonly',
        queueMicrotask: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'List exports by name (no export *).' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
    },
  },
  ...boundaries,
);
