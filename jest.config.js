/** Unit specs (`*.spec.ts`, pure logic) and integration specs (`*.integration-spec.ts`, real PostgreSQL and NATS). */
const { pathsToModuleNameMapper } = require('./tools/jest-paths');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// the console's React components (TSX, the automatic JSX runtime)
const swcTsx = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.ts$': swc, '^.+\\.tsx$': swcTsx },
  moduleNameMapper: pathsToModuleNameMapper(),
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // integration specs boot real processes; unit specs finish in milliseconds either way
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/tools/slowest-reporter.js'],
  testSequencer: '<rootDir>/tools/test-sequencer.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.{ts,tsx}'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,tools,e2e}/**/*.integration-spec.ts'] },
  ],
};
