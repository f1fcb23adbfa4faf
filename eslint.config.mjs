// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.stryker-tmp/**',
      'reports/**',
      'stryker.config.mjs',
      'eslint.config.mjs',
      '*.config.js',
      'test/*.config.js',
      '**/*.cjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@accompany/*/src', '@accompany/*/src/*'], message: 'Import a lib through its index.' },
            { group: ['../../*'], message: 'No relative imports across libs or apps; use @accompany/<lib>.' },
          ],
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message:
                'IsOptional lets null through to the services: use OptionalField or NullableField from @accompany/shared.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through AppConfig (libs/config).',
        },
      ],
    },
  },
  {
    // The browser UI: React's rules of hooks and exhaustive dependencies.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['libs/config/src/**', 'test/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Environment variables are strings or absent, never null: IsOptional is right there.
    files: ['libs/config/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@accompany/*/src', '@accompany/*/src/*'], message: 'Import a lib through its index.' },
            { group: ['../../*'], message: 'No relative imports across libs or apps; use @accompany/<lib>.' },
          ],
        },
      ],
    },
  },
  {
    // Benchmarks are test tooling: they may reuse test/setup (private redis-server, free ports).
    // The docs generator reads the API's composition (apps/api) to list its routes.
    files: ['bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@accompany/*/src', '@accompany/*/src/*'], message: 'Import a lib through its index.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Tests may reach the app's bootstrap; libs are still imported through their index.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@accompany/*/src', '@accompany/*/src/*'], message: 'Import a lib through its index.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='it'] > Literal:first-child[value=/^(?!should )/]",
          message: 'Test titles start with "should".',
        },
      ],
    },
  },
);
