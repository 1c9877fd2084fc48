/*
 * Unpacks the Chromium shipped in @sparticuz/chromium, with the NSS libraries it carries, into
 * os.tmpdir(): the caller points TMPDIR at an empty staging folder. Its own process and plain ESM
 * because the package is ESM-only, which the CommonJS test code (ts-jest) cannot import().
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Chromium, { inflate } from '@sparticuz/chromium';

const archives = fileURLToPath(new URL('../bin/', import.meta.resolve('@sparticuz/chromium')));
// The package unpacks libnss3/libnspr4 only on AWS Lambda; a machine without Debian's chromium lacks them too.
await Promise.all([Chromium.executablePath(archives), inflate(join(archives, 'al2023.tar.br'))]);
