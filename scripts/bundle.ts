import { execFileSync } from 'node:child_process';
import { cpSync, createWriteStream, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';

const ROOT = path.join(__dirname, '..');
const ARTIFACTS = path.join(ROOT, 'artifacts');
/** The unpacked bundle: what the zip holds, and what the Dockerfile copies into its runtime image. */
export const BUNDLE_FOLDER = path.join(ARTIFACTS, 'bundle');
/** Copied from the repository as they are; `dist/` comes from the compiler. */
const BUNDLE_SOURCES = ['package.json', 'package-lock.json', 'cards', 'scripts/start.js'] as const;

export interface Bundle {
  zipPath: string;
  folder: string;
  bytes: number;
  files: number;
}

/**
 * Compiles, stages the compiled code, card templates, package.json and lockfile, installs the
 * production dependencies from the lockfile into the staging folder, and zips it (App Service "run from
 * package" mounts this zip read-only as the app folder).
 */
async function buildBundle(): Promise<Bundle> {
  rmSync(BUNDLE_FOLDER, { recursive: true, force: true });
  mkdirSync(BUNDLE_FOLDER, { recursive: true });
  // Compiled straight into the staging folder, so no output of a since deleted source comes along.
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', path.join(BUNDLE_FOLDER, 'dist')], { stdio: 'inherit' });
  for (const source of BUNDLE_SOURCES) cpSync(path.join(ROOT, source), path.join(BUNDLE_FOLDER, source), { recursive: true });

  // --omit=optional drops dtrace-provider, restify's native DTrace probe (restify runs without it), so the
  // artifact has no compiled code and runs on whichever Linux the zip lands on. --prefer-offline takes
  // packages from npm's cache when they are there, as they are after `npm ci` in the repository.
  execFileSync(
    'npm',
    ['ci', '--omit=dev', '--omit=optional', '--ignore-scripts', '--no-bin-links', '--prefer-offline', '--no-audit', '--no-fund'],
    { cwd: BUNDLE_FOLDER, stdio: 'inherit', shell: process.platform === 'win32' },
  );

  pruneDependencies(path.join(BUNDLE_FOLDER, 'node_modules'));

  const zipPath = bundleZipPath();
  const files = await writeZip(BUNDLE_FOLDER, zipPath);
  return { zipPath, folder: BUNDLE_FOLDER, bytes: statSync(zipPath).size, files };
}

function bundleZipPath(): string {
  const { name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(ARTIFACTS, `${name}-${version}.zip`);
}

/** What the bundle is made from; a zip newer than all of it is current. */
export const BUNDLE_INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'scripts/bundle.ts', ...BUNDLE_SOURCES];

/** The existing zip when nothing it is made from changed since, otherwise a fresh build (for the tests). */
export async function currentBundle(): Promise<Bundle> {
  const zipPath = bundleZipPath();
  const built = statSync(zipPath, { throwIfNoEntry: false });
  const newestInput = Math.max(...BUNDLE_INPUTS.flatMap((input) => modificationTimes(path.join(ROOT, input))));
  if (!built || built.mtimeMs < newestInput || !statSync(BUNDLE_FOLDER, { throwIfNoEntry: false })) return buildBundle();
  return { zipPath, folder: BUNDLE_FOLDER, bytes: built.size, files: [...filesUnder(BUNDLE_FOLDER)].length };
}

function modificationTimes(input: string): number[] {
  const stats = statSync(input);
  if (!stats.isDirectory()) return [stats.mtimeMs];
  return [...filesUnder(input)].map((file) => statSync(path.join(input, file)).mtimeMs);
}

// Type declarations, TypeScript sources, source maps and read-mes are never loaded at run time; they are
// two thirds of the files, and every file slows the unpacking and App Service's read-only mount.
const NOT_LOADED_AT_RUN_TIME = /\.(d\.[cm]?ts|[cm]?ts|map|md)$/i;
const LICENCE = /^licen[cs]e/i;

function pruneDependencies(nodeModules: string): void {
  for (const file of filesUnder(nodeModules)) {
    if (NOT_LOADED_AT_RUN_TIME.test(file) && !LICENCE.test(path.basename(file))) rmSync(path.join(nodeModules, file));
  }
}

async function writeZip(folder: string, zipPath: string): Promise<number> {
  const zip = new ZipFile();
  const output = createWriteStream(zipPath);
  zip.outputStream.pipe(output);
  let count = 0;
  for (const file of filesUnder(folder)) {
    zip.addFile(path.join(folder, file), file.split(path.sep).join('/'));
    count += 1;
  }
  zip.end();
  await finished(output);
  return count;
}

function* filesUnder(folder: string, prefix = ''): Generator<string> {
  for (const name of readdirSync(path.join(folder, prefix)).sort()) {
    const relative = path.join(prefix, name);
    const stats = lstatSync(path.join(folder, relative));
    if (stats.isDirectory()) yield* filesUnder(folder, relative);
    else if (stats.isFile()) yield relative;
  }
}

if (require.main === module) {
  buildBundle().then(
    ({ zipPath, folder, bytes, files }) => {
      process.stdout.write(`Deployable bundle: ${path.relative(process.cwd(), zipPath)} (${files} files, ${(bytes / 1e6).toFixed(1)} MB); unpacked in ${path.relative(process.cwd(), folder)}\n`);
      process.stdout.write('Start it with NODE_ENV=production node dist/src/index.js (see "Deploy to Azure" in README.md).\n');
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
