import { InvalidStorageKeyError } from './errors';

/**
 * Keys are validated the same way for every backend, so a key that works in tests works in Azure.
 * Empty `/` segments are allowed: BotState's own keys end with `/` (`msteams/conversations/<id>/`
 * plus an empty namespace). The length limit is Azure's for a blob name, which is the URI-encoded key.
 */
const MAX_ENCODED_LENGTH = 1024;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export function assertValidKey(key: string): void {
  if (key.length === 0) throw new InvalidStorageKeyError(key, 'it is empty');
  // The blob named `.` or `..` would be resolved away in its URL.
  if (key === '.' || key === '..') throw new InvalidStorageKeyError(key, 'it is "." or ".."');
  assertEncodable(key);
}

export function assertValidPrefix(prefix: string): void {
  assertEncodable(prefix);
}

function assertEncodable(text: string): void {
  if (CONTROL_CHARACTER.test(text)) throw new InvalidStorageKeyError(text, 'it contains a control character');
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    throw new InvalidStorageKeyError(text, 'it contains a lone UTF-16 surrogate');
  }
  if (encoded.length > MAX_ENCODED_LENGTH) {
    throw new InvalidStorageKeyError(text, `it is longer than ${MAX_ENCODED_LENGTH} characters once URI-encoded`);
  }
}
