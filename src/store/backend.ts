import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ETagConflictError } from './errors';
import type { JsonObject, Versioned } from './storage';

/**
 * What a write requires of the stored item; `VersionedStore` maps the eTag rules onto it.
 * `keepIfPresent` creates the item unless it exists, and then leaves it as it is (no conflict).
 */
export type WriteCondition = { kind: 'none' } | { kind: 'ifMatch'; eTag: string } | { kind: 'ifAbsent' } | { kind: 'keepIfPresent' };

export interface BackendWrite {
  key: string;
  value: JsonObject;
  condition: WriteCondition;
}

/**
 * The few primitives a backend provides. Keys arrive already validated; each backend throws
 * `ETagConflictError` when a condition fails and returns fresh copies of stored values.
 */
export interface StorageBackend {
  get(key: string): Promise<Versioned<JsonObject> | undefined>;
  /**
   * Writes every item or none; the new eTag of each, `undefined` for one kept by `keepIfPresent`.
   * Memory and embedded apply them at once (embedded: one durable flush); see each backend for Blob.
   */
  commit(writes: readonly BackendWrite[]): Promise<(string | undefined)[]>;
  delete(key: string): Promise<void>;
  /** Keys starting with `prefix`, in any order. */
  list(prefix: string): Promise<string[]>;
  describe(): string;
  /** Why this backend refuses every write until a restart, if it does (the embedded store's stopped journal). */
  writesStopped?(): Error | undefined;
}

export const jsonObjectSchema = z.record(z.string(), z.unknown());

/** For backends that keep their own eTags (memory, embedded); a fresh random one rules out ABA reuse. */
export function newETag(): string {
  return randomUUID();
}

/** Whether the write goes ahead (`keepIfPresent` on an existing item does not); throws when its condition fails. */
export function shouldWrite(key: string, condition: WriteCondition, currentETag: string | undefined): boolean {
  if (condition.kind === 'keepIfPresent') return currentETag === undefined;
  const met =
    condition.kind === 'none' ||
    (condition.kind === 'ifAbsent' ? currentETag === undefined : currentETag === condition.eTag);
  if (!met) throw new ETagConflictError(key);
  return true;
}
