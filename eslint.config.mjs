import { readdirSync } from 'node:fs';
import nx from '@nx/eslint-plugin';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

const service = (s) => ({ sourceTag: `scope:${s}`, onlyDependOnLibsWithTags: [`scope:${s}`, 'scope:shared'] });

export default [
  { ignores: ['node_modules/**', 'dist/**', '.data/**', '**/migrations/**', '**/*.js', '**/*.mjs'] },
  // type-aware: the compiler's view of every file (floating promises, unsafe any, misused promises, ...)
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.ts', '**/*.tsx'] })),
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx, import: importPlugin },
    rules: {
      // one service never imports another; shared libraries import only shared libraries
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // every deployable in apps/ is a scope of its own (the console has its own tsconfig and no tag rules)
            ...readdirSync(new URL('./apps', import.meta.url))
              .filter((a) => a !== 'console')
              .map(service),
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      eqeqeq: 'error',
      curly: ['error', 'multi-line'],
      'no-console': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // `rows.map(Object.from)`: static mappers use no `this`
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'import/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          pathGroups: [{ pattern: '@pc/**', group: 'internal' }],
          pathGroupsExcludedImportTypes: ['builtin'],
          'newlines-between': 'never',
        },
      ],
    },
  },
  {
    // the orchestrator (start, migrate, compose, test harness) and the tests run every service, and read untyped JSON answers
    files: ['tools/**/*.ts', 'e2e/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': 'off',
      'no-console': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // the web console: a browser app (its own tsconfig); its component tests render into jsdom
    files: ['apps/console/**/*.{ts,tsx}'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
