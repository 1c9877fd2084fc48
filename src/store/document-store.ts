import type { z } from 'zod';
import { InvalidStoredDocumentError } from './errors';
import type { JsonObject, StorageWrite, Versioned, VersionedStorage } from './storage';

interface StoredDocument<T> extends Versioned<T> {
  id: string;
}

/**
 * Typed documents under one key prefix (`purchases/`, `approvals/pending/`), checked by a zod schema
 * both when written and when read back. `replace` is always conditional: it is how a purchase moves
 * from one state to the next, and the loser of a race gets `ETagConflictError`.
 */
export class DocumentStore<T extends JsonObject> {
  constructor(
    private readonly storage: VersionedStorage,
    private readonly schema: z.ZodType<T>,
    private readonly keyPrefix: string,
  ) {}

  async get(id: string): Promise<Versioned<T> | undefined> {
    const key = this.keyFor(id);
    const stored = await this.storage.get(key);
    return stored && { value: this.parse(key, stored.value), eTag: stored.eTag };
  }

  async create(id: string, value: T): Promise<Versioned<T>> {
    const valid = this.validate(value);
    return { value: valid, eTag: await this.storage.create(this.keyFor(id), valid) };
  }

  /** The write `create` (or, with `ensure`, create unless present) makes, for a `commit` with other writes. */
  writeFor(op: 'create' | 'ensure', id: string, value: T): StorageWrite & { value: T } {
    return { op, key: this.keyFor(id), value: this.validate(value) };
  }

  async replace(id: string, value: T, eTag: string): Promise<Versioned<T>> {
    if (eTag === '' || eTag === '*') throw new TypeError('replace needs the eTag the document was read with');
    const valid = this.validate(value);
    return { value: valid, eTag: await this.storage.set(this.keyFor(id), valid, eTag) };
  }

  async delete(id: string): Promise<void> {
    await this.storage.delete([this.keyFor(id)]);
  }

  /** Documents whose id starts with `idPrefix`, in id order; one deleted meanwhile is left out. */
  async list(idPrefix = ''): Promise<StoredDocument<T>[]> {
    const keys = await this.storage.list(this.keyFor(idPrefix));
    const items = await this.storage.read(keys);
    return keys.flatMap((key) => {
      const item = items[key];
      if (!item) return [];
      const { eTag, ...value } = item;
      if (eTag === undefined) throw new InvalidStoredDocumentError(key, 'it was read without an eTag');
      return [{ id: key.slice(this.keyPrefix.length), value: this.parse(key, value), eTag }];
    });
  }

  private keyFor(id: string): string {
    return this.keyPrefix + id;
  }

  private validate(value: T): T {
    if (Object.hasOwn(value, 'eTag')) throw new TypeError('a stored document may not have its own "eTag" field');
    return this.schema.parse(value);
  }

  private parse(key: string, value: JsonObject): T {
    const result = this.schema.safeParse(value);
    if (!result.success) throw new InvalidStoredDocumentError(key, result.error.message, { cause: result.error });
    return result.data;
  }
}
