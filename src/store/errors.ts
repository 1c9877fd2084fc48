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

/**
 * DATA_DIR cannot be created or written: typically the app folder itself, which App Service mounts
 * read-only when it runs from a package, as does a container with a read-only root file system.
 */
export class DataDirNotWritableError extends Error {
  override readonly name = 'DataDirNotWritableError';
  readonly code = 'STORE_DATA_DIR_NOT_WRITABLE';

  constructor(directory: string, cause: NodeJS.ErrnoException) {
    super(
      `Storage: DATA_DIR ${directory} is read-only (${cause.code}). Set DATA_DIR to a writable folder ` +
        '(on App Service, under /home), or use Azure Blob storage: AZURE_STORAGE_CONTAINER with ' +
        'AZURE_STORAGE_ACCOUNT_URL (managed identity) or AZURE_STORAGE_CONNECTION_STRING.',
      { cause },
    );
  }
}
