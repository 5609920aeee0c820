import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'examples/**', '.imagegate/**']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'Buffer',
          'URL',
          'URLSearchParams',
          'fetch',
          'AbortController',
          'AbortSignal',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'setImmediate',
          'performance',
          'TextEncoder',
          'TextDecoder',
          'structuredClone'
        ].map(name => [name, 'readonly'])
      )
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['child_process', 'node:child_process'],
              message: 'Run programs through src/io/exec.ts (argv arrays only).'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:fs',
                'fs',
                'node:child_process',
                'child_process',
                'node:net',
                'node:http',
                'node:https',
                '@actions/*',
                '../io/*',
                '../../io/*'
              ],
              message: 'src/core is pure: no I/O, no CI host.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['__tests__/**', 'bench/**', 'scripts/**'],
    rules: {'no-restricted-imports': 'off', 'no-control-regex': 'off'}
  }
);
