// `npm start`, plain JavaScript so that it runs where no compiler is installed.
// In a clone (dev dependencies present) it compiles first, so a fresh `npm install && npm start` works;
// in a production install (`npm ci --omit=dev`, the bundle) typescript is absent and the shipped build runs.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'dist', 'src', 'index.js');

function compilerPath() {
  try {
    return require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    return undefined;
  }
}

const tsc = compilerPath();
if (tsc) {
  const build = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else if (!existsSync(entry)) {
  process.stderr.write(`Partner Cart cannot start: ${entry} is missing and typescript is not installed to build it. Run \`npm install && npm run build\` (or deploy the artifact of \`npm run bundle\`).\n`);
  process.exit(1);
}
require(entry);
