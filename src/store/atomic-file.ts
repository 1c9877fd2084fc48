import { randomBytes } from 'node:crypto';
import { open, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const TEMP_FILE = /^\.[0-9a-f]{16}\.tmp$/;

export function isTempFileName(name: string): boolean {
  return TEMP_FILE.test(name);
}

/**
 * Replaces `file` so that a crash at any point leaves either the old or the new content, never a mix:
 * write a temp file in the same directory (rename is atomic only within one file system), flush it,
 * rename it over the target, then flush the directory so the rename itself survives a power loss.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const directory = dirname(file);
  const temp = join(directory, `.${randomBytes(8).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}

/** A missing file is not an error: the outcome the caller wants already holds. */
export async function removeFileDurably(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  await syncDirectory(dirname(file));
}

// Structural, not `instanceof Error`: errors made by Node's core come from another realm under jest.
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

async function syncDirectory(directory: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals renames itself.
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
