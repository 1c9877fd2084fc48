import { randomBytes } from 'node:crypto';
import { open, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';

const TEMP_FILE = /^\.[0-9a-f]{16}\.tmp$/;

export function isTempFileName(name: string): boolean {
  return TEMP_FILE.test(name);
}

/**
 * Replaces a file with content already on the disk: a reader, or a crash, finds the old or the new
 * content, never a mix; once the directory is flushed (`syncDirectory`) the new one survives a power loss.
 * One handle per file (write, fdatasync, close), then a rename; the caller flushes the directory once.
 */
export async function replaceFileDurably(directory: string, name: string, content: string): Promise<void> {
  // Beside its target: rename is atomic only within one file system.
  const temp = join(directory, `.${randomBytes(8).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.datasync();
    } finally {
      await handle.close();
    }
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
