// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'test-results/', 'scratch/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/platform/public/**/*.js'],
    languageOptions: { globals: { document: 'readonly', HTMLScriptElement: 'readonly' } },
  },
  // DESIGN.md: the domain is pure. It imports nothing from the rest of src/ and does no I/O.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^\\.\\./\\.\\./(db|platform|modules|cli|demo)(/|$)|^(\\.\\./)+(db|platform|modules|cli|demo)/',
              message: 'src/domain is pure: it may not import from the rest of src/ (DESIGN.md).',
            },
            { regex: '^(node:)?(fs|net|http|https|child_process)(/|$)', message: 'src/domain does no I/O.' },
            { regex: '^(pg|kysely|fastify|@electric-sql/.*)$', message: 'src/domain does no I/O.' },
          ],
        },
      ],
    },
  },
  // DESIGN.md: a module may call another module's service, never its queries.
  {
    files: ['src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(\\.\\./modules/)?[a-z-]+/queries(\\.ts)?$',
              message: "Call the other module's service.ts, not its queries.ts (DESIGN.md).",
            },
          ],
        },
      ],
    },
  },
);
