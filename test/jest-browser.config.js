/**
 * Browser tests: the built UI (dist/web, `npm run build`) served by the real API on
 * PostgreSQL and Redis, driven by Debian's Chromium through playwright-core.
 */
const e2e = require('./jest-e2e.config.js');

module.exports = {
  ...e2e,
  testRegex: 'test/browser/.*\\.browser-spec\\.ts$',
  testTimeout: 90000,
};
