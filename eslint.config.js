// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules over the sources and tests; the
// formatter (Prettier) holds the layout, so no stylistic rule is enabled here. `npm run lint` runs both in CI.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'dist/', 'node_modules/', 'tests/fixtures/', 'tests/e2e/.artifacts/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Text is read byte by byte in places (folding, binary input, prefilters): control characters are meant there.
      'no-control-regex': 'off',
      // Unused arguments named with a leading underscore are placeholders kept for a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
