import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ETagConflictError } from './errors';
import type { JsonObject, Versioned } from './storage';

/** What a write requires of the stored item; `VersionedStore` maps the eTag rules onto it. */
export type WriteCondition = { kind: 'none' } | { kind: 'ifMatch'; eTag: string } | { kind: 'ifAbsent' };

/**
 * The few primitives a backend provides. Keys arrive already validated; each backend throws
 * `ETagConflictError` when a condition fails and returns fresh copies of stored values.
 */
export interface StorageBackend {
  get(key: string): Promise<Versioned<JsonObject> | undefined>;
  put(key: string, value: JsonObject, condition: WriteCondition): Promise<string>;
  delete(key: string): Promise<void>;
  /** Keys starting with `prefix`, in any order. */
  list(prefix: string): Promise<string[]>;
  describe(): string;
}

export const jsonObjectSchema = z.record(z.string(), z.unknown());

/** For backends that keep their own eTags (memory, embedded); a fresh random one rules out ABA reuse. */
export function newETag(): string {
  return randomUUID();
}

export function assertConditionMet(key: string, condition: WriteCondition, currentETag: string | undefined): void {
  const met =
    condition.kind === 'none' ||
    (condition.kind === 'ifAbsent' ? currentETag === undefined : currentETag === condition.eTag);
  if (!met) throw new ETagConflictError(key);
}
