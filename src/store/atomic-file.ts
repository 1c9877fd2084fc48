import { randomBytes } from 'node:crypto';
import { open, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const TEMP_FILE = /^\.[0-9a-f]{16}\.tmp$/;

export function isTempFileName(name: string): boolean {
  return TEMP_FILE.test(name);
}

/** A new temp file beside its target (rename is atomic only within one file system), not flushed. */
export async function writeTempFile(directory: string, content: string): Promise<string> {
  const temp = join(directory, `.${randomBytes(8).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return temp;
}

/**
 * Replaces a file so that a reader sees either the old or the new content, never a mix. Not flushed:
 * the write journal (write-journal.ts) is what makes a change survive a power loss.
 */
export async function replaceFile(directory: string, name: string, content: string): Promise<void> {
  const temp = await writeTempFile(directory, content);
  try {
    await rename(temp, join(directory, name));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A missing file is not an error: the outcome the caller wants already holds. */
export async function removeFile(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

// Structural, not `instanceof Error`: errors made by Node's core come from another realm under jest.
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

/** Flushes a file's content to the disk; one removed meanwhile needs nothing. */
export async function syncFile(file: string): Promise<void> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a directory, so the renames, creations and removals made in it survive a power loss. */
export async function syncDirectory(directory: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals renames itself.
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
