import { open, unlink } from 'node:fs/promises';

/** How placement-thread.ts names the temp file it writes beside a document before renaming it into place. */
const TEMP_FILE = /^\.[0-9a-f]{16}\.tmp$/;

export function isTempFileName(name: string): boolean {
  return TEMP_FILE.test(name);
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
