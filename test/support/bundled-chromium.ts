import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

export interface ChromiumBinary {
  executablePath: string;
  /** Variables the browser needs on top of the test process's environment. */
  env: Record<string, string>;
}

const UNPACK_SCRIPT = path.join(__dirname, 'unpack-bundled-chromium.mjs');
const CHROMIUM_PACKAGE = path.resolve(path.dirname(require.resolve('@sparticuz/chromium')), '..');
const ARIMO_PACKAGE = path.dirname(require.resolve('@expo-google-fonts/arimo/package.json'));
const versionOf = (packageDir: string): string =>
  z.object({ version: z.string() }).parse(JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'))).version;

/** One folder per pair of versions, shared by every run and every checkout on the machine. */
export function bundledChromiumFolder(base = tmpdir()): string {
  return path.join(base, `partner-cart-chromium-${versionOf(CHROMIUM_PACKAGE)}-arimo-${versionOf(ARIMO_PACKAGE)}`);
}

/**
 * The Chromium shipped in @sparticuz/chromium, unpacked (~217 MB) on first use. It is unpacked into a
 * staging folder that is renamed into place when complete, so a parallel or interrupted unpack never
 * leaves a truncated browser where the next run would take it.
 */
export async function bundledChromium(base = tmpdir()): Promise<ChromiumBinary> {
  const folder = bundledChromiumFolder(base);
  removeAbandonedStaging(folder);
  if (!existsSync(folder)) await unpack(folder);
  return {
    executablePath: path.join(folder, 'chromium'),
    env: {
      // libnss3 and libnspr4 from the package's own archive: a machine without Debian's chromium lacks them.
      LD_LIBRARY_PATH: [path.join(folder, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: path.join(folder, 'fonts.conf'),
    },
  };
}

async function unpack(folder: string): Promise<void> {
  const started = Date.now();
  const staging = mkdtempSync(`${folder}.unpacking-${process.pid}-`);
  try {
    await promisify(execFile)(process.execPath, [UNPACK_SCRIPT], { env: { ...process.env, TMPDIR: staging } });
    addArimo(staging, folder);
    try {
      renameSync(staging, folder);
      process.stderr.write(`Unpacked the Chromium of @sparticuz/chromium into ${folder} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      // A parallel run renamed its own complete copy into place first.
      if (!existsSync(folder)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Arimo has the metrics of Liberation Sans, the fallback the card host config names after Segoe UI. It is
 * the only font this configuration offers, so a card looks the same whatever fonts the machine has; with no
 * font at all Chromium draws blank pages and crashes in Skia.
 */
function addArimo(staging: string, folder: string): void {
  const fonts = path.join(staging, 'arimo');
  mkdirSync(fonts);
  const files = readdirSync(ARIMO_PACKAGE, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ttf'));
  for (const file of files) copyFileSync(path.join(ARIMO_PACKAGE, file), path.join(fonts, path.basename(file)));
  writeFileSync(
    path.join(staging, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>${path.join(folder, 'arimo')}</dir>\n  <cachedir>${path.join(folder, 'fontconfig-cache')}</cachedir>\n</fontconfig>\n`,
  );
}

/** Staging folders left by runs that were killed while unpacking. */
function removeAbandonedStaging(folder: string): void {
  const prefix = `${path.basename(folder)}.unpacking-`;
  for (const name of readdirSync(path.dirname(folder))) {
    if (name.startsWith(prefix) && !isRunning(Number(name.slice(prefix.length).split('-')[0]))) {
      rmSync(path.join(path.dirname(folder), name), { recursive: true, force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
