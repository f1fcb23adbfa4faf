/**
 * The unit tests of the pure rule files, for mutation testing (`npm run test:mutation`,
 * stryker.config.mjs): the unit config, narrowed to the specs that exercise those files,
 * so each mutant runs seconds of tests rather than the whole unit tier.
 */
const unit = require('./jest.unit.config.js');

module.exports = {
  ...unit,
  testRegex: [
    'libs/families/src/domain/status-rules\\.spec\\.ts$',
    'libs/contacts/src/contact-rules\\.spec\\.ts$',
    'libs/reminders/src/reminder-rules\\.spec\\.ts$',
    'libs/auth/src/access/role-permissions\\.spec\\.ts$',
    'libs/auth/src/login/login-throttle\\.spec\\.ts$',
    'libs/auth/src/sessions/refresh-rotation\\.spec\\.ts$',
    'libs/shared/src/pagination/cursor\\.spec\\.ts$',
    'libs/shared/src/logging/redaction\\.spec\\.ts$',
    'libs/shared/src/validation/happened-at\\.decorator\\.spec\\.ts$',
  ],
};
