import { execFile } from 'node:child_process';
import { cp, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface Snapshot {
  /** Holds package.json, cards/, node_modules (link) and the compiled src/ and scripts/bench/. */
  root: string;
  js(relative: string): string;
  typeErrors: number;
}

const projectRoot = path.resolve(__dirname, '..', '..');

/**
 * Compiles the working tree once into a temporary folder and runs everything from there: the bot runs
 * as `npm start` runs it (compiled JavaScript, no on-the-fly transpiling), and edits other people make
 * while the bench runs cannot change what is measured. tsc emits even when a file elsewhere is
 * mid-edit and fails to type-check; the count is reported.
 */
export async function buildSnapshot(): Promise<Snapshot> {
  const root = await mkdtemp(path.join(tmpdir(), 'partner-cart-bench-'));
  const tsc = path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  let output = '';
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', path.join(__dirname, 'tsconfig.json'), '--outDir', root], { cwd: projectRoot });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  await cp(path.join(projectRoot, 'cards'), path.join(root, 'cards'), { recursive: true });
  await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'partner-cart-bench-snapshot', private: true }));
  await symlink(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return {
    root,
    js: (relative) => path.join(root, relative.replace(/\.ts$/, '.js')),
    typeErrors: (output.match(/error TS\d+/g) ?? []).length,
  };
}
