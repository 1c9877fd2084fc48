/**
 * The storage contract shared by every backend (memory, embedded, Azure Blob).
 *
 * `BotStorage` is structurally botbuilder's `Storage`, so one object can back ConversationState and
 * UserState. `VersionedStorage` adds what purchases need: the new eTag of a write, create-if-absent
 * and listing by key prefix.
 *
 * eTag rules, the same on every backend:
 * - a write whose eTag is absent, `''` or `'*'` is unconditional (botbuilder's BotState always sends `'*'`);
 * - any other eTag must equal the stored one, otherwise `ETagConflictError`;
 * - an eTag on a key that does not exist is a conflict too. botbuilder's MemoryStorage would create the
 *   item, but BlobsStorage (If-Match on a missing blob → 412) refuses, and so do we: the caller claims to
 *   have read a version that is gone, and writing would resurrect a deleted record;
 * - `create` succeeds only when the key does not exist.
 *
 * Stored values are JSON: every read returns a fresh copy, and a value's own `eTag` field is reserved.
 */

export type JsonObject = Record<string, unknown>;

export interface StoreItem {
  eTag?: string;
  [field: string]: unknown;
}

export type StoreItems = Record<string, StoreItem>;

interface BotStorage {
  read(keys: string[]): Promise<StoreItems>;
  /** Every item is attempted; the first failure (in key order) is thrown afterwards. */
  write(changes: StoreItems): Promise<void>;
  /** Unconditional; missing keys are ignored. */
  delete(keys: string[]): Promise<void>;
}

export interface Versioned<T> {
  value: T;
  eTag: string;
}

/**
 * One item of a `commit`: `set` follows the eTag rules of `set()`, `create` fails when the key exists,
 * `ensure` creates the key unless it exists and then leaves it as it is.
 */
export type StorageWrite =
  | { op: 'set'; key: string; value: JsonObject; eTag?: string }
  | { op: 'create' | 'ensure'; key: string; value: JsonObject };

export interface VersionedStorage extends BotStorage {
  get(key: string): Promise<Versioned<JsonObject> | undefined>;
  /**
   * Conditional unless `eTag` is absent, `''` or `'*'`. Returns the new eTag. `alongside` (an audit
   * record) is written in the same `commit`: only if this write goes ahead, in the same durable write.
   */
  set(key: string, value: JsonObject, eTag?: string, alongside?: readonly StorageWrite[]): Promise<string>;
  /** Fails with `ETagConflictError` when the key exists. Returns the new eTag. `alongside` as for `set`. */
  create(key: string, value: JsonObject, alongside?: readonly StorageWrite[]): Promise<string>;
  /**
   * Writes all items or, when a condition fails (`ETagConflictError`), none: a purchase and its audit
   * record in one durable write. Memory and embedded storage apply them at once; Azure Blob Storage
   * writes the first item, then the rest (it has no transaction across blobs). Each key at most once.
   * Returns the new eTags, `undefined` for an `ensure` that found its key.
   */
  commit(writes: readonly StorageWrite[]): Promise<(string | undefined)[]>;
  /** Keys starting with `prefix`, sorted by UTF-16 code units (plain `<`). */
  list(prefix: string): Promise<string[]>;
  /** For start-up logs: which backend and where, never a secret. */
  describe(): string;
  /** Why every write is refused until a restart, if it is: `/readyz` reports it, since reads still answer. */
  writesStopped(): Error | undefined;
}
