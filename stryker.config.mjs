/**
 * Mutation testing of the pure rule files (`npm run test:mutation`), on demand, never in CI:
 * it runs the unit tests once per mutant, minutes on two cores. The score is recorded in
 * the README. Jest runs in its native ESM mode, as in `npm run test:unit`
 * (--experimental-vm-modules below), with the unit specs of these files (jest.mutation.config.js).
 */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning'],
  checkers: [],
  coverageAnalysis: 'perTest',
  mutate: [
    'libs/families/src/domain/family-status.ts',
    'libs/families/src/domain/missing-person-status.ts',
    'libs/contacts/src/contact-rules.ts',
    'libs/reminders/src/reminder-rules.ts',
    'libs/auth/src/access/role-permissions.ts',
    'libs/auth/src/login/login-throttle.ts',
    'libs/auth/src/sessions/refresh-rotation.ts',
    'libs/shared/src/pagination/cursor.ts',
    'libs/shared/src/logging/redaction.ts',
    'libs/shared/src/validation/happened-at.decorator.ts',
  ],
  ignorePatterns: ['dist', 'coverage', 'reports', '.stryker-tmp', 'bench', 'docker', 'test'],
  concurrency: 2,
  timeoutMS: 30000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
};
