import { existsSync } from 'node:fs';
import { bundledChromium, type ChromiumBinary } from './bundled-chromium';

/** Debian's chromium package. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium the card tests and `npm run pictures` draw with: `CHROMIUM_PATH` when set, else Debian's
 * when installed, else the one shipped in the @sparticuz/chromium package.
 */
export async function findChromium(): Promise<ChromiumBinary> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is ${configured}, which does not exist.`);
    return { executablePath: configured, env: {} };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, env: {} };
  return bundledChromium();
}
