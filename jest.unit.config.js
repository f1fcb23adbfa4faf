/** Unit tests: beside the code, pure logic, no database. */
module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/scripts'],
  testRegex: '\\.spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', useESM: true }] },
  moduleNameMapper: {
    '^@accompany/(.*)$': '<rootDir>/libs/$1/src',
    '^content-disposition$': '<rootDir>/test/shims/content-disposition.cjs',
  },
  testEnvironment: 'node',
  // Stryker's sandbox copies of the repository (npm run test:mutation).
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp'],
};
