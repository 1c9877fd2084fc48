import { findChromium } from './find-chromium';

/**
 * Jest globalSetup: unpacks the bundled Chromium once per run, before the workers start, instead of in
 * each worker. A failure is said here and left to the card tests, which run into it again and fail on it.
 */
export default async function prepareChromium(): Promise<void> {
  try {
    await findChromium();
  } catch (error) {
    process.stderr.write(`No Chromium for the card tests: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
