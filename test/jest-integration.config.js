/**
 * Service-level tests: the libs' services and repositories against the machine's PostgreSQL,
 * no HTTP, no Redis. The run's own database, migrated once (the e2e global setup); each test
 * in a transaction rolled back after it (test/integration/support/service-tier.ts).
 */
const e2e = require('./jest-e2e.config.js');

module.exports = { ...e2e, testRegex: 'test/integration/.*\\.integration-spec\\.ts$' };
