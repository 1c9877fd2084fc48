import { createHash } from 'node:crypto';

/**
 * Maps storage keys to file names in one flat directory, reversibly where possible.
 *
 * Only `a-z 0-9 _ -` and a non-leading `.` stay literal; every other UTF-8 byte becomes `%xx`. So a
 * key can never name a path (`/`, `..`), a hidden or temp file (leading `.`), and upper case is
 * escaped, which keeps `A` and `a` apart on case-insensitive file systems (macOS, Windows).
 * Teams conversation ids stay readable: `19:abc@thread.tacv2` → `19%3aabc%40thread.tacv2`.
 * An encoding longer than fits a file name (255 bytes) is replaced by `~` + SHA-256 of the key; the
 * key itself is kept inside every file, so such names are resolved by reading the file.
 */
const MAX_STEM_LENGTH = 200;
const HASHED_MARKER = '~';
const HASHED_STEM = /^~[0-9a-f]{64}$/;
const DOCUMENT_SUFFIX = '.json';

type FileNameMeaning = { kind: 'key'; key: string } | { kind: 'hashed' } | { kind: 'foreign' };

export function fileNameForKey(key: string): string {
  const encoded = encodeStem(key);
  const stem = encoded.length <= MAX_STEM_LENGTH ? encoded : HASHED_MARKER + createHash('sha256').update(key).digest('hex');
  return stem + DOCUMENT_SUFFIX;
}

/** Every literal file name of a key starting with `prefix` starts with this (the encoding works byte by byte). */
export function fileNamePrefixFor(prefix: string): string {
  return encodeStem(prefix);
}

export function isHashedFileName(name: string): boolean {
  return name.startsWith(HASHED_MARKER);
}

export function interpretFileName(name: string): FileNameMeaning {
  if (!name.endsWith(DOCUMENT_SUFFIX)) return { kind: 'foreign' };
  const stem = name.slice(0, -DOCUMENT_SUFFIX.length);
  if (HASHED_STEM.test(stem)) return { kind: 'hashed' };
  let key: string;
  try {
    key = decodeURIComponent(stem);
  } catch {
    return { kind: 'foreign' };
  }
  // Only names we could have written count, so stray files in DATA_DIR are never taken for documents.
  return fileNameForKey(key) === name ? { kind: 'key', key } : { kind: 'foreign' };
}

function encodeStem(key: string): string {
  let stem = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const char = String.fromCharCode(byte);
    const literal = /^[a-z0-9_-]$/.test(char) || (char === '.' && stem.length > 0);
    stem += literal ? char : `%${byte.toString(16).padStart(2, '0')}`;
  }
  return stem;
}
