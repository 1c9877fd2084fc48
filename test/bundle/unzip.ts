import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

/** Unpacks a zip to `folder` file by file, as App Service mounts a run-from-package zip. */
export async function unzipTo(zipPath: string, folder: string): Promise<number> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true });
  let files = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const target = path.join(folder, entry.fileName);
      if (!target.startsWith(folder + path.sep)) throw new Error(`zip entry outside the folder: ${entry.fileName}`);
      if (entry.fileName.endsWith('/')) continue;
      await mkdir(path.dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target));
      files += 1;
    }
  } finally {
    zip.close();
  }
  return files;
}
