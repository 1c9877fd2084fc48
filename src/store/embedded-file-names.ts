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

// UTF-16 code units of one UTF-8 byte each are exactly the ASCII ones.
const NON_ASCII = /[\u0080-\uffff]/;
const DOT = 0x2e;
const ESCAPES = Array.from({ length: 256 }, (_, byte) => `%${byte.toString(16).padStart(2, '0')}`);

/**
 * Called for every read and write, so literal runs are copied whole and only a key with a non-ASCII
 * character is encoded to bytes first: `bytes` holds one character per UTF-8 byte of the key, and an
 * ASCII key is that already.
 */
function encodeStem(key: string): string {
  const bytes = NON_ASCII.test(key) ? Buffer.from(key, 'utf8').toString('latin1') : key;
  let stem = '';
  let literalFrom = 0;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes.charCodeAt(index);
    if (isLiteral(byte, index)) continue;
    stem += bytes.slice(literalFrom, index) + ESCAPES[byte];
    literalFrom = index + 1;
  }
  return stem + bytes.slice(literalFrom);
}

function isLiteral(byte: number, index: number): boolean {
  const lowerCase = byte >= 0x61 && byte <= 0x7a;
  const digit = byte >= 0x30 && byte <= 0x39;
  return lowerCase || digit || byte === 0x5f || byte === 0x2d || (byte === DOT && index > 0);
}
