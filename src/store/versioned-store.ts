import { z } from 'zod';
import type { BackendWrite, StorageBackend, WriteCondition } from './backend';
import { assertValidKey, assertValidPrefix } from './storage-keys';
import { mapBounded } from './map-bounded';
import type { JsonObject, StorageWrite, StoreItem, StoreItems, Versioned, VersionedStorage } from './storage';

const PARALLEL_OPERATIONS = 16;

const storeItemSchema = z.looseObject({ eTag: z.string().optional() });
const storeItemsSchema = z.record(z.string(), storeItemSchema);

/** The one place where the eTag rules of `storage.ts` are applied, whatever the backend. */
export class VersionedStore implements VersionedStorage {
  constructor(private readonly backend: StorageBackend) {}

  async read(keys: string[]): Promise<StoreItems> {
    keys.forEach(assertValidKey);
    const found = await mapBounded(keys, PARALLEL_OPERATIONS, (key) => this.backend.get(key));
    const items: StoreItems = {};
    keys.forEach((key, index) => {
      const item = found[index];
      if (item) items[key] = { ...item.value, eTag: item.eTag };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(storeItemsSchema.parse(changes));
    const outcomes = await mapBounded(entries, PARALLEL_OPERATIONS, ([key, item]) =>
      this.writeItem(key, item).then(
        () => undefined,
        (error: unknown) => ({ error }),
      ),
    );
    const failure = outcomes.find((outcome) => outcome !== undefined);
    if (failure) throw failure.error;
  }

  async delete(keys: string[]): Promise<void> {
    keys.forEach(assertValidKey);
    await mapBounded(keys, PARALLEL_OPERATIONS, (key) => this.backend.delete(key));
  }

  async get(key: string): Promise<Versioned<JsonObject> | undefined> {
    assertValidKey(key);
    return this.backend.get(key);
  }

  async set(key: string, value: JsonObject, eTag?: string, alongside: readonly StorageWrite[] = []): Promise<string> {
    return this.commitFirst([{ op: 'set', key, value, eTag }, ...alongside]);
  }

  async create(key: string, value: JsonObject, alongside: readonly StorageWrite[] = []): Promise<string> {
    return this.commitFirst([{ op: 'create', key, value }, ...alongside]);
  }

  async commit(writes: readonly StorageWrite[]): Promise<(string | undefined)[]> {
    const keys = writes.map(({ key }) => key);
    keys.forEach(assertValidKey);
    if (new Set(keys).size !== keys.length) throw new TypeError('a commit writes each key once');
    return this.backend.commit(writes.map(backendWrite));
  }

  async list(prefix: string): Promise<string[]> {
    assertValidPrefix(prefix);
    const keys = await this.backend.list(prefix);
    return keys.filter((key) => key.startsWith(prefix)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  writesStopped(): Error | undefined {
    return this.backend.writesStopped?.();
  }

  describe(): string {
    return this.backend.describe();
  }

  /** The eTag of the first write, a `set` or `create`: those always write when they do not fail. */
  private async commitFirst(writes: readonly [StorageWrite, ...StorageWrite[]]): Promise<string> {
    const [eTag] = await this.commit(writes);
    if (eTag === undefined) throw new Error(`Storage: the write of "${writes[0].key}" returned no eTag.`);
    return eTag;
  }

  private writeItem(key: string, item: StoreItem): Promise<string> {
    const { eTag, ...value } = item;
    return this.set(key, value, eTag);
  }
}

function backendWrite(write: StorageWrite): BackendWrite {
  const value = withoutETag(write.value);
  if (write.op === 'set') return { key: write.key, value, condition: conditionFor(write.eTag) };
  return { key: write.key, value, condition: { kind: write.op === 'create' ? 'ifAbsent' : 'keepIfPresent' } };
}

function conditionFor(eTag: string | undefined): WriteCondition {
  return eTag === undefined || eTag === '' || eTag === '*' ? { kind: 'none' } : { kind: 'ifMatch', eTag };
}

function withoutETag(value: JsonObject): JsonObject {
  const { eTag: _reserved, ...rest } = value;
  return rest;
}
