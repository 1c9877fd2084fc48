// @ts-check
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The layering the import rules enforce. Adapt these two lists when the folders move
 * (docs/architecture.md describes the layers).
 *
 * - COMPOSITION_ROOT: the only files outside `src/teams/` that may import `src/teams/`. They wire
 *   the Teams adapter, gateway and bot to the flows; everything else reaches Teams through the ports
 *   the root hands it. TEAMS_OWN_TESTS are the tests of the Teams layer itself.
 * - FEATURE_FOLDERS: feature folders under `src/flows/`; a feature never imports another feature
 *   (shared code lives in the engine or a shared folder they both import).
 */
const COMPOSITION_ROOT = ['src/app.ts', 'src/index.ts', 'src/server.ts'];
const TEAMS_OWN_TESTS = ['test/unit/teams/**', 'test/integration/faults/connector-gateway.test.ts'];
const FEATURE_FOLDERS = ['src/flows/addon', 'src/flows/approval', 'src/flows/audit', 'src/flows/cart', 'src/flows/order', 'src/flows/status'];

const featureZones = FEATURE_FOLDERS.map((feature) => ({
  target: `./${feature}`,
  from: FEATURE_FOLDERS.filter((other) => other !== feature).map((other) => `./${other}`),
  message: 'A feature never imports another feature: move what both need into the purchase engine or a shared module.',
}));
const teamsZone = {
  target: './',
  from: './src/teams',
  message: 'Only the composition root (COMPOSITION_ROOT in eslint.config.mjs) imports src/teams/; take what you need as a port instead.',
};

const swallowedCatch = 'Do not swallow a failure: handle it (show it, retry it, or log it with errorLogFields) or let it propagate.';
const catchCallback = "CallExpression[callee.property.name='catch'] > :matches(ArrowFunctionExpression, FunctionExpression)";

const TS_FILES = ['src/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'artifacts/**', 'coverage/**', 'data/**'] },
  {
    files: TS_FILES,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'CatchClause > BlockStatement.body[body.length=0]', message: `Empty catch block. ${swallowedCatch}` },
        { selector: `${catchCallback}[body.type='BlockStatement'][body.body.length=0]`, message: `.catch(() => {}) swallows the failure. ${swallowedCatch}` },
        { selector: `${catchCallback}[body.type='Identifier'][body.name='undefined']`, message: `.catch(() => undefined) swallows the failure. ${swallowedCatch}` },
        { selector: `${catchCallback}[body.type='Literal'][body.raw='null']`, message: `.catch(() => null) swallows the failure. ${swallowedCatch}` },
        { selector: `${catchCallback}[body.type='UnaryExpression'][body.operator='void']`, message: `.catch(() => void 0) swallows the failure. ${swallowedCatch}` },
      ],
      'import-x/no-cycle': 'error',
      // Tests count as users. jest.config.js (not linted) loads the global setup's default export.
      'import-x/no-unused-modules': ['error', { unusedExports: true, src: TS_FILES, ignoreExports: ['test/support/prepare-chromium.ts'] }],
      'import-x/no-restricted-paths': ['error', { zones: [...featureZones, teamsZone] }],
    },
  },
  {
    files: [...COMPOSITION_ROOT, 'src/teams/**', ...TEAMS_OWN_TESTS],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: featureZones }] },
  },
  {
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
);
