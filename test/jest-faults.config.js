/**
 * Fault tests: the built worker (dist/, built first when stale) as child processes killed and
 * restarted, against a private redis-server on a random port; the run's own database.
 */
const e2e = require('./jest-e2e.config.js');

module.exports = {
  ...e2e,
  testRegex: 'test/faults/.*\\.fault-spec\\.ts$',
  globalSetup: '<rootDir>/test/setup/faults-global-setup.ts',
  testTimeout: 120000,
};
