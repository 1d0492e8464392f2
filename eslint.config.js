import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/generated/**',
      '**/next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read environment variables in the env.ts of the app or package.' },
      ],
    },
  },
  {
    // Type-aware rules for defects types can see: a promise nobody awaits (its failure goes unnoticed, or the
    // work outlives the request) and a promise handed where nothing awaits it (an async event handler whose
    // rejection nobody catches). JSX attributes may take an async handler: React ignores its result.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.tools.json', './apps/*/tsconfig.json', './packages/*/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Product code logs through the structured logger (request id, redaction of personal data), never console.
    files: ['apps/*/src/**/*.{ts,tsx}', 'packages/*/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // The portal's links never prefetch (shops pay for their data): they go through its own Link.
    files: ['apps/portal/src/**/*.{ts,tsx}'],
    // The two files that wrap what the rule keeps out of the rest of the portal.
    ignores: ['apps/portal/src/components/link.tsx', 'apps/portal/src/lib/zod-resolver.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'next/link',
              importNames: ['default'],
              message: "Use the portal's Link from '@/components/link': it does not prefetch.",
            },
            {
              name: '@hookform/resolvers/zod',
              message: "Use lazyZodResolver from '@/lib/lazy-resolver': zod loads when the form is first used, not with the page.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The files whose job is to read the environment, and the scripts that launch processes with it.
    files: [
      '**/env.ts',
      'scripts/**',
      'prisma/**',
      'bench/**',
      'e2e/**',
      'playwright.config.ts',
      'vitest.config.ts',
      'prisma.config.ts',
      'packages/db/src/client.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
