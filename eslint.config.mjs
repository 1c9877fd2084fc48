// @ts-check
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { noTypeImportCycle } from './lint/no-type-import-cycle.mjs';

/**
 * The layering the import rules enforce (docs/architecture.md, "Which folder may import which").
 *
 * - COMPOSITION_ROOT: the only files that may import `src/teams/` and `src/flows/turns/`. They wire the
 *   Teams adapter, gateway and bot to the flows; everything else reaches Teams through the ports the
 *   root hands it. TEAMS_OWN_TESTS are the tests of the Teams layer itself.
 * - SHARED_FLOW_FOLDERS: the purchase engine and the folders every feature may use. They never import a
 *   feature. Every other folder under `src/flows/` but `turns/` is a feature, so a new feature folder is
 *   fenced in without editing this file; a new shared folder has to be listed here.
 * - A feature never imports another feature (what both need goes into the engine or a shared folder),
 *   and nothing in `src/flows/` imports `src/teams/` or botbuilder.
 */
const COMPOSITION_ROOT = ['src/app.ts', 'src/index.ts', 'src/server.ts'];
const TEAMS_OWN_TESTS = ['test/unit/teams/**', 'test/integration/faults/connector-gateway.test.ts'];
const FLOWS = 'src/flows';
const TURNS = `${FLOWS}/turns`;
const SHARED_FLOW_FOLDERS = ['purchase', 'access', 'customer', 'limits', 'provisioning', 'timing', 'views'].map((name) => `${FLOWS}/${name}`);
const FEATURE_FOLDERS = readdirSync(join(import.meta.dirname, FLOWS), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `${FLOWS}/${entry.name}`)
  .filter((folder) => folder !== TURNS && !SHARED_FLOW_FOLDERS.includes(folder));

const featureZones = FEATURE_FOLDERS.map((feature) => ({
  target: `./${feature}`,
  from: FEATURE_FOLDERS.filter((other) => other !== feature).map((other) => `./${other}`),
  message: 'A feature never imports another feature: move what both need into the purchase engine or a shared folder.',
}));
const sharedZone = {
  target: [...SHARED_FLOW_FOLDERS.map((folder) => `./${folder}`), `./${FLOWS}/*.ts`],
  from: FEATURE_FOLDERS.map((feature) => `./${feature}`),
  message: 'The purchase engine and the shared flow folders never import a feature: the feature plugs in (PurchaseKindHandler, ApprovalHook, Feature) through src/compose-features.ts.',
};
const turnsZone = {
  target: './',
  from: `./${TURNS}`,
  message: 'Only the composition root (COMPOSITION_ROOT in eslint.config.mjs) imports src/flows/turns/.',
};
const teamsZone = {
  target: './',
  from: './src/teams',
  message: 'Only the composition root (COMPOSITION_ROOT in eslint.config.mjs) imports src/teams/; take what you need as a port instead.',
};
const restrictedPaths = (...zones) => ['error', { zones: zones.flat() }];

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
      'import-x/no-restricted-paths': restrictedPaths(featureZones, sharedZone, turnsZone, teamsZone),
    },
  },
  {
    files: [`${TURNS}/**`],
    rules: { 'import-x/no-restricted-paths': restrictedPaths(featureZones, sharedZone, teamsZone) },
  },
  {
    files: ['src/teams/**', ...TEAMS_OWN_TESTS],
    rules: { 'import-x/no-restricted-paths': restrictedPaths(featureZones, sharedZone, turnsZone) },
  },
  {
    files: COMPOSITION_ROOT,
    rules: { 'import-x/no-restricted-paths': restrictedPaths(featureZones, sharedZone) },
  },
  {
    files: [`${FLOWS}/**`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'Only src/teams/ imports botbuilder: flows see the plain types of src/flows/ports.ts.' }] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    // import-x/no-cycle does not count type-only imports; this does. Not yet everywhere: src/flows still has
    // type-only pairs (purchase-kind ↔ purchase-deps, audit-feature ↔ show-audit-trail, order-lines ↔ nce-order-line).
    files: ['src/partner-center/**/*.ts'],
    plugins: { local: { rules: { 'no-type-import-cycle': noTypeImportCycle } } },
    rules: { 'local/no-type-import-cycle': 'error' },
  },
);
