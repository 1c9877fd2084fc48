import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isNotFound, removeFile, replaceFileDurably, syncDirectory, syncFile } from './atomic-file';
import { collectNewest, isJournalFileName, journalFolder, type NewestChanges } from './journal-lines';

/**
 * Brings every file named in the journals of `directory` to its newest journalled content, flushes
 * them, then removes the journals. A line cut short by a crash was never acknowledged and is skipped.
 * `rootNames` are the names in DATA_DIR itself, where journals of earlier versions were kept; the files
 * of this process's running journal (`isLive`) are its own to place.
 * Returns whether there was any journal.
 */
export async function recoverJournals(directory: string, rootNames: readonly string[], isLive: (file: string) => boolean): Promise<boolean> {
  const folder = journalFolder(directory);
  const journals = [
    ...rootNames.filter(isJournalFileName).map((name) => join(directory, name)),
    ...(await readdir(folder)).filter(isJournalFileName).map((name) => join(folder, name)),
  ].filter((file) => !isLive(file));
  if (journals.length === 0) return false;
  const newest: NewestChanges = new Map();
  for (const journal of journals) collectNewest(await readFile(journal, 'utf8'), newest);
  for (const [name, { content }] of newest) {
    const file = join(directory, name);
    if (content === null) await removeFile(file);
    else if ((await readIfPresent(file)) !== content) await replaceFileDurably(directory, name, content);
    // Equal content may still be only in the page cache of the process that crashed.
    else await syncFile(file);
  }
  await syncDirectory(directory);
  for (const journal of journals) await removeFile(journal);
  await syncDirectory(directory);
  await syncDirectory(folder);
  return true;
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
