/**
 * Typed storage errors. Every backend throws these, so callers never match on backend messages.
 */

/** Message wording kept identical to botbuilder's storages, so code written against them still matches. */
export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';
  readonly code = 'STORE_ETAG_CONFLICT';

  constructor(
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(`Storage: error writing "${key}" due to eTag conflict.`, options);
  }
}

export class InvalidStorageKeyError extends Error {
  override readonly name = 'InvalidStorageKeyError';
  readonly code = 'STORE_INVALID_KEY';

  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`Storage: invalid key ${JSON.stringify(key.slice(0, 200))}: ${reason}.`);
  }
}

/** What was read back does not match what we write: corruption, tampering or an incompatible version. */
export class InvalidStoredDocumentError extends Error {
  override readonly name = 'InvalidStoredDocumentError';
  readonly code = 'STORE_INVALID_DOCUMENT';

  constructor(
    readonly key: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Storage: document "${key}" is invalid: ${reason}.`, options);
  }
}
