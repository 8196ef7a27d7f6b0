import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const service = (s) => ({ sourceTag: `scope:${s}`, onlyDependOnLibsWithTags: [`scope:${s}`, 'scope:shared'] });

export default [
  { ignores: ['node_modules/**', 'dist/**', '.data/**', '**/migrations/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx },
    rules: {
      // one service never imports another; shared libraries import only shared libraries
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            service('intake'),
            service('dispatch'),
            service('callback'),
            service('analytics'),
            service('gateway'),
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      eqeqeq: 'error',
      'no-console': 'error',
    },
  },
  {
    // the orchestrator (start, migrate, compose, test harness) and the end-to-end tests run every service
    files: ['tools/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off', 'no-console': 'off' },
  },
];
