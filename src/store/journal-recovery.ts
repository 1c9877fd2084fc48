import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collectNewest, isJournalFileName, journalFolder, type NewestChanges } from './journal-lines';

/**
 * The journal files a previous process left in `directory` (it stopped or crashed before placing their
 * changes) and the newest change of each file in them; a line cut short by a crash was never
 * acknowledged and is skipped. `rootNames` are the names in DATA_DIR itself, where journals of earlier
 * versions were kept; the files of this process's running journal (`isLive`) are not left over.
 */
export async function readLeftJournals(
  directory: string,
  rootNames: readonly string[],
  isLive: (file: string) => boolean,
): Promise<{ files: string[]; newest: NewestChanges }> {
  const folder = journalFolder(directory);
  const files = [
    ...rootNames.filter(isJournalFileName).map((name) => join(directory, name)),
    ...(await readdir(folder)).filter(isJournalFileName).map((name) => join(folder, name)),
  ].filter((file) => !isLive(file));
  const newest: NewestChanges = new Map();
  for (const file of files) collectNewest(await readFile(file, 'utf8'), newest);
  return { files, newest };
}
