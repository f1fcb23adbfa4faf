/**
 * Fault tests: the built worker (dist/, built first when stale) as child processes killed and
 * restarted, against a private redis-server on a random port; the run's own database.
 */
module.exports = {
  rootDir: '..',
  testRegex: 'test/faults/.*\\.fault-spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', useESM: true }] },
  moduleNameMapper: {
    '^@accompany/(.*)$': '<rootDir>/libs/$1/src',
    '^content-disposition$': '<rootDir>/test/shims/content-disposition.cjs',
  },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/setup/faults-global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
